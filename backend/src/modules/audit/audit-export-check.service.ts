import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/access/index.ts';
import { AuditAction } from './audit-action.ts';
import { exportStatement, parseExport } from './audit-export-format.ts';
import { AuditExportVerifier, type ExportVerification } from './audit-export-verifier.ts';
import { AuditKeyring } from './audit-keyring.ts';
import { AuditOutcome } from './audit-outcome.ts';
import { AuditTrail } from './audit-trail.service.ts';

export interface UploadedExportVerification extends ExportVerification {
  /** The file's signature is by a key this installation trusts (its signing key now or one it retired). */
  signed_by_this_installation: boolean;
}

/**
 * Checks an export file an auditor uploads, with the same verifier as `kefu audit verify-export` (the chain key is at
 * hand here, so every row's HMAC is checked too), and records the check like any other verification.
 */
@Injectable()
export class AuditExportCheck {
  constructor(
    private readonly keyring: AuditKeyring,
    private readonly trail: AuditTrail,
  ) {}

  async verify(bytes: Buffer, actor: Actor): Promise<UploadedExportVerification> {
    const text = decodeUtf8(bytes);
    const result =
      text === undefined
        ? unreadable('the file is not UTF-8 text')
        : await new AuditExportVerifier().verify(text, { chainKey: this.keyring.chainKey() });
    const verification = { ...result, signed_by_this_installation: text !== undefined && this.trusted(text) };
    await this.trail.record({
      actor,
      action: AuditAction.AuditVerify,
      outcome: verification.ok ? AuditOutcome.Success : AuditOutcome.Failure,
      target: { type: 'audit-export', id: verification.key_id ?? 'unknown-key' },
      details: { bytes: bytes.length, ...verification },
    });
    return verification;
  }

  /** Whether the last line's signature verifies under a key this installation trusts (the digest is the verifier's). */
  private trusted(text: string): boolean {
    try {
      const { signature } = parseExport(text);
      return this.keyring.verify(
        signature.signature_alg,
        signature.key_id,
        exportStatement(signature.digest_alg, signature.digest),
        signature.signature,
      );
    } catch {
      return false;
    }
  }
}

function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function unreadable(reason: string): ExportVerification {
  return { ok: false, checked: 0, first_bad_seq: null, reason, key_id: null, hmac_checked: false };
}
