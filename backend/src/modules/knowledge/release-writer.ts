import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditAction, type AuditActor, AuditOutcome, AuditTrail } from '../audit/index.ts';
import type { KnowledgeItem } from './knowledge-item.ts';
import { type ReleaseModels, ReleaseRepository, type StoredRelease } from './release.repository.ts';
import { diffSnapshots } from './release-diff.ts';

export interface NewRelease {
  snapshot: KnowledgeItem[];
  actor: AuditActor;
  note: string | null;
  /** The models that serve the release until its retraining (if any) passes the gate. */
  models: ReleaseModels;
  rollbackOf?: number;
  /** Drafts the release publishes, for the audit record. */
  draftIds?: string[];
}

/**
 * The one way a release comes to exist (seed, publish, rollback): numbered after the current one, which stays locked
 * until the caller's transaction ends, with its diff, and audited in that same transaction — if the audit record
 * cannot be written, nothing is published (fail-closed).
 */
@Injectable()
export class ReleaseWriter {
  constructor(
    private readonly releases: ReleaseRepository,
    private readonly audit: AuditTrail,
  ) {}

  async append(manager: EntityManager, release: NewRelease): Promise<StoredRelease> {
    const previous = await this.releases.current(manager);
    const snapshot = [...release.snapshot].sort((a, b) => a.id.localeCompare(b.id));
    const stored: StoredRelease = {
      number: (previous?.number ?? 0) + 1,
      snapshot,
      diff: diffSnapshots(previous?.snapshot ?? [], snapshot),
      publishedBy: release.actor.id,
      note: release.note,
      rollbackOf: release.rollbackOf ?? null,
      models: release.models,
      publishedAt: new Date(),
    };
    await this.releases.insert(manager, stored);
    await this.audit.record(
      {
        actor: release.actor,
        action: AuditAction.KnowledgePublish,
        outcome: AuditOutcome.Success,
        target: { type: 'knowledge-release', id: String(stored.number) },
        details: {
          items: snapshot.length,
          added: stored.diff.added.length,
          removed: stored.diff.removed.length,
          changed: stored.diff.changed.length,
          ...(release.rollbackOf ? { rollbackOf: release.rollbackOf } : {}),
          ...(release.draftIds ? { drafts: release.draftIds } : {}),
        },
      },
      manager,
    );
    return stored;
  }
}
