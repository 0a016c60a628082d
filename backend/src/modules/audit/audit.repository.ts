import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type pg from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { canonicalRow } from './audit-canonical-form.ts';
import type { AuditArchiveAnchor, AuditChainHead, AuditCheckpoint, AuditRecord, ChainRow } from './audit-entry.ts';
import { type ArrayQuery, arrayQuery, eventBatches, type RowForm, sealedBatches } from './audit-row-stream.ts';
import { SEALED_FORM_CONSTRAINT, sealedFormConstraintDdl } from './migrations/1795790000000-add-audit-sealed-form.ts';

/** Search criteria of the auditor API; every field optional, combined with AND. */
export interface AuditSearch {
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  outcome?: string;
  from?: Date;
  to?: Date;
  afterSeq?: number;
  limit: number;
}

interface EventRow {
  seq: string;
  occurred_at: string;
  actor_kind: string;
  actor_id: string;
  actor_roles: string[];
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: string;
  source_address: string | null;
  request_id: string | null;
  details: Record<string, unknown>;
  hash_alg: string;
  prev_hash: string;
  row_hash: string;
}

interface CheckpointRow {
  id: string;
  last_seq: string;
  head_hash: string;
  created_at: Date;
  signature_alg: string;
  key_id: string;
  signature: string;
}

export const EVENT_COLUMNS =
  'seq, occurred_at, actor_kind, actor_id, actor_roles, action, target_type, target_id, outcome, source_address, request_id, details, hash_alg, prev_hash, row_hash';
/**
 * The time comes back as the exact ISO string that was hashed (formatted by PostgreSQL, which is cheaper than the
 * driver's Date parsing on the verification path).
 */
const SELECT_COLUMNS = EVENT_COLUMNS.replace(
  'occurred_at',
  `to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at`,
);

/** Any fixed numbers, the same in every replica: one checkpoint writer and one SIEM forwarder at a time. */
export const CHECKPOINT_LOCK_KEY = 0x61756431; // "aud1"
export const FORWARD_LOCK_KEY = 0x61756432; // "aud2"

