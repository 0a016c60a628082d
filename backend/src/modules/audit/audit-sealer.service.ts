import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { PollLoop, type PollOutcome } from '../../common/scheduling/poll-loop.ts';
import { AuditAction } from './audit-action.ts';
import { canonicalRow, computeIntakeMac, sealedRowHash } from './audit-canonical-form.ts';
import { AuditClock } from './audit-clock.ts';
import { type AuditChainHead, type AuditEventFacts, type AuditRecord, systemActor } from './audit-entry.ts';
import { AuditIntakeRepository, type PendingForSeal, type SealedPlace } from './audit-intake.repository.ts';
import { AuditKeyring } from './audit-keyring.ts';
import { AuditOutcome } from './audit-outcome.ts';

/** Told after each committed batch, so a checkpoint can follow a burst of events without waiting for its timer. */
export interface SealListener {
  sealed(head: AuditChainHead): void;
}

/** Most events one sealing transaction chains: big enough to absorb a burst, small enough to keep the lock short. */
const BATCH = 2_000;
/**
 * How long an idle sealer waits before looking again while events are being recorded here (see `wake`): an event
 * waits about this long to be chained after its commit.
 */
const POLL_MS = 20;
/**
 * After this long without an event recorded in this process, the sealer looks only every REST_MS: an idle replica
 * does not query the intake 50 times a second. Another process's events (another replica's, whose own sealer was
 * woken, or the `kefu` command's) are chained within REST_MS at worst.
 */
const QUIET_AFTER_MS = 2_000;
const REST_MS = 250;
/** After a failure (the database is down or restarting), wait this long: no tight loop of errors meanwhile. */
const RETRY_MS = 1_000;
const sealerActor = systemActor('audit-sealer');

/**
 * Moves recorded events from the intake (`audit_pending`) into the hash chain (`audit_events`): gapless sequence
 * numbers, prev_hash and row_hash, in batches, one transaction per batch — the pending rows leave in the same
 * transaction that chains them, so a crash at any point loses or duplicates nothing. Every replica runs it; the chain
 * head's row lock lets one seal at a time (the others skip their turn). Appends therefore no longer queue for the
 * head: only the sealer does, once per batch.
 *
 * A pending row whose intake MAC does not verify (forged or altered by someone without the chain key), or whose intake
 * id is already in the chain (a replay), is not chained as it stands: the sealer chains an `audit.intake-rejected`
 * event in its place, so the attempt itself becomes part of the tamper-evident record.
 */
@Injectable()
export class AuditSealer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AuditSealer');
  private listener?: SealListener;
  private readonly loop = new PollLoop(() => this.sealPending(), {
    idleMs: POLL_MS,
    retryMs: RETRY_MS,
    rest: { afterMs: QUIET_AFTER_MS, ms: REST_MS },
    onError: (error) => this.logger.warn(`audit sealing failed, will retry in ${RETRY_MS} ms: ${message(error)}`),
  });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly intake: AuditIntakeRepository,
    private readonly keyring: AuditKeyring,
    private readonly clock: AuditClock,
  ) {}

  /** An event was just recorded (its transaction commits soon): stop resting and look every POLL_MS for a while. */
  wake(): void {
    this.loop.wake();
  }

  onSealed(listener: SealListener): void {
    this.listener = listener;
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  /** Chains what this replica (or any other) left pending, so a clean stop leaves nothing behind. */
  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
    await this.flush().catch((error: unknown) =>
      this.logger.error(`could not seal pending audit events at shutdown (the next sealer will): ${message(error)}`),
    );
  }

  /**
   * Seals every event committed before the call, waiting for a sealer in another replica if one is busy, and answers
   * the head of the chain: what a reader that needs its own writes (verify, export, checkpoint, tests) calls first.
   */
  async flush(): Promise<AuditChainHead> {
    for (;;) {
      const batch = (await this.sealBatch(true)) as { head: AuditChainHead; count: number };
      if (batch.count < BATCH) return batch.head;
    }
  }

  /** One transaction: lock the head, chain the oldest pending events, remove them from the intake, move the head. */
  private async sealBatch(wait: boolean): Promise<{ head: AuditChainHead; count: number } | undefined> {
    const batch = await this.dataSource.transaction(async (manager) => {
      const start = await this.intake.lockHead(manager, wait);
      if (!start) return undefined;
      const pending = await this.intake.oldest(manager, BATCH);
      if (pending.length === 0) return { head: start, count: 0 };
      const head = await this.chain(manager, start, pending);
      await this.intake.remove(
        manager,
        pending.map((event) => event.intakeId),
      );
      return { head, count: pending.length };
    });
    if (batch && batch.count > 0) this.listener?.sealed(batch.head);
    return batch;
  }

  private async chain(manager: EntityManager, start: AuditChainHead, pending: PendingForSeal[]) {
    const key = this.keyring.chainSecret();
    const hashAlg = this.keyring.chainAlgorithm;
    const places: SealedPlace[] = [];
    const refused: Array<{ record: AuditRecord; intakeId: string | null }> = [];
    let head = start;
    for (const event of pending) {
      const refusal = event.alreadySealed
        ? 'its intake id is already in the chain (a replayed pending row)'
        : computeIntakeMac(key, hashAlg, event) !== event.intakeMac
          ? 'its intake MAC does not verify (forged or altered while pending)'
          : undefined;
      const { intakeId } = event;
      const record: AuditRecord = {
        // The row hash covers the event's facts only (canonicalRow picks them); intake id and MAC stay behind.
        ...(refusal ? this.refusalFacts(event, refusal) : event),
        seq: head.seq + 1,
        hashAlg,
        prevHash: head.hash,
        rowHash: '',
      };
      const sealed = canonicalRow(record);
      record.rowHash = sealedRowHash(key, hashAlg, record.prevHash, sealed);
      if (refusal) {
        this.logger.error(`refused pending audit event ${intakeId}: ${refusal}; chained as seq ${record.seq}`);
        refused.push({ record, intakeId: event.alreadySealed ? null : intakeId });
      } else places.push({ intakeId, seq: record.seq, prevHash: record.prevHash, rowHash: record.rowHash, sealed });
      head = { seq: record.seq, hash: record.rowHash };
    }
    await this.intake.chain(manager, places, hashAlg, head);
    for (const { record, intakeId } of refused) await this.intake.chainOwn(manager, record, intakeId);
    return head;
  }

  /** What the chain says in place of a refused pending row: enough to investigate, nothing taken on trust. */
  private refusalFacts(event: PendingForSeal, reason: string): AuditEventFacts {
    return {
      occurredAt: this.clock.now().toISOString(),
      actorKind: sealerActor.kind,
      actorId: sealerActor.id,
      actorRoles: [],
      action: AuditAction.AuditIntakeRejected,
      targetType: 'audit-intake',
      targetId: event.intakeId,
      outcome: AuditOutcome.Failure,
      sourceAddress: null,
      requestId: null,
      details: {
        reason,
        claimed: { action: event.action, actor_id: event.actorId, occurred_at: event.occurredAt },
      },
    };
  }

  /** A full batch means a backlog: go on at once. Otherwise look again shortly. */
  private async sealPending(): Promise<PollOutcome> {
    if (!(await this.intake.hasPending())) return 'idle';
    return (await this.sealBatch(false))?.count === BATCH ? 'more' : 'idle';
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
