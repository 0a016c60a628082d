import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DataSource } from 'typeorm';
import {
  AuditAction,
  AuditCheckpointer,
  AuditOutcome,
  AuditTrail,
  AuditVerification,
} from '../src/modules/audit/index.ts';
import {
  SEALED_FORM_CONSTRAINT,
  sealedFormConstraintDdl,
} from '../src/modules/audit/migrations/1795790000000-add-audit-sealed-form.ts';
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
  /** Runs `work` while another session holds the chain head: no sealer in any replica can chain anything meanwhile. */
  const holdingTheChainHead = async (work: () => Promise<void>) => {
    const holder = new pg.Client({ connectionString: kefu.databaseUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM audit_chain_head FOR UPDATE');
      await work();
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
  };

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
    const head = await trail.flush();
    const { rows } = await db.query('SELECT * FROM audit_events WHERE intake_id = ANY($1) ORDER BY seq', [
      [first.intakeId, second.intakeId],
    ]);
    expect(rows.map((row) => row.outcome)).toEqual(['success', 'denied']);
    expect(Number(rows[1].seq)).toBe(Number(rows[0].seq) + 1);
    expect(rows[1].prev_hash).toBe(rows[0].row_hash);
    expect(Number(rows[1].seq)).toBeLessThanOrEqual(head.seq);
    expect(rows[0]).toMatchObject({
      actor_id: 'u-42',
      actor_roles: ['supervisor'],
      action: 'personal-data.reveal',
      target_type: 'conversation',
      target_id: 'c-1',
      outcome: 'success',
      source_address: '10.1.2.3',
      request_id: 'req-audit-0001',
      hash_alg: 'hmac-sha256',
    });
    expect(JSON.stringify(rows[0])).not.toContain('13800138000');
    expect(rows[0].details.phone).toMatch(/^hmac-sha256:[0-9a-f]{32}$/);
    expect(second.details.phone).toBe(rows[0].details.phone);
    expect(await count('audit_pending')).toBe(0);
    await expect(verification.verify()).resolves.toMatchObject({ ok: true, first_bad_seq: null });
  });

  it('leaves neither an event nor a gap when an audited action rolls back or its connection is killed', async () => {
    const entry = (id: string) => ({
      actor,
      action: AuditAction.ConfigChange,
      outcome: AuditOutcome.Success,
      target: { type: 'setting', id },
    });
    await trail.record(entry('before'));
    await expect(
      trail.runAudited(entry('rolled-back'), async (manager) => {
        await manager.query("INSERT INTO audited_probe_items (name) VALUES ('rolled back')");
        throw new Error('the action failed');
      }),
    ).rejects.toThrow('the action failed');
    await expect(
      kefu.app.get(DataSource).transaction(async (manager) => {
        await trail.record(entry('killed'), manager);
        const [{ pid }] = await manager.query('SELECT pg_backend_pid() AS pid');
        await db.query('SELECT pg_terminate_backend($1)', [pid]);
        await manager.query("INSERT INTO audited_probe_items (name) VALUES ('killed')");
      }),
    ).rejects.toThrow();
    await trail.record(entry('after'));
    await trail.flush();
    const { rows } = await db.query(
      "SELECT seq, target_id FROM audit_events WHERE target_type = 'setting' AND target_id IN ('before', 'rolled-back', 'killed', 'after') ORDER BY seq",
    );
    expect(rows.map((row) => row.target_id)).toEqual(['before', 'after']);
    expect((await db.query("SELECT 1 FROM audited_probe_items WHERE name IN ('rolled back', 'killed')")).rowCount).toBe(
      0,
    );
    await expect(verification.verify()).resolves.toMatchObject({ ok: true });
  });

  it('fails closed: when the audit record cannot be written the action answers 503 and writes nothing', async () => {
    const post = (name: string) =>
      fetch(`${kefu.baseUrl}/audited-probe/items`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, phone: '13900139000' }),
      });
    expect((await post('works')).status).toBe(201);
    const events = (await trail.flush()).seq;
    await db.query(`
      CREATE FUNCTION test_break_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit storage is broken'; END $$;
      CREATE TRIGGER test_break_audit BEFORE INSERT ON audit_pending FOR EACH ROW EXECUTE FUNCTION test_break_audit();`);
    try {
      const response = await post('must not exist');
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ error: 'service_unavailable' });
      expect((await db.query("SELECT 1 FROM audited_probe_items WHERE name = 'must not exist'")).rowCount).toBe(0);
      expect(await count('audit_pending')).toBe(0);
      expect((await trail.flush()).seq).toBe(events);
    } finally {
      await db.query('DROP TRIGGER test_break_audit ON audit_pending; DROP FUNCTION test_break_audit()');
    }
    expect((await post('works again')).status).toBe(201);
    await expect(verification.verify()).resolves.toMatchObject({ ok: true });
  });

  it('refuses UPDATE, DELETE and TRUNCATE to the application role and to the superuser', async () => {
    await trail.flush();
    const role = `kefu_app_${Date.now()}`;
    await db.query(`CREATE ROLE ${role} LOGIN PASSWORD 'app-secret'`);
    await db.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await db.query(`GRANT SELECT, INSERT ON audit_events, audit_checkpoints, audit_archives TO ${role}`);
    await db.query(`GRANT SELECT, INSERT, DELETE ON audit_pending TO ${role}`);
    const url = new URL(kefu.databaseUrl);
    url.username = role;
    url.password = 'app-secret';
    const app = new pg.Client({ connectionString: url.toString() });
    await app.connect();
    await holdingTheChainHead(async () => {
      await trail.record({ actor, action: AuditAction.ConfigChange, outcome: AuditOutcome.Success });
      for (const statement of [
        "UPDATE audit_events SET actor_id = 'someone-else'",
        'DELETE FROM audit_events',
        'TRUNCATE audit_events',
        'DELETE FROM audit_checkpoints',
        "UPDATE audit_pending SET actor_id = 'someone-else'",
        'DELETE FROM audit_pending',
        'TRUNCATE audit_pending',
      ])
        await expect(app.query(statement)).rejects.toThrow(/permission denied|append-only|only by being sealed/);
      // The superuser is refused the same way.
      await expect(db.query("UPDATE audit_pending SET actor_id = 'x'")).rejects.toThrow(/only by being sealed: UPDATE/);
      await expect(db.query('DELETE FROM audit_pending')).rejects.toThrow(/only by being sealed: DELETE/);
      await expect(db.query('TRUNCATE audit_pending')).rejects.toThrow(/only by being sealed: TRUNCATE/);
      expect(await count('audit_pending')).toBe(1);
    }).finally(async () => {
      await app.end();
      await db.query(`DROP OWNED BY ${role}; DROP ROLE ${role}`);
    });
    // Row triggers fire only on rows that exist, so UPDATE and DELETE are tried on the events; TRUNCATE on every table.
    await expect(db.query("UPDATE audit_events SET actor_id = 'x'")).rejects.toThrow(/append-only: UPDATE/);
    await expect(db.query('DELETE FROM audit_events WHERE seq = 1')).rejects.toThrow(/append-only: DELETE/);
    for (const table of ['audit_events', 'audit_checkpoints', 'audit_archives'])
      await expect(db.query(`TRUNCATE ${table}`)).rejects.toThrow(/append-only: TRUNCATE/);
  });

  it('stays gapless and verifiable with two processes appending and sealing at once', async () => {
    await trail.flush();
    const before = await count('audit_events');
    const env = cleanEnv({ DATABASE_URL: kefu.databaseUrl, KEFU_AUDIT_KEY_DIR: keyDir, KEFU_DB_POOL_MAX: '8' });
    const writers = ['replica-a', 'replica-b'].map((label) =>
      collect(spawn(process.execPath, [builtScript(loadWriter), '200', '6', label], { env })),
    );
    const finished = await Promise.all(writers);
    for (const writer of finished)
      expect({ code: writer.code, error: writer.code === 0 ? '' : writer.stderr }).toEqual({ code: 0, error: '' });
    await trail.flush();
    const { rows } = await db.query('SELECT min(seq) AS lo, max(seq) AS hi, count(*) AS n FROM audit_events');
    expect(Number(rows[0].n)).toBe(before + 400);
    expect(Number(rows[0].hi) - Number(rows[0].lo) + 1).toBe(Number(rows[0].n));
    const mixed = await db.query(
      "SELECT count(DISTINCT actor_id) AS n FROM audit_events WHERE actor_id IN ('system:replica-a', 'system:replica-b')",
    );
    expect(Number(mixed.rows[0].n)).toBe(2);
    await expect(verification.verify()).resolves.toMatchObject({ ok: true, checked: before + 400 });
  });

  it('leaves pending events pending and the chain intact when a sealing transaction fails midway', async () => {
    const head = await trail.flush();
    // The sealer fails after it has inserted the batch into the chain, when it removes the rows from the intake.
    await db.query(`
      CREATE FUNCTION test_break_sealing() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'the sealer died'; END $$;
      CREATE TRIGGER test_break_sealing BEFORE DELETE ON audit_pending FOR EACH ROW EXECUTE FUNCTION test_break_sealing();`);
    const recorded = [];
    try {
      for (let n = 0; n < 5; n += 1)
        recorded.push(await trail.record({ actor, action: AuditAction.ConfigChange, outcome: AuditOutcome.Success }));
      await expect(trail.flush()).rejects.toThrow('the sealer died');
      expect(await count('audit_pending')).toBe(5);
      const { rows } = await db.query('SELECT max(seq) AS seq FROM audit_events');
      expect(Number(rows[0].seq)).toBe(head.seq);
      await expect(verification.verifyFrom({ upToSeq: 0, lastHash: '0'.repeat(64) })).resolves.toMatchObject({
        ok: true,
        checked: head.seq,
      });
    } finally {
      await db.query('DROP TRIGGER test_break_sealing ON audit_pending; DROP FUNCTION test_break_sealing()');
    }
    expect((await trail.flush()).seq).toBe(head.seq + 5);
    const sealed = await db.query('SELECT count(*) AS n FROM audit_events WHERE intake_id = ANY($1)', [
      recorded.map((event) => event.intakeId),
    ]);
    expect(Number(sealed.rows[0].n)).toBe(5);
    await expect(verification.verify()).resolves.toMatchObject({ ok: true, checked: head.seq + 5 });
  });

  it('chains a refusal in place of a pending event forged or replayed without the chain key', async () => {
    const genuine = await trail.record({ actor, action: AuditAction.ConfigChange, outcome: AuditOutcome.Success });
    await trail.flush();
    const forged = '00000000-0000-4000-8000-000000000001';
    const insert = `INSERT INTO audit_pending (intake_id, occurred_at, actor_kind, actor_id, actor_roles, action,
      target_type, target_id, outcome, source_address, request_id, details, intake_mac)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`;
    const values = (event: typeof genuine) => [
      event.intakeId,
      event.occurredAt,
      event.actorKind,
      event.actorId,
      event.actorRoles,
      event.action,
      event.targetType,
      event.targetId,
      event.outcome,
      event.sourceAddress,
      event.requestId,
      JSON.stringify(event.details),
      event.intakeMac,
    ];
    // A forgery without the key, and a replay of the genuine pending row, MAC and all, after it was chained.
    await db.query(insert, values({ ...genuine, intakeId: forged, actorId: 'someone', action: 'roles.change' }));
    await db.query(insert, values(genuine));
    await trail.flush();
    const { rows } = await db.query(
      "SELECT target_id, details, outcome FROM audit_events WHERE action = 'audit.intake-rejected' ORDER BY seq",
    );
    expect(rows).toEqual([
      expect.objectContaining({ target_id: forged, outcome: 'failure' }),
      expect.objectContaining({ target_id: genuine.intakeId, outcome: 'failure' }),
    ]);
    expect(rows[0].details).toMatchObject({ claimed: { action: 'roles.change', actor_id: 'someone' } });
    expect(await count('audit_pending')).toBe(0);
    await expect(verification.verify()).resolves.toMatchObject({ ok: true });
  });

  it('a replica that stops chains what it recorded before it goes', async () => {
    const replica = await startTestApp({ databaseUrl: kefu.databaseUrl, env: { KEFU_AUDIT_KEY_DIR: keyDir } });
    const event = await replica.app
      .get(AuditTrail)
      .record({ actor, action: AuditAction.ConfigChange, outcome: AuditOutcome.Success });
    await replica.close();
    const { rows } = await db.query('SELECT seq FROM audit_events WHERE intake_id = $1', [event.intakeId]);
    expect(rows).toHaveLength(1);
  });

  describe('tampering through SQL (as the superuser, triggers switched off)', () => {
    let checkpointSeq: number;

    beforeAll(async () => {
      const signed = await kefu.app.get(AuditCheckpointer).checkpoint();
      checkpointSeq = signed?.lastSeq as number;
      await db.query('CREATE TABLE audit_backup AS SELECT * FROM audit_events');
    });
    afterAll(() => db.query('DROP TABLE audit_backup'));

    /**
     * Applies `sql` with triggers off and, unless `keepConstraint`, without the constraint that ties columns to sealed
     * forms (a column cannot be changed otherwise), verifies through the database path, then restores the trail.
     */
    async function tamper(
      sql: string,
      { keepConstraint = false } = {},
    ): Promise<{ ok: boolean; first_bad_seq: number | null }> {
      if (!keepConstraint) await db.query(`ALTER TABLE audit_events DROP CONSTRAINT ${SEALED_FORM_CONSTRAINT}`);
      await db.query(`SET session_replication_role = replica; ${sql}; SET session_replication_role = origin`);
      try {
        return await verification.verify();
      } finally {
        await db.query(`SET session_replication_role = replica;
          DELETE FROM audit_events; INSERT INTO audit_events SELECT * FROM audit_backup;
          SET session_replication_role = origin`);
        if (!keepConstraint)
          await db.query(`ALTER TABLE audit_events DROP CONSTRAINT IF EXISTS ${SEALED_FORM_CONSTRAINT};
            ${sealedFormConstraintDdl('audit_events', SEALED_FORM_CONSTRAINT)}`);
      }
    }

    it('the database refuses a column that differs from the sealed form', async () => {
      await expect(
        db.query(`SET session_replication_role = replica; UPDATE audit_events SET outcome = 'x' WHERE seq = 5`),
      ).rejects.toThrow(new RegExp(SEALED_FORM_CONSTRAINT));
      await db.query('SET session_replication_role = origin');
    });

    it('a sealed form changed together with its columns does not match its hash', async () => {
      await expect(
        tamper(
          `UPDATE audit_events SET outcome = 'denied', sealed = replace(sealed, '"success"', '"denied"')
             WHERE seq = 5 AND outcome = 'success'`,
          { keepConstraint: true },
        ),
      ).resolves.toMatchObject({ ok: false, first_bad_seq: 5 });
    });

    it('a row without a sealed form (chained before there were sealed forms) is checked from its columns', async () => {
      await expect(
        tamper('UPDATE audit_events SET sealed = NULL WHERE seq BETWEEN 20 AND 30', { keepConstraint: true }),
      ).resolves.toMatchObject({ ok: true });
      await expect(
        tamper(`UPDATE audit_events SET sealed = NULL, actor_id = 'someone-else' WHERE seq = 25`, {
          keepConstraint: true,
        }),
      ).resolves.toMatchObject({ ok: false, first_bad_seq: 25 });
    });

    it('without the constraint, verification checks every row from its columns', async () => {
      await expect(verification.rowForm()).resolves.toBe('sealed');
      await db.query(`ALTER TABLE audit_events DROP CONSTRAINT ${SEALED_FORM_CONSTRAINT}`);
      await expect(verification.rowForm()).resolves.toBe('columns');
      await db.query(sealedFormConstraintDdl('audit_events', SEALED_FORM_CONSTRAINT));
      await expect(verification.rowForm()).resolves.toBe('sealed');
      await expect(tamper('SELECT 1')).resolves.toMatchObject({ ok: true });
      await expect(
        tamper(`UPDATE audit_events SET sealed = replace(sealed, '"success"', '"denied"') WHERE seq = 9`),
      ).resolves.toMatchObject({ ok: true });
      // A weaker constraint put back after the change is no constraint.
      await expect(
        tamper(`UPDATE audit_events SET action = 'nothing.happened' WHERE seq = 11;
                ALTER TABLE audit_events ADD CONSTRAINT ${SEALED_FORM_CONSTRAINT} CHECK (sealed IS NOT NULL)`),
      ).resolves.toMatchObject({ ok: false, first_bad_seq: 11 });
    });

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
