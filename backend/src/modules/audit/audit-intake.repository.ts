import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { EVENT_COLUMNS, INSERT_COLUMNS, insertValues } from './audit.repository.ts';
import type { AuditChainHead, AuditRecord, PendingAuditEvent } from './audit-entry.ts';

interface PendingRow {
  intake_id: string;
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
  intake_mac: string;
  already_sealed: boolean;
}

/** A pending event as the sealer reads it; `alreadySealed` is true when its intake id is in the chain already. */
export type PendingForSeal = PendingAuditEvent & { alreadySealed: boolean };

/** One sealed event: its pending row is copied into the chain with these values. */
export interface SealedPlace {
  intakeId: string;
  seq: number;
  prevHash: string;
  rowHash: string;
  /** The canonical form the row hash covers; the table's CHECK constraint refuses it if it differs from the row. */
  sealed: string;
}

/** The SQL of the intake (`audit_pending`) and of moving its rows into the chain; the sealer is its only reader. */
@Injectable()
export class AuditIntakeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One statement, no lock: it commits or rolls back with the caller's transaction (autocommits without one). */
  async insert(manager: EntityManager, event: PendingAuditEvent): Promise<void> {
    await manager.query(
      `INSERT INTO audit_pending (intake_id, occurred_at, actor_kind, actor_id, actor_roles, action, target_type,
         target_id, outcome, source_address, request_id, details, intake_mac)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
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
      ],
    );
  }

  /** Cheap enough to ask every few milliseconds: an index probe, no transaction. */
  async hasPending(): Promise<boolean> {
    const rows = await this.dataSource.query('SELECT 1 FROM audit_pending ORDER BY occurred_at, arrival LIMIT 1');
    return rows.length > 0;
  }

  /**
   * Locks the chain head for the rest of the sealing transaction: one sealer at a time across replicas. With
   * `wait: false` a sealer that finds the head taken gets undefined and leaves the work to the one holding it.
   */
  async lockHead(manager: EntityManager, wait: boolean): Promise<AuditChainHead | undefined> {
    const [head] = await manager.query(
      `SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE${wait ? '' : ' SKIP LOCKED'}`,
    );
    if (!head && wait) throw new Error('the audit chain head is missing (migrations not applied?)');
    return head ? { seq: Number(head.last_seq), hash: head.last_hash } : undefined;
  }

  /** The oldest committed pending events (by the time the action happened), at most `limit`. */
  async oldest(manager: EntityManager, limit: number): Promise<PendingForSeal[]> {
    const rows: PendingRow[] = await manager.query(
      `SELECT p.intake_id, to_char(p.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at,
         p.actor_kind, p.actor_id, p.actor_roles, p.action, p.target_type, p.target_id, p.outcome, p.source_address,
         p.request_id, p.details, p.intake_mac,
         EXISTS (SELECT 1 FROM audit_events e WHERE e.intake_id = p.intake_id) AS already_sealed
       FROM audit_pending p ORDER BY p.occurred_at, p.arrival LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({
      intakeId: row.intake_id,
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
      intakeMac: row.intake_mac,
      alreadySealed: row.already_sealed,
    }));
  }

  /**
   * Copies pending rows into the chain with their places and moves the head, in one statement. The content is copied
   * inside the database (what the sealer hashed is what it read, and pending rows cannot be updated), so only the
   * places travel.
   */
  async chain(manager: EntityManager, places: readonly SealedPlace[], hashAlg: string, head: AuditChainHead) {
    await manager.query(
      `WITH inserted AS (
         INSERT INTO audit_events (${EVENT_COLUMNS}, sealed, intake_id)
         SELECT place.seq, p.occurred_at, p.actor_kind, p.actor_id, p.actor_roles, p.action, p.target_type, p.target_id,
           p.outcome, p.source_address, p.request_id, p.details, $5, place.prev_hash, place.row_hash, place.sealed,
           p.intake_id
         FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[], $8::text[])
           AS place(intake_id, seq, prev_hash, row_hash, sealed)
         JOIN audit_pending p ON p.intake_id = place.intake_id
         RETURNING 1)
       UPDATE audit_chain_head SET last_seq = $6, last_hash = $7 WHERE id = 1`,
      [
        places.map((p) => p.intakeId),
        places.map((p) => p.seq),
        places.map((p) => p.prevHash),
        places.map((p) => p.rowHash),
        hashAlg,
        head.seq,
        head.hash,
        places.map((p) => p.sealed),
      ],
    );
  }

  /** Chains an event the sealer writes itself (a refused pending row); `intakeId` lets that row leave the intake. */
  async chainOwn(manager: EntityManager, record: AuditRecord, intakeId: string | null): Promise<void> {
    await manager.query(
      `INSERT INTO audit_events (${INSERT_COLUMNS}, intake_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
      [...insertValues(record), intakeId],
    );
  }

  /** The intake's trigger lets these DELETEs through only because the rows are in the chain now. */
  async remove(manager: EntityManager, intakeIds: readonly string[]): Promise<void> {
    await manager.query('DELETE FROM audit_pending WHERE intake_id = ANY($1::uuid[])', [intakeIds]);
  }
}
