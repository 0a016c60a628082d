import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/index.ts';
import { RequestValidationError } from '../../common/errors/request-validation.error.ts';
import { contentRuleViolations } from './content-rules.ts';
import { DraftRepository, type NewDraft } from './draft.repository.ts';
import type { StoredDraft } from './draft.ts';
import { type ItemIdentity, ItemRepository } from './item.repository.ts';
import {
  DraftNotFoundError,
  DraftStateError,
  ItemIdentityError,
  ItemNotFoundError,
  NotDraftAuthorError,
} from './knowledge.errors.ts';
import type { DraftState, KnowledgeContent, KnowledgeItem } from './knowledge-item.ts';
import { ReleaseRepository } from './release.repository.ts';
import { diffSnapshots, type ReleaseDiff } from './release-diff.ts';

/** A proposed change as an editor states it (API request or imported row). */
export interface ProposedChange {
  itemId: string;
  action: 'upsert' | 'delete';
  /** Required with upsert. */
  identity?: Omit<ItemIdentity, 'id'>;
  content?: KnowledgeContent;
}

/**
 * Editors' side of maker-checker: drafts are written, revised by their author and submitted; approvers reject them
 * or publish them (PublishRelease). Every method returns only after its transaction committed, so an acknowledged
 * edit survives a crash or a database restart.
 */
@Injectable()
export class KnowledgeDrafts {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly drafts: DraftRepository,
    private readonly items: ItemRepository,
    private readonly releases: ReleaseRepository,
  ) {}

  async create(actor: Actor, change: ProposedChange): Promise<StoredDraft> {
    if (change.action === 'upsert') {
      assertContentRules((change.identity as ItemIdentity).kind, change.content as KnowledgeContent);
    }
    const [id] = await this.dataSource.transaction((manager) => this.createMany(manager, actor, [change], 'draft'));
    return this.get(id as string);
  }

  /**
   * Registers new item ids and inserts one draft per change, inside the caller's transaction; the changes must
   * already be validated. Returns the draft ids in order.
   */
  async createMany(
    manager: EntityManager,
    actor: Actor,
    changes: readonly ProposedChange[],
    state: DraftState,
  ): Promise<string[]> {
    const upserts = changes.filter((change) => change.action === 'upsert');
    await this.items.register(
      manager,
      upserts.map((change) => ({ id: change.itemId, ...(change.identity as Omit<ItemIdentity, 'id'>) })),
    );
    const known = await this.items.identities(
      manager,
      changes.map((change) => change.itemId),
    );
    for (const change of changes) {
      const identity = known.get(change.itemId);
      if (!identity) throw new ItemNotFoundError(change.itemId);
      if (
        change.identity &&
        (identity.kind !== change.identity.kind || identity.language !== change.identity.language)
      ) {
        throw new ItemIdentityError(identity.id, identity.kind, identity.language);
      }
    }
    const rows: NewDraft[] = changes.map((change) => ({
      id: randomUUID(),
      itemId: change.itemId,
      action: change.action,
      content: change.action === 'upsert' ? (change.content as KnowledgeContent) : null,
      authorId: actor.id,
      authorName: actor.username ?? null,
      state,
    }));
    await this.drafts.insert(manager, rows);
    return rows.map((row) => row.id);
  }

  /** Only the author revises a draft, and only before submission (or after a rejection, which reopens it). */
  async update(actor: Actor, id: string, content: KnowledgeContent): Promise<StoredDraft> {
    await this.dataSource.transaction(async (manager) => {
      const draft = await this.mustGet(id, manager);
      if (draft.authorId !== actor.id) throw new NotDraftAuthorError(id);
      if (draft.state !== 'draft' && draft.state !== 'rejected')
        throw new DraftStateError(id, draft.state, 'draft or rejected');
      if (draft.action !== 'upsert') throw new DraftStateError(id, 'a deletion', 'content');
      assertContentRules(draft.kind, content);
      await this.drafts.updateContent(manager, id, content);
    });
    return this.get(id);
  }

  async submit(actor: Actor, id: string): Promise<StoredDraft> {
    await this.dataSource.transaction(async (manager) => {
      const draft = await this.mustGet(id, manager);
      if (draft.authorId !== actor.id) throw new NotDraftAuthorError(id);
      if (draft.state !== 'draft') throw new DraftStateError(id, draft.state, 'draft');
      await this.drafts.setState(manager, [id], 'submitted');
    });
    return this.get(id);
  }

  async reject(actor: Actor, id: string, reason: string): Promise<StoredDraft> {
    await this.dataSource.transaction(async (manager) => {
      const draft = await this.mustGet(id, manager);
      if (draft.state !== 'submitted') throw new DraftStateError(id, draft.state, 'submitted');
      await this.drafts.setState(manager, [id], 'rejected', { decidedBy: actor.id, note: reason });
    });
    return this.get(id);
  }

  async get(id: string): Promise<StoredDraft> {
    const draft = await this.drafts.byId(id);
    if (!draft) throw new DraftNotFoundError(id);
    return draft;
  }

  /** What publishing this draft alone would change against the current release: the approver's view. */
  async diff(id: string): Promise<ReleaseDiff> {
    const draft = await this.get(id);
    const published = (await this.releases.current())?.snapshot.filter((item) => item.id === draft.itemId) ?? [];
    const proposed: KnowledgeItem[] =
      draft.action === 'upsert' && draft.content
        ? [{ id: draft.itemId, kind: draft.kind, language: draft.language, content: draft.content }]
        : [];
    return diffSnapshots(published, proposed);
  }

  list(state: DraftState | undefined, limit: number): Promise<StoredDraft[]> {
    return this.drafts.list(state, limit);
  }

  private async mustGet(id: string, manager: EntityManager): Promise<StoredDraft> {
    const draft = await this.drafts.byId(id, manager, true);
    if (!draft) throw new DraftNotFoundError(id);
    return draft;
  }
}

/** The cross-field rules of a request's content, reported like any validation failure (field and rule). */
export function assertContentRules(kind: ItemIdentity['kind'], content: KnowledgeContent, prefix = 'content.'): void {
  const violations = contentRuleViolations(kind, content, prefix);
  if (violations.length > 0) throw new RequestValidationError(violations);
}
