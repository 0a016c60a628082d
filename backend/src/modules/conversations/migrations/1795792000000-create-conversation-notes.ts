import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Internal notes: what staff write about a conversation for each other, never for the customer. Kept apart from
 * conversation_messages on purpose, so nothing that reads a transcript for the customer (the widget, the open API,
 * webhooks) can pick a note up. The body is encrypted like a transcript, under the month's `transcripts` key.
 */
export class CreateConversationNotes1795792000000 implements MigrationInterface {
  name = 'CreateConversationNotes1795792000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE conversation_notes (
        id uuid PRIMARY KEY,
        conversation_id uuid NOT NULL REFERENCES conversations (id),
        author_id text NOT NULL,
        author_name text NOT NULL,
        body bytea NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX conversation_notes_conversation_idx ON conversation_notes (conversation_id, created_at)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE conversation_notes');
  }
}
