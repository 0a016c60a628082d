import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Injectable } from '@nestjs/common';
import smCrypto from 'sm-crypto';
import { KefuConfig } from '../../common/config/kefu-config.ts';
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

/**
 * The one door to the audit trail's key material, so the crypto module (a later issue: HSM, rotation) can replace
 * it. Keys live in files under KEFU_AUDIT_KEY_DIR (0700 folder, 0600 files), never in the database: whoever can
 * rewrite the audit tables must not also hold the key that makes a rewrite verify. Created at first start.
 *
 * - chain key: 32 random bytes, the HMAC key of row hashes (SHA-256, or SM3 in 国密 mode);
 * - pseudonym key: 32 random bytes, the HMAC key that turns personal data in details into linkable tokens;
 * - signing key: Ed25519 (or SM2 in 国密 mode) for checkpoints and exports; its public half is given to auditors.
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

  /** True when `keyId` is this keyring's signing key and the signature is good. */
  verify(algorithm: string, keyId: string, statement: string, signature: string): boolean {
    const { signing, keyId: own } = this.load();
    if (keyId !== own || algorithm !== signing.algorithm) return false;
    return verifyStatement(algorithm, signing.publicKeyPem, statement, signature);
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
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const chainKey = Buffer.from(this.secretFile(CHAIN_KEY_FILE, () => randomBytes(32).toString('hex')).trim(), 'hex');
    const pseudonymKey = Buffer.from(
      this.secretFile(PSEUDONYM_KEY_FILE, () => randomBytes(32).toString('hex')).trim(),
      'hex',
    );
    const signing = this.signatureAlgorithm === 'ed25519' ? this.ed25519() : this.sm2();
    if (chainKey.length !== 32 || pseudonymKey.length !== 32) throw new Error(`audit keys in ${dir} are malformed`);
    this.material = {
      chainKey,
      chainSecret: createSecretKey(chainKey),
      pseudonymSecret: createSecretKey(pseudonymKey),
      signing,
      keyId: publicKeyId(signing.publicKeyPem),
    };
    return this.material;
  }

  private ed25519(): SigningKey {
    const pem = this.secretFile(ED25519_KEY_FILE, () =>
      generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    );
    const privateKey = createPrivateKey(pem);
    const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
    return { algorithm: 'ed25519', privateKey, publicKeyPem };
  }

  private sm2(): SigningKey {
    const stored = JSON.parse(
      this.secretFile(SM2_KEY_FILE, () => JSON.stringify(smCrypto.sm2.generateKeyPairHex())),
    ) as { privateKey: string; publicKey: string };
    return { algorithm: 'sm2-sm3', privateKey: stored.privateKey, publicKeyPem: sm2PublicKeyPem(stored.publicKey) };
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
