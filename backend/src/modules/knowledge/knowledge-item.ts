/** The vocabulary of the knowledge base, shared by the read side, the write side and import/export. */
export type KnowledgeKind = 'faq' | 'intent' | 'chitchat';
export type KnowledgeLanguage = 'zh' | 'en';
export type AnswerChannel = 'default' | 'web' | 'api';

export const knowledgeKinds: readonly KnowledgeKind[] = ['faq', 'intent', 'chitchat'];
export const knowledgeLanguages: readonly KnowledgeLanguage[] = ['zh', 'en'];
export const answerChannels: readonly AnswerChannel[] = ['default', 'web', 'api'];

/** Maker-checker: an editor's draft is submitted, then approved (published with the next release) or rejected. */
export type DraftState = 'draft' | 'submitted' | 'approved' | 'rejected';
export const draftStates: readonly DraftState[] = ['draft', 'submitted', 'approved', 'rejected'];

export interface AnswerLink {
  title: string;
  /** http or https only (validated at the edge). */
  url: string;
}

export interface ChannelAnswer {
  /** Plain text with light markdown (line breaks, `**bold**`, lists); HTML is refused at the edge, never stored. */
  text: string;
  links: AnswerLink[];
}

/** What an editor writes about one item; a draft proposes a whole new version of it. */
export interface KnowledgeContent {
  question: string;
  /** Paraphrases: with the question they are the training examples of the item's NLU label. */
  similar: string[];
  /** `default` is required for faq and chitchat; `web` and `api` override it on their channel. */
  answers: Partial<Record<AnswerChannel, ChannelAnswer>>;
  /** A path in the category tree, `/`-separated: `银行卡/挂失`. */
  category: string;
  tags: string[];
  /** ISO 8601; absent means always. */
  effectiveFrom?: string;
  expiresAt?: string;
  /** Questions kept out of training that the retraining gate scores candidate and live model on. */
  heldOut?: string[];
}

/** One item as published in a release snapshot. `id` is a stable slug and the item's NLU label. */
export interface KnowledgeItem {
  id: string;
  kind: KnowledgeKind;
  language: KnowledgeLanguage;
  content: KnowledgeContent;
}

/** Lower-case slug, 2–100 characters: it is also the NLU label and a file-system-safe name. */
export const ITEM_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,99}$/;
