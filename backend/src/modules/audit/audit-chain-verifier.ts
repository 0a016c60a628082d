import { computeRowHash, isChainAlgorithm } from './audit-canonical-form.ts';
import { type AuditArchiveAnchor, type AuditCheckpoint, type AuditRecord, GENESIS_HASH } from './audit-entry.ts';

/** The answer of every verification: the CLI, the API and exports print exactly this. */
export interface VerificationResult {
  ok: boolean;
  /** Rows whose link and hash were checked. */
  checked: number;
  /** The first sequence number whose row is missing, extra, out of place or does not verify. */
  first_bad_seq: number | null;
  reason: string | null;
}

export interface ChainVerifierOptions {
  /** The HMAC key of row hashes; without it (offline export check) only links, order and signatures are checked. */
  chainKey?: Buffer;
  /** True when the checkpoint's signature is good under a trusted key. */
  checkpointSignatureValid(checkpoint: AuditCheckpoint): boolean;
}

/**
 * Walks a trail in sequence order and names the first bad sequence. Pure and streaming: it is fed batches of rows
 * (from a database cursor, an export file or an array in a test) and keeps only the running hash, so it verifies
 * any length in constant memory.
 *
 * What it finds: a changed field (the row's HMAC no longer matches), a removed row (a gap), an inserted or reordered
 * row (a sequence out of place or a broken prev_hash link), and rows removed from the end of the trail past a signed
 * checkpoint (the checkpoint names a sequence that is no longer there, or a different head hash).
 */
export class AuditChainVerifier {
  constructor(private readonly options: ChainVerifierOptions) {}

  async verify(
    batches: AsyncIterable<AuditRecord[]> | Iterable<AuditRecord[]>,
    checkpoints: readonly AuditCheckpoint[],
    anchor: AuditArchiveAnchor = { upToSeq: 0, lastHash: GENESIS_HASH },
  ): Promise<VerificationResult> {
    const { chainKey } = this.options;
    const relevant = checkpoints.filter((c) => c.lastSeq > anchor.upToSeq).sort((a, b) => a.lastSeq - b.lastSeq);
    const wanted = new Set(relevant.map((c) => c.lastSeq));
    const hashAt = new Map<number, string>();
    let expected = anchor.upToSeq + 1;
    let previous = anchor.lastHash;
    let checked = 0;
    let chainFailure: VerificationResult | undefined;

    scan: for await (const batch of batches) {
      for (const row of batch) {
        const problem =
          row.seq !== expected
            ? row.seq < expected
              ? `sequence ${row.seq} appears again or out of order where ${expected} was expected`
              : `row ${expected} is missing (found ${row.seq})`
            : row.prevHash !== previous
              ? `row ${expected} does not link to the row before it`
              : !isChainAlgorithm(row.hashAlg)
                ? `row ${expected} names an unknown chain algorithm`
                : chainKey && computeRowHash(chainKey, row) !== row.rowHash
                  ? `row ${expected} does not match its hash: its content was changed`
                  : undefined;
        if (problem) {
          chainFailure = { ok: false, checked, first_bad_seq: expected, reason: problem };
          break scan;
        }
        if (wanted.has(row.seq)) hashAt.set(row.seq, row.rowHash);
        previous = row.rowHash;
        expected += 1;
        checked += 1;
      }
    }

    const lastSeq = expected - 1;
    for (const checkpoint of relevant) {
      if (chainFailure && checkpoint.lastSeq >= (chainFailure.first_bad_seq as number)) break;
      if (!this.options.checkpointSignatureValid(checkpoint))
        return {
          ok: false,
          checked,
          first_bad_seq: checkpoint.lastSeq,
          reason: `the checkpoint of ${checkpoint.createdAt} at sequence ${checkpoint.lastSeq} has no valid signature`,
        };
      if (checkpoint.lastSeq > lastSeq)
        return {
          ok: false,
          checked,
          first_bad_seq: lastSeq + 1,
          reason: `rows ${lastSeq + 1} to ${checkpoint.lastSeq} are missing: the checkpoint signed at ${checkpoint.createdAt} covers them`,
        };
      if (hashAt.get(checkpoint.lastSeq) !== checkpoint.headHash)
        return {
          ok: false,
          checked,
          first_bad_seq: checkpoint.lastSeq,
          reason: `row ${checkpoint.lastSeq} differs from the checkpoint signed at ${checkpoint.createdAt}`,
        };
    }
    return chainFailure ?? { ok: true, checked, first_bad_seq: null, reason: null };
  }
}
