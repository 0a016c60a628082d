import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Quality inspection (质检). `quality_rules`: inspection rules as data. `quality_scorecards`: weighted lists of rules;
 * the default one scores every closed conversation. `quality_pending`: conversations closed but not yet scored — the
 * close inserts the row in its own transaction, so no closed conversation is left unscored after a crash.
 * `quality_scores`: one score per conversation and scorecard, with the rules as they were when it was scored, so a
 * reviewer recomputes the same total later. `quality_reviews`: scores under human review and their appeals.
 * Conversation ids are not foreign keys: the conversations module owns that table.
 */
export class CreateQualityTables1795791000000 implements MigrationInterface {
  name = 'CreateQualityTables1795791000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE quality_rules (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
        name text NOT NULL,
        spec jsonb NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE quality_scorecards (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
        name text NOT NULL,
        items jsonb NOT NULL,
        is_default boolean NOT NULL DEFAULT false,
        review_below numeric(4, 1) NOT NULL DEFAULT 80 CHECK (review_below BETWEEN 0 AND 100),
        sample_percent numeric(4, 1) NOT NULL DEFAULT 5 CHECK (sample_percent BETWEEN 0 AND 100),
        version integer NOT NULL CHECK (version > 0),
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      'CREATE UNIQUE INDEX quality_scorecards_one_default ON quality_scorecards (is_default) WHERE is_default',
    );
    await queryRunner.query(`
      CREATE TABLE quality_pending (
        conversation_id uuid PRIMARY KEY,
        queued_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0
      )`);
    await queryRunner.query(`
      CREATE TABLE quality_scores (
        conversation_id uuid NOT NULL,
        scorecard_id text NOT NULL REFERENCES quality_scorecards (id) ON DELETE CASCADE,
        scorecard_version integer NOT NULL,
        total numeric(4, 1) NOT NULL CHECK (total BETWEEN 0 AND 100),
        items jsonb NOT NULL,
        rules jsonb NOT NULL,
        agent_ids text[] NOT NULL,
        scored_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (conversation_id, scorecard_id)
      )`);
    await queryRunner.query('CREATE INDEX quality_scores_scored_at_idx ON quality_scores (scored_at)');
    await queryRunner.query('CREATE INDEX quality_scores_agents_idx ON quality_scores USING gin (agent_ids)');
    // A score under human review (复核) and, if the agent appeals (申诉), the decision; one row per score.
    await queryRunner.query(`
      CREATE TABLE quality_reviews (
        conversation_id uuid NOT NULL,
        scorecard_id text NOT NULL,
        reason text NOT NULL CHECK (reason IN ('low-score', 'sampled', 'requested')),
        state text NOT NULL CHECK (state IN ('pending', 'reviewed', 'appealed', 'decided')),
        queued_at timestamptz NOT NULL DEFAULT now(),
        reviewer_id text,
        reviewed_total numeric(4, 1) CHECK (reviewed_total BETWEEN 0 AND 100),
        review_comment text,
        reviewed_at timestamptz,
        appealed_by text,
        appeal_reason text,
        appealed_at timestamptz,
        decided_by text,
        upheld boolean,
        final_total numeric(4, 1) CHECK (final_total BETWEEN 0 AND 100),
        decision_comment text,
        decided_at timestamptz,
        PRIMARY KEY (conversation_id, scorecard_id),
        FOREIGN KEY (conversation_id, scorecard_id) REFERENCES quality_scores (conversation_id, scorecard_id)
          ON DELETE CASCADE
      )`);
    await queryRunner.query('CREATE INDEX quality_reviews_state_idx ON quality_reviews (state, queued_at)');
    await this.seedDefaults(queryRunner);
  }

  /** What a retail bank's 质检 starts from; supervisors change the wording and weights through the API. */
  private async seedDefaults(queryRunner: QueryRunner): Promise<void> {
    const rules: Array<[string, string, object]> = [
      [
        'greeting',
        '开场问候',
        { kind: 'required-phrases', phrases: ['您好', 'hello', 'hi'], in: 'first-agent-message' },
      ],
      [
        'closing',
        '结束语',
        {
          kind: 'required-phrases',
          phrases: ['感谢', '祝您', '再见', 'thank you', 'goodbye'],
          in: 'last-agent-message',
        },
      ],
      [
        'forbidden-words',
        '服务禁用语',
        { kind: 'forbidden-phrases', phrases: ['不知道', '不归我管', '你自己看', '听不懂吗', '没办法', '随便'] },
      ],
      [
        'investment-risk-disclosure',
        '理财风险提示',
        {
          kind: 'required-phrases',
          phrases: ['理财非存款，投资需谨慎', '理财非存款、产品有风险、投资须谨慎'],
          in: 'any-agent-message',
          whenMentioned: ['理财', '基金', '收益率', '净值'],
        },
      ],
      ['first-response', '首次响应时长', { kind: 'first-response-time', maxSeconds: 60 }],
      ['reply-time', '平均回复时长', { kind: 'reply-time', maxSeconds: 120 }],
      ['customer-upset', '客户负面情绪', { kind: 'negative-sentiment', atLeast: 2 }],
      ['personal-data-in-full', '坐席明文发送个人信息', { kind: 'personal-data-in-full' }],
    ];
    for (const [id, name, spec] of rules)
      await queryRunner.query(
        `INSERT INTO quality_rules (id, name, spec, version, updated_by) VALUES ($1, $2, $3, 1, 'system:migration')`,
        [id, name, JSON.stringify(spec)],
      );
    const weights: Record<string, number> = {
      greeting: 10,
      closing: 10,
      'forbidden-words': 20,
      'investment-risk-disclosure': 20,
      'first-response': 10,
      'reply-time': 10,
      'customer-upset': 5,
      'personal-data-in-full': 15,
    };
    await queryRunner.query(
      `INSERT INTO quality_scorecards (id, name, items, is_default, version, updated_by)
       VALUES ('standard', '标准服务评分卡', $1, true, 1, 'system:migration')`,
      [JSON.stringify(Object.entries(weights).map(([ruleId, weight]) => ({ ruleId, weight })))],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP TABLE quality_reviews, quality_scores, quality_pending, quality_scorecards, quality_rules',
    );
  }
}
