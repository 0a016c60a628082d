import { createCipheriv, createHash, createHmac } from 'node:crypto';
import { CryptoSelfTestError } from './crypto-self-test.error.ts';
import { CipherAlgorithm, open, seal } from './symmetric-cipher.ts';

export interface KnownAnswerResult {
  name: string;
  ok: boolean;
}

const hex = (value: string) => Buffer.from(value, 'hex');

/**
 * Published test vectors, run at start-up (GM/T 0028 and FIPS 140 style power-on self-tests: a library that gives a
 * wrong answer must not encrypt customers' data) and in the tests:
 * - AES-256-GCM: NIST GCM specification (McGrew & Viega), test case 16;
 * - SM4: GB/T 32907-2016 appendix A, example 1;
 * - SM3: GB/T 32905-2016 appendix A, example 1 ("abc");
 * - HMAC-SHA256: RFC 4231 test case 2;
 * - HMAC-SM3: no standard vector is published, so it is checked against RFC 2104's construction over SM3;
 * - both envelope ciphers round-trip and refuse a changed byte.
 */
export function runKnownAnswerTests(): KnownAnswerResult[] {
  return [
    { name: 'AES-256-GCM (NIST GCM test case 16)', ok: aesGcmVector() },
    { name: 'SM4 (GB/T 32907-2016 example 1)', ok: sm4Vector() },
    { name: 'SM3 (GB/T 32905-2016 example 1)', ok: sm3Vector() },
    { name: 'HMAC-SHA256 (RFC 4231 case 2)', ok: hmacSha256Vector() },
    { name: 'HMAC-SM3 (RFC 2104 construction)', ok: hmacSm3Construction() },
    { name: 'envelope ciphers round-trip and detect tampering', ok: roundTrips() },
  ];
}

/** Throws CryptoSelfTestError naming every failed test; returns how many passed. */
export function assertKnownAnswers(results: KnownAnswerResult[] = runKnownAnswerTests()): number {
  const failed = results.filter((result) => !result.ok).map((result) => result.name);
  if (failed.length > 0) throw new CryptoSelfTestError(failed);
  return results.length;
}

function aesGcmVector(): boolean {
  const sealed = seal(
    CipherAlgorithm.Aes256Gcm,
    hex('feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308'),
    hex(
      'd9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39',
    ),
    hex('feedfacedeadbeeffeedfacedeadbeefabaddad2'),
    hex('cafebabefacedbaddecaf888'),
  );
  return (
    sealed.body.toString('hex') ===
      '522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662' &&
    sealed.tag.toString('hex') === '76fc6ece0f4e1768cddf8853bb2d551b'
  );
}

function sm4Vector(): boolean {
  const block = hex('0123456789abcdeffedcba9876543210');
  const cipher = createCipheriv('sm4-ecb', block, null).setAutoPadding(false);
  return Buffer.concat([cipher.update(block), cipher.final()]).toString('hex') === '681edf34d206965e86b3e94f536e4246';
}

function sm3Vector(): boolean {
  return (
    createHash('sm3').update('abc').digest('hex') === '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0'
  );
}

function hmacSha256Vector(): boolean {
  return (
    createHmac('sha256', 'Jefe').update('what do ya want for nothing?').digest('hex') ===
    '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'
  );
}

function hmacSm3Construction(): boolean {
  const key = Buffer.alloc(64);
  Buffer.from('kefu known-answer key').copy(key);
  const message = Buffer.from('abc');
  const inner = createHash('sm3')
    .update(key.map((b) => b ^ 0x36))
    .update(message)
    .digest();
  const outer = createHash('sm3')
    .update(key.map((b) => b ^ 0x5c))
    .update(inner)
    .digest();
  return createHmac('sm3', Buffer.from('kefu known-answer key')).update(message).digest().equals(outer);
}

function roundTrips(): boolean {
  const key = Buffer.alloc(32, 7);
  const aad = Buffer.from('kat');
  const plaintext = Buffer.from('身份证 11010519491231002X');
  for (const algorithm of [CipherAlgorithm.Aes256Gcm, CipherAlgorithm.Sm4CtrHmacSm3]) {
    const sealed = seal(algorithm, key, plaintext, aad);
    if (!open(algorithm, key, sealed, aad).equals(plaintext)) return false;
    const altered = { ...sealed, body: Buffer.from(sealed.body) };
    altered.body[0] = (altered.body[0] as number) ^ 1;
    try {
      open(algorithm, key, altered, aad);
      return false;
    } catch {
      // expected: a changed byte must be refused
    }
  }
  return true;
}
