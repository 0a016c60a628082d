import { randomBytes } from 'node:crypto';
import type * as Pkcs11 from 'pkcs11js';
import type { KekProvider } from './kek-provider.ts';

export interface Pkcs11Settings {
  library: string;
  tokenLabel: string;
  pin: string;
  keyLabel: string;
}

/** What the token says about a KEK object: the test and `kefu keys status` show it is not extractable. */
export interface KekObjectProperties {
  extractable: boolean;
  sensitive: boolean;
  /** Whether reading CKA_VALUE succeeded (it must not). */
  valueReadable: boolean;
}

const IV_BYTES = 12;
const TAG_BITS = 128;

/**
 * The KEK in a hardware security module (how banks reach their HSMs): each version is an AES-256 secret key
 * generated inside the token (CKA_TOKEN, CKA_SENSITIVE, CKA_EXTRACTABLE=false), labelled `<keyLabel>-v<N>`. Data keys
 * are wrapped and unwrapped by the token with CKM_AES_GCM (C_Encrypt/C_Decrypt over the 32 key bytes, with the data
 * key's identity as associated data); the KEK never leaves it. pkcs11js is loaded only when this provider is chosen,
 * so installations without an HSM never load the native module. Calls are synchronous in one logged-in session:
 * they run only when a data key is created or its cache entry expires.
 */
export class Pkcs11KekProvider implements KekProvider {
  readonly kind = 'pkcs11';
  readonly kekId: string;
  private module?: typeof Pkcs11;
  private pkcs11?: Pkcs11.PKCS11;
  private session?: Pkcs11.Handle;

  constructor(private readonly settings: Pkcs11Settings) {
    this.kekId = `pkcs11:${settings.tokenLabel}/${settings.keyLabel}`;
  }

  async createVersion(version: number): Promise<void> {
    const { pkcs11, session, module } = await this.open();
    if (this.find(version)) return;
    pkcs11.C_GenerateKey(session, { mechanism: module.CKM_AES_KEY_GEN }, [
      { type: module.CKA_CLASS, value: module.CKO_SECRET_KEY },
      { type: module.CKA_KEY_TYPE, value: module.CKK_AES },
      { type: module.CKA_VALUE_LEN, value: 32 },
      { type: module.CKA_LABEL, value: this.label(version) },
      { type: module.CKA_TOKEN, value: true },
      { type: module.CKA_PRIVATE, value: true },
      { type: module.CKA_SENSITIVE, value: true },
      { type: module.CKA_EXTRACTABLE, value: false },
      { type: module.CKA_ENCRYPT, value: true },
      { type: module.CKA_DECRYPT, value: true },
      { type: module.CKA_WRAP, value: true },
      { type: module.CKA_UNWRAP, value: true },
    ]);
  }

  async wrap(version: number, dataKey: Buffer, aad: Buffer): Promise<Buffer> {
    const { pkcs11, session } = await this.open();
    const iv = randomBytes(IV_BYTES);
    pkcs11.C_EncryptInit(session, this.gcm(iv, aad), this.required(version));
    const out = pkcs11.C_Encrypt(session, dataKey, Buffer.alloc(dataKey.length + TAG_BITS / 8));
    return Buffer.concat([iv, out]);
  }

  async unwrap(version: number, wrapped: Buffer, aad: Buffer): Promise<Buffer> {
    const { pkcs11, session } = await this.open();
    pkcs11.C_DecryptInit(session, this.gcm(wrapped.subarray(0, IV_BYTES), aad), this.required(version));
    return Buffer.from(pkcs11.C_Decrypt(session, wrapped.subarray(IV_BYTES), Buffer.alloc(wrapped.length)));
  }

  async destroyVersion(version: number): Promise<void> {
    const { pkcs11, session } = await this.open();
    const handle = this.find(version);
    if (handle) pkcs11.C_DestroyObject(session, handle);
  }

