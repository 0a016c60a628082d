import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/access/index.ts';
import { DraftRepository } from './draft.repository.ts';
import type { StoredDraft } from './draft.ts';
import {
  ConflictingDraftsError,
  DraftNotFoundError,
  DraftStateError,
  ItemNotFoundError,
  SelfApprovalError,
} from './knowledge.errors.ts';
import { KnowledgeBase } from './knowledge-base.service.ts';
import type { KnowledgeItem } from './knowledge-item.ts';
import { ReleaseRepository, type StoredRelease } from './release.repository.ts';
import { languagesToRetrain } from './release-diff.ts';
import { ReleaseRetraining } from './release-retraining.service.ts';
import { ReleaseWriter } from './release-writer.ts';

export interface PublishCommand {
  approver: Actor;
  draftIds: string[];
  note?: string;
}

/**
 * An approver publishes submitted drafts as the next release: maker-checker (none of the drafts may be theirs), one
 * transaction for the release, the drafts' approval and the audit record; then the bot serves it and the changed
 * languages' models are retrained in the background.
 */
@Injectable()
export class PublishRelease {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly drafts: DraftRepository,
    private readonly releases: ReleaseRepository,
    private readonly writer: ReleaseWriter,
    private readonly knowledgeBase: KnowledgeBase,
    private readonly retraining: ReleaseRetraining,
  ) {}

  async execute(command: PublishCommand): Promise<StoredRelease> {
    const ids = [...new Set(command.draftIds)];
    const { release, previous } = await this.dataSource.transaction(async (manager) => {
      const drafts = await this.drafts.lockMany(manager, ids);
      checkPublishable(command.approver, ids, drafts);
      const current = await this.releases.current(manager);
      const previousSnapshot = current?.snapshot ?? [];
      const stored = await this.writer.append(manager, {
        snapshot: applyDrafts(previousSnapshot, drafts),
        actor: command.approver,
        note: command.note ?? null,
        models: current?.models ?? {},
        draftIds: ids,
      });
      await this.drafts.setState(manager, ids, 'approved', {
        decidedBy: command.approver.id,
        note: command.note,
        releaseNumber: stored.number,
      });
      return { release: stored, previous: previousSnapshot };
    });
    await this.knowledgeBase.refresh();
    await this.retraining.start(release, languagesToRetrain(release.diff, previous, release.snapshot));
    return release;
  }
}

function checkPublishable(approver: Actor, ids: string[], drafts: StoredDraft[]): void {
  const found = new Set(drafts.map((draft) => draft.id));
  const missing = ids.find((id) => !found.has(id));
  if (missing) throw new DraftNotFoundError(missing);
  const own = drafts.filter((draft) => draft.authorId === approver.id).map((draft) => draft.id);
  if (own.length > 0) throw new SelfApprovalError(own);
  const unsubmitted = drafts.find((draft) => draft.state !== 'submitted');
  if (unsubmitted) throw new DraftStateError(unsubmitted.id, unsubmitted.state, 'submitted');
  const items = new Set<string>();
  for (const draft of drafts) {
    if (items.has(draft.itemId)) throw new ConflictingDraftsError(draft.itemId);
    items.add(draft.itemId);
  }
}

function applyDrafts(snapshot: readonly KnowledgeItem[], drafts: readonly StoredDraft[]): KnowledgeItem[] {
  const items = new Map(snapshot.map((item) => [item.id, item]));
  for (const draft of drafts) {
    if (draft.action === 'delete') {
      if (!items.delete(draft.itemId)) throw new ItemNotFoundError(draft.itemId);
    } else if (draft.content) {
      items.set(draft.itemId, { id: draft.itemId, kind: draft.kind, language: draft.language, content: draft.content });
    }
  }
  return [...items.values()];
}
