import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import {
  AuditAction,
  AuditCheckpointer,
  AuditOutcome,
  AuditTrail,
  AuditVerification,
} from '../src/modules/audit/index.ts';
import { AuditedProbeModule, CreateAuditedProbeTable1795755444731 } from './fixtures/audited-probe.module.ts';
import { builtScript, cleanEnv, collect } from './harness/kefu-process.ts';
import { startTestApp, type TestApp } from './harness/test-app.ts';

const loadWriter = fileURLToPath(new URL('../dist/bench/audit-load-writer.js', import.meta.url));

describe('the audit trail', () => {
  let kefu: TestApp;
  let keyDir: string;
  let db: pg.Client;
  let trail: AuditTrail;
  let verification: AuditVerification;

  beforeAll(async () => {
    keyDir = join(await mkdtemp(join(tmpdir(), 'kefu-audit-')), 'keys');
    kefu = await startTestApp({
      env: { KEFU_AUDIT_KEY_DIR: keyDir },
      extraModules: [AuditedProbeModule],
      extraMigrations: [CreateAuditedProbeTable1795755444731],
    });
    db = new pg.Client({ connectionString: kefu.databaseUrl });
    await db.connect();
    trail = kefu.app.get(AuditTrail);
    verification = kefu.app.get(AuditVerification);
  });
  afterAll(async () => {
    await db.end();
    await kefu.close();
    await rm(join(keyDir, '..'), { recursive: true, force: true });
  });

  const actor = { kind: 'staff' as const, id: 'u-42', roles: ['supervisor'], sourceAddress: '10.1.2.3' };
  const count = async (table: string) => Number((await db.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

  it('creates its key files at first start, readable by the owner only', async () => {
    expect((await stat(keyDir)).mode & 0o777).toBe(0o700);
    for (const file of ['audit-chain.key', 'audit-pseudonym.key', 'audit-signing-ed25519.pem'])
      expect((await stat(join(keyDir, file))).mode & 0o777).toBe(0o600);
  });

  it('records who did what, when and from where, with personal data replaced by linkable keyed hashes', async () => {
    const first = await trail.record({
      actor,
      action: AuditAction.PersonalDataReveal,
      outcome: AuditOutcome.Success,
      target: { type: 'conversation', id: 'c-1' },
      details: { field: 'phone' },
      personalData: { phone: '13800138000' },
      requestId: 'req-audit-0001',
    });
    const second = await trail.record({
      actor,
      action: AuditAction.PersonalDataReveal,
      outcome: AuditOutcome.Denied,
      personalData: { phone: '13800138000' },
    });
    expect(second.seq).toBe(first.seq + 1);
    expect(second.prevHash).toBe(first.rowHash);
    const { rows } = await db.query('SELECT * FROM audit_events WHERE seq = $1', [first.seq]);
    expect(rows[0]).toMatchObject({
      actor_id: 'u-42',
      actor_roles: ['supervisor'],
      action: 'personal-data.reveal',
      target_type: 'conversation',
      target_id: 'c-1',
      outcome: 'success',
      source_address: '10.1.2.3',
      request_id: 'req-audit-0001',
    });
    expect(JSON.stringify(rows[0])).not.toContain('13800138000');
    expect(rows[0].details.phone).toMatch(/^hmac-sha256:[0-9a-f]{32}$/);
    expect(second.details.phone).toBe(rows[0].details.phone);
    await expect(verification.verify()).resolves.toMatchObject({ ok: true, first_bad_seq: null });
  });

  it('leaves no gap when an audited action rolls back', async () => {
    const before = await trail.record({ actor, action: AuditAction.ConfigChange, outcome: AuditOutcome.Success });
    await expect(
      trail.runAudited({ actor, action: AuditAction.ConfigChange, outcome: AuditOutcome.Success }, async (manager) => {
        await manager.query("INSERT INTO audited_probe_items (name) VALUES ('rolled back')");
        throw new Error('the action failed');
      }),
    ).rejects.toThrow('the action failed');
    const after = await trail.record({ actor, action: AuditAction.ConfigChange, outcome: AuditOutcome.Failure });
    expect(after.seq).toBe(before.seq + 1);
    expect((await db.query("SELECT 1 FROM audited_probe_items WHERE name = 'rolled back'")).rowCount).toBe(0);
  });

  it('fails closed: when the audit record cannot be written the action answers 503 and writes nothing', async () => {
    const post = (name: string) =>
      fetch(`${kefu.baseUrl}/audited-probe/items`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, phone: '13900139000' }),
      });
    expect((await post('works')).status).toBe(201);
    const events = await count('audit_events');
    await db.query(`
      CREATE FUNCTION test_break_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit storage is broken'; END $$;
      CREATE TRIGGER test_break_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION test_break_audit();`);
    try {
      const response = await post('must not exist');
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ error: 'service_unavailable' });
      expect((await db.query("SELECT 1 FROM audited_probe_items WHERE name = 'must not exist'")).rowCount).toBe(0);
      expect(await count('audit_events')).toBe(events);
    } finally {
      await db.query('DROP TRIGGER test_break_audit ON audit_events; DROP FUNCTION test_break_audit()');
    }
    expect((await post('works again')).status).toBe(201);
    await expect(verification.verify()).resolves.toMatchObject({ ok: true });
  });

  it('refuses UPDATE, DELETE and TRUNCATE to the application role and to the superuser', async () => {
    const role = `kefu_app_${Date.now()}`;
    await db.query(`CREATE ROLE ${role} LOGIN PASSWORD 'app-secret'`);
    await db.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await db.query(`GRANT SELECT, INSERT ON audit_events, audit_checkpoints, audit_archives TO ${role}`);
    const url = new URL(kefu.databaseUrl);
    url.username = role;
    url.password = 'app-secret';
    const app = new pg.Client({ connectionString: url.toString() });
    await app.connect();
    try {
      for (const statement of [
        "UPDATE audit_events SET actor_id = 'someone-else'",
        'DELETE FROM audit_events',
        'TRUNCATE audit_events',
        'DELETE FROM audit_checkpoints',
      ])
        await expect(app.query(statement)).rejects.toThrow(/permission denied|append-only/);
    } finally {
      await app.end();
      await db.query(`DROP OWNED BY ${role}; DROP ROLE ${role}`);
    }
    // Row triggers fire only on rows that exist, so UPDATE and DELETE are tried on the events; TRUNCATE on every table.
    await expect(db.query("UPDATE audit_events SET actor_id = 'x'")).rejects.toThrow(/append-only: UPDATE/);
    await expect(db.query('DELETE FROM audit_events WHERE seq = 1')).rejects.toThrow(/append-only: DELETE/);
    for (const table of ['audit_events', 'audit_checkpoints', 'audit_archives'])
      await expect(db.query(`TRUNCATE ${table}`)).rejects.toThrow(/append-only: TRUNCATE/);
  });

  it('stays gapless and verifiable with two processes appending at once', async () => {
    const before = await count('audit_events');
    const env = cleanEnv({ DATABASE_URL: kefu.databaseUrl, KEFU_AUDIT_KEY_DIR: keyDir, KEFU_DB_POOL_MAX: '8' });
    const writers = ['replica-a', 'replica-b'].map((label) =>
      collect(spawn(process.execPath, [builtScript(loadWriter), '200', '6', label], { env })),
    );
    const finished = await Promise.all(writers);
    for (const writer of finished)
      expect({ code: writer.code, error: writer.code === 0 ? '' : writer.stderr }).toEqual({ code: 0, error: '' });
    const { rows } = await db.query('SELECT min(seq) AS lo, max(seq) AS hi, count(*) AS n FROM audit_events');
    expect(Number(rows[0].n)).toBe(before + 400);
    expect(Number(rows[0].hi) - Number(rows[0].lo) + 1).toBe(Number(rows[0].n));
    const mixed = await db.query(
      "SELECT count(DISTINCT actor_id) AS n FROM audit_events WHERE actor_id IN ('system:replica-a', 'system:replica-b')",
    );
    expect(Number(mixed.rows[0].n)).toBe(2);
    await expect(verification.verify()).resolves.toMatchObject({ ok: true, checked: before + 400 });
  });

  describe('tampering through SQL (as the superuser, triggers switched off)', () => {
    let checkpointSeq: number;

    beforeAll(async () => {
      const signed = await kefu.app.get(AuditCheckpointer).checkpoint();
      checkpointSeq = signed?.lastSeq as number;
      await db.query('CREATE TABLE audit_backup AS SELECT * FROM audit_events');
    });
    afterAll(() => db.query('DROP TABLE audit_backup'));

    /** Applies `sql` with triggers off, verifies through the database path, then restores the trail. */
    async function tamper(sql: string): Promise<{ ok: boolean; first_bad_seq: number | null }> {
      await db.query(`SET session_replication_role = replica; ${sql}; SET session_replication_role = origin`);
      try {
        return await verification.verify();
      } finally {
        await db.query(`SET session_replication_role = replica;
          DELETE FROM audit_events; INSERT INTO audit_events SELECT * FROM audit_backup;
          SET session_replication_role = origin`);
      }
    }

    it('names the first bad sequence for each kind of change', async () => {
      expect(checkpointSeq).toBeGreaterThan(400);
      await expect(
        tamper("UPDATE audit_events SET outcome = 'denied' WHERE seq = 5 AND outcome <> 'denied'"),
      ).resolves.toMatchObject({
        ok: false,
        first_bad_seq: 5,
      });
      await expect(
        tamper("UPDATE audit_events SET occurred_at = occurred_at + interval '1 ms' WHERE seq = 77"),
      ).resolves.toMatchObject({ first_bad_seq: 77 });
      await expect(
        tamper(`UPDATE audit_events SET details = details || '{"n": 1}' WHERE seq = 123`),
      ).resolves.toMatchObject({ first_bad_seq: 123 });
      await expect(tamper('DELETE FROM audit_events WHERE seq = 200')).resolves.toMatchObject({ first_bad_seq: 200 });
      await expect(
        tamper(`UPDATE audit_events AS a SET actor_id = b.actor_id, details = b.details, prev_hash = b.prev_hash,
                  row_hash = b.row_hash FROM audit_backup AS b WHERE (a.seq, b.seq) IN ((300, 301), (301, 300))`),
      ).resolves.toMatchObject({ first_bad_seq: 300 });
      await expect(
        tamper(`UPDATE audit_events SET seq = seq + 1000000 WHERE seq >= 400;
                INSERT INTO audit_events SELECT 400, occurred_at, actor_kind, 'forged', actor_roles, action, target_type,
                  target_id, outcome, source_address, request_id, details, hash_alg, prev_hash, row_hash
                  FROM audit_backup WHERE seq = 400;
                UPDATE audit_events SET seq = seq - 1000000 + 1 WHERE seq > 1000000`),
      ).resolves.toMatchObject({ first_bad_seq: 400 });
      await expect(tamper(`DELETE FROM audit_events WHERE seq > ${checkpointSeq - 3}`)).resolves.toMatchObject({
        first_bad_seq: checkpointSeq - 2,
      });
      await expect(verification.verify()).resolves.toMatchObject({ ok: true });
    });
  });
});
