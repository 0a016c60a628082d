import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Injectable } from '@nestjs/common';
import smCrypto from 'sm-crypto';
import { KefuConfig } from '../../common/config/kefu-config.ts';
import { makePrivateDirectorySync } from '../../common/fs/private-directory.ts';
import type { ChainAlgorithm } from './audit-canonical-form.ts';
import {
  publicKeyId,
  type SignatureAlgorithm,
  type SigningKey,
  signStatement,
  sm2PublicKeyPem,
  verifyStatement,
} from './statement-signature.ts';

const CHAIN_KEY_FILE = 'audit-chain.key';
const PSEUDONYM_KEY_FILE = 'audit-pseudonym.key';
const ED25519_KEY_FILE = 'audit-signing-ed25519.pem';
const SM2_KEY_FILE = 'audit-signing-sm2.json';
/** Public halves of signing keys retired by rotation, as `<key id>.<algorithm>.pem`; their private halves are gone. */
const RETIRED_DIR = 'retired-signing-keys';

interface RetiredKey {
  algorithm: string;
  publicKeyPem: string;
}

/**
 * The one door to the audit trail's key material, so the crypto module (a later issue: HSM) can replace it. Keys live in files under KEFU_AUDIT_KEY_DIR (0700 folder, 0600 files), never in the database: whoever can
 * rewrite the audit tables must not also hold the key that makes a rewrite verify. Created at first start.
 *
 * - chain key: 32 random bytes, the HMAC key of row hashes (SHA-256, or SM3 in 国密 mode);
 * - pseudonym key: 32 random bytes, the HMAC key that turns personal data in details into linkable tokens;
 * - signing key: Ed25519 (or SM2 in 国密 mode) for checkpoints and exports; its public half is given to auditors.
 *   Rotated by `kefu audit rotate-signing-key`; retired public halves stay in the folder so old signatures verify.
 */
@Injectable()
export class AuditKeyring {
  readonly chainAlgorithm: ChainAlgorithm;
  readonly signatureAlgorithm: SignatureAlgorithm;
  private material?: {
    chainKey: Buffer;
    /** The same keys imported once: HMAC with a raw Buffer key imports it again on every call, on every event. */
    chainSecret: KeyObject;
    pseudonymSecret: KeyObject;
    signing: SigningKey;
    keyId: string;
    retired: Map<string, RetiredKey>;
  };

  constructor(private readonly config: KefuConfig) {
    const gm = config.crypto.mode === 'gm';
    this.chainAlgorithm = gm ? 'hmac-sm3' : 'hmac-sha256';
    this.signatureAlgorithm = gm ? 'sm2-sm3' : 'ed25519';
  }

  get directory(): string {
    return resolve(this.config.audit.keyDir);
  }

  chainKey(): Buffer {
    return this.load().chainKey;
  }

  /** The chain key for HMACs made in this process (intake MACs, row hashes at sealing). */
  chainSecret(): KeyObject {
    return this.load().chainSecret;
  }

  /** Key id of the current signing key (checkpoints and exports name it). */
  signingKeyId(): string {
    return this.load().keyId;
  }

  publicKeyPem(): string {
    return this.load().signing.publicKeyPem;
  }

  sign(statement: string): string {
    return signStatement(this.load().signing, statement);
  }

  /**
   * True when `keyId` is this keyring's signing key or one it retired, and the signature is good. A key id it does not
   * know makes it read the key folder again first: another replica or `kefu audit rotate-signing-key` may have rotated.
   */
  verify(algorithm: string, keyId: string, statement: string, signature: string): boolean {
    let key = this.publicKey(keyId);
    if (!key) {
      this.material = undefined;
      key = this.publicKey(keyId);
    }
    if (!key || key.algorithm !== algorithm) return false;
    return verifyStatement(algorithm, key.publicKeyPem, statement, signature);
  }

  /**
   * Replaces the signing key: the current public half is kept under retired-signing-keys/ (so everything it signed
   * still verifies), a new key pair is written in its place (a rename, so a reader never sees half a file), and the old
   * private half is gone — whoever takes the folder later cannot sign as the old key. Answers both key ids.
   */
  rotateSigningKey(): { retired: string; current: string } {
    const { signing, keyId } = this.load();
    const retiredDir = join(this.directory, RETIRED_DIR);
    makePrivateDirectorySync(retiredDir);
    writeFileSync(join(retiredDir, `${keyId}.${signing.algorithm}.pem`), signing.publicKeyPem, { mode: 0o644 });
    const file = join(this.directory, this.signingKeyFile());
    writeFileSync(`${file}.new`, this.newSigningKey(), { mode: 0o600 });
    renameSync(`${file}.new`, file);
    this.material = undefined;
    return { retired: keyId, current: this.signingKeyId() };
  }

