/** The knowledge API's shapes as the console uses them (backend/src/modules/knowledge/dto and bot/dto). */
import type { DraftAction, StoredDraft } from '../../../src/modules/knowledge/draft.ts';
import type {
  KnowledgeContent,
  KnowledgeKind,
  KnowledgeLanguage,
} from '../../../src/modules/knowledge/knowledge-item.ts';
import type { ReleaseDiff } from '../../../src/modules/knowledge/release-diff.ts';
import type { Wire } from './wire.ts';

export {
  type AnswerChannel,
  answerChannels,
  type ChannelAnswer,
  type DraftState,
  type KnowledgeContent,
  type KnowledgeKind,
  type KnowledgeLanguage,
} from '../../../src/modules/knowledge/knowledge-item.ts';
export type { FieldChange, ReleaseDiff } from '../../../src/modules/knowledge/release-diff.ts';
export { type SpreadsheetFormat, spreadsheetMediaTypes } from '../../../src/modules/knowledge/spreadsheet-format.ts';

export type KnowledgeDraft = Wire<StoredDraft>;

/** POST /api/v1/knowledge/drafts. */
export interface NewDraft {
  itemId: string;
  action: DraftAction;
  kind?: KnowledgeKind;
  language?: KnowledgeLanguage;
  content?: KnowledgeContent;
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
export type { RowViolation } from '../../../src/common/errors/rows-rejected.error.ts';

/** GET /api/v1/bot/unanswered/suggestions: a group of questions the bot could not answer (personal data masked). */
export interface UnansweredSuggestion {
  representative: string;
  count: number;
  examples: string[];
  nearestItem?: { id: string; question?: string; confidence: number };
}
