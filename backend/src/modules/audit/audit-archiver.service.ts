import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { Injectable } from '@nestjs/common';
import { KefuConfig } from '../../common/config/kefu-config.ts';
import { AuditRepository } from './audit.repository.ts';
import { AuditAction } from './audit-action.ts';
import { AuditClock } from './audit-clock.ts';
import { type AuditActor, GENESIS_HASH } from './audit-entry.ts';
import { AuditExporter } from './audit-exporter.service.ts';
import { AuditOutcome } from './audit-outcome.ts';
import { AuditRefusedError } from './audit-refused.error.ts';
import { AuditTrail } from './audit-trail.service.ts';
import { AuditVerification } from './audit-verification.service.ts';

const DAY_MS = 24 * 3600 * 1000;

export interface ArchiveResult {
  fromSeq: number;
  toSeq: number;
  count: number;
  file: string;
  sha256: string;
  purged: number;
}

/**
 * Moves old segments of the trail into signed files. Retention (DESIGN.md): events stay online at least
 * KEFU_AUDIT_RETENTION_DAYS (≥ 180 days); a purge of younger events is refused here and again by the database
 * trigger, which also insists that an archive record covers every deleted row.
 */
@Injectable()
export class AuditArchiver {
  constructor(
    private readonly repository: AuditRepository,
    private readonly exporter: AuditExporter,
    private readonly verification: AuditVerification,
    private readonly trail: AuditTrail,
    private readonly clock: AuditClock,
    private readonly config: KefuConfig,
  ) {}

  async archive(options: { before: Date; out: string; purge: boolean; actor: AuditActor }): Promise<ArchiveResult> {
    const { before, out, purge, actor } = options;
    const minimumAge = this.config.audit.retentionDays * DAY_MS;
    if (purge && before.getTime() > this.clock.now().getTime() - minimumAge)
      throw new AuditRefusedError(
        `refused: events younger than ${this.config.audit.retentionDays} days (KEFU_AUDIT_RETENTION_DAYS) must stay online; choose --before ${new Date(this.clock.now().getTime() - minimumAge).toISOString().slice(0, 10)} or earlier`,
      );
    // Archives hold chained events only; seal what is pending so the segment's end is where the caller expects it.
    await this.trail.flush();
    const anchor = (await this.repository.archiveAnchor()) ?? { upToSeq: 0, lastHash: GENESIS_HASH };
    const firstKept = await this.repository.firstSeqAtOrAfter(before);
    const toSeq = firstKept === undefined ? ((await this.repository.lastRow())?.seq ?? 0) : firstKept - 1;
    if (toSeq <= anchor.upToSeq) throw new AuditRefusedError(`nothing online is older than ${before.toISOString()}`);
    const check = await this.verification.verifyFrom(anchor, toSeq);
    if (!check.ok)
      throw new AuditRefusedError(
        `refused: the segment does not verify (first bad sequence ${check.first_bad_seq}: ${check.reason})`,
      );
    const { body, count } = await this.exporter.export({ fromSeq: anchor.upToSeq + 1, toSeq }, 'jsonl');
    await writeFile(out, body, { mode: 0o600 });
    const sha256 = createHash('sha256').update(body).digest('hex');
    const lastHash = (await this.repository.rowHashAt(toSeq)) as string;
    const purged = await this.trail.runAudited<number>(
      (deleted) => ({
        actor,
        action: AuditAction.AuditArchive,
        outcome: AuditOutcome.Success,
        target: { type: 'audit-segment', id: `${anchor.upToSeq + 1}-${toSeq}` },
        details: { before: before.toISOString(), count, sha256, purged: deleted },
      }),
      (manager) =>
        purge
          ? this.repository.purgeArchived(manager, { upToSeq: toSeq, lastHash, before, fileSha256: sha256 })
          : Promise.resolve(0),
    );
    return { fromSeq: anchor.upToSeq + 1, toSeq, count, file: out, sha256, purged };
  }
}
