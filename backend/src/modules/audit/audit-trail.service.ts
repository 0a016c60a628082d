import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { currentRequestId } from '../../common/logging/request-context.ts';
import { AuditRepository } from './audit.repository.ts';
import { computeRowHash } from './audit-canonical-form.ts';
import { AuditClock } from './audit-clock.ts';
import type { AuditEntry, AuditRecord } from './audit-entry.ts';
import { AuditKeyring } from './audit-keyring.ts';
import { AuditUnavailableError } from './audit-unavailable.error.ts';

/** Told after each append, so a checkpoint can follow a burst of events without waiting for the timer. */
export interface AppendListener {
  appended(seq: number): void;
}

/**
 * What every module calls to record a security-relevant action, inside the transaction of the action itself
 * (STYLE.md: the audit record joins the action's transaction). If the record cannot be written the action fails
 * with 503 and commits nothing: fail-closed.
 */
@Injectable()
export class AuditTrail {
  private listener?: AppendListener;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AuditRepository,
    private readonly keyring: AuditKeyring,
    private readonly clock: AuditClock,
  ) {}

  onAppend(listener: AppendListener): void {
    this.listener = listener;
  }

  /**
   * Appends one event. Pass the action's EntityManager (from `dataSource.transaction(...)`) so both commit or neither
   * does; without one the event gets a transaction of its own. The chain head stays locked until that transaction
   * ends, so keep the rest of it short.
   */
  async record(entry: AuditEntry, manager?: EntityManager): Promise<AuditRecord> {
    if (!manager?.queryRunner?.isTransactionActive) {
      // A lock taken outside a transaction ends with its statement, which would let two writers take one number.
      return this.dataSource
        .transaction((own) => this.record(entry, own))
        .catch((error: unknown) => {
          throw error instanceof AuditUnavailableError ? error : new AuditUnavailableError(error);
        });
    }
    try {
      const head = await this.repository.lockHead(manager);
      const row = this.toRecord(entry, head.seq + 1, head.hash);
      await this.repository.append(manager, row);
      this.listener?.appended(row.seq);
      return row;
    } catch (error) {
      throw new AuditUnavailableError(error);
    }
  }

  /** Runs `work` and records its event in one transaction; `entry` may depend on what `work` returned. */
  async runAudited<T>(
    entry: AuditEntry | ((result: T) => AuditEntry),
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const result = await work(manager);
      await this.record(typeof entry === 'function' ? entry(result) : entry, manager);
      return result;
    });
  }

  private toRecord(entry: AuditEntry, seq: number, prevHash: string): AuditRecord {
    const details: Record<string, unknown> = { ...entry.details };
    for (const [name, value] of Object.entries(entry.personalData ?? {}))
      details[name] = this.keyring.pseudonymize(value);
    const row: AuditRecord = {
      seq,
      // Taken while the head is locked, so times never run backwards along the chain within one clock.
      occurredAt: this.clock.now().toISOString(),
      actorKind: entry.actor.kind,
      actorId: entry.actor.id,
      actorRoles: [...entry.actor.roles],
      action: entry.action,
      targetType: entry.target?.type || null,
      targetId: entry.target?.id || null,
      outcome: entry.outcome,
      sourceAddress: entry.sourceAddress || entry.actor.sourceAddress || null,
      requestId: entry.requestId || currentRequestId() || null,
      details: JSON.parse(JSON.stringify(details)) as Record<string, unknown>,
      hashAlg: this.keyring.chainAlgorithm,
      prevHash,
      rowHash: '',
    };
    row.rowHash = computeRowHash(this.keyring.chainKey(), row);
    return row;
  }
}
