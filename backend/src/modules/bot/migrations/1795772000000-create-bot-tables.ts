import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The bot's own tables. `bot_flows`: flow definitions as data, edited by trainers. `bot_dialogue_states`: one row
 * per conversation that has something to remember (a fallback streak, a running flow) — the flow's slot values are a
 * Kefu envelope under the month's `transcripts` key and are removed when the flow ends. `bot_unanswered_questions`:
 * questions the bot could not answer with confidence, personal data masked, mined into knowledge-base suggestions.
 * Conversation ids are not foreign keys: the conversations module owns that table and calls the bot, not the reverse.
 */
export class CreateBotTables1795772000000 implements MigrationInterface {
  name = 'CreateBotTables1795772000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE bot_flows (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
        version integer NOT NULL CHECK (version > 0),
        triggers text[] NOT NULL,
        enabled boolean NOT NULL,
        definition jsonb NOT NULL,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE bot_dialogue_states (
        conversation_id uuid PRIMARY KEY,
        fallback_streak smallint NOT NULL DEFAULT 0,
        flow_id text,
        flow_step text,
        flow_language text CHECK (flow_language IN ('zh', 'en')),
        flow_retries smallint NOT NULL DEFAULT 0,
        flow_slots bytea,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((flow_id IS NULL) = (flow_step IS NULL) AND (flow_id IS NULL) = (flow_language IS NULL) AND (flow_id IS NOT NULL OR flow_slots IS NULL))
      )`);
    await queryRunner.query(`
      CREATE TABLE bot_unanswered_questions (
        id bigserial PRIMARY KEY,
        conversation_id uuid NOT NULL,
        language text NOT NULL CHECK (language IN ('zh', 'en')),
        channel text NOT NULL CHECK (channel IN ('web', 'api')),
        reason text NOT NULL CHECK (reason IN ('fallback', 'low-confidence')),
        masked_text text NOT NULL,
        best_label text NOT NULL,
        confidence real NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      'CREATE INDEX bot_unanswered_questions_language_idx ON bot_unanswered_questions (language, created_at DESC)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE bot_unanswered_questions, bot_dialogue_states, bot_flows');
  }
}