  private publicKey(keyId: string): RetiredKey | undefined {
    const { signing, keyId: own, retired } = this.load();
    return keyId === own ? signing : retired.get(keyId);
  }

  /** A linkable, unreadable stand-in for a personal value: equal inputs give equal tokens under one key. */
  pseudonymize(value: string): string {
    const digest = this.chainAlgorithm === 'hmac-sm3' ? 'sm3' : 'sha256';
    const mac = createHmac(digest, this.load().pseudonymSecret).update(value.normalize('NFC')).digest('hex');
    return `${this.chainAlgorithm}:${mac.slice(0, 32)}`;
  }

  /** Reads the keys, creating any that are missing; called at start so a bad key folder stops the app early. */
  load(): NonNullable<AuditKeyring['material']> {
    if (this.material) return this.material;
    const dir = this.directory;
    makePrivateDirectorySync(dir);
    const chainKey = Buffer.from(this.secretFile(CHAIN_KEY_FILE, () => randomBytes(32).toString('hex')).trim(), 'hex');
    const pseudonymKey = Buffer.from(
      this.secretFile(PSEUDONYM_KEY_FILE, () => randomBytes(32).toString('hex')).trim(),
      'hex',
    );
    const signing = this.signingKey(this.secretFile(this.signingKeyFile(), () => this.newSigningKey()));
    if (chainKey.length !== 32 || pseudonymKey.length !== 32) throw new Error(`audit keys in ${dir} are malformed`);
    this.material = {
      chainKey,
      chainSecret: createSecretKey(chainKey),
      pseudonymSecret: createSecretKey(pseudonymKey),
      signing,
      keyId: publicKeyId(signing.publicKeyPem),
      retired: this.retiredKeys(),
    };
    return this.material;
  }

  private signingKeyFile(): string {
    return this.signatureAlgorithm === 'ed25519' ? ED25519_KEY_FILE : SM2_KEY_FILE;
  }

  /** The content of a new signing key file: PKCS#8 PEM for Ed25519, sm-crypto's hex pair for SM2. */
  private newSigningKey(): string {
    return this.signatureAlgorithm === 'ed25519'
      ? generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
      : JSON.stringify(smCrypto.sm2.generateKeyPairHex());
  }

  private signingKey(content: string): SigningKey {
    if (this.signatureAlgorithm === 'ed25519') {
      const privateKey = createPrivateKey(content);
      const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
      return { algorithm: 'ed25519', privateKey, publicKeyPem };
    }
    const stored = JSON.parse(content) as { privateKey: string; publicKey: string };
    return { algorithm: 'sm2-sm3', privateKey: stored.privateKey, publicKeyPem: sm2PublicKeyPem(stored.publicKey) };
  }

  private retiredKeys(): Map<string, RetiredKey> {
    const dir = join(this.directory, RETIRED_DIR);
    const keys = new Map<string, RetiredKey>();
    if (!existsSync(dir)) return keys;
    for (const name of readdirSync(dir)) {
      const [keyId, algorithm, extension] = name.split('.');
      if (!keyId || !algorithm || extension !== 'pem') continue;
      const publicKeyPem = readFileSync(join(dir, name), 'utf8');
      // The file name is not trusted: a key is filed under the id of its own content.
      if (publicKeyId(publicKeyPem) === keyId) keys.set(keyId, { algorithm, publicKeyPem });
    }
    return keys;
  }

  private secretFile(name: string, create: () => string): string {
    const path = join(this.directory, name);
    if (!existsSync(path)) {
      // `wx`: two replicas starting at once on a shared folder must not overwrite each other's fresh key.
      try {
        writeFileSync(path, create(), { mode: 0o600, flag: 'wx' });
        // Only a file created here is tightened: an existing one may sit on a read-only Secret mount.
        chmodSync(path, 0o600);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    return readFileSync(path, 'utf8');
  }
}
