import { createSecretKey, type KeyObject } from 'node:crypto';
import { computeRowHash, isChainAlgorithm, sealedFormFits, sealedRowHash } from './audit-canonical-form.ts';
import type { ChainRow } from './audit-entry.ts';

/** Where a walk along the chain stands: the sequence it expects next and the hash that row must link to. */
export interface ChainPosition {
  expected: number;
  previous: string;
}

/**
 * What walking one stretch of rows found. Plain data (it crosses worker threads): the rows' own first link, the
 * position after the last good row, the row hashes checkpoints will be compared with, and the first problem.
 */
export interface SegmentScan {
  first?: { seq: number; prevHash: string };
  end: ChainPosition;
  checked: number;
  hashAt: Array<[number, string]>;
  problem?: { seq: number; reason: string };
}

export interface SegmentScanOptions {
  /** The HMAC key of row hashes; without it only places and sealed-form fit are checked. */
  chainKey?: Buffer;
  /** Sequences whose row hashes are kept (`hashAt`) to be compared with checkpoints. */
  wanted: ReadonlySet<number>;
  /** Where the walk stands before the first row; absent, the first row's own sequence and link are taken on trust. */
  start?: ChainPosition;
}

/**
 * Checks rows in order: each must carry the expected sequence, link to the row before it, name a known chain
 * algorithm and (with the key) match its HMAC. Stops at the first problem. Without a start position it takes the
 * first row's own sequence and prev_hash on trust — the segments of a parallel verification do, and the link between
 * segments is checked when they are joined (`joinSegments`), in the same order of checks.
 */
export async function scanSegment(
  batches: AsyncIterable<ChainRow[]> | Iterable<ChainRow[]>,
  options: SegmentScanOptions,
): Promise<SegmentScan> {
  // Imported once: createHmac with a raw Buffer key imports it again for every row.
  const key: KeyObject | undefined = options.chainKey && createSecretKey(options.chainKey);
  const scan: SegmentScan = { end: options.start ?? { expected: 0, previous: '' }, checked: 0, hashAt: [] };
  let { expected, previous } = scan.end;
  for await (const batch of batches) {
    for (const row of batch) {
      if (!scan.first) {
        scan.first = { seq: row.seq, prevHash: row.prevHash };
        if (!options.start) [expected, previous] = [row.seq, row.prevHash];
      }
      const problem = rowProblem(row, { expected, previous }, key);
      if (problem) {
        scan.problem = { seq: expected, reason: problem };
        scan.end = { expected, previous };
        return scan;
      }
      if (options.wanted.has(row.seq)) scan.hashAt.push([row.seq, row.rowHash]);
      previous = row.rowHash;
      expected += 1;
      scan.checked += 1;
    }
  }
  scan.end = { expected, previous };
  return scan;
}

/**
 * Joins the scans of consecutive segments into the scan one walk from `start` would have made: the first row of each
 * segment is checked against where the segment before it ended (sequence first, then link), exactly as a single walk
 * checks every row.
 */
export function joinSegments(start: ChainPosition, segments: readonly SegmentScan[]): SegmentScan {
  const joined: SegmentScan = { end: start, checked: 0, hashAt: [] };
  for (const segment of segments) {
    if (!segment.first) continue;
    joined.first ??= segment.first;
    const boundary = placeProblem(segment.first, joined.end);
    if (boundary) return { ...joined, problem: { seq: joined.end.expected, reason: boundary } };
    joined.checked += segment.checked;
    joined.hashAt.push(...segment.hashAt);
    joined.end = segment.end;
    if (segment.problem) return { ...joined, problem: segment.problem };
  }
  return joined;
}

/** What is wrong with a row met at `position`, if anything: its place in the chain first, then its content. */
export function rowProblem(row: ChainRow, position: ChainPosition, key: KeyObject | undefined): string | undefined {
  return placeProblem(row, position) ?? contentProblem(row, key);
}

/** A row whose content is not what was sealed: checked from its sealed form when it has one, else from its fields. */
function contentProblem(row: ChainRow, key: KeyObject | undefined): string | undefined {
  if (!isChainAlgorithm(row.hashAlg)) return `row ${row.seq} names an unknown chain algorithm`;
  if ('sealed' in row && !sealedFormFits(row.sealed, row.seq, row.hashAlg))
    return `row ${row.seq} does not match its sealed form: its sequence or algorithm was changed`;
  if (!key) return undefined;
  const hash = 'sealed' in row ? sealedRowHash(key, row.hashAlg, row.prevHash, row.sealed) : computeRowHash(key, row);
  return hash === row.rowHash ? undefined : `row ${row.seq} does not match its hash: its content was changed`;
}

/** A row out of place: not the sequence expected next, or not linked to the hash before it. */
function placeProblem(row: { seq: number; prevHash: string }, { expected, previous }: ChainPosition) {
  if (row.seq !== expected)
    return row.seq < expected
      ? `sequence ${row.seq} appears again or out of order where ${expected} was expected`
      : `row ${expected} is missing (found ${row.seq})`;
  return row.prevHash === previous ? undefined : `row ${expected} does not link to the row before it`;
}
