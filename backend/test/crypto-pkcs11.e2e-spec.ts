import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SHARE_ENV, Worker } from 'node:worker_threads';
import { systemActor } from '../src/modules/audit/index.ts';
import { KeyRetiredError, Pkcs11KekProvider } from '../src/modules/crypto/index.ts';
import { type CryptoDatabase, cryptoDatabase } from './fixtures/crypto-database.ts';

const SOFTHSM_LIBRARY = '/usr/lib/softhsm/libsofthsm2.so';
const run = promisify(execFile);

/**
 * The PKCS#11 provider against SoftHSM2 (Debian `softhsm2`, installed by .ci/run): a token of this test's own, in a
 * temporary folder named by SOFTHSM2_CONF, which the SoftHSM library reads when it is initialised.
 */
/**
 * Jest gives each test file a copy of process.env, so assigning to it never reaches the C environment that SoftHSM's
 * getenv() reads. A worker thread started with SHARE_ENV writes to the process's real environment.
 */
async function setRealEnvironment(name: string, value: string): Promise<void> {
  const worker = new Worker(`process.env[${JSON.stringify(name)}] = ${JSON.stringify(value)};`, {
    eval: true,
    env: SHARE_ENV,
  });
  await new Promise((resolve, reject) => worker.once('exit', resolve).once('error', reject));
}

describe('the PKCS#11 KEK provider on a SoftHSM2 token', () => {
  let folder: string;
  let provider: Pkcs11KekProvider;
  let db: CryptoDatabase;

  beforeAll(async () => {
    if (!existsSync(SOFTHSM_LIBRARY)) throw new Error(`${SOFTHSM_LIBRARY} is missing: apt-get install -y softhsm2`);
    folder = await mkdtemp(join(tmpdir(), 'kefu-softhsm-'));
    await mkdir(join(folder, 'tokens'));
    const conf = join(folder, 'softhsm2.conf');
    await writeFile(
      conf,
      `directories.tokendir = ${join(folder, 'tokens')}\nobjectstore.backend = file\nlog.level = ERROR\n`,
    );
    await setRealEnvironment('SOFTHSM2_CONF', conf);
    await run('softhsm2-util', ['--init-token', '--free', '--label', 'kefu', '--pin', '1234', '--so-pin', '5678'], {
      env: { ...process.env, SOFTHSM2_CONF: conf },
    });
    provider = new Pkcs11KekProvider({
      library: SOFTHSM_LIBRARY,
      tokenLabel: 'kefu',
      pin: '1234',
      keyLabel: 'kefu-kek',
    });
    db = await cryptoDatabase();
  });
  afterAll(async () => {
    await db?.close();
    await provider?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('generates the KEK inside the token as a sensitive, non-extractable key whose value cannot be read', async () => {
    await provider.createVersion(1);
    await provider.createVersion(1);
    await expect(provider.properties(1)).resolves.toEqual({
      extractable: false,
      sensitive: true,
      valueReadable: false,
    });
  });

  it('wraps and unwraps data keys in the token, bound to their identity', async () => {
    const dataKey = Buffer.alloc(32, 9);
    const wrapped = await provider.wrap(1, dataKey, Buffer.from('key a'));
    expect(wrapped.includes(dataKey)).toBe(false);
    expect(wrapped.length).toBe(12 + 32 + 16);
    await expect(provider.unwrap(1, wrapped, Buffer.from('key a'))).resolves.toEqual(dataKey);
    await expect(provider.unwrap(1, wrapped, Buffer.from('key b'))).rejects.toThrow();
  });

  it('encrypts and decrypts fields, rotates and retires through the token', async () => {
    const { cipher, rotation, keys } = db.crypto(
      { KEFU_CRYPTO_KEK_PROVIDER: 'pkcs11', KEFU_PKCS11_LIBRARY: SOFTHSM_LIBRARY, KEFU_PKCS11_PIN: '1234' },
      provider,
    );
    const envelope = await cipher.encrypt('11010519491231002X', { purpose: 'customer:hsm', context: 'h' });
    await expect(cipher.decryptText(envelope, 'h')).resolves.toBe('11010519491231002X');
    const [row] = await db.dataSource.query(`SELECT kek_id FROM data_keys WHERE purpose = 'customer:hsm'`);
    expect(row.kek_id).toBe('pkcs11:kefu/kefu-kek');

    const saved = await db.dataSource.query(`SELECT id, wrapped_key FROM data_keys WHERE purpose = 'customer:hsm'`);
    await expect(rotation.rotate(systemActor('test'))).resolves.toMatchObject({ fromVersion: 1, toVersion: 2 });
    await expect(provider.properties(2)).resolves.toMatchObject({ extractable: false, valueReadable: false });
    keys.clearCache();
    await expect(cipher.decryptText(envelope, 'h')).resolves.toBe('11010519491231002X');

    await rotation.retire(1, systemActor('test'));
    await expect(provider.properties(1)).rejects.toThrow(/not in token/);
    // A backup's wrapping under the destroyed version is refused.
    await db.dataSource.query('UPDATE data_keys SET kek_version = 1, wrapped_key = $2 WHERE id = $1', [
      saved[0].id,
      saved[0].wrapped_key,
    ]);
    keys.clearCache();
    await expect(cipher.decrypt(envelope, 'h')).rejects.toBeInstanceOf(KeyRetiredError);
  });
});
