import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { canonicalJson } from './audit-canonical-form.ts';
import type { AuditCheckpoint, AuditRecord } from './audit-entry.ts';

/**
 * The signed export file, in JSON Lines or CSV: a header, the events of a range, the checkpoints inside it, and a
 * last line signing a digest of every byte before it. The same file verifies offline (`kefu audit verify-export`)
 * with nothing but the public key; archives use the JSON Lines form.
 */
export type ExportFormat = 'jsonl' | 'csv';

export interface ExportHeader {
  format: 'kefu-audit-export';
  version: 1;
  from_seq: number;
  to_seq: number;
  count: number;
  /** prev_hash of the first event: the anchor an offline check starts from. */
  anchor_hash: string;
  exported_at: string;
  signature_alg: string;
  key_id: string;
  public_key: string;
  /** What the online verification of the range said when the file was made. */
  verified_online: { ok: boolean; first_bad_seq: number | null; reason: string | null };
}

export interface ExportSignature {
  digest_alg: 'sha256' | 'sm3';
  digest: string;
  signature_alg: string;
  key_id: string;
  signature: string;
}

export interface ExportDocument {
  header: ExportHeader;
  events: AuditRecord[];
  checkpoints: AuditCheckpoint[];
}

const CSV_COLUMNS = [
  'record_type',
  'seq',
  'occurred_at',
  'actor_kind',
  'actor_id',
  'actor_roles',
  'action',
  'target_type',
  'target_id',
  'outcome',
  'source_address',
  'request_id',
  'details',
  'hash_alg',
  'prev_hash',
  'row_hash',
  'signature_alg',
  'key_id',
  'signature',
] as const;

type CsvRow = Partial<Record<(typeof CSV_COLUMNS)[number], string | number | null>>;

export function exportStatement(digestAlg: string, digest: string): string {
  return JSON.stringify(['kefu-audit-export', 1, digestAlg, digest]);
}

export function digestOf(digestAlg: 'sha256' | 'sm3', text: string): string {
  return createHash(digestAlg).update(text).digest('hex');
}

/** Everything but the signature line. */
export function renderUnsigned(document: ExportDocument, format: ExportFormat): string {
  if (format === 'jsonl') {
    const lines = [
      JSON.stringify({ type: 'header', ...document.header }),
      ...document.events.map((event) => JSON.stringify({ type: 'event', ...eventFields(event) })),
      ...document.checkpoints.map((checkpoint) =>
        JSON.stringify({ type: 'checkpoint', ...checkpointFields(checkpoint) }),
      ),
    ];
    return `${lines.join('\n')}\n`;
  }
  const rows: CsvRow[] = [
    { record_type: 'header', details: JSON.stringify(document.header) },
    ...document.events.map((event) => ({
      record_type: 'event',
      ...eventFields(event),
      actor_roles: JSON.stringify(event.actorRoles),
      details: canonicalJson(event.details),
    })),
    ...document.checkpoints.map((checkpoint) => ({
      record_type: 'checkpoint',
      seq: checkpoint.lastSeq,
      occurred_at: checkpoint.createdAt,
      row_hash: checkpoint.headHash,
      signature_alg: checkpoint.signatureAlg,
      key_id: checkpoint.keyId,
      signature: checkpoint.signature,
    })),
  ];
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS], quoted_string: true, record_delimiter: '\n' });
}

export function renderSignature(signature: ExportSignature, format: ExportFormat): string {
  if (format === 'jsonl') return `${JSON.stringify({ type: 'signature', ...signature })}\n`;
  const row: CsvRow = {
    record_type: 'signature',
    details: JSON.stringify({ digest_alg: signature.digest_alg, digest: signature.digest }),
    signature_alg: signature.signature_alg,
    key_id: signature.key_id,
    signature: signature.signature,
  };
  return stringify([row], { columns: [...CSV_COLUMNS], quoted_string: true, record_delimiter: '\n' });
}

/** Splits a file into the signed part and its parsed content; throws on anything that is not an export. */
export function parseExport(text: string): { signed: string; document: ExportDocument; signature: ExportSignature } {
  const cut = text.lastIndexOf('\n', text.length - 2);
  if (cut < 0) throw new Error('not a Kefu audit export: too short');
  const signed = text.slice(0, cut + 1);
  const format: ExportFormat = text.startsWith('{') ? 'jsonl' : 'csv';
  return format === 'jsonl' ? parseJsonl(signed, text.slice(cut + 1)) : parseCsv(signed, text.slice(cut + 1));
}

