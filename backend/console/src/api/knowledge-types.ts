/** The knowledge API's shapes as the console uses them (backend/src/modules/knowledge/dto and bot/dto). */

export type AnswerChannel = 'default' | 'web' | 'api';
export const answerChannels: readonly AnswerChannel[] = ['default', 'web', 'api'];

export interface ChannelAnswer {
  text: string;
  links: { title: string; url: string }[];
}

export interface KnowledgeContent {
  question: string;
  similar: string[];
  answers: Partial<Record<AnswerChannel, ChannelAnswer>>;
  category: string;
  tags: string[];
  effectiveFrom?: string;
  expiresAt?: string;
  heldOut?: string[];
}

export type KnowledgeKind = 'faq' | 'intent' | 'chitchat';
export type KnowledgeLanguage = 'zh' | 'en';

export type DraftState = 'draft' | 'submitted' | 'approved' | 'rejected';

export interface KnowledgeDraft {
  id: string;
  itemId: string;
  kind: KnowledgeKind;
  language: KnowledgeLanguage;
  action: 'upsert' | 'delete';
  content: KnowledgeContent | null;
  authorId: string;
  authorName: string | null;
  state: DraftState;
  releaseNumber: number | null;
  decidedBy: string | null;
  decisionNote: string | null;
  createdAt: string;
  updatedAt: string;
}

/** POST /api/v1/knowledge/drafts. */
export interface NewDraft {
  itemId: string;
  action: 'upsert' | 'delete';
  kind?: KnowledgeKind;
  language?: KnowledgeLanguage;
  content?: KnowledgeContent;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface ReleaseDiff {
  added: string[];
  removed: string[];
  changed: { id: string; changes: FieldChange[] }[];
}

export interface ReleaseSummary {
  number: number;
  publishedBy: string;
  note: string | null;
  rollbackOf: number | null;
  models: Record<string, string>;
  publishedAt: string;
  items: number;
}

export interface Training {
  language: KnowledgeLanguage;
  jobId: string;
  state: 'queued' | 'activated' | 'refused' | 'failed';
  package: string | null;
  metrics: { heldOutQuestions?: number; candidateAccuracy?: number; liveAccuracy?: number };
  reason: string | null;
}

export interface Release extends ReleaseSummary {
  diff: ReleaseDiff;
  trainings: Training[];
}

/** GET /api/v1/knowledge/trainings: a retraining with its job's progress. */
export interface TrainingRun extends Training {
  releaseNumber: number;
  progress: number;
  progressNote: string | null;
  updatedAt: string;
}

/** One bad row of a refused import (422 import_rejected). */
export interface RowViolation {
  row: number;
  column: string;
  reason: string;
}

/** GET /api/v1/bot/unanswered/suggestions: a group of questions the bot could not answer (personal data masked). */
export interface UnansweredSuggestion {
  representative: string;
  count: number;
  examples: string[];
  nearestItem?: { id: string; question?: string; confidence: number };
}

export type SpreadsheetFormat = 'xlsx' | 'csv';

/** The media types POST /api/v1/knowledge/import accepts. */
export const spreadsheetMediaTypes: Record<SpreadsheetFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};
