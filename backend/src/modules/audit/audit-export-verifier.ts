import { checkpointStatement } from './audit-canonical-form.ts';
import { AuditChainVerifier, type VerificationResult } from './audit-chain-verifier.ts';
import { digestOf, exportStatement, parseExport } from './audit-export-format.ts';
import { publicKeyId, verifyStatement } from './statement-signature.ts';

export interface ExportVerification extends VerificationResult {
  /** The signing key the file was checked against (compare it with the one the bank published). */
  key_id: string | null;
  /** Whether row hashes were recomputed (needs the chain key) or only links, order and signatures were checked. */
  hmac_checked: boolean;
}

/**
 * Checks an export or archive file offline, without the database: its signature, every checkpoint's signature, the
 * order and links of its events, that each checkpoint matches its event, and — when the chain key is at hand — each
 * event's HMAC. Pass the public key the bank published to pin it; otherwise the key inside the file is used and only
 * its id is reported.
 */
export class AuditExportVerifier {
  async verify(text: string, options: { publicKeyPem?: string; chainKey?: Buffer } = {}): Promise<ExportVerification> {
    const bad = (reason: string, key_id: string | null = null): ExportVerification => ({
      ok: false,
      checked: 0,
      first_bad_seq: null,
      reason,
      key_id,
      hmac_checked: false,
    });
    let parsed: ReturnType<typeof parseExport>;
    try {
      parsed = parseExport(text);
    } catch (error) {
      return bad(`unreadable export: ${error instanceof Error ? error.message : String(error)}`);
    }
    const { signed, document, signature } = parsed;
    const publicKey = options.publicKeyPem ?? document.header.public_key;
    const keyId = publicKeyId(publicKey);
    if (signature.key_id !== keyId) return bad('the export was signed with a different key', keyId);
    if (signature.digest_alg !== 'sha256' && signature.digest_alg !== 'sm3')
      return bad('unknown digest algorithm', keyId);
    if (digestOf(signature.digest_alg, signed) !== signature.digest)
      return bad('the file was changed after it was signed', keyId);
    if (
      !verifyStatement(
        signature.signature_alg,
        publicKey,
        exportStatement(signature.digest_alg, signature.digest),
        signature.signature,
      )
    )
      return bad('the export signature is not valid', keyId);

    const { header, events, checkpoints } = document;
    const verifier = new AuditChainVerifier({
      chainKey: options.chainKey,
      checkpointSignatureValid: (checkpoint) => {
        const { signature: value, ...statement } = checkpoint;
        return (
          checkpoint.keyId === keyId &&
          verifyStatement(checkpoint.signatureAlg, publicKey, checkpointStatement(statement), value)
        );
      },
    });
    const result = await verifier.verify([events], checkpoints, {
      upToSeq: header.from_seq - 1,
      lastHash: header.anchor_hash,
    });
    const complete =
      result.ok && (events.length !== header.count || (events.length > 0 && events.at(-1)?.seq !== header.to_seq))
        ? { ok: false, first_bad_seq: header.from_seq + result.checked, reason: 'the export is missing events' }
        : {};
    return { ...result, ...complete, key_id: keyId, hmac_checked: options.chainKey !== undefined };
  }
}
