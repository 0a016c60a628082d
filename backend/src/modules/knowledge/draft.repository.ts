import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { StoredDraft } from './draft.ts';
import type { DraftState, KnowledgeContent } from './knowledge-item.ts';

export type NewDraft = Pick<StoredDraft, 'id' | 'itemId' | 'action' | 'content' | 'authorId' | 'authorName' | 'state'>;

const COLUMNS = `d.id, d.item_id AS "itemId", i.kind, i.language, d.action, d.content, d.author_id AS "authorId",
  d.author_name AS "authorName", d.state, d.release_number AS "releaseNumber", d.decided_by AS "decidedBy",
  d.decision_note AS "decisionNote", d.created_at AS "createdAt", d.updated_at AS "updatedAt"`;
const FROM = 'knowledge_drafts d JOIN knowledge_items i ON i.id = d.item_id';

/** The only code that knows the SQL of knowledge_drafts. */
@Injectable()
export class DraftRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts many drafts in one statement (an import of thousands of rows stays one round trip per batch). */
  async insert(manager: EntityManager, drafts: readonly NewDraft[]): Promise<void> {
    for (let start = 0; start < drafts.length; start += 1000) {
      const batch = drafts.slice(start, start + 1000);
      await manager.query(
        `INSERT INTO knowledge_drafts (id, item_id, action, content, author_id, author_name, state)
         SELECT id, item_id, action, content, author_id, author_name, state
           FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, item_id text, action text, content jsonb, author_id text,
                author_name text, state text)`,
        [
          JSON.stringify(
            batch.map((d) => ({
              id: d.id,
              item_id: d.itemId,
              action: d.action,
              content: d.content,
              author_id: d.authorId,
              author_name: d.authorName,
              state: d.state,
            })),
          ),
        ],
      );
    }
  }

  async byId(id: string, manager?: EntityManager, forUpdate = false): Promise<StoredDraft | undefined> {
    const rows: StoredDraft[] = await (manager ?? this.dataSource).query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE d.id = $1${forUpdate ? ' FOR UPDATE OF d' : ''}`,
      [id],
    );
    return rows[0];
  }

  /** Locks the drafts a release is about to publish, in id order so two publishers cannot deadlock. */
  async lockMany(manager: EntityManager, ids: readonly string[]): Promise<StoredDraft[]> {
    return manager.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE d.id = ANY($1::uuid[]) ORDER BY d.id FOR UPDATE OF d`, [
      ids,
    ]);
  }

  async list(state: DraftState | undefined, limit: number): Promise<StoredDraft[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE ($1::text IS NULL OR d.state = $1) ORDER BY d.created_at DESC, d.id LIMIT $2`,
      [state ?? null, limit],
    );
  }

  async updateContent(manager: EntityManager, id: string, content: KnowledgeContent): Promise<void> {
    await manager.query("UPDATE knowledge_drafts SET content = $2, state = 'draft', updated_at = now() WHERE id = $1", [
      id,
      JSON.stringify(content),
    ]);
  }

  async setState(
    manager: EntityManager,
    ids: readonly string[],
    state: DraftState,
    decision: { decidedBy?: string; note?: string | null; releaseNumber?: number } = {},
  ): Promise<void> {
    await manager.query(
      `UPDATE knowledge_drafts SET state = $2, decided_by = $3, decision_note = $4, release_number = $5,
              updated_at = now() WHERE id = ANY($1::uuid[])`,
      [ids, state, decision.decidedBy ?? null, decision.note ?? null, decision.releaseNumber ?? null],
    );
  }
}
