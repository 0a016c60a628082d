import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { KefuConfig } from '../../common/config/kefu-config.ts';
import { AuditAction, type AuditActor, AuditOutcome, AuditTrail } from '../audit/index.ts';
import { DataKeys } from '../crypto/index.ts';
import { CustomerErasure } from './customer-erasure.use-case.ts';
import { CustomerProfileRepository } from './customer-profile.repository.ts';
import { CustomerProfileNotFoundError } from './customer-profile-not-found.error.ts';
import { DataClass } from './data-class.ts';
import { LegalHoldRepository } from './legal-hold.repository.ts';
import { LegalHoldActiveError } from './legal-hold-active.error.ts';

export interface RetentionReport {
  /** False when another replica (or `kefu retention run`) held the lock: nothing was done. */
  ran: boolean;
  transcriptPeriodsShredded: string[];
  customerProfilesErased: number;
  heldClasses: DataClass[];
}

const DAY_MS = 86_400_000;
const PROFILE_BATCH = 500;
export const TRANSCRIPTS_PURPOSE = 'transcripts';

/**
 * Deletes or crypto-shreds what has outlived its retention period, once per run across all replicas (a PostgreSQL
 * advisory lock held for the run; a replica that does not get it skips). Per data class:
 * - transcripts: encrypted under one data key per month (purpose `transcripts`, period `YYYY-MM`); a month whose
 *   last day is older than KEFU_RETENTION_TRANSCRIPTS_DAYS has its key destroyed, which shreds every transcript of
 *   that month at once, backups included;
 * - customer profiles: unchanged for KEFU_RETENTION_CUSTOMER_PROFILES_DAYS → erased like a PIPL request;
 * - audit: kept by the audit module (at least 180 days online, then `kefu audit archive --purge`); never deleted here.
 * A legal hold on a class (or on one profile) keeps it. Each destruction and the run itself are audited.
 */
@Injectable()
export class RetentionJob {
  private readonly logger = new Logger('RetentionJob');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: KefuConfig,
    private readonly keys: DataKeys,
    private readonly profiles: CustomerProfileRepository,
    private readonly holds: LegalHoldRepository,
    private readonly erasure: CustomerErasure,
    private readonly trail: AuditTrail,
  ) {}

  async run(actor: AuditActor, now: Date = new Date()): Promise<RetentionReport> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query(
        `SELECT pg_try_advisory_lock(hashtext('kefu.privacy.retention')) AS locked`,
      );
      if (!locked) return { ran: false, transcriptPeriodsShredded: [], customerProfilesErased: 0, heldClasses: [] };
      try {
        return await this.runLocked(actor, now);
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtext('kefu.privacy.retention'))`);
      }
    } finally {
      await runner.release();
    }
  }

  private async runLocked(actor: AuditActor, now: Date): Promise<RetentionReport> {
    const heldClasses: DataClass[] = [];
    const classHeld = async (dataClass: DataClass) => {
      const held = (await this.holds.active(dataClass)).some((hold) => hold.subjectId === null);
      if (held) heldClasses.push(dataClass);
      return held;
    };

    const transcriptPeriodsShredded: string[] = [];
    if (!(await classHeld(DataClass.Transcripts))) {
      // A month may go once its last day is past the cut-off, i.e. its period sorts before the cut-off's month.
      const cutoff = new Date(now.getTime() - this.config.retention.transcriptsDays * DAY_MS);
      const cutoffMonth = cutoff.toISOString().slice(0, 7);
      for (const period of await this.keys.periodsBefore(TRANSCRIPTS_PURPOSE, cutoffMonth)) {
        await this.trail.runAudited(
          {
            actor,
            action: AuditAction.KeysDestroy,
            outcome: AuditOutcome.Success,
            target: { type: 'data-key', id: `${TRANSCRIPTS_PURPOSE}/${period}` },
            details: { operation: 'retention', data_class: DataClass.Transcripts, period },
          },
          (manager) => this.keys.destroy(manager, TRANSCRIPTS_PURPOSE, period),
        );
        transcriptPeriodsShredded.push(period);
      }
    }

    let customerProfilesErased = 0;
    if (!(await classHeld(DataClass.CustomerProfiles))) {
      const before = new Date(now.getTime() - this.config.retention.customerProfilesDays * DAY_MS);
      const heldIds = (await this.holds.active(DataClass.CustomerProfiles))
        .map((hold) => hold.subjectId)
        .filter((id): id is string => id !== null);
      for (;;) {
        const expired = await this.profiles.expired(before, heldIds, PROFILE_BATCH);
        let erasedInBatch = 0;
        for (const id of expired) {
          try {
            await this.erasure.erase(id, actor, 'retention period expired', 'retention');
            erasedInBatch += 1;
          } catch (error) {
            // Erased or put on hold since the list was read: nothing to do for this one, the rest still go.
            if (!(error instanceof CustomerProfileNotFoundError || error instanceof LegalHoldActiveError)) throw error;
          }
        }
        customerProfilesErased += erasedInBatch;
        // A short batch is the last one; a batch that erased nothing (a hold placed meanwhile) would repeat forever.
        if (expired.length < PROFILE_BATCH || erasedInBatch === 0) break;
      }
    }
    if (await classHeld(DataClass.Audit)) this.logger.log('audit trail under legal hold: archive purges must wait');

    const report = { ran: true, transcriptPeriodsShredded, customerProfilesErased, heldClasses };
    await this.trail.record({
      actor,
      action: AuditAction.RetentionRun,
      outcome: AuditOutcome.Success,
      target: { type: 'retention-run', id: now.toISOString() },
      details: {
        transcripts_days: this.config.retention.transcriptsDays,
        customer_profiles_days: this.config.retention.customerProfilesDays,
        audit_days: this.config.audit.retentionDays,
        transcript_periods_shredded: transcriptPeriodsShredded,
        customer_profiles_erased: customerProfilesErased,
        held_classes: heldClasses,
      },
    });
    this.logger.log(
      `retention: ${transcriptPeriodsShredded.length} transcript months shredded, ${customerProfilesErased} profiles erased`,
    );
    return report;
  }
}
