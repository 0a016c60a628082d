import { Injectable } from '@nestjs/common';
import { KefuConfig } from '../../common/config/kefu-config.ts';
import { CiphertextRejectedError } from './ciphertext-rejected.error.ts';
import { DataKeys, STATIC_PERIOD } from './data-keys.service.ts';
import { decodeEnvelope, encodeEnvelope } from './envelope-format.ts';
import { algorithmForMode, type CipherAlgorithm, open, seal } from './symmetric-cipher.ts';

export interface EncryptionScope {
  /** Which data key: `transcripts`, `customer:<id>`, ... */
  purpose: string;
  /** `YYYY-MM` for data retained by age; omitted for keys that do not change with time. */
  period?: string;
  /**
   * Where the value lives, e.g. `customer_profiles.phone:<row id>`; authenticated with the ciphertext, so a value
   * copied into another row or column does not decrypt.
   */
  context: string;
}

/**
 * Encrypts and decrypts column values. Repositories call it explicitly rather than through a TypeORM column
 * transformer: transformers are synchronous, while getting a data key may need the database and the KEK provider
 * (an HSM) — both asynchronous. Keeping it explicit also keeps the context (table, column, row id) in view.
 */
@Injectable()
export class FieldCipher {
  private readonly algorithm: CipherAlgorithm;

  constructor(
    private readonly keys: DataKeys,
    config: KefuConfig,
  ) {
    this.algorithm = algorithmForMode(config.crypto.mode);
  }

  /**
   * Makes sure the key of a scope is at hand, so a later `encrypt` needs no lookup: created (and audited) if missing,
   * or with `existingOnly` just loaded when it exists.
   */
  async prepare(scope: Omit<EncryptionScope, 'context'>, { existingOnly = false } = {}): Promise<void> {
    const period = scope.period ?? STATIC_PERIOD;
    if (existingOnly) await this.keys.warm(scope.purpose, period);
    else await this.keys.forPurpose(scope.purpose, period);
  }

  async encrypt(plaintext: string | Buffer, scope: EncryptionScope): Promise<Buffer> {
    const { id, key } = await this.keys.forPurpose(scope.purpose, scope.period ?? STATIC_PERIOD);
    const data = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
    return encodeEnvelope(this.algorithm, id, seal(this.algorithm, key, data, Buffer.from(scope.context)));
  }

  /** Decrypts with whichever cipher and key the envelope names (so a change of mode keeps old data readable). */
  async decrypt(ciphertext: Buffer, context: string): Promise<Buffer> {
    const envelope = decodeEnvelope(ciphertext);
    if (!envelope) throw new CiphertextRejectedError('not a Kefu envelope');
    const key = await this.keys.byId(envelope.keyId);
    try {
      return open(envelope.algorithm, key, envelope.sealed, Buffer.from(context));
    } catch {
      throw new CiphertextRejectedError('authentication failed (altered, or read in the wrong context)');
    }
  }

  async decryptText(ciphertext: Buffer, context: string): Promise<string> {
    return (await this.decrypt(ciphertext, context)).toString('utf8');
  }

  /** The data key id a ciphertext names. */
  keyIdOf(ciphertext: Buffer): string | undefined {
    return decodeEnvelope(ciphertext)?.keyId;
  }
}
