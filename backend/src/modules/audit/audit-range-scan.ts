import pg from 'pg';
import { type SegmentScan, scanSegment } from './audit-chain-scan.ts';
import { arrayQuery, eventBatches, type RowForm, sealedBatches } from './audit-row-stream.ts';

/** One stretch of the trail for one thread of a parallel verification. */
export interface RangeScanJob {
  databaseUrl: string;
  chainKey: Uint8Array;
  fromSeq: number;
  toSeq: number;
  wanted: number[];
  form: RowForm;
}

/** Scans the rows `fromSeq`..`toSeq` over a connection of its own (a worker thread cannot share the app's pool). */
export async function scanRange(job: RangeScanJob): Promise<SegmentScan> {
  const client = new pg.Client({ connectionString: job.databaseUrl, application_name: 'kefu-audit-verify' });
  await client.connect();
  try {
    const read = job.form === 'sealed' ? sealedBatches : eventBatches;
    return await scanSegment(read(arrayQuery(client), job.fromSeq, job.toSeq), {
      chainKey: Buffer.from(job.chainKey),
      wanted: new Set(job.wanted),
    });
  } finally {
    await client.end();
  }
}