  /** The token's own answer about a KEK version's exportability. */
  async properties(version: number): Promise<KekObjectProperties> {
    const { pkcs11, session, module } = await this.open();
    const handle = this.required(version);
    const [extractable, sensitive] = pkcs11.C_GetAttributeValue(session, handle, [
      { type: module.CKA_EXTRACTABLE },
      { type: module.CKA_SENSITIVE },
    ]);
    let valueReadable = true;
    try {
      const [value] = pkcs11.C_GetAttributeValue(session, handle, [{ type: module.CKA_VALUE }]);
      valueReadable = Buffer.isBuffer(value?.value) && value.value.length > 0;
    } catch {
      valueReadable = false;
    }
    return {
      extractable: asBoolean(extractable?.value),
      sensitive: asBoolean(sensitive?.value),
      valueReadable,
    };
  }

  async close(): Promise<void> {
    if (!this.pkcs11) return;
    try {
      if (this.session !== undefined) {
        this.pkcs11.C_Logout(this.session);
        this.pkcs11.C_CloseSession(this.session);
      }
    } finally {
      this.pkcs11.C_Finalize();
      this.pkcs11 = undefined;
      this.session = undefined;
    }
  }

  private async open(): Promise<{ pkcs11: Pkcs11.PKCS11; session: Pkcs11.Handle; module: typeof Pkcs11 }> {
    if (!this.module) this.module = ((await import('pkcs11js')) as { default: typeof Pkcs11 }).default;
    const module = this.module;
    if (!this.pkcs11 || this.session === undefined) {
      const pkcs11 = new module.PKCS11();
      pkcs11.load(this.settings.library);
      pkcs11.C_Initialize();
      try {
        const slot = pkcs11
          .C_GetSlotList(true)
          .find((candidate) => pkcs11.C_GetTokenInfo(candidate).label.trim() === this.settings.tokenLabel);
        if (slot === undefined) throw new Error(`no PKCS#11 token labelled ${this.settings.tokenLabel}`);
        const session = pkcs11.C_OpenSession(slot, module.CKF_SERIAL_SESSION | module.CKF_RW_SESSION);
        pkcs11.C_Login(session, module.CKU_USER, this.settings.pin);
        this.pkcs11 = pkcs11;
        this.session = session;
      } catch (error) {
        pkcs11.C_Finalize();
        throw error;
      }
    }
    return { pkcs11: this.pkcs11, session: this.session, module };
  }

  private gcm(iv: Buffer, aad: Buffer): Pkcs11.Mechanism {
    const module = this.module as typeof Pkcs11;
    const parameter: Pkcs11.GcmParams = {
      type: module.CK_PARAMS_AES_GCM,
      iv,
      ivBits: IV_BYTES * 8,
      aad,
      tagBits: TAG_BITS,
    };
    return { mechanism: module.CKM_AES_GCM, parameter };
  }

  private find(version: number): Pkcs11.Handle | undefined {
    const pkcs11 = this.pkcs11 as Pkcs11.PKCS11;
    const module = this.module as typeof Pkcs11;
    const session = this.session as Pkcs11.Handle;
    pkcs11.C_FindObjectsInit(session, [
      { type: module.CKA_CLASS, value: module.CKO_SECRET_KEY },
      { type: module.CKA_LABEL, value: this.label(version) },
    ]);
    try {
      return pkcs11.C_FindObjects(session) ?? undefined;
    } finally {
      pkcs11.C_FindObjectsFinal(session);
    }
  }

  private required(version: number): Pkcs11.Handle {
    const handle = this.find(version);
    if (!handle)
      throw new Error(`key-encryption key ${this.label(version)} is not in token ${this.settings.tokenLabel}`);
    return handle;
  }

  private label(version: number): string {
    return `${this.settings.keyLabel}-v${version}`;
  }
}

function asBoolean(value: unknown): boolean {
  if (Buffer.isBuffer(value)) return value.length > 0 && value[0] !== 0;
  return value === true;
}
