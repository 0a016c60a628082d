import { joinSegments, type SegmentScan, scanSegment } from './audit-chain-scan.ts';
import { type AuditArchiveAnchor, type AuditCheckpoint, type ChainRow, GENESIS_HASH } from './audit-entry.ts';

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
    batches: AsyncIterable<ChainRow[]> | Iterable<ChainRow[]>,
    checkpoints: readonly AuditCheckpoint[],
    anchor: AuditArchiveAnchor = { upToSeq: 0, lastHash: GENESIS_HASH },
  ): Promise<VerificationResult> {
    const start = { expected: anchor.upToSeq + 1, previous: anchor.lastHash };
    const scan = await scanSegment(batches, {
      chainKey: this.options.chainKey,
      wanted: checkpointSeqs(checkpoints, anchor),
      start,
    });
    return this.judge(scan, checkpoints, anchor);
  }

  /**
   * The same verdict from consecutive segments scanned separately (in parallel, each from its own first row): the
   * segments are joined as one walk would have met them, then the checkpoints are checked.
   */
  verifySegments(
    segments: readonly SegmentScan[],
    checkpoints: readonly AuditCheckpoint[],
    anchor: AuditArchiveAnchor = { upToSeq: 0, lastHash: GENESIS_HASH },
  ): VerificationResult {
    const joined = joinSegments({ expected: anchor.upToSeq + 1, previous: anchor.lastHash }, segments);
    return this.judge(joined, checkpoints, anchor);
  }

  /** Checkpoints before the first bad row must be signed, present and agree with their row. */
  private judge(
    scan: SegmentScan,
    checkpoints: readonly AuditCheckpoint[],
    anchor: AuditArchiveAnchor,
  ): VerificationResult {
    const { checked, problem } = scan;
    const hashAt = new Map(scan.hashAt);
    const lastSeq = scan.end.expected - 1;
    for (const checkpoint of relevantCheckpoints(checkpoints, anchor)) {
      if (problem && checkpoint.lastSeq >= problem.seq) break;
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
    return problem
      ? { ok: false, checked, first_bad_seq: problem.seq, reason: problem.reason }
      : { ok: true, checked, first_bad_seq: null, reason: null };
  }
}

function relevantCheckpoints(checkpoints: readonly AuditCheckpoint[], anchor: AuditArchiveAnchor) {
  return checkpoints.filter((c) => c.lastSeq > anchor.upToSeq).sort((a, b) => a.lastSeq - b.lastSeq);
}

/** The sequences whose row hashes the checkpoints will be compared with. */
export function checkpointSeqs(checkpoints: readonly AuditCheckpoint[], anchor: AuditArchiveAnchor): Set<number> {
  return new Set(relevantCheckpoints(checkpoints, anchor).map((c) => c.lastSeq));
}