/** The only place that knows the audit tables' SQL. */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  /** Rows in sequence order from `fromSeq` (inclusive), in batches, on one pooled connection held until the end. */
  batches(fromSeq: number, toSeq?: number): AsyncGenerator<AuditRecord[]> {
    return this.onOneConnection((query) => eventBatches(query, fromSeq, toSeq));
  }

  /** Where verification threads connect: each opens a connection of its own (audit-range-scan.ts). */
  databaseUrl(): string {
    const { url } = this.dataSource.options as { url?: string };
    if (!url) throw new Error('audit verification needs a data source configured by URL');
    return url;
  }

  /** The same rows as verification reads them: by sealed form (see `sealedFormIntact`) or by columns. */
  chainRows(fromSeq: number, toSeq: number | undefined, form: RowForm): AsyncGenerator<ChainRow[]> {
    return this.onOneConnection((query) =>
      form === 'sealed' ? sealedBatches(query, fromSeq, toSeq) : eventBatches(query, fromSeq, toSeq),
    );
  }

  /**
   * True when the CHECK constraint that ties every row's columns to its sealed form is in place, validated and says
   * what it was created to say — compared with the same DDL deparsed on a scratch table by this server, so the answer
   * does not depend on how a PostgreSQL version prints expressions. Read from the catalog each time: a superuser can
   * drop or replace the constraint without touching a row.
   */
  async sealedFormIntact(): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('CREATE TEMP TABLE audit_sealed_reference (LIKE audit_events) ON COMMIT DROP');
      await manager.query(sealedFormConstraintDdl('audit_sealed_reference', 'audit_sealed_reference_check'));
      const rows: Array<{ reference: boolean; convalidated: boolean; definition: string }> = await manager.query(
        `SELECT conrelid = 'audit_sealed_reference'::regclass AS reference, convalidated,
           pg_get_constraintdef(oid) AS definition
         FROM pg_constraint
         WHERE (conrelid = 'audit_events'::regclass AND conname = $1)
            OR (conrelid = 'audit_sealed_reference'::regclass AND contype = 'c')`,
        [SEALED_FORM_CONSTRAINT],
      );
      const live = rows.find((row) => !row.reference);
      const reference = rows.find((row) => row.reference);
      return live?.convalidated === true && live.definition === reference?.definition;
    });
  }

  private async *onOneConnection<T>(read: (query: ArrayQuery) => AsyncGenerator<T>): AsyncGenerator<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      yield* read(arrayQuery((await runner.connect()) as pg.PoolClient));
    } finally {
      await runner.release();
    }
  }

  async lastRow(manager: EntityManager = this.dataSource.manager): Promise<AuditChainHead | undefined> {
    const [row] = await manager.query('SELECT seq, row_hash FROM audit_events ORDER BY seq DESC LIMIT 1');
    return row ? { seq: Number(row.seq), hash: row.row_hash } : undefined;
  }

  async rowHashAt(seq: number): Promise<string | undefined> {
    const [row] = await this.dataSource.query('SELECT row_hash FROM audit_events WHERE seq = $1', [seq]);
    return row?.row_hash;
  }

  async firstSeqAtOrAfter(time: Date): Promise<number | undefined> {
    const [row] = await this.dataSource.query('SELECT min(seq) AS seq FROM audit_events WHERE occurred_at >= $1', [
      time,
    ]);
    return row?.seq === null || row?.seq === undefined ? undefined : Number(row.seq);
  }

  async search(criteria: AuditSearch): Promise<AuditRecord[]> {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      if (value === undefined) return;
      parameters.push(value);
      conditions.push(sql.replace('?', `$${parameters.length}`));
    };
    add('actor_id = ?', criteria.actorId);
    add('action = ?', criteria.action);
    add('target_type = ?', criteria.targetType);
    add('target_id = ?', criteria.targetId);
    add('outcome = ?', criteria.outcome);
    add('occurred_at >= ?', criteria.from);
    add('occurred_at < ?', criteria.to);
    add('seq > ?', criteria.afterSeq);
    parameters.push(criteria.limit);
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT ${SELECT_COLUMNS} FROM audit_events ${where} ORDER BY seq LIMIT $${parameters.length}`,
      parameters,
    );
    return rows.map(toRecord);
  }

  async checkpoints(fromSeq = 0, toSeq = Number.MAX_SAFE_INTEGER): Promise<AuditCheckpoint[]> {
    const rows: CheckpointRow[] = await this.dataSource.query(
      'SELECT * FROM audit_checkpoints WHERE last_seq >= $1 AND last_seq <= $2 ORDER BY last_seq, id',
      [fromSeq, toSeq],
    );
    return rows.map(toCheckpoint);
  }

  async latestCheckpoint(manager: EntityManager = this.dataSource.manager): Promise<AuditCheckpoint | undefined> {
    const [row] = await manager.query('SELECT * FROM audit_checkpoints ORDER BY last_seq DESC, id DESC LIMIT 1');
    return row ? toCheckpoint(row) : undefined;
  }

  async insertCheckpoint(manager: EntityManager, checkpoint: AuditCheckpoint): Promise<void> {
    await manager.query(
      'INSERT INTO audit_checkpoints (last_seq, head_hash, created_at, signature_alg, key_id, signature) VALUES ($1, $2, $3, $4, $5, $6)',
      [
        checkpoint.lastSeq,
        checkpoint.headHash,
        checkpoint.createdAt,
        checkpoint.signatureAlg,
        checkpoint.keyId,
        checkpoint.signature,
      ],
    );
  }

  /** The newest archive purge: online verification starts after it. */
  async archiveAnchor(): Promise<AuditArchiveAnchor | undefined> {
    const [row] = await this.dataSource.query(
      'SELECT up_to_seq, last_hash FROM audit_archives ORDER BY up_to_seq DESC LIMIT 1',
    );
    return row ? { upToSeq: Number(row.up_to_seq), lastHash: row.last_hash } : undefined;
  }

  /**
   * Records the archive and deletes the rows it covers, in the caller's transaction. The append-only trigger lets
   * this DELETE through only because the session setting is on, the rows are past the legal minimum age and the
   * archive record just inserted covers them.
   */
  async purgeArchived(
    manager: EntityManager,
    archive: AuditArchiveAnchor & { before: Date; fileSha256: string },
  ): Promise<number> {
    await manager.query(
      'INSERT INTO audit_archives (up_to_seq, last_hash, before_time, file_sha256) VALUES ($1, $2, $3, $4)',
      [archive.upToSeq, archive.lastHash, archive.before, archive.fileSha256],
    );
    await manager.query(`SELECT set_config('kefu.audit_purge', 'on', true)`);
    const [deleted] = await manager.query(
      'WITH gone AS (DELETE FROM audit_events WHERE seq <= $1 RETURNING 1) SELECT count(*) AS n FROM gone',
      [archive.upToSeq],
    );
    await manager.query(`SELECT set_config('kefu.audit_purge', 'off', true)`);
    return Number(deleted.n);
  }

  async forwardingPosition(
    manager: EntityManager,
    target: string,
  ): Promise<{ lastSeq: number; lastCheckpointId: number }> {
    await manager.query(
      'INSERT INTO audit_forwarding (target, last_seq, last_checkpoint_id) VALUES ($1, 0, 0) ON CONFLICT DO NOTHING',
      [target],
    );
    const [row] = await manager.query(
      'SELECT last_seq, last_checkpoint_id FROM audit_forwarding WHERE target = $1 FOR UPDATE',
      [target],
    );
    return { lastSeq: Number(row.last_seq), lastCheckpointId: Number(row.last_checkpoint_id) };
  }

  async eventsAfter(manager: EntityManager, seq: number, limit: number): Promise<AuditRecord[]> {
    const rows: EventRow[] = await manager.query(
      `SELECT ${SELECT_COLUMNS} FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [seq, limit],
    );
    return rows.map(toRecord);
  }

  async checkpointsAfter(manager: EntityManager, id: number): Promise<Array<AuditCheckpoint & { id: number }>> {
    const rows: CheckpointRow[] = await manager.query(
      'SELECT * FROM audit_checkpoints WHERE id > $1 ORDER BY id LIMIT 100',
      [id],
    );
    return rows.map((row) => ({ ...toCheckpoint(row), id: Number(row.id) }));
  }

  async saveForwardingPosition(
    manager: EntityManager,
    target: string,
    position: { lastSeq: number; lastCheckpointId: number },
  ): Promise<void> {
    await manager.query('UPDATE audit_forwarding SET last_seq = $2, last_checkpoint_id = $3 WHERE target = $1', [
      target,
      position.lastSeq,
      position.lastCheckpointId,
    ]);
  }
}

