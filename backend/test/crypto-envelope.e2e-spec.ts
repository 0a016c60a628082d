import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { systemActor } from '../src/modules/audit/index.ts';
import { CipherAlgorithm, CiphertextRejectedError, KeyDestroyedError } from '../src/modules/crypto/index.ts';
import { type CryptoDatabase, cryptoDatabase } from './fixtures/crypto-database.ts';

describe('envelope encryption on a real database', () => {
  let db: CryptoDatabase;

  beforeAll(async () => {
    db = await cryptoDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it('creates the file KEK at first use with mode 0600 and stores data keys only wrapped, per purpose and period', async () => {
    const { keys } = db.crypto();
    const november = await keys.forPurpose('transcripts', '2026-11');
    const december = await keys.forPurpose('transcripts', '2026-12');
    expect(november.id).not.toBe(december.id);
    expect((await keys.forPurpose('transcripts', '2026-11')).id).toBe(november.id);
    expect((await stat(join(db.folder, 'crypto-keys', 'kek-v1.key'))).mode & 0o777).toBe(0o600);
    const rows: Array<{ kek_id: string; kek_version: number; wrapped_key: Buffer }> = await db.dataSource.query(
      'SELECT kek_id, kek_version, wrapped_key FROM data_keys WHERE id = $1',
      [november.id],
    );
    expect(rows[0]).toMatchObject({ kek_id: expect.stringMatching(/^file:/), kek_version: 1 });
    expect(rows[0]?.wrapped_key.includes(november.key)).toBe(false);
  });

  it('warms an existing key without creating one; callers that miss together get one and the same key', async () => {
    const { keys } = db.crypto();
    const created = async () =>
      Number((await db.dataSource.query("SELECT count(*) AS n FROM data_keys WHERE purpose = 'warm-test'"))[0].n);
    await expect(keys.warm('warm-test', '2026-11')).resolves.toBe(false);
    expect(await created()).toBe(0);
    const burst = await Promise.all(Array.from({ length: 20 }, () => keys.forPurpose('warm-test', '2026-11')));
    expect(new Set(burst.map((key) => key.id)).size).toBe(1);
    expect(await created()).toBe(1);
    const restarted = db.crypto().keys;
    await expect(restarted.warm('warm-test', '2026-11')).resolves.toBe(true);
    expect((await restarted.forPurpose('warm-test', '2026-11')).id).toBe(burst[0]?.id);
  });

  it.each([
    ['standard', CipherAlgorithm.Aes256Gcm],
    ['gm', CipherAlgorithm.Sm4CtrHmacSm3],
  ] as const)(
    'encrypts in %s mode with the key id inside the envelope, bound to its context',
    async (mode, algorithm) => {
      const { cipher } = db.crypto({ KEFU_CRYPTO_MODE: mode });
      const envelope = await cipher.encrypt('客户张伟明，手机13812345678', {
        purpose: 'transcripts',
        period: '2026-11',
        context: 'c:1',
      });
      expect(envelope[0]).toBe(0x4b);
      expect(envelope[1]).toBe(1);
      expect(envelope[2]).toBe(algorithm);
      expect(cipher.keyIdOf(envelope)).toMatch(/^[0-9a-f-]{36}$/);
      await expect(cipher.decryptText(envelope, 'c:1')).resolves.toBe('客户张伟明，手机13812345678');
      await expect(cipher.decrypt(envelope, 'c:2')).rejects.toBeInstanceOf(CiphertextRejectedError);
      const altered = Buffer.from(envelope);
      altered[altered.length - 20] = (altered[altered.length - 20] as number) ^ 1;
      await expect(cipher.decrypt(altered, 'c:1')).rejects.toBeInstanceOf(CiphertextRejectedError);
    },
  );

  it('keeps data written in one mode readable after a change of mode', async () => {
    const standard = db.crypto();
    const gm = db.crypto({ KEFU_CRYPTO_MODE: 'gm' });
    const envelope = await standard.cipher.encrypt('6222021234567890128', { purpose: 'customer:x', context: 'x' });
    await expect(gm.cipher.decryptText(envelope, 'x')).resolves.toBe('6222021234567890128');
  });

  it('computes blind indexes under a key of their own, equal for equal values only', async () => {
    const { blindIndex, keys } = db.crypto();
    const a = await blindIndex.compute('phone', '13812345678');
    expect(a).toHaveLength(32);
    expect((await blindIndex.compute('phone', '13812345678')).equals(a)).toBe(true);
    expect((await blindIndex.compute('phone', '13812345679')).equals(a)).toBe(false);
    expect((await blindIndex.compute('other-index', '13812345678')).equals(a)).toBe(false);
    const sm3 = await db.crypto({ KEFU_CRYPTO_MODE: 'gm' }).blindIndex.compute('phone', '13812345678');
    expect(sm3.equals(a)).toBe(false);
    expect((await keys.forPurpose('blind-index:phone')).key.equals((await keys.forPurpose('customer:x')).key)).toBe(
      false,
    );
  });

  it('refuses ciphertexts whose data key was destroyed, and never re-creates that key', async () => {
    const { cipher, keys } = db.crypto();
    const envelope = await cipher.encrypt('11010519491231002X', { purpose: 'customer:gone', context: 'g' });
    await db.dataSource.transaction((manager) => keys.destroy(manager, 'customer:gone'));
    await expect(cipher.decrypt(envelope, 'g')).rejects.toBeInstanceOf(KeyDestroyedError);
    await expect(cipher.encrypt('again', { purpose: 'customer:gone', context: 'g' })).rejects.toBeInstanceOf(
      KeyDestroyedError,
    );
  });

  it('refuses a second rotation while one is running', async () => {
    const other = new pg.Client({ connectionString: db.url });
    await other.connect();
    try {
      await other.query(`SELECT pg_advisory_lock(hashtext('kefu.crypto.rotation'))`);
      await expect(db.crypto().rotation.rotate(systemActor('test'))).rejects.toThrow(/another key rotation is running/);
    } finally {
      await other.end();
    }
  });

  it('rotates in process too, and a retired version cannot be retired into the current one', async () => {
    const { rotation, cipher } = db.crypto();
    const envelope = await cipher.encrypt('13912345678', { purpose: 'customer:r', context: 'r' });
    const result = await rotation.rotate(systemActor('test'));
    expect(result).toMatchObject({ fromVersion: 1, toVersion: 2 });
    expect(result.rewrapped).toBeGreaterThan(3);
    await expect(rotation.retire(2, systemActor('test'))).rejects.toThrow(/current key-encryption key/);
    await rotation.retire(1, systemActor('test'));
    await expect(db.crypto().cipher.decryptText(envelope, 'r')).resolves.toBe('13912345678');
  });

  it('prepares the next version for replicas that do not share the key folder, then activates that same key', async () => {
    const { rotation } = db.crypto();
    await expect(rotation.prepare()).resolves.toBe(3);
    const file = join(db.folder, 'crypto-keys', 'kek-v3.key');
    const prepared = await readFile(file, 'utf8');
    expect((await rotation.status()).find((v) => v.status === 'current')?.version).toBe(2);
    await expect(rotation.rotate(systemActor('test'))).resolves.toMatchObject({ fromVersion: 2, toVersion: 3 });
    await expect(readFile(file, 'utf8')).resolves.toBe(prepared);
  });
});
