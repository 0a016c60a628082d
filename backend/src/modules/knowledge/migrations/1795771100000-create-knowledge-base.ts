import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The knowledge base: items (stable ids that are also NLU labels), drafts proposing a new version or the deletion of
 * one item (maker-checker: the author submits, another person approves), numbered releases holding the full snapshot
 * of what was published with its diff, and the retraining run of each release and language.
 */
export class CreateKnowledgeBase1795771100000 implements MigrationInterface {
  name = 'CreateKnowledgeBase1795771100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE knowledge_items (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,99}$'),
        kind text NOT NULL CHECK (kind IN ('faq', 'intent', 'chitchat')),
        language text NOT NULL CHECK (language IN ('zh', 'en')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE knowledge_releases (
        number integer PRIMARY KEY CHECK (number > 0),
        snapshot jsonb NOT NULL,
        diff jsonb NOT NULL,
        published_by text NOT NULL,
        note text,
        rollback_of integer REFERENCES knowledge_releases (number),
        models jsonb NOT NULL DEFAULT '{}',
        published_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE knowledge_drafts (
        id uuid PRIMARY KEY,
        item_id text NOT NULL REFERENCES knowledge_items (id),
        action text NOT NULL CHECK (action IN ('upsert', 'delete')),
        content jsonb,
        author_id text NOT NULL,
        author_name text,
        state text NOT NULL CHECK (state IN ('draft', 'submitted', 'approved', 'rejected')),
        release_number integer REFERENCES knowledge_releases (number),
        decided_by text,
        decision_note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((action = 'upsert') = (content IS NOT NULL)),
        CHECK ((state = 'approved') = (release_number IS NOT NULL))
      )`);
    await queryRunner.query('CREATE INDEX knowledge_drafts_state_idx ON knowledge_drafts (state, created_at)');
    await queryRunner.query('CREATE INDEX knowledge_drafts_item_idx ON knowledge_drafts (item_id)');
    await queryRunner.query(`
      CREATE TABLE knowledge_trainings (
        release_number integer NOT NULL REFERENCES knowledge_releases (number),
        language text NOT NULL CHECK (language IN ('zh', 'en')),
        job_id uuid NOT NULL UNIQUE,
        state text NOT NULL CHECK (state IN ('queued', 'activated', 'refused', 'failed')),
        package text,
        metrics jsonb NOT NULL DEFAULT '{}',
        reason text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (release_number, language)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE knowledge_trainings, knowledge_drafts, knowledge_releases, knowledge_items');
  }
}
