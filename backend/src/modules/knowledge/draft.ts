import type { DraftState, KnowledgeContent, KnowledgeKind, KnowledgeLanguage } from './knowledge-item.ts';

export type DraftAction = 'upsert' | 'delete';

/** An editor's proposal for one item (a whole new version of its content, or its removal) and where it stands. */
export interface StoredDraft {
  id: string;
  itemId: string;
  kind: KnowledgeKind;
  language: KnowledgeLanguage;
  action: DraftAction;
  content: KnowledgeContent | null;
  authorId: string;
  authorName: string | null;
  state: DraftState;
  releaseNumber: number | null;
  decidedBy: string | null;
  decisionNote: string | null;
  createdAt: Date;
  updatedAt: Date;
}
