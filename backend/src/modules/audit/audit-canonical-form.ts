import { createHmac } from 'node:crypto';
import type { AuditCheckpoint, AuditRecord } from './audit-entry.ts';

/**
 * The exact bytes that are hashed and signed. Hand-written rather than a JSON-canonicalisation library because the
 * form must never change once rows exist, and it is short: a fixed-order array for rows (no key-order questions),
 * sorted keys for the free-form details. Changing anything here invalidates every stored trail — add a version.
 */
const ROW_FORM_VERSION = 1;
const CHECKPOINT_FORM_VERSION = 1;

export const chainAlgorithms = { 'hmac-sha256': 'sha256', 'hmac-sm3': 'sm3' } as const;
export type ChainAlgorithm = keyof typeof chainAlgorithms;

export function isChainAlgorithm(value: string): value is ChainAlgorithm {
  return value === 'hmac-sha256' || value === 'hmac-sm3';
}

/** JSON with object keys sorted at every depth, so equal details always give equal bytes (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object)
    .filter((key) => object[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`).join(',')}}`;
}

export function canonicalRow(row: AuditRecord): string {
  return JSON.stringify([
    ROW_FORM_VERSION,
    row.seq,
    row.occurredAt,
    row.actorKind,
    row.actorId,
    row.actorRoles,
    row.action,
    row.targetType,
    row.targetId,
    row.outcome,
    row.sourceAddress,
    row.requestId,
    canonicalJson(row.details),
    row.hashAlg,
  ]);
}

/** row_hash = HMAC(chain key, prev_hash ‖ canonical(row)); prev_hash is inside the MAC, so rows cannot be relinked. */
export function computeRowHash(key: Buffer, row: AuditRecord): string {
  const digest = chainAlgorithms[row.hashAlg as ChainAlgorithm];
  if (!digest) throw new Error(`unknown chain algorithm ${row.hashAlg}`);
  return createHmac(digest, key)
    .update(`${row.prevHash}\n${canonicalRow(row)}`)
    .digest('hex');
}

/** What a checkpoint signs. */
export function checkpointStatement(checkpoint: Omit<AuditCheckpoint, 'signature'>): string {
  return JSON.stringify([
    'kefu-audit-checkpoint',
    CHECKPOINT_FORM_VERSION,
    checkpoint.lastSeq,
    checkpoint.headHash,
    checkpoint.createdAt,
    checkpoint.signatureAlg,
    checkpoint.keyId,
  ]);
}
