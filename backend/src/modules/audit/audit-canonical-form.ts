import { createHmac, type KeyObject } from 'node:crypto';
import type { AuditCheckpoint, AuditEventFacts, AuditRecord } from './audit-entry.ts';

/**
 * The exact bytes that are hashed and signed. Hand-written rather than a JSON-canonicalisation library because the
 * form must never change once rows exist, and it is short: a fixed-order array for rows (no key-order questions),
 * sorted keys for the free-form details. Changing anything here invalidates every stored trail — add a version.
 */
const ROW_FORM_VERSION = 1;
const CHECKPOINT_FORM_VERSION = 1;
const INTAKE_FORM_VERSION = 1;

export const chainAlgorithms = { 'hmac-sha256': 'sha256', 'hmac-sm3': 'sm3' } as const;
export type ChainAlgorithm = keyof typeof chainAlgorithms;

export function isChainAlgorithm(value: string): value is ChainAlgorithm {
  return value === 'hmac-sha256' || value === 'hmac-sm3';
}

/**
 * JSON with object keys sorted at every depth, so equal details always give equal bytes (jsonb reorders keys). Plain
 * loops rather than map/filter/join: it runs once per row on the verification path.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i += 1) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const object = value as Record<string, unknown>;
  let out = '{';
  for (const key of Object.keys(object).sort()) {
    const member = object[key];
    if (member === undefined) continue;
    out += `${out.length === 1 ? '' : ','}${JSON.stringify(key)}:${canonicalJson(member)}`;
  }
  return `${out}}`;
}

export function canonicalRow(row: Omit<AuditRecord, 'prevHash' | 'rowHash'>): string {
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
export function computeRowHash(key: Buffer | KeyObject, row: AuditRecord): string {
  return sealedRowHash(key, row.hashAlg, row.prevHash, canonicalRow(row));
}

/** The same hash from the canonical form as it was sealed and stored (`audit_events.sealed`). */
export function sealedRowHash(key: Buffer | KeyObject, hashAlg: string, prevHash: string, sealed: string): string {
  const digest = chainAlgorithms[hashAlg as ChainAlgorithm];
  if (!digest) throw new Error(`unknown chain algorithm ${hashAlg}`);
  return createHmac(digest, key).update(`${prevHash}\n${sealed}`).digest('hex');
}

/**
 * Whether a stored sealed form names the row's own sequence and chain algorithm — the columns verification orders
 * by and hashes with. Two string comparisons, no parsing: the database's CHECK constraint compares the other fields.
 */
export function sealedFormFits(sealed: string, seq: number, hashAlg: string): boolean {
  return sealed.startsWith(sealedFormHead(seq)) && sealed.endsWith(sealedFormTail(hashAlg));
}

/** How every sealed form starts: the form version. */
export const SEALED_FORM_OPENING = `[${ROW_FORM_VERSION},`;

/** How a row's sealed form starts: the form version and the row's sequence. */
export function sealedFormHead(seq: number): string {
  return `${SEALED_FORM_OPENING}${seq},`;
}

/** How a row's sealed form ends: its chain algorithm. */
export function sealedFormTail(hashAlg: string): string {
  return `,${JSON.stringify(hashAlg)}]`;
}

/**
 * The MAC of a pending event, made by the replica that records it and checked by the sealer: someone who can insert
 * into or alter `audit_pending` but does not hold the chain key cannot get a forged event sealed. The intake id is
 * inside, so a copy of a pending row under a new id does not verify.
 */
export function computeIntakeMac(
  key: Buffer | KeyObject,
  algorithm: ChainAlgorithm,
  event: AuditEventFacts & { intakeId: string },
): string {
  const form = JSON.stringify([
    'kefu-audit-intake',
    INTAKE_FORM_VERSION,
    event.intakeId,
    event.occurredAt,
    event.actorKind,
    event.actorId,
    event.actorRoles,
    event.action,
    event.targetType,
    event.targetId,
    event.outcome,
    event.sourceAddress,
    event.requestId,
    canonicalJson(event.details),
  ]);
  return createHmac(chainAlgorithms[algorithm], key).update(form).digest('hex');
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
