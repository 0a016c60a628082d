import { CryptoSelfTestError } from './crypto-self-test.error.ts';
import { decodeEnvelope, encodeEnvelope } from './envelope-format.ts';
import { assertKnownAnswers, runKnownAnswerTests } from './known-answer-tests.ts';
import { CipherAlgorithm, open, seal } from './symmetric-cipher.ts';

describe('the ciphers', () => {
  it('give the published answers to every known-answer test', () => {
    const results = runKnownAnswerTests();
    expect(results.length).toBeGreaterThanOrEqual(6);
    for (const result of results) expect(result).toEqual({ name: result.name, ok: true });
  });

  it('stops start-up when a vector fails, naming it', () => {
    const results = [
      { name: 'AES-256-GCM (NIST GCM test case 16)', ok: true },
      { name: 'SM4 (GB/T 32907-2016 example 1)', ok: false },
    ];
    expect(() => assertKnownAnswers(results)).toThrow(CryptoSelfTestError);
    expect(() => assertKnownAnswers(results)).toThrow(
      'cryptographic self-test failed: SM4 (GB/T 32907-2016 example 1)',
    );
    expect(assertKnownAnswers()).toBeGreaterThanOrEqual(6);
  });

  it.each([CipherAlgorithm.Aes256Gcm, CipherAlgorithm.Sm4CtrHmacSm3])(
    'give cipher %s a fresh IV per message, which later messages do not change',
    (algorithm) => {
      const key = Buffer.alloc(32, 5);
      const sealed = Array.from({ length: 1000 }, () => seal(algorithm, key, Buffer.from('hi'), Buffer.alloc(0)));
      const copies = sealed.map(({ iv }) => Buffer.from(iv).toString('hex'));
      expect(new Set(copies).size).toBe(1000);
      for (const message of Array.from({ length: 1000 }, () => seal(algorithm, key, Buffer.from('x'), Buffer.alloc(0))))
        expect(copies).not.toContain(message.iv.toString('hex'));
      expect(sealed.map(({ iv }) => iv.toString('hex'))).toEqual(copies);
      expect(open(algorithm, key, sealed[999], Buffer.alloc(0)).toString()).toBe('hi');
    },
  );

  it.each([CipherAlgorithm.Aes256Gcm, CipherAlgorithm.Sm4CtrHmacSm3])(
    'carry cipher %s and the key id in a versioned envelope, bound to its context',
    (algorithm) => {
      const key = Buffer.alloc(32, 3);
      const keyId = '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
      const envelope = encodeEnvelope(
        algorithm,
        keyId,
        seal(algorithm, key, Buffer.from('13812345678'), Buffer.from('ctx')),
      );
      const decoded = decodeEnvelope(envelope);
      expect(decoded).toMatchObject({ version: 1, algorithm, keyId });
      expect(envelope.includes(Buffer.from('13812345678'))).toBe(false);
      const sealed = decoded?.sealed as NonNullable<typeof decoded>['sealed'];
      expect(open(algorithm, key, sealed, Buffer.from('ctx')).toString()).toBe('13812345678');
      expect(() => open(algorithm, key, sealed, Buffer.from('other row'))).toThrow();
      expect(decodeEnvelope(Buffer.from('plain text, not an envelope'))).toBeUndefined();
    },
  );
});