function toRecord(row: EventRow): AuditRecord {
  return {
    seq: Number(row.seq),
    occurredAt: row.occurred_at,
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    actorRoles: row.actor_roles,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    outcome: row.outcome,
    sourceAddress: row.source_address,
    requestId: row.request_id,
    details: row.details,
    hashAlg: row.hash_alg,
    prevHash: row.prev_hash,
    rowHash: row.row_hash,
  };
}

function toCheckpoint(row: CheckpointRow): AuditCheckpoint {
  return {
    lastSeq: Number(row.last_seq),
    headHash: row.head_hash,
    createdAt: row.created_at.toISOString(),
    signatureAlg: row.signature_alg,
    keyId: row.key_id,
    signature: row.signature,
  };
}

/** What is written for one chained event: its columns and its sealed form. */
export const INSERT_COLUMNS = `${EVENT_COLUMNS}, sealed`;

/** The values of one event in INSERT_COLUMNS order (the sealer's own events; the benchmark that bulk-loads a trail). */
export function insertValues(row: AuditRecord): unknown[] {
  return [
    row.seq,
    row.occurredAt,
    row.actorKind,
    row.actorId,
    row.actorRoles,
    row.action,
    row.targetType,
    row.targetId,
    row.outcome,
    row.sourceAddress,
    row.requestId,
    JSON.stringify(row.details),
    row.hashAlg,
    row.prevHash,
    row.rowHash,
    canonicalRow(row),
  ];
}
