import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { InspectionRule } from './inspection/inspection-rule.ts';
import type { Scorecard, ScoreResult } from './inspection/scorecard.ts';

export interface StoredRule extends InspectionRule {
  version: number;
  updatedBy: string;
  updatedAt: Date;
}

/** When a scored conversation goes to a human reviewer: below this total, or in this share of the others. */
export interface ReviewPolicy {
  reviewBelow: number;
  samplePercent: number;
}

export interface StoredScorecard extends Scorecard, ReviewPolicy {
  isDefault: boolean;
  version: number;
  updatedBy: string;
  updatedAt: Date;
}

export interface StoredScore extends ScoreResult {
  conversationId: string;
  scorecardId: string;
  scorecardVersion: number;
  /** The rules as they were when the conversation was scored: a review recomputes the total from these. */
  rules: InspectionRule[];
  /** The agents who served the conversation: whose score it is, and who may appeal it. */
  agentIds: string[];
  scoredAt: Date;
}

const RULE_COLUMNS = `id, name, spec, version, updated_by AS "updatedBy", updated_at AS "updatedAt"`;
const SCORECARD_COLUMNS = `id, name, items, is_default AS "isDefault", review_below::float8 AS "reviewBelow",
  sample_percent::float8 AS "samplePercent", version, updated_by AS "updatedBy", updated_at AS "updatedAt"`;
/** The columns of a score, of the table under `alias` when the query joins others. */
export function scoreColumns(alias = 'quality_scores'): string {
  return `${alias}.conversation_id AS "conversationId", ${alias}.scorecard_id AS "scorecardId",
    ${alias}.scorecard_version AS "scorecardVersion", ${alias}.total::float8 AS total, ${alias}.items,
    ${alias}.rules, ${alias}.agent_ids AS "agentIds", ${alias}.scored_at AS "scoredAt"`;
}

/** The only code that knows the SQL of the quality tables. */
@Injectable()
export class QualityRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  rules(manager: EntityManager = this.dataSource.manager): Promise<StoredRule[]> {
    return manager.query(`SELECT ${RULE_COLUMNS} FROM quality_rules ORDER BY id`);
  }

  async rule(id: string, manager: EntityManager = this.dataSource.manager, forUpdate = false) {
    const rows: StoredRule[] = await manager.query(
      `SELECT ${RULE_COLUMNS} FROM quality_rules WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0];
  }

  /** Inserts the rule or replaces it with the next version. */
  async saveRule(manager: EntityManager, rule: InspectionRule, updatedBy: string): Promise<void> {
    await manager.query(
      `INSERT INTO quality_rules (id, name, spec, version, updated_by) VALUES ($1, $2, $3, 1, $4)
       ON CONFLICT (id) DO UPDATE SET name = $2, spec = $3, version = quality_rules.version + 1, updated_by = $4,
         updated_at = now()`,
      [rule.id, rule.name, JSON.stringify(rule.spec), updatedBy],
    );
  }

  async deleteRule(manager: EntityManager, id: string): Promise<void> {
    await manager.query('DELETE FROM quality_rules WHERE id = $1', [id]);
  }

  /** The scorecards that weigh a rule (a rule in use cannot be deleted). */
  async scorecardsUsing(manager: EntityManager, ruleId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT id FROM quality_scorecards WHERE items @> $1::jsonb ORDER BY id`,
      [JSON.stringify([{ ruleId }])],
    );
    return rows.map((row) => row.id);
  }

  scorecards(): Promise<StoredScorecard[]> {
    return this.dataSource.query(`SELECT ${SCORECARD_COLUMNS} FROM quality_scorecards ORDER BY id`);
  }

  async scorecard(id: string, manager: EntityManager = this.dataSource.manager): Promise<StoredScorecard | undefined> {
    const rows: StoredScorecard[] = await manager.query(
      `SELECT ${SCORECARD_COLUMNS} FROM quality_scorecards WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  async defaultScorecard(manager: EntityManager): Promise<StoredScorecard | undefined> {
    const rows: StoredScorecard[] = await manager.query(
      `SELECT ${SCORECARD_COLUMNS} FROM quality_scorecards WHERE is_default`,
    );
    return rows[0];
  }

  /** Inserts the scorecard or replaces it with the next version; a new default takes over from the old one. */
  async saveScorecard(
    manager: EntityManager,
    scorecard: Scorecard & ReviewPolicy & { isDefault: boolean },
    updatedBy: string,
  ) {
    if (scorecard.isDefault)
      await manager.query('UPDATE quality_scorecards SET is_default = false WHERE is_default AND id <> $1', [
        scorecard.id,
      ]);
    await manager.query(
      `INSERT INTO quality_scorecards (id, name, items, is_default, review_below, sample_percent, version, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, 1, $7)
       ON CONFLICT (id) DO UPDATE SET name = $2, items = $3, is_default = $4, review_below = $5, sample_percent = $6,
         version = quality_scorecards.version + 1, updated_by = $7, updated_at = now()`,
      [
        scorecard.id,
        scorecard.name,
        JSON.stringify(scorecard.items),
        scorecard.isDefault,
        scorecard.reviewBelow,
        scorecard.samplePercent,
        updatedBy,
      ],
    );
  }

  /** Called in the transaction that closes the conversation. */
  async enqueue(manager: EntityManager, conversationId: string): Promise<void> {
    await manager.query('INSERT INTO quality_pending (conversation_id) VALUES ($1) ON CONFLICT DO NOTHING', [
      conversationId,
    ]);
  }

  /**
   * The oldest closed conversations not yet scored, locked for this transaction; SKIP LOCKED lets every replica work
   * the queue at once without scoring a conversation twice.
   */
  async claimPending(manager: EntityManager, limit: number): Promise<string[]> {
    const rows: Array<{ conversation_id: string }> = await manager.query(
      `SELECT conversation_id FROM quality_pending ORDER BY queued_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    return rows.map((row) => row.conversation_id);
  }

  async hasPending(): Promise<boolean> {
    return (await this.dataSource.query('SELECT 1 FROM quality_pending LIMIT 1')).length > 0;
  }

  /** To the back of the queue after a failed attempt: other conversations are not held up behind it. */
  async postpone(manager: EntityManager, conversationId: string): Promise<void> {
    await manager.query(
      'UPDATE quality_pending SET attempts = attempts + 1, queued_at = now() WHERE conversation_id = $1',
      [conversationId],
    );
  }

  async removePending(manager: EntityManager, conversationId: string): Promise<void> {
    await manager.query('DELETE FROM quality_pending WHERE conversation_id = $1', [conversationId]);
  }

  /** Replaces any earlier score of the conversation under the same scorecard. */
  async saveScore(manager: EntityManager, score: Omit<StoredScore, 'scoredAt'>): Promise<void> {
    await manager.query(
      `INSERT INTO quality_scores (conversation_id, scorecard_id, scorecard_version, total, items, rules, agent_ids)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (conversation_id, scorecard_id) DO UPDATE SET scorecard_version = $3, total = $4, items = $5,
         rules = $6, agent_ids = $7, scored_at = now()`,
      [
        score.conversationId,
        score.scorecardId,
        score.scorecardVersion,
        score.total,
        JSON.stringify(score.items),
        JSON.stringify(score.rules),
        score.agentIds,
      ],
    );
  }

  scoresOf(conversationId: string): Promise<StoredScore[]> {
    return this.dataSource.query(
      `SELECT ${scoreColumns()} FROM quality_scores WHERE conversation_id = $1 ORDER BY scorecard_id`,
      [conversationId],
    );
  }
}
