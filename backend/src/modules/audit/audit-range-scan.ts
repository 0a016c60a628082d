import pg from 'pg';
import { joinSegments, type SegmentScan, scanSegment } from './audit-chain-scan.ts';
import { arrayQuery, eventBatches, lastUnsealedSeq, type RowForm, sealedBatches } from './audit-row-stream.ts';
import { scanSealedByCopy } from './audit-sealed-copy-scan.ts';

/** One stretch of the trail for one thread of a parallel verification. */
export interface RangeScanJob {
  databaseUrl: string;
  chainKey: Uint8Array;
  fromSeq: number;
  toSeq: number;
  wanted: number[];
  form: RowForm;
}

/**
 * Scans the rows `fromSeq`..`toSeq` over a connection of its own (a worker thread cannot share the app's pool, and a
 * scan that stops at a bad row leaves its COPY unread, so the connection is closed rather than reused).
 */
export async function scanRange(job: RangeScanJob): Promise<SegmentScan> {
  const client = new pg.Client({ connectionString: job.databaseUrl, application_name: 'kefu-audit-verify' });
  // The server going away between two queries (a restart) is emitted as an event; the next query then fails with it,
  // which is how the scan reports it. Without a listener the event would crash the process.
  client.on('error', () => {});
  await client.connect();
  try {
    const options = { chainKey: Buffer.from(job.chainKey), wanted: new Set(job.wanted) };
    const query = arrayQuery(client);
    if (job.form === 'columns') return await scanSegment(eventBatches(query, job.fromSeq, job.toSeq), options);
    // One snapshot for both reads, so every row left to the COPY has a sealed form.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // Rows chained before sealed forms existed are the oldest ones: read by their columns, the rest by COPY.
    const legacyEnd = await lastUnsealedSeq(query, job.fromSeq, job.toSeq);
    if (legacyEnd === undefined) return await scanSealedByCopy(client, job.fromSeq, job.toSeq, options);
    const legacy = await scanSegment(sealedBatches(query, job.fromSeq, legacyEnd), options);
    if (legacy.problem || !legacy.first || legacyEnd >= job.toSeq) return legacy;
    const rest = await scanSealedByCopy(client, legacyEnd + 1, job.toSeq, options);
    return joinSegments({ expected: legacy.first.seq, previous: legacy.first.prevHash }, [legacy, rest]);
  } finally {
    await client.end();
  }
}
