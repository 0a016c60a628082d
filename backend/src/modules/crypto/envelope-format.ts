import { CipherAlgorithm, ivLength, type Sealed, tagLength } from './symmetric-cipher.ts';

/**
 * The bytes of every ciphertext Kefu stores (a `bytea` column):
 *
 *   0      'K' (0x4b) — marks a Kefu envelope
 *   1      format version (1)
 *   2      cipher code (CipherAlgorithm)
 *   3-18   data key id (UUID, 16 bytes) — names the key, and through it the purpose, period and KEK version
 *   19-    IV (12 bytes for AES-GCM, 16 for SM4-CTR), ciphertext, tag (16 bytes GCM, 32 bytes HMAC-SM3)
 *
 * A data key's material never changes (rotation re-wraps it, never replaces it), so the id pins the key.
 */
export const ENVELOPE_MAGIC = 0x4b;
export const ENVELOPE_VERSION = 1;
const HEADER = 19;

export interface Envelope {
  version: number;
  algorithm: CipherAlgorithm;
  keyId: string;
  sealed: Sealed;
}

export function encodeEnvelope(algorithm: CipherAlgorithm, keyId: string, sealed: Sealed): Buffer {
  const header = Buffer.alloc(HEADER);
  header[0] = ENVELOPE_MAGIC;
  header[1] = ENVELOPE_VERSION;
  header[2] = algorithm;
  Buffer.from(keyId.replaceAll('-', ''), 'hex').copy(header, 3);
  return Buffer.concat([header, sealed.iv, sealed.body, sealed.tag]);
}

/** Parses an envelope; undefined when the bytes are not one this version understands. */
export function decodeEnvelope(bytes: Buffer): Envelope | undefined {
  if (bytes.length < HEADER || bytes[0] !== ENVELOPE_MAGIC || bytes[1] !== ENVELOPE_VERSION) return undefined;
  const algorithm = bytes[2] as CipherAlgorithm;
  if (!(algorithm in ivLength)) return undefined;
  const iv = ivLength[algorithm];
  const tag = tagLength[algorithm];
  if (bytes.length < HEADER + iv + tag) return undefined;
  const hex = bytes.subarray(3, HEADER).toString('hex');
  const keyId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return {
    version: ENVELOPE_VERSION,
    algorithm,
    keyId,
    sealed: {
      iv: bytes.subarray(HEADER, HEADER + iv),
      body: bytes.subarray(HEADER + iv, bytes.length - tag),
      tag: bytes.subarray(bytes.length - tag),
    },
  };
}
