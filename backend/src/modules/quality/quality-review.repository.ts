import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type StoredScore, scoreColumns } from './quality.repository.ts';
import type { ReviewState } from './review-state.ts';

export type ReviewReason = 'low-score' | 'sampled' | 'requested';

/** One score under human review (复核) and its appeal (申诉), if any. */
export interface QualityReview {
  conversationId: string;
  scorecardId: string;
  reason: ReviewReason;
  state: ReviewState;
  queuedAt: Date;
  reviewerId: string | null;
  reviewedTotal: number | null;
  reviewComment: string | null;
  reviewedAt: Date | null;
  appealedBy: string | null;
  appealReason: string | null;
  appealedAt: Date | null;
  decidedBy: string | null;
  upheld: boolean | null;
  finalTotal: number | null;
  decisionComment: string | null;
  decidedAt: Date | null;
}

export interface ReviewKey {
  conversationId: string;
  scorecardId: string;
}

const REVIEW_COLUMNS = `conversation_id AS "conversationId", scorecard_id AS "scorecardId", reason, state,
  queued_at AS "queuedAt", reviewer_id AS "reviewerId", reviewed_total::float8 AS "reviewedTotal",
  review_comment AS "reviewComment", reviewed_at AS "reviewedAt", appealed_by AS "appealedBy",
  appeal_reason AS "appealReason", appealed_at AS "appealedAt", decided_by AS "decidedBy", upheld,
  final_total::float8 AS "finalTotal", decision_comment AS "decisionComment", decided_at AS "decidedAt"`;

/** The only code that knows the SQL of quality_reviews. */
@Injectable()
export class QualityReviewRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Queues the score for review unless it is under review already (a re-score does not reopen a review). */
  async queue(manager: EntityManager, key: ReviewKey, reason: ReviewReason): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO quality_reviews (conversation_id, scorecard_id, reason, state) VALUES ($1, $2, $3, 'pending')
       ON CONFLICT DO NOTHING RETURNING 1`,
      [key.conversationId, key.scorecardId, reason],
    );
    return rows.length > 0;
  }

  async byKey(key: ReviewKey, manager: EntityManager = this.dataSource.manager): Promise<QualityReview | undefined> {
    const rows: QualityReview[] = await manager.query(
      `SELECT ${REVIEW_COLUMNS} FROM quality_reviews WHERE conversation_id = $1 AND scorecard_id = $2 FOR UPDATE`,
      [key.conversationId, key.scorecardId],
    );
    return rows[0];
  }

  async score(key: ReviewKey, manager: EntityManager = this.dataSource.manager): Promise<StoredScore | undefined> {
    const rows: StoredScore[] = await manager.query(
      `SELECT ${scoreColumns()} FROM quality_scores WHERE conversation_id = $1 AND scorecard_id = $2`,
      [key.conversationId, key.scorecardId],
    );
    return rows[0];
  }

  /** Oldest first: the reviewers' queue. */
  inState(state: ReviewState, limit: number): Promise<QualityReview[]> {
    return this.dataSource.query(
      `SELECT ${REVIEW_COLUMNS} FROM quality_reviews WHERE state = $1 ORDER BY queued_at, conversation_id LIMIT $2`,
      [state, limit],
    );
  }

  async saveReview(manager: EntityManager, key: ReviewKey, review: { by: string; total: number; comment: string }) {
    await manager.query(
      `UPDATE quality_reviews SET state = 'reviewed', reviewer_id = $3, reviewed_total = $4, review_comment = $5,
         reviewed_at = now() WHERE conversation_id = $1 AND scorecard_id = $2`,
      [key.conversationId, key.scorecardId, review.by, review.total, review.comment],
    );
  }

  async saveAppeal(manager: EntityManager, key: ReviewKey, appeal: { by: string; reason: string }) {
    await manager.query(
      `UPDATE quality_reviews SET state = 'appealed', appealed_by = $3, appeal_reason = $4, appealed_at = now()
       WHERE conversation_id = $1 AND scorecard_id = $2`,
      [key.conversationId, key.scorecardId, appeal.by, appeal.reason],
    );
  }

  async saveDecision(
    manager: EntityManager,
    key: ReviewKey,
    decision: { by: string; upheld: boolean; total: number; comment: string },
  ) {
    await manager.query(
      `UPDATE quality_reviews SET state = 'decided', decided_by = $3, upheld = $4, final_total = $5,
         decision_comment = $6, decided_at = now() WHERE conversation_id = $1 AND scorecard_id = $2`,
      [key.conversationId, key.scorecardId, decision.by, decision.upheld, decision.total, decision.comment],
    );
  }

  /** An agent's own scores, newest first, with the review of each if there is one. */
  scoresOfAgent(agentId: string, limit: number): Promise<Array<StoredScore & { review: QualityReview | null }>> {
    return this.dataSource.query(
      `SELECT ${scoreColumns('s')},
         (SELECT to_jsonb(x) FROM (SELECT ${REVIEW_COLUMNS} FROM quality_reviews r
            WHERE r.conversation_id = s.conversation_id AND r.scorecard_id = s.scorecard_id) x) AS review
       FROM quality_scores s WHERE $1 = ANY (s.agent_ids) ORDER BY s.scored_at DESC LIMIT $2`,
      [agentId, limit],
    );
  }
}
