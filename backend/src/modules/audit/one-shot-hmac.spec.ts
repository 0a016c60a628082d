import { createHmac, randomBytes } from 'node:crypto';
import { OneShotHmac } from './one-shot-hmac.ts';

describe('HMAC by one-shot hashing', () => {
  // RFC 4231, test cases 1, 2 and 6 (the last with a key longer than a block, which is hashed first).
  it.each([
    ['0b'.repeat(20), Buffer.from('Hi There'), 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7'],
    [
      Buffer.from('Jefe').toString('hex'),
      Buffer.from('what do ya want for nothing?'),
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    ],
    [
      'aa'.repeat(131),
      Buffer.from('Test Using Larger Than Block-Size Key - Hash Key First'),
      '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
    ],
  ])('matches RFC 4231 for key %s', (key, message, expected) => {
    expect(new OneShotHmac('sha256', Buffer.from(key, 'hex')).start().append(message).hex()).toBe(expected);
  });

  it.each(['sha256', 'sm3'])('equals createHmac with %s on random keys and messages, appended in parts', (digest) => {
    for (let run = 0; run < 500; run += 1) {
      const key = randomBytes(1 + (run % 100));
      const parts = Array.from({ length: 1 + (run % 4) }, (_, i) => randomBytes(2 + ((run * 37 + i * 500) % 3_000)));
      const mac = new OneShotHmac(digest, key);
      // The same instance twice: `start()` must forget the previous message.
      mac.start().append(randomBytes(50)).hex();
      mac.start();
      for (const part of parts) mac.append(part, 1, part.length - 1);
      const reference = createHmac(digest, key);
      for (const part of parts) reference.update(part.subarray(1, part.length - 1));
      expect(mac.hex()).toBe(reference.digest('hex'));
    }
  });

  it('refuses a digest whose block size it does not know', () => {
    expect(() => new OneShotHmac('sha512', randomBytes(32))).toThrow('no block size known for sha512');
  });
});
