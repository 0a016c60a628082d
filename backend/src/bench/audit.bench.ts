import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { availableParallelism, cpus } from 'node:os';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { KefuConfig } from '../common/config/kefu-config.ts';
import { loadConfig } from '../common/config/load-config.ts';
import { dataSourceOptions } from '../common/database/data-source-options.ts';
import { locateDatabase } from '../common/database/database-location.ts';
import { runMigrations } from '../common/database/migration-runner.ts';
import { createLogger } from '../common/logging/create-logger.ts';
import { migrations } from '../migrations.ts';
import { INSERT_COLUMNS, insertValues } from '../modules/audit/audit.repository.ts';
import { computeRowHash } from '../modules/audit/audit-canonical-form.ts';
import type { ChainRow } from '../modules/audit/audit-entry.ts';
import { type AuditRecord, standaloneAudit, type VerificationResult } from '../modules/audit/index.ts';
import {
  SEALED_FORM_CONSTRAINT,
  sealedFormConstraintDdl,
} from '../modules/audit/migrations/1795790000000-add-audit-sealed-form.ts';
import { appendLoad } from './audit-load-writer.ts';
import { writeBenchmarkSection } from './benchmark-report.ts';

/**
 * `npm run bench:audit`: sustained append rate through `AuditTrail.record` (one transaction per event, as a product
 * module writes them, several writers at once, the sealer chaining them meanwhile; the rate counts until the last
 * event is chained) and verification rate, online through the database (split over the cores) and in memory on one
 * thread. Runs in a scratch database on DATABASE_URL's server (or the embedded one) and drops it.
 */
const APPEND_EVENTS = 4_000;
const WRITER_COUNTS = [1, 4, 16];
const WRITERS = Math.max(...WRITER_COUNTS);
const VERIFY_EVENTS = 200_000;

