import { appendFile } from 'node:fs/promises';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { KefuConfig } from '../../common/config/kefu-config.ts';
import { AuditRepository, CHECKPOINT_LOCK_KEY } from './audit.repository.ts';
import { checkpointStatement } from './audit-canonical-form.ts';
import { AuditClock } from './audit-clock.ts';
import type { AuditCheckpoint } from './audit-entry.ts';
import { AuditKeyring } from './audit-keyring.ts';
import { AuditSealer } from './audit-sealer.service.ts';
import { AuditVerification } from './audit-verification.service.ts';

/**
 * Signs the chain head every KEFU_AUDIT_CHECKPOINT_INTERVAL_MS or KEFU_AUDIT_CHECKPOINT_EVERY_EVENTS events. A signed
 * checkpoint is what makes deleting the newest rows detectable: the HMAC chain alone cannot tell a short trail from a
 * truncated one. Before signing it verifies the rows since the previous checkpoint, so it never vouches for a
 * tampered trail.
 */
@Injectable()
export class AuditCheckpointer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AuditCheckpointer');
  private timer?: NodeJS.Timeout;
  private lastSignedSeq = 0;
  private running?: Promise<unknown>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AuditRepository,
    private readonly keyring: AuditKeyring,
    private readonly verification: AuditVerification,
    private readonly clock: AuditClock,
    private readonly config: KefuConfig,
    private readonly sealer: AuditSealer,
  ) {
    sealer.onSealed({ sealed: (head) => this.sealed(head.seq) });
  }

  onApplicationBootstrap(): void {
    this.keyring.load();
    // unref: a pending checkpoint never keeps a stopping process alive; the next start signs what is left.
    this.timer = setInterval(() => this.tick(), this.config.audit.checkpointIntervalMs).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /**
   * Chains what is pending, then signs the head unless it is already signed; one replica at a time. Null when there
   * was nothing new.
   */
  async checkpoint(): Promise<AuditCheckpoint | null> {
    await this.sealer.flush();
    const created = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [CHECKPOINT_LOCK_KEY]);
      const [latest, head] = [await this.repository.latestCheckpoint(manager), await this.repository.lastRow(manager)];
      if (!head || head.seq <= (latest?.lastSeq ?? 0)) return null;
      const anchor = latest
        ? { upToSeq: latest.lastSeq, lastHash: latest.headHash }
        : ((await this.repository.archiveAnchor()) ?? { upToSeq: 0, lastHash: '0'.repeat(64) });
      const check = await this.verification.verifyFrom(anchor, head.seq);
      if (!check.ok)
        throw new Error(`refusing to sign a checkpoint: ${check.reason} (first bad sequence ${check.first_bad_seq})`);
      const unsigned = {
        lastSeq: head.seq,
        headHash: head.hash,
        createdAt: this.clock.now().toISOString(),
        signatureAlg: this.keyring.signatureAlgorithm,
        keyId: this.keyring.signingKeyId(),
      };
      const checkpoint: AuditCheckpoint = { ...unsigned, signature: this.keyring.sign(checkpointStatement(unsigned)) };
      await this.repository.insertCheckpoint(manager, checkpoint);
      return checkpoint;
    });
    if (created) {
      this.lastSignedSeq = Math.max(this.lastSignedSeq, created.lastSeq);
      if (this.config.audit.checkpointFile)
        await appendFile(this.config.audit.checkpointFile, `${JSON.stringify(created)}\n`, { mode: 0o600 });
    }
    return created;
  }

  /** Counts sealed events, which are committed already: the checkpoint can follow at once. */
  private sealed(seq: number): void {
    if (seq - this.lastSignedSeq >= this.config.audit.checkpointEveryEvents) this.tick();
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.checkpoint()
      .catch((error: unknown) =>
        this.logger.error(`audit checkpoint failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        this.running = undefined;
      });
  }
}
