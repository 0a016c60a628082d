import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { KnowledgeKind, KnowledgeLanguage } from './knowledge-item.ts';

export interface ItemIdentity {
  id: string;
  kind: KnowledgeKind;
  language: KnowledgeLanguage;
}

/** The only code that knows the SQL of knowledge_items: the registry of ids, each with its fixed kind and language. */
@Injectable()
export class ItemRepository {
  /** Registers new ids; existing ones are kept as they are (`identities` tells what they are). */
  async register(manager: EntityManager, items: readonly ItemIdentity[]): Promise<void> {
    if (items.length === 0) return;
    await manager.query(
      `INSERT INTO knowledge_items (id, kind, language)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT (id) DO NOTHING`,
      [items.map((i) => i.id), items.map((i) => i.kind), items.map((i) => i.language)],
    );
  }

  async identities(manager: EntityManager, ids: readonly string[]): Promise<Map<string, ItemIdentity>> {
    const rows: ItemIdentity[] = await manager.query(
      'SELECT id, kind, language FROM knowledge_items WHERE id = ANY($1::text[])',
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }
}