async function main(): Promise<void> {
  const values = { ...loadConfig(), KEFU_AUDIT_KEY_DIR: `./.kefu/bench-keys-${randomBytes(4).toString('hex')}` };
  const config = new KefuConfig(values);
  const database = await locateDatabase(config, createLogger('warn'));
  const name = `kefu_audit_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(database.url);
  url.pathname = `/${name}`;
  const benchConfig = new KefuConfig({ ...values, DATABASE_URL: url.toString(), KEFU_DB_POOL_MAX: WRITERS + 4 });
  const dataSource = new DataSource(dataSourceOptions(benchConfig, url.toString(), migrations));
  try {
    await dataSource.initialize();
    await runMigrations(dataSource);
    await appendLoad(benchConfig, dataSource, 1_000, WRITERS, 'warm-up');
    const appends = [];
    for (const writers of WRITER_COUNTS)
      appends.push({ writers, ...(await appendLoad(benchConfig, dataSource, APPEND_EVENTS, writers, 'bench')) });

    const audit = standaloneAudit(benchConfig, dataSource);
    await fill(dataSource, audit.keyring.chainKey(), audit.keyring.chainAlgorithm, VERIFY_EVENTS);
    await audit.checkpointer.checkpoint();
    const online = await timed(() => audit.verification.verify());
    // The path verification takes when the sealed-form constraint was removed: every row from its columns.
    await dataSource.query(`ALTER TABLE audit_events DROP CONSTRAINT ${SEALED_FORM_CONSTRAINT}`);
    const byColumns = await timed(() => audit.verification.verify());
    await dataSource.query(sealedFormConstraintDdl('audit_events', SEALED_FORM_CONSTRAINT));
    const rows: ChainRow[] = [];
    for await (const batch of audit.repository.chainRows(1, undefined, 'sealed')) rows.push(...batch);
    const checkpoints = await audit.repository.checkpoints();
    const inMemory = await timed(() => audit.verification.verifier().verify([rows], checkpoints));
    const rate = (verified: typeof online) => `${Math.round(verified.result.checked / verified.seconds)} events/s`;

    const table = [
      '| measure | events | result |',
      '| --- | ---: | ---: |',
      ...appends.map(
        (a) =>
          `| append, ${a.writers} concurrent writer(s), one transaction per event, until all are chained | ${a.written} | ${Math.round(a.written / a.seconds)} events/s, record p50 ${a.p50Ms} ms, p99 ${a.p99Ms} ms |`,
      ),
      `| verify online, sealed forms (PostgreSQL → ${availableParallelism()} verification threads) | ${online.result.checked} | ${rate(online)} |`,
      `| verify online from columns (constraint removed; PostgreSQL → ${availableParallelism()} threads) | ${byColumns.result.checked} | ${rate(byColumns)} |`,
      `| verify in memory (sealed forms already read, one thread) | ${inMemory.result.checked} | ${rate(inMemory)} |`,
    ].join('\n');
    process.stdout.write(`${table}\n`);
    await writeBenchmarkSection('audit', {
      title: 'Audit trail: append and verification',
      command: 'npm run bench:audit',
      body: [
        `Chain ${audit.keyring.chainAlgorithm}, PostgreSQL on the same ${cpus().length}-core machine, synchronous commit on.`,
        'Targets (issue 4): append ≥ 2,000 events/s with p99 ≤ 20 ms; verification ≥ 200,000 events/s.',
        '',
        table,
      ].join('\n'),
    });
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    await database.close();
    // The bench's throw-away audit keys: nothing outside the dropped database was signed with them.
    await rm(config.audit.keyDir, { recursive: true, force: true });
  }
}

/** Runs a verification, refuses a failed one (the bench trail is valid), and times it. */
async function timed(verify: () => Promise<VerificationResult>) {
  const started = performance.now();
  const result = await verify();
  const seconds = (performance.now() - started) / 1000;
  if (!result.ok) throw new Error(`the bench trail does not verify: ${result.reason}`);
  return { result, seconds };
}

/** Appends `count` valid events in bulk (multi-row INSERTs), chained under the real key, to have a trail to verify. */
async function fill(dataSource: DataSource, key: Buffer, hashAlg: string, count: number): Promise<void> {
  const [head] = await dataSource.query('SELECT last_seq, last_hash FROM audit_chain_head');
  let seq = Number(head.last_seq);
  let prevHash: string = head.last_hash;
  const start = Date.now();
  for (let done = 0; done < count; ) {
    const values: unknown[] = [];
    const tuples: string[] = [];
    for (let i = 0; i < 1_000 && done < count; i += 1, done += 1) {
      seq += 1;
      const row: AuditRecord = {
        seq,
        occurredAt: new Date(start + seq).toISOString(),
        actorKind: 'staff',
        actorId: `agent-${seq % 50}`,
        actorRoles: ['agent'],
        action: 'personal-data.reveal',
        targetType: 'conversation',
        targetId: `c-${seq}`,
        outcome: 'success',
        sourceAddress: '10.0.0.1',
        requestId: `req-${seq}`,
        details: { field: 'phone', phone: 'hmac-sha256:0123456789abcdef0123456789abcdef' },
        hashAlg,
        prevHash,
        rowHash: '',
      };
      row.rowHash = computeRowHash(key, row);
      prevHash = row.rowHash;
      const base = values.length;
      values.push(...insertValues(row));
      tuples.push(`(${Array.from({ length: 16 }, (_, k) => `$${base + k + 1}`).join(', ')})`);
    }
    await dataSource.query(`INSERT INTO audit_events (${INSERT_COLUMNS}) VALUES ${tuples.join(', ')}`, values);
  }
  await dataSource.query('UPDATE audit_chain_head SET last_seq = $1, last_hash = $2', [seq, prevHash]);
  // What autovacuum does to a trail that grew this much, so the bench verifies a settled table rather than paying for
  // a bulk load once: statistics (without them the planner sorts the rest of the table for each batch instead of
  // walking the primary key) and the rows' visibility hint bits (set by the first reader of each page otherwise).
  await dataSource.query('VACUUM ANALYZE audit_events');
}

await main();
