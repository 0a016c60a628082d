/** The quality inspection API's shapes (docs/quality.md), as the console reads them. */
import type { ReviewState } from '../../../src/modules/quality/review-state.ts';

export interface QualityRule {
  id: string;
  name: string;
  /** `kind` and its parameters; edited as JSON and checked by the API field by field. */
  spec: Record<string, unknown>;
  version: number;
  updatedBy: string;
  updatedAt: string;
}

export interface ScorecardItem {
  ruleId: string;
  weight: number;
}

export interface Scorecard {
  id: string;
  name: string;
  items: ScorecardItem[];
  isDefault: boolean;
  reviewBelow: number;
  samplePercent: number;
  version: number;
  updatedBy: string;
  updatedAt: string;
}

export type ScorecardChange = Pick<Scorecard, 'name' | 'items' | 'isDefault' | 'reviewBelow' | 'samplePercent'>;

/** What one rule found: the message (seq) and evidence without personal data. */
export interface Finding {
  seq: number | null;
  evidence: string;
}

export interface ScoredRule {
  ruleId: string;
  weight: number;
  passed: boolean;
  findings: Finding[];
}

export interface QualityScore {
  conversationId: string;
  scorecardId: string;
  scorecardVersion: number;
  total: number;
  items: ScoredRule[];
  rules: Array<{ id: string; name: string }>;
  agentIds: string[];
  scoredAt: string;
}

export type { ReviewState };

export interface QualityReview {
  conversationId: string;
  scorecardId: string;
  reason: 'low-score' | 'sampled' | 'requested';
  state: ReviewState;
  queuedAt: string;
  reviewerId: string | null;
  reviewedTotal: number | null;
  reviewComment: string | null;
  appealedBy: string | null;
  appealReason: string | null;
  decidedBy: string | null;
  upheld: boolean | null;
  finalTotal: number | null;
  decisionComment: string | null;
}

/** One of the agent's own scores, with its review if there is one. */
export type MyScore = QualityScore & { review: QualityReview | null };

export interface Decision {
  upheld: boolean;
  total?: number;
  comment: string;
}

export interface ReportPeriod {
  scorecardId: string;
  from: string;
  to: string;
}

export interface AgentReportRow {
  agentId: string;
  conversations: number;
  averageTotal: number;
  failures: Record<string, number>;
}

export interface TeamReportRow {
  teamId: string;
  name: string;
  memberIds: string[];
  conversations: number;
  averageTotal: number | null;
  failures: Record<string, number>;
}
