import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { currentRequestId } from '../../common/logging/request-context.ts';
import { computeIntakeMac } from './audit-canonical-form.ts';
import { AuditClock } from './audit-clock.ts';
import type { AuditChainHead, AuditEntry, PendingAuditEvent } from './audit-entry.ts';
import { AuditIntakeRepository } from './audit-intake.repository.ts';
import { AuditKeyring } from './audit-keyring.ts';
import { AuditSealer } from './audit-sealer.service.ts';
import { AuditUnavailableError } from './audit-unavailable.error.ts';

/**
 * What every module calls to record a security-relevant action, inside the transaction of the action itself
 * (STYLE.md: the audit record joins the action's transaction). If the record cannot be written the action fails
 * with 503 and commits nothing: fail-closed. The event goes into the intake without any shared lock, so audited
 * transactions no longer queue for each other; the sealer chains it within milliseconds of the commit.
 */
@Injectable()
export class AuditTrail {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly intake: AuditIntakeRepository,
    private readonly sealer: AuditSealer,
    private readonly keyring: AuditKeyring,
    private readonly clock: AuditClock,
  ) {}

  /**
   * Records one event. Pass the action's EntityManager (from `dataSource.transaction(...)`) so both commit or neither
   * does; without one the event commits on its own. It has no sequence number yet: call `flush()` to read it back.
   */
  async record(entry: AuditEntry, manager: EntityManager = this.dataSource.manager): Promise<PendingAuditEvent> {
    try {
      const event = this.toPendingEvent(entry);
      await this.intake.insert(manager, event);
      this.sealer.wake();
      return event;
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

  /** Chains every event committed so far (in any replica) and answers the head: read-your-writes for readers. */
  flush(): Promise<AuditChainHead> {
    return this.sealer.flush();
  }

  private toPendingEvent(entry: AuditEntry): PendingAuditEvent {
    const details: Record<string, unknown> = { ...entry.details };
    for (const [name, value] of Object.entries(entry.personalData ?? {}))
      details[name] = this.keyring.pseudonymize(value);
    const facts = {
      intakeId: randomUUID(),
      // The time of the action, fixed here; sequence numbers follow the order of sealing, which takes the oldest first.
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
      // As the database will give it back (jsonb), so the intake MAC checks out at sealing.
      details: JSON.parse(JSON.stringify(details)) as Record<string, unknown>,
    };
    return { ...facts, intakeMac: computeIntakeMac(this.keyring.chainSecret(), this.keyring.chainAlgorithm, facts) };
  }
}
