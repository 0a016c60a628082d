import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/index.ts';
import {
  NotYourScoreError,
  ReviewNotFoundError,
  ReviewStateError,
  ScoreNotFoundError,
  SelfReviewError,
} from './quality.errors.ts';
import type { ReviewPolicy, StoredScore } from './quality.repository.ts';
import { type QualityReview, QualityReviewRepository, type ReviewKey } from './quality-review.repository.ts';

/**
 * Human review of automatic scores (复核) and the agent's appeal (申诉). A score goes to the reviewers' queue when it is
 * below the scorecard's `reviewBelow`, when it falls in the scorecard's sample, or when a supervisor asks. Nobody
 * reviews a conversation they served, the agent who served it may appeal the review, and the appeal is decided by
 * someone other than the reviewer — the same maker-checker as the knowledge base.
 */
@Injectable()
export class QualityReviews {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reviews: QualityReviewRepository,
  ) {}

  /** Called with each automatic score, in the transaction that stores it. */
  async queueIfDue(manager: EntityManager, score: StoredScore | Omit<StoredScore, 'scoredAt'>, policy: ReviewPolicy) {
    const key = { conversationId: score.conversationId, scorecardId: score.scorecardId };
    if (score.total < policy.reviewBelow) await this.reviews.queue(manager, key, 'low-score');
    else if (inSample(score.conversationId, policy.samplePercent)) await this.reviews.queue(manager, key, 'sampled');
  }

  async request(key: ReviewKey): Promise<QualityReview> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.reviews.score(key, manager))) throw new ScoreNotFoundError(key);
      await this.reviews.queue(manager, key, 'requested');
      return (await this.reviews.byKey(key, manager)) as QualityReview;
    });
  }

  async review(actor: Actor, key: ReviewKey, review: { total: number; comment: string }): Promise<QualityReview> {
    return this.change(key, 'pending', async (manager, score) => {
      if (score.agentIds.includes(actor.id)) throw new SelfReviewError('review a conversation you served');
      await this.reviews.saveReview(manager, key, { by: actor.id, ...review });
    });
  }

  async appeal(actor: Actor, key: ReviewKey, reason: string): Promise<QualityReview> {
    return this.change(key, 'reviewed', async (manager, score) => {
      if (!score.agentIds.includes(actor.id)) throw new NotYourScoreError(key);
      await this.reviews.saveAppeal(manager, key, { by: actor.id, reason });
    });
  }

  /** Upheld: the appeal was right and `total` (required) replaces the review's; rejected: the review's total stands. */
  async decide(
    actor: Actor,
    key: ReviewKey,
    decision: { upheld: boolean; total?: number; comment: string },
  ): Promise<QualityReview> {
    return this.change(key, 'appealed', async (manager, score, review) => {
      if (review.reviewerId === actor.id) throw new SelfReviewError('decide an appeal against your own review');
      if (score.agentIds.includes(actor.id))
        throw new SelfReviewError('decide an appeal about a conversation you served');
      const total = decision.upheld ? (decision.total as number) : (review.reviewedTotal as number);
      await this.reviews.saveDecision(manager, key, {
        by: actor.id,
        upheld: decision.upheld,
        total,
        comment: decision.comment,
      });
    });
  }

  /** Locks the review, checks it is in `expected` state, applies `work`, and answers the review as it now stands. */
  private change(
    key: ReviewKey,
    expected: QualityReview['state'],
    work: (manager: EntityManager, score: StoredScore, review: QualityReview) => Promise<void>,
  ): Promise<QualityReview> {
    return this.dataSource.transaction(async (manager) => {
      const review = await this.reviews.byKey(key, manager);
      if (!review) throw new ReviewNotFoundError(key);
      if (review.state !== expected) throw new ReviewStateError(review.state, expected);
      await work(manager, (await this.reviews.score(key, manager)) as StoredScore, review);
      return (await this.reviews.byKey(key, manager)) as QualityReview;
    });
  }
}

/**
 * Whether a conversation falls in a `percent` sample: decided by its id alone (the first 32 bits of its SHA-256), so
 * the sample is the same on every replica and when a conversation is scored again, and nobody can steer it.
 */
export function inSample(conversationId: string, percent: number): boolean {
  const bucket = createHash('sha256').update(conversationId).digest().readUInt32BE(0) % 10_000;
  return bucket < Math.round(percent * 100);
}
