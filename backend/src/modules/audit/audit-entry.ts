import type { AuditAction } from './audit-action.ts';
import type { AuditOutcome } from './audit-outcome.ts';

/**
 * Who acted. Structurally compatible with the auth module's `Actor`, so a controller passes `@CurrentActor()` as it
 * is; jobs and the `kefu` command use `systemActor(...)`.
 */
export interface AuditActor {
  kind: 'staff' | 'visitor' | 'system';
  id: string;
  roles: readonly string[];
  sourceAddress?: string;
}

/** What a module hands to `AuditTrail.record`. */
export interface AuditEntry {
  actor: AuditActor;
  action: AuditAction;
  outcome: AuditOutcome;
  target?: { type: string; id: string };
  /** Free of personal data: stored and forwarded as it is. */
  details?: Record<string, unknown>;
  /**
   * Personal data the record must be able to link (a phone number, an ID card number) without revealing it: each
   * value is replaced by a keyed hash before it is stored, so equal values stay equal and nothing is readable.
   */
  personalData?: Record<string, string>;
  /** Defaults to the actor's address. */
  sourceAddress?: string;
  /** Defaults to the id of the request being served. */
  requestId?: string;
}

/** The facts of one event, fixed when the action records it (before the event has its place in the chain). */
export interface AuditEventFacts {
  /** UTC, millisecond precision, ISO 8601 with `Z`: when the action happened (recorded in its transaction). */
  occurredAt: string;
  actorKind: string;
  actorId: string;
  actorRoles: string[];
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  sourceAddress: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

/**
 * An event recorded but not yet sealed into the chain (`audit_pending`). The intake MAC, under the chain key, lets the
 * sealer refuse a pending row that was forged or altered by someone without the key.
 */
export interface PendingAuditEvent extends AuditEventFacts {
  intakeId: string;
  intakeMac: string;
}

/** One chained event, exactly as it is hashed: the verifier, exports and the SIEM forwarder all use this shape. */
export interface AuditRecord extends AuditEventFacts {
  /** Gapless, in the order events were sealed. */
  seq: number;
  /** `hmac-sha256` or `hmac-sm3`: the chain algorithm of this row. */
  hashAlg: string;
  prevHash: string;
  rowHash: string;
}

/**
 * A chained row as verification reads it when the database vouches that its columns equal its sealed form: the exact
 * bytes the row hash covers, and the links. Verification hashes `sealed` as it is, with no canonical form to rebuild.
 */
export interface SealedChainRow {
  seq: number;
  sealed: string;
  hashAlg: string;
  prevHash: string;
  rowHash: string;
}

/** What the chain walk checks: a row read in full (exports, rows chained before sealed forms) or its sealed form. */
export type ChainRow = AuditRecord | SealedChainRow;

/** The last chained event: what a checkpoint signs and what `AuditTrail.flush()` answers. */
export interface AuditChainHead {
  seq: number;
  hash: string;
}

/** A signed statement of the chain's head at one moment. */
export interface AuditCheckpoint {
  lastSeq: number;
  headHash: string;
  createdAt: string;
  /** `ed25519` or `sm2-sm3`. */
  signatureAlg: string;
  keyId: string;
  /** Base64. */
  signature: string;
}

/** A purge of archived rows: verification of what stays online starts from this anchor. */
export interface AuditArchiveAnchor {
  upToSeq: number;
  lastHash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

export function systemActor(name: string): AuditActor {
  return { kind: 'system', id: `system:${name}`, roles: [] };
}
