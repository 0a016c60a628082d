import { Role } from '../src/common/access/index.ts';
import { AuditVerification } from '../src/modules/audit/index.ts';
import { DataKeys, FieldCipher, KeyRetiredError } from '../src/modules/crypto/index.ts';
import { api, type DataProtectionApp, startDataProtectionApp } from './fixtures/data-protection-app.ts';
import { mobileNumber, residentIdNumber, seededRandom } from './fixtures/personal-data-generators.ts';
import { cleanEnv, kefuCommand, run } from './harness/kefu-process.ts';
import { staffToken } from './harness/staff-token.ts';

const random = seededRandom(2026);
const newCustomer = (n: number) => ({
  name: `客户${n}号`,
  phone: mobileNumber(random),
  idNumber: residentIdNumber(random),
});

interface DataKeyRow {
  id: string;
  kek_version: number;
  wrapped_key: Buffer;
}

describe('kefu keys rotate / retire, beside a serving app', () => {
  let kefu: DataProtectionApp;
  let agent: ReturnType<typeof api>;
  let supervisor: ReturnType<typeof api>;
  const profiles: Array<{ id: string; phone: string }> = [];
  let backup: DataKeyRow;

  const kefuCli = (...args: string[]) => run(kefuCommand, args, cleanEnv(kefu.env));

  beforeAll(async () => {
    kefu = await startDataProtectionApp();
    agent = api(kefu, await staffToken(kefu, [Role.Agent]));
    supervisor = api(kefu, await staffToken(kefu, [Role.Supervisor]));
    for (let n = 0; n < 30; n += 1) {
      const customer = newCustomer(n);
      const { body } = await agent('POST', 'privacy/customer-profiles', customer);
      profiles.push({ id: body.id, phone: customer.phone });
    }
    // What a backup taken now would hold for the first customer: their key wrapped under KEK version 1.
    [backup] = (await kefu.sql<DataKeyRow>('SELECT id, kek_version, wrapped_key FROM data_keys WHERE purpose = $1', [
      `customer:${profiles[0]?.id}`,
    ])) as [DataKeyRow];
  });
  afterAll(async () => {
    await kefu.close();
  });

  it('re-wraps every data key under a new KEK version while writes and reads go on, and every record still reads', async () => {
    expect(backup.kek_version).toBe(1);
    let stop = false;
    let operations = 0;
    const failures: string[] = [];
    const workload = (async () => {
      for (let n = 100; !stop; n += 1) {
        const customer = newCustomer(n);
        const created = await agent('POST', 'privacy/customer-profiles', customer);
        if (created.status !== 201) failures.push(`create ${created.status}`);
        else profiles.push({ id: created.body.id, phone: customer.phone });
        const existing = profiles[n % profiles.length] as { id: string; phone: string };
        const read = await agent('GET', `privacy/customer-profiles/${existing.id}`);
        if (read.status !== 200) failures.push(`read ${read.status}`);
        const revealed = await supervisor('POST', 'privacy/reveal', {
          profileId: existing.id,
          field: 'phone',
          reason: 'rotation workload check',
        });
        if (revealed.body?.value !== existing.phone) failures.push(`reveal ${revealed.status}`);
        operations += 1;
      }
    })();
    const rotated = await kefuCli('keys', 'rotate', '--batch-size', '2');
    stop = true;
    await workload;

    expect(rotated).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/version 1 -> 2, \d+ data keys re-wrapped/),
    });
    expect(failures).toEqual([]);
    expect(operations).toBeGreaterThan(0);
    const versions = await kefu.sql<{ kek_version: number; n: number }>(
      `SELECT kek_version, count(*)::int AS n FROM data_keys WHERE status = 'active' GROUP BY 1`,
    );
    expect(versions).toEqual([{ kek_version: 2, n: expect.any(Number) }]);
    kefu.app.get(DataKeys).clearCache();
    for (const profile of profiles) {
      const read = await agent('GET', `privacy/customer-profiles/${profile.id}`);
      expect([profile.id, read.status]).toEqual([profile.id, 200]);
    }
    const status = await kefuCli('keys', 'status');
    expect(status.stdout).toMatch(/v1 previous .* data keys: 0/);
    expect(status.stdout).toMatch(/v2 current/);
  });

  it('retires the old version; a ciphertext whose data key is only under it is refused with a clear error', async () => {
    const current = await kefuCli('keys', 'retire', '--version', '2');
    expect(current.code).toBe(1);
    expect(current.stderr).toContain('is the current key-encryption key');

    const retired = await kefuCli('keys', 'retire', '--version', '1');
    expect(retired).toMatchObject({ code: 0, stdout: 'retired version 1\n' });

    // Restore the pre-rotation wrapping, as restoring an old backup would.
    await kefu.sql('UPDATE data_keys SET kek_version = $2, wrapped_key = $3 WHERE id = $1', [
      backup.id,
      backup.kek_version,
      backup.wrapped_key,
    ]);
    kefu.app.get(DataKeys).clearCache();
    const refused = await agent('GET', `privacy/customer-profiles/${profiles[0]?.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/version 1, which is retired/);
    const [row] = await kefu.sql<{ name_ciphertext: Buffer }>(
      'SELECT name_ciphertext FROM customer_profiles WHERE id = $1',
      [profiles[0]?.id],
    );
    await expect(
      kefu.app.get(FieldCipher).decrypt(row?.name_ciphertext as Buffer, `customer_profiles.name:${profiles[0]?.id}`),
    ).rejects.toBeInstanceOf(KeyRetiredError);
    // Everyone else reads as before.
    expect((await agent('GET', `privacy/customer-profiles/${profiles[1]?.id}`)).status).toBe(200);
  });

  it('audits every key operation and the trail still verifies', async () => {
    const events = await kefu.sql<{ action: string; actor_id: string; details: Record<string, unknown> }>(
      `SELECT action, actor_id, details FROM audit_events WHERE action IN ('keys.rotate', 'keys.destroy') ORDER BY seq`,
    );
    expect(events).toEqual([
      expect.objectContaining({
        action: 'keys.rotate',
        actor_id: 'system:kefu-cli',
        details: expect.objectContaining({ phase: 'started', to_version: 2 }),
      }),
      expect.objectContaining({ action: 'keys.rotate', details: expect.objectContaining({ phase: 'completed' }) }),
      expect.objectContaining({
        action: 'keys.destroy',
        details: expect.objectContaining({ operation: 'retire', version: 1 }),
      }),
    ]);
    await expect(kefu.app.get(AuditVerification).verify()).resolves.toMatchObject({ ok: true });
  });
});
