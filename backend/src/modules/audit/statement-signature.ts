import { createHash, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import smCrypto from 'sm-crypto';

/**
 * Signatures over checkpoint statements and exports. Ed25519 comes from node:crypto. SM2 comes from `sm-crypto`,
 * because Node's own SM2-curve keys sign plain ECDSA, not GB/T 32918 SM2 (no Z value): sm-crypto signs with SM3 and
 * the GM/T 0009 default identity `1234567812345678`, DER-encoded, which `openssl dgst -sm3 -sigopt
 * distid:1234567812345678` verifies, and the other way round (audit-keyring.spec.ts, where openssl is installed).
 */
export type SignatureAlgorithm = 'ed25519' | 'sm2-sm3';

export const SM2_DEFAULT_ID = '1234567812345678';

/** SubjectPublicKeyInfo prefix for an uncompressed point on the SM2 curve (id-ecPublicKey, 1.2.156.10197.1.301). */
const SM2_SPKI_PREFIX = Buffer.from('3059301306072a8648ce3d020106082a811ccf5501822d034200', 'hex');

export interface SigningKey {
  algorithm: SignatureAlgorithm;
  /** Ed25519: a private KeyObject; SM2: the private scalar in hex. */
  privateKey: KeyObject | string;
  /** SPKI PEM, shareable with auditors and openssl. */
  publicKeyPem: string;
}

export function sm2PublicKeyPem(publicKeyHex: string): string {
  const der = Buffer.concat([SM2_SPKI_PREFIX, Buffer.from(publicKeyHex, 'hex')]);
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----\n`;
}

function sm2PublicKeyHex(pem: string): string {
  const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
  if (der.length !== SM2_SPKI_PREFIX.length + 65 || !der.subarray(0, SM2_SPKI_PREFIX.length).equals(SM2_SPKI_PREFIX))
    throw new Error('not an SM2 public key');
  return der.subarray(SM2_SPKI_PREFIX.length).toString('hex');
}

/** Short, stable name of a public key: the first 16 hex digits of SHA-256 over its PEM with whitespace removed. */
export function publicKeyId(publicKeyPem: string): string {
  return createHash('sha256').update(publicKeyPem.replace(/\s/g, '')).digest('hex').slice(0, 16);
}

export function signStatement(key: SigningKey, statement: string): string {
  if (key.algorithm === 'ed25519')
    return sign(null, Buffer.from(statement), key.privateKey as KeyObject).toString('base64');
  const publicKey = sm2PublicKeyHex(key.publicKeyPem);
  const hex = smCrypto.sm2.doSignature(statement, key.privateKey as string, {
    hash: true,
    der: true,
    publicKey,
    userId: SM2_DEFAULT_ID,
  });
  return Buffer.from(hex, 'hex').toString('base64');
}

export function verifyStatement(
  algorithm: string,
  publicKeyPem: string,
  statement: string,
  signature: string,
): boolean {
  try {
    if (algorithm === 'ed25519')
      return verify(null, Buffer.from(statement), createPublicKey(publicKeyPem), Buffer.from(signature, 'base64'));
    if (algorithm === 'sm2-sm3')
      return smCrypto.sm2.doVerifySignature(
        statement,
        Buffer.from(signature, 'base64').toString('hex'),
        sm2PublicKeyHex(publicKeyPem),
        { hash: true, der: true, userId: SM2_DEFAULT_ID },
      );
    return false;
  } catch {
    return false;
  }
}
