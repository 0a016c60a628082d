import { parentPort, workerData } from 'node:worker_threads';
import { type RangeScanJob, scanRange } from './audit-range-scan.ts';

/** Worker thread entry of parallel verification: scans one range and posts the result back. */
parentPort?.postMessage(await scanRange(workerData as RangeScanJob));
