import type { AnswerLink, KnowledgeKind, KnowledgeLanguage } from './knowledge-item.ts';

/** What the bot needs of one published item, for one channel. */
export interface PublishedEntry {
  id: string;
  kind: KnowledgeKind;
  language: KnowledgeLanguage;
  question: string;
  /** The channel's answer, falling back to `default`; null for intents (the bot acts on them instead). */
  answer: string | null;
  links: AnswerLink[];
  category: string;
}

export type EntryChannel = 'web' | 'api';
