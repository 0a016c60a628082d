import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SegmentScan } from './audit-chain-scan.ts';
import { type RangeScanJob, scanRange } from './audit-range-scan.ts';

/** Below this many rows one walk on the calling thread is quick enough, and starting threads would cost more. */
export const PARALLEL_FROM_ROWS = 50_000;

/**
 * The compiled worker; absent when running from TypeScript sources (the tests), where the ranges are scanned one
 * after another on this thread instead — the same scans, joined the same way.
 */
const workerFile = fileURLToPath(new URL('./audit-range-scan.worker.js', import.meta.url));

/**
 * Splits `fromSeq`..`toSeq` into one range per core and scans them at once, each on its own thread and connection
 * (a short stretch: one range, on this thread). Each row's HMAC covers its own stored prev_hash, so every range can be
 * checked without the one before it; the caller joins the results (`AuditChainVerifier.verifySegments`), checking the
 * links between ranges.
 */
export async function scanInParallel(
  job: Omit<RangeScanJob, 'fromSeq' | 'toSeq'>,
  fromSeq: number,
  toSeq: number,
): Promise<SegmentScan[]> {
  const threads = toSeq - fromSeq + 1 < PARALLEL_FROM_ROWS ? 1 : Math.max(1, availableParallelism());
  const size = Math.ceil((toSeq - fromSeq + 1) / threads);
  const jobs: RangeScanJob[] = Array.from({ length: threads }, (_, i) => ({
    ...job,
    fromSeq: fromSeq + i * size,
    toSeq: Math.min(toSeq, fromSeq + (i + 1) * size - 1),
  }));
  if (threads === 1 || !existsSync(workerFile)) {
    const scans: SegmentScan[] = [];
    for (const range of jobs) scans.push(await scanRange(range));
    return scans;
  }
  return Promise.all(jobs.map(inWorker));
}

function inWorker(job: RangeScanJob): Promise<SegmentScan> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData: job });
    worker.once('message', (scan: SegmentScan) => resolve(scan));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`an audit verification thread stopped with code ${code}`));
    });
  });
}
