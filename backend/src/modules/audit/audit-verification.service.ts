import { Injectable, Logger } from '@nestjs/common';
import { AuditRepository } from './audit.repository.ts';
import { checkpointStatement } from './audit-canonical-form.ts';
import { AuditChainVerifier, checkpointSeqs, type VerificationResult } from './audit-chain-verifier.ts';
import type { AuditArchiveAnchor, AuditCheckpoint } from './audit-entry.ts';
import { AuditKeyring } from './audit-keyring.ts';
import { scanInParallel } from './audit-parallel-scan.ts';
import type { RowForm } from './audit-row-stream.ts';
import { AuditSealer } from './audit-sealer.service.ts';

/** Verifies the trail online: streams rows from the database through the one verifier the CLI, API and exports share. */
@Injectable()
export class AuditVerification {
  private readonly logger = new Logger('AuditVerification');

  constructor(
    private readonly repository: AuditRepository,
    private readonly keyring: AuditKeyring,
    private readonly sealer: AuditSealer,
  ) {}

  /** The verifier bound to this installation's keys. */
  verifier(): AuditChainVerifier {
    return new AuditChainVerifier({
      chainKey: this.keyring.chainKey(),
      checkpointSignatureValid: (checkpoint) => this.checkpointSignatureValid(checkpoint),
    });
  }

  checkpointSignatureValid(checkpoint: AuditCheckpoint): boolean {
    const { signature, ...statement } = checkpoint;
    return this.keyring.verify(checkpoint.signatureAlg, checkpoint.keyId, checkpointStatement(statement), signature);
  }

  /**
   * From the start of what is online (after the newest archive purge) or from `fromSeq`, whose predecessor is then
   * trusted as the anchor, up to every event committed before the call (pending ones are sealed first).
   */
  async verify(options: { fromSeq?: number } = {}): Promise<VerificationResult> {
    await this.sealer.flush();
    const anchor = await this.anchorFor(options.fromSeq);
    if ('result' in anchor) return anchor.result;
    return this.verifyFrom(anchor);
  }

  /** A long stretch is split over the cores (one thread and connection each); a short one is walked here. */
  async verifyFrom(anchor: AuditArchiveAnchor, toSeq?: number): Promise<VerificationResult> {
    const checkpoints = await this.repository.checkpoints(anchor.upToSeq + 1, toSeq);
    const form = await this.rowForm();
    const lastSeq = toSeq ?? (await this.repository.lastRow())?.seq ?? anchor.upToSeq;
    const wanted = [...checkpointSeqs(checkpoints, anchor)];
    const job = { databaseUrl: this.repository.databaseUrl(), chainKey: this.keyring.chainKey(), wanted, form };
    const segments = await scanInParallel(job, anchor.upToSeq + 1, lastSeq);
    return this.verifier().verifySegments(segments, checkpoints, anchor);
  }

  /**
   * Rows are hashed from their sealed form while the database guarantees that it equals their columns; when that
   * guarantee was removed, every row is checked from its columns instead, so a changed column is still named.
   */
  async rowForm(): Promise<RowForm> {
    if (await this.repository.sealedFormIntact()) return 'sealed';
    this.logger.warn(
      'the constraint tying audit rows to their sealed form is missing or altered: verifying every row from its columns',
    );
    return 'columns';
  }

  private async anchorFor(fromSeq?: number): Promise<AuditArchiveAnchor | { result: VerificationResult }> {
    const archived = await this.repository.archiveAnchor();
    if (fromSeq === undefined || fromSeq <= (archived?.upToSeq ?? 0) + 1)
      return archived ?? { upToSeq: 0, lastHash: '0'.repeat(64) };
    const lastHash = await this.repository.rowHashAt(fromSeq - 1);
    if (lastHash === undefined)
      return {
        result: {
          ok: false,
          checked: 0,
          first_bad_seq: fromSeq - 1,
          reason: `row ${fromSeq - 1}, the anchor of a verification from ${fromSeq}, is missing`,
        },
      };
    return { upToSeq: fromSeq - 1, lastHash };
  }
}
