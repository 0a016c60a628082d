import pg from 'pg';
import { Role } from '../src/common/access/index.ts';
import { AuditTrail, AuditVerification, systemActor } from '../src/modules/audit/index.ts';
import { FieldCipher, KeyDestroyedError } from '../src/modules/crypto/index.ts';
import { RetentionJob } from '../src/modules/privacy/index.ts';
import { api, type DataProtectionApp, startDataProtectionApp } from './fixtures/data-protection-app.ts';
import { mobileNumber, seededRandom } from './fixtures/personal-data-generators.ts';
import { cleanEnv, kefuCommand, run } from './harness/kefu-process.ts';
import { staffToken } from './harness/staff-token.ts';

const random = seededRandom(180);
const NOW = new Date('2026-11-27T06:00:00Z');

describe('retention: expired data is deleted or crypto-shredded, legal holds keep what they cover', () => {
  let kefu: DataProtectionApp;
  let agent: ReturnType<typeof api>;
  let securityAdmin: ReturnType<typeof api>;
  const transcripts: Record<string, Buffer> = {};
  const profile: Record<'old' | 'held' | 'fresh', string> = { old: '', held: '', fresh: '' };

  beforeAll(async () => {
    kefu = await startDataProtectionApp();
    agent = api(kefu, await staffToken(kefu, [Role.Agent]));
    securityAdmin = api(kefu, await staffToken(kefu, [Role.SecurityAdmin]));
    const cipher = kefu.app.get(FieldCipher);
    // 180 days before NOW is 2026-05-31: May 2026 is not over yet by then, April is.
    for (const period of ['2026-03', '2026-04', '2026-05', '2026-11'])
      transcripts[period] = await cipher.encrypt(`transcript of ${period}`, {
        purpose: 'transcripts',
        period,
        context: `t:${period}`,
      });
    for (const name of ['old', 'held', 'fresh'] as const)
      profile[name] = (
        await agent('POST', 'privacy/customer-profiles', { name: `客户${name}`, phone: mobileNumber(random) })
      ).body.id;
    await kefu.sql(
      `UPDATE customer_profiles SET updated_at = $1::timestamptz - interval '4 years' WHERE id = ANY($2::uuid[])`,
      [NOW, [profile.old, profile.held]],
    );
    const hold = await securityAdmin('POST', 'privacy/legal-holds', {
      dataClass: 'customer-profiles',
      subjectId: profile.held,
      reason: 'regulator inquiry 2026-118',
    });
    expect(hold.status).toBe(201);
  });
  afterAll(async () => {
    await kefu.close();
  });

  it('does nothing while another replica holds the job lock', async () => {
    const other = new pg.Client({ connectionString: kefu.databaseUrl });
    await other.connect();
    try {
      await other.query(`SELECT pg_advisory_lock(hashtext('kefu.privacy.retention'))`);
      await expect(kefu.app.get(RetentionJob).run(systemActor('test'), NOW)).resolves.toMatchObject({ ran: false });
    } finally {
      await other.end();
    }
  });

  it('keeps whole classes while they are on legal hold', async () => {
    const holds = [];
    for (const dataClass of ['transcripts', 'customer-profiles'])
      holds.push(await securityAdmin('POST', 'privacy/legal-holds', { dataClass, reason: 'litigation hold 2026-77' }));
    const report = await kefu.app.get(RetentionJob).run(systemActor('test'), NOW);
    expect(report).toEqual({
      ran: true,
      transcriptPeriodsShredded: [],
      customerProfilesErased: 0,
      heldClasses: ['transcripts', 'customer-profiles'],
    });
    for (const hold of holds)
      expect((await securityAdmin('POST', `privacy/legal-holds/${hold.body.id}/release`, {})).status).toBe(200);
  });

  it('shreds expired transcript months and erases expired profiles not on hold, and audits it', async () => {
    const report = await kefu.app.get(RetentionJob).run(systemActor('test'), NOW);
    expect(report).toEqual({
      ran: true,
      transcriptPeriodsShredded: ['2026-03', '2026-04'],
      customerProfilesErased: 1,
      heldClasses: [],
    });
    const cipher = kefu.app.get(FieldCipher);
    for (const period of ['2026-03', '2026-04'])
      await expect(cipher.decrypt(transcripts[period] as Buffer, `t:${period}`)).rejects.toBeInstanceOf(
        KeyDestroyedError,
      );
    for (const period of ['2026-05', '2026-11'])
      await expect(cipher.decryptText(transcripts[period] as Buffer, `t:${period}`)).resolves.toBe(
        `transcript of ${period}`,
      );
    expect((await agent('GET', `privacy/customer-profiles/${profile.old}`)).status).toBe(404);
    expect((await agent('GET', `privacy/customer-profiles/${profile.held}`)).status).toBe(200);
    expect((await agent('GET', `privacy/customer-profiles/${profile.fresh}`)).status).toBe(200);
    await kefu.app.get(AuditTrail).flush();
    const runs = await kefu.sql<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_events WHERE action = 'retention.run' AND target_type = 'retention-run' ORDER BY seq`,
    );
    expect(runs.at(-1)?.details).toMatchObject({
      transcript_periods_shredded: ['2026-03', '2026-04'],
      customer_profiles_erased: 1,
    });
    await expect(kefu.app.get(AuditVerification).verify()).resolves.toMatchObject({ ok: true });
  });

  it('runs on demand from `kefu retention run`, audited as the command line', async () => {
    const result = await run(kefuCommand, ['retention', 'run'], cleanEnv(kefu.env));
    expect({ code: result.code, stderr: result.stderr.replace(/^oidc-provider WARNING.*\n/gm, '') }).toEqual({
      code: 0,
      stderr: '',
    });
    expect(JSON.parse(result.stdout.trim().split('\n').at(-1) as string)).toMatchObject({ ran: true, heldClasses: [] });
    const [last] = await kefu.sql<{ actor_id: string }>(
      `SELECT actor_id FROM audit_events WHERE target_type = 'retention-run' ORDER BY seq DESC LIMIT 1`,
    );
    expect(last?.actor_id).toBe('system:kefu-cli');
  });
});
