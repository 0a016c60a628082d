import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The two authenticated ciphers of Kefu's envelopes, by the one-byte code stored in every ciphertext (never reuse a
 * code). Node's OpenSSL offers SM4 in CTR and CBC but not GCM, so 国密 mode is SM4-CTR with HMAC-SM3 over the IV,
 * associated data and ciphertext (encrypt-then-MAC, GB/T 36624 style), with separate encryption and MAC keys derived
 * from the 32-byte data key by HMAC-SM3 (GB/T 15852.2) under fixed labels.
 */
export enum CipherAlgorithm {
  Aes256Gcm = 1,
  Sm4CtrHmacSm3 = 2,
}

export interface Sealed {
  iv: Buffer;
  body: Buffer;
  tag: Buffer;
}

export const ivLength: Record<CipherAlgorithm, number> = {
  [CipherAlgorithm.Aes256Gcm]: 12,
  [CipherAlgorithm.Sm4CtrHmacSm3]: 16,
};

export const tagLength: Record<CipherAlgorithm, number> = {
  [CipherAlgorithm.Aes256Gcm]: 16,
  [CipherAlgorithm.Sm4CtrHmacSm3]: 32,
};

export function algorithmForMode(mode: 'standard' | 'gm'): CipherAlgorithm {
  return mode === 'gm' ? CipherAlgorithm.Sm4CtrHmacSm3 : CipherAlgorithm.Aes256Gcm;
}

/** Encrypts and authenticates `plaintext` and `aad` under a 32-byte key; `iv` only for known-answer tests. */
export function seal(algorithm: CipherAlgorithm, key: Buffer, plaintext: Buffer, aad: Buffer, iv?: Buffer): Sealed {
  const nonce = iv ?? freshNonce(ivLength[algorithm]);
  switch (algorithm) {
    case CipherAlgorithm.Aes256Gcm: {
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      cipher.setAAD(aad);
      const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return { iv: nonce, body, tag: cipher.getAuthTag() };
    }
    case CipherAlgorithm.Sm4CtrHmacSm3: {
      const { encryptionKey, macKey } = sm4Keys(key);
      const cipher = createCipheriv('sm4-ctr', encryptionKey, nonce);
      const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return { iv: nonce, body, tag: sm3Mac(macKey, nonce, aad, body) };
    }
    default:
      throw new Error(`unknown cipher ${String(algorithm)}`);
  }
}

/**
 * Random IVs cut from a block of 4 KiB: a `randomBytes` call per message cost more than the AES-GCM encryption of a
 * chat message. Every byte is used once; a new block is allocated, never refilled, since earlier IVs may still be
 * views into the old one.
 */
const NONCE_BLOCK_BYTES = 4096;
let nonceBlock = Buffer.alloc(0);
let nonceOffset = 0;

function freshNonce(length: number): Buffer {
  if (nonceOffset + length > nonceBlock.length) {
    nonceBlock = randomBytes(NONCE_BLOCK_BYTES);
    nonceOffset = 0;
  }
  nonceOffset += length;
  return nonceBlock.subarray(nonceOffset - length, nonceOffset);
}

/** Checks and decrypts; throws when the tag does not match (wrong key, altered ciphertext or associated data). */
export function open(algorithm: CipherAlgorithm, key: Buffer, sealed: Sealed, aad: Buffer): Buffer {
  switch (algorithm) {
    case CipherAlgorithm.Aes256Gcm: {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv);
      decipher.setAAD(aad);
      decipher.setAuthTag(sealed.tag);
      return Buffer.concat([decipher.update(sealed.body), decipher.final()]);
    }
    case CipherAlgorithm.Sm4CtrHmacSm3: {
      const { encryptionKey, macKey } = sm4Keys(key);
      const expected = sm3Mac(macKey, sealed.iv, aad, sealed.body);
      if (expected.length !== sealed.tag.length || !timingSafeEqual(expected, sealed.tag))
        throw new Error('authentication tag mismatch');
      const decipher = createDecipheriv('sm4-ctr', encryptionKey, sealed.iv);
      return Buffer.concat([decipher.update(sealed.body), decipher.final()]);
    }
    default:
      throw new Error(`unknown cipher ${String(algorithm)}`);
  }
}

// Derived once per data key object: DataKeys hands out the same Buffer while the key is cached.
const derivedSm4Keys = new WeakMap<Buffer, { encryptionKey: Buffer; macKey: Buffer }>();

function sm4Keys(key: Buffer): { encryptionKey: Buffer; macKey: Buffer } {
  let derived = derivedSm4Keys.get(key);
  if (!derived) {
    derived = {
      encryptionKey: createHmac('sm3', key).update('kefu sm4-ctr encryption').digest().subarray(0, 16),
      macKey: createHmac('sm3', key).update('kefu hmac-sm3 authentication').digest(),
    };
    derivedSm4Keys.set(key, derived);
  }
  return derived;
}

function sm3Mac(macKey: Buffer, iv: Buffer, aad: Buffer, body: Buffer): Buffer {
  // Lengths are part of the MAC input so that no split of bytes between aad and body gives the same tag.
  const lengths = Buffer.alloc(8);
  lengths.writeUInt32BE(aad.length, 0);
  lengths.writeUInt32BE(body.length, 4);
  return createHmac('sm3', macKey).update(lengths).update(iv).update(aad).update(body).digest();
}
