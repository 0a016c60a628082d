import { Injectable } from '@nestjs/common';
import { AuditRepository } from './audit.repository.ts';
import { AuditClock } from './audit-clock.ts';
import { GENESIS_HASH } from './audit-entry.ts';
import {
  digestOf,
  type ExportDocument,
  type ExportFormat,
  exportStatement,
  renderSignature,
  renderUnsigned,
} from './audit-export-format.ts';
import { AuditKeyring } from './audit-keyring.ts';
import { AuditRefusedError } from './audit-refused.error.ts';
import { AuditSealer } from './audit-sealer.service.ts';
import { AuditVerification } from './audit-verification.service.ts';

/** Largest range one export may hold; larger ranges are exported in parts (each part verifies on its own). */
export const MAX_EXPORT_EVENTS = 1_000_000;

/** Builds signed exports of a range of the trail, with the checkpoints inside it. */
@Injectable()
export class AuditExporter {
  constructor(
    private readonly repository: AuditRepository,
    private readonly keyring: AuditKeyring,
    private readonly verification: AuditVerification,
    private readonly clock: AuditClock,
    private readonly sealer: AuditSealer,
  ) {}

  async export(
    range: { fromSeq?: number; toSeq?: number },
    format: ExportFormat,
  ): Promise<{ body: string; count: number }> {
    const anchor = (await this.repository.archiveAnchor()) ?? { upToSeq: 0, lastHash: GENESIS_HASH };
    // Exports hold chained events only: seal what is pending so "up to the last" includes everything committed.
    const head = await this.sealer.flush();
    const fromSeq = Math.max(range.fromSeq ?? 1, anchor.upToSeq + 1);
    const toSeq = Math.min(range.toSeq ?? head.seq, head.seq);
    if (toSeq < fromSeq) throw new AuditRefusedError(`there are no events between ${fromSeq} and ${toSeq} online`);
    if (toSeq - fromSeq + 1 > MAX_EXPORT_EVENTS)
      throw new AuditRefusedError(`export at most ${MAX_EXPORT_EVENTS} events at a time`);
    const anchorHash =
      fromSeq === anchor.upToSeq + 1
        ? anchor.lastHash
        : ((await this.repository.rowHashAt(fromSeq - 1)) ?? GENESIS_HASH);
    const events = [];
    for await (const batch of this.repository.batches(fromSeq, toSeq)) events.push(...batch);
    const checkpoints = await this.repository.checkpoints(fromSeq, toSeq);
    const online = await this.verification.verifyFrom({ upToSeq: fromSeq - 1, lastHash: anchorHash }, toSeq);
    const document: ExportDocument = {
      header: {
        format: 'kefu-audit-export',
        version: 1,
        from_seq: fromSeq,
        to_seq: toSeq,
        count: events.length,
        anchor_hash: anchorHash,
        exported_at: this.clock.now().toISOString(),
        signature_alg: this.keyring.signatureAlgorithm,
        key_id: this.keyring.signingKeyId(),
        public_key: this.keyring.publicKeyPem(),
        verified_online: { ok: online.ok, first_bad_seq: online.first_bad_seq, reason: online.reason },
      },
      events,
      checkpoints,
    };
    const unsigned = renderUnsigned(document, format);
    const digestAlg = this.keyring.chainAlgorithm === 'hmac-sm3' ? 'sm3' : 'sha256';
    const digest = digestOf(digestAlg, unsigned);
    const signature = renderSignature(
      {
        digest_alg: digestAlg,
        digest,
        signature_alg: this.keyring.signatureAlgorithm,
        key_id: this.keyring.signingKeyId(),
        signature: this.keyring.sign(exportStatement(digestAlg, digest)),
      },
      format,
    );
    return { body: unsigned + signature, count: events.length };
  }
}
