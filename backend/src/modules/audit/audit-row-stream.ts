import pg from 'pg';
import type { AuditRecord, ChainRow, SealedChainRow } from './audit-entry.ts';

/**
 * Reads chained events in sequence order as fast as the driver allows: rows as arrays (no object per row from the
 * driver), every column as the server's text with one explicit conversion each, keyset batches (each an index range
 * scan) with the next batch already requested while the caller hashes the current one. Used on a pooled connection
 * by the repository and on a worker thread's own connection by parallel verification.
 */
export type ArrayQuery = (text: string, values: unknown[]) => Promise<unknown[][]>;

const asText = { getTypeParser: () => (value: string) => value };
/** text[] (type id 1009): its literal syntax (quoting, escapes) is left to the driver's own parser. */
const parseTextArray = pg.types.getTypeParser(1009 as Parameters<typeof pg.types.getTypeParser>[0]) as (
  value: string,
) => string[];

export function arrayQuery(client: pg.ClientBase): ArrayQuery {
  return async (text, values) => (await client.query({ text, values, rowMode: 'array', types: asText })).rows;
}

/** The time comes back as the exact ISO string that was hashed, formatted by PostgreSQL. */
const SELECT_EVENTS = `SELECT seq, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), actor_kind,
  actor_id, actor_roles, action, target_type, target_id, outcome, source_address, request_id, details, hash_alg,
  prev_hash, row_hash FROM audit_events WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3`;

/** Only what hashing needs; a row chained before sealed forms existed comes back with `sealed` null. */
const SELECT_SEALED = `SELECT seq, sealed, hash_alg, prev_hash, row_hash FROM audit_events
  WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3`;
const SELECT_LISTED = SELECT_EVENTS.replace(/WHERE .*$/s, 'WHERE seq = ANY($1::bigint[]) ORDER BY seq');

/** The newest row of the range chained before sealed forms existed (found by a partial index), if any. */
export async function lastUnsealedSeq(query: ArrayQuery, fromSeq: number, toSeq: number): Promise<number | undefined> {
  const [[seq]] = (await query('SELECT max(seq) FROM audit_events WHERE sealed IS NULL AND seq BETWEEN $1 AND $2', [
    fromSeq,
    toSeq,
  ])) as [[string | null]];
  return seq === null ? undefined : Number(seq);
}

/** How rows are read for verification: by their sealed form, or every column (rebuilding the canonical form). */
export type RowForm = 'sealed' | 'columns';

/** Every column of each row, in sequence order: exports, archives and verification by columns. */
export function eventBatches(query: ArrayQuery, fromSeq: number, toSeq?: number, batchSize?: number) {
  return readAhead(query, SELECT_EVENTS, toRecord, fromSeq, toSeq, batchSize);
}

/**
 * Rows as verification reads them when the database vouches for sealed forms (`AuditVerification`): five short
 * columns instead of fifteen. Rows without a sealed form are read again in full, so they are checked from their
 * columns.
 */
export async function* sealedBatches(
  query: ArrayQuery,
  fromSeq: number,
  toSeq?: number,
  batchSize?: number,
): AsyncGenerator<ChainRow[]> {
  for await (const batch of readAhead(query, SELECT_SEALED, toSealedRow, fromSeq, toSeq, batchSize)) {
    const unsealed = batch.filter((row) => row.sealed === null).map((row) => row.seq);
    if (unsealed.length === 0) {
      yield batch as SealedChainRow[];
      continue;
    }
    const full = new Map((await query(SELECT_LISTED, [unsealed])).map(toRecord).map((row) => [row.seq, row]));
    yield batch.map((row) => (row.sealed === null ? (full.get(row.seq) as AuditRecord) : (row as SealedChainRow)));
  }
}

/** Keyset batches, each an index range scan, with the next batch already requested while the caller works. */
async function* readAhead<T extends { seq: number }>(
  query: ArrayQuery,
  select: string,
  convert: (row: unknown[]) => T,
  fromSeq: number,
  toSeq = Number.MAX_SAFE_INTEGER,
  batchSize = 20_000,
): AsyncGenerator<T[]> {
  const read = (after: number): Promise<unknown[][]> => {
    const next = query(select, [after, toSeq, batchSize]);
    // A caller that stops early (first bad row found) never awaits the read ahead: keep its failure quiet.
    next.catch(() => undefined);
    return next;
  };
  let pending: Promise<unknown[][]> | undefined = read(fromSeq - 1);
  while (pending) {
    const rows: unknown[][] = await pending;
    if (rows.length === 0) return;
    const converted = rows.map(convert);
    pending = rows.length < batchSize ? undefined : read((converted[converted.length - 1] as T).seq);
    yield converted;
  }
}

type MaybeSealedRow = Omit<SealedChainRow, 'sealed'> & { sealed: string | null };

function toSealedRow(row: unknown[]): MaybeSealedRow {
  const text = row as Array<string | null>;
  return {
    seq: Number(text[0]),
    sealed: text[1],
    hashAlg: text[2] as string,
    prevHash: text[3] as string,
    rowHash: text[4] as string,
  };
}

function toRecord(row: unknown[]): AuditRecord {
  const text = row as Array<string | null>;
  return {
    seq: Number(text[0]),
    occurredAt: text[1] as string,
    actorKind: text[2] as string,
    actorId: text[3] as string,
    actorRoles: parseTextArray(text[4] as string),
    action: text[5] as string,
    targetType: text[6],
    targetId: text[7],
    outcome: text[8] as string,
    sourceAddress: text[9],
    requestId: text[10],
    details: JSON.parse(text[11] as string) as Record<string, unknown>,
    hashAlg: text[12] as string,
    prevHash: text[13] as string,
    rowHash: text[14] as string,
  };
}
