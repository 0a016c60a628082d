import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Conversations and their messages. A message body is a Kefu envelope under the month's `transcripts` data key, so
 * retention shreds a whole month by destroying one key. `(conversation_id, seq)` orders a conversation without gaps;
 * `(conversation_id, client_message_id)` makes a customer's resend after a lost acknowledgement a no-op.
 * `socket_io_attachments` is the table the Socket.IO PostgreSQL adapter needs for payloads too large for NOTIFY.
 */
export class CreateConversations1795770100000 implements MigrationInterface {
  name = 'CreateConversations1795770100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE conversations (
        id uuid PRIMARY KEY,
        visitor_id text NOT NULL,
        visitor_verified boolean NOT NULL,
        channel text NOT NULL CHECK (channel IN ('web', 'api')),
        language text NOT NULL CHECK (language IN ('zh', 'en')),
        state text NOT NULL CHECK (state IN ('bot', 'queued', 'agent', 'closed')),
        last_seq integer NOT NULL DEFAULT 0,
        handoff jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz
      )`);
    await queryRunner.query('CREATE INDEX conversations_visitor_idx ON conversations (visitor_id, created_at DESC)');
    await queryRunner.query(
      "CREATE INDEX conversations_queued_idx ON conversations (updated_at) WHERE state = 'queued'",
    );
    await queryRunner.query(`
      CREATE TABLE conversation_messages (
        conversation_id uuid NOT NULL REFERENCES conversations (id),
        seq integer NOT NULL,
        client_message_id text,
        reply_to integer,
        sender_kind text NOT NULL CHECK (sender_kind IN ('visitor', 'bot', 'agent', 'system')),
        sender_id text,
        kind text NOT NULL,
        body bytea NOT NULL,
        reading jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (conversation_id, seq),
        UNIQUE (conversation_id, client_message_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE conversation_participants (
        conversation_id uuid NOT NULL REFERENCES conversations (id),
        participant_kind text NOT NULL CHECK (participant_kind IN ('visitor', 'bot', 'agent')),
        participant_id text NOT NULL,
        joined_at timestamptz NOT NULL DEFAULT now(),
        left_at timestamptz,
        PRIMARY KEY (conversation_id, participant_kind, participant_id, joined_at)
      )`);
    await queryRunner.query(`
      CREATE TABLE webhook_subscriptions (
        id uuid PRIMARY KEY,
        url text NOT NULL,
        secret_ciphertext bytea NOT NULL,
        description text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz
      )`);
    await queryRunner.query(`
      CREATE TABLE socket_io_attachments (
        id bigserial UNIQUE,
        created_at timestamptz DEFAULT now(),
        payload bytea
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE socket_io_attachments');
    await queryRunner.query('DROP TABLE webhook_subscriptions');
    await queryRunner.query('DROP TABLE conversation_participants');
    await queryRunner.query('DROP TABLE conversation_messages');
    await queryRunner.query('DROP TABLE conversations');
  }
}