function parseJsonl(signed: string, last: string) {
  const records = signed
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  const { type: headerType, ...header } = records[0] ?? {};
  if (headerType !== 'header' || header.format !== 'kefu-audit-export') throw new Error('not a Kefu audit export');
  const { type: signatureType, ...signature } = JSON.parse(last) as Record<string, unknown>;
  if (signatureType !== 'signature') throw new Error('the export has no signature line');
  const events = records.filter((r) => r.type === 'event').map((r) => toEvent(r));
  const checkpoints = records.filter((r) => r.type === 'checkpoint').map((r) => toCheckpoint(r));
  return {
    signed,
    document: { header: header as unknown as ExportHeader, events, checkpoints },
    signature: signature as unknown as ExportSignature,
  };
}

function parseCsv(signed: string, last: string) {
  const rows = parse(signed, { columns: true }) as Record<string, string>[];
  const [signatureRow] = parse(last, { columns: [...CSV_COLUMNS] }) as Record<string, string>[];
  const headerRow = rows[0];
  if (headerRow?.record_type !== 'header' || signatureRow?.record_type !== 'signature')
    throw new Error('not a signed Kefu audit export');
  const header = JSON.parse(headerRow.details as string) as ExportHeader;
  const nullable = (value: string | undefined) => (value === '' || value === undefined ? null : value);
  const events = rows
    .filter((r) => r.record_type === 'event')
    .map((r) =>
      toEvent({
        ...r,
        seq: Number(r.seq),
        actor_roles: JSON.parse(r.actor_roles as string),
        details: JSON.parse(r.details as string),
        target_type: nullable(r.target_type),
        target_id: nullable(r.target_id),
        source_address: nullable(r.source_address),
        request_id: nullable(r.request_id),
      }),
    );
  const checkpoints = rows
    .filter((r) => r.record_type === 'checkpoint')
    .map((r) =>
      toCheckpoint({
        last_seq: Number(r.seq),
        head_hash: r.row_hash,
        created_at: r.occurred_at,
        signature_alg: r.signature_alg,
        key_id: r.key_id,
        signature: r.signature,
      }),
    );
  const digest = JSON.parse(signatureRow.details as string) as Pick<ExportSignature, 'digest_alg' | 'digest'>;
  return {
    signed,
    document: { header, events, checkpoints },
    signature: {
      ...digest,
      signature_alg: signatureRow.signature_alg as string,
      key_id: signatureRow.key_id as string,
      signature: signatureRow.signature as string,
    },
  };
}

function eventFields(event: AuditRecord) {
  return {
    seq: event.seq,
    occurred_at: event.occurredAt,
    actor_kind: event.actorKind,
    actor_id: event.actorId,
    actor_roles: event.actorRoles,
    action: event.action,
    target_type: event.targetType,
    target_id: event.targetId,
    outcome: event.outcome,
    source_address: event.sourceAddress,
    request_id: event.requestId,
    details: event.details,
    hash_alg: event.hashAlg,
    prev_hash: event.prevHash,
    row_hash: event.rowHash,
  };
}

function checkpointFields(checkpoint: AuditCheckpoint) {
  return {
    last_seq: checkpoint.lastSeq,
    head_hash: checkpoint.headHash,
    created_at: checkpoint.createdAt,
    signature_alg: checkpoint.signatureAlg,
    key_id: checkpoint.keyId,
    signature: checkpoint.signature,
  };
}

function toEvent(r: Record<string, unknown>): AuditRecord {
  return {
    seq: Number(r.seq),
    occurredAt: String(r.occurred_at),
    actorKind: String(r.actor_kind),
    actorId: String(r.actor_id),
    actorRoles: r.actor_roles as string[],
    action: String(r.action),
    targetType: (r.target_type as string | null) ?? null,
    targetId: (r.target_id as string | null) ?? null,
    outcome: String(r.outcome),
    sourceAddress: (r.source_address as string | null) ?? null,
    requestId: (r.request_id as string | null) ?? null,
    details: r.details as Record<string, unknown>,
    hashAlg: String(r.hash_alg),
    prevHash: String(r.prev_hash),
    rowHash: String(r.row_hash),
  };
}

function toCheckpoint(r: Record<string, unknown>): AuditCheckpoint {
  return {
    lastSeq: Number(r.last_seq),
    headHash: String(r.head_hash),
    createdAt: String(r.created_at),
    signatureAlg: String(r.signature_alg),
    keyId: String(r.key_id),
    signature: String(r.signature),
  };
}
