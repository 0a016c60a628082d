import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tickets (工单): work orders from a conversation, by hand, or left by a customer nobody could take. Custom fields are
 * defined as data (`ticket_fields`) and their values kept per ticket as JSON; the description and comments are
 * encrypted (they are free text that may hold personal data); every change is a row of `ticket_events`.
 */
export class CreateTickets1795773000000 implements MigrationInterface {
  name = 'CreateTickets1795773000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ticket_fields (
        key text PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9_]{0,39}$'),
        label text NOT NULL,
        type text NOT NULL CHECK (type IN ('text', 'number', 'choice', 'date')),
        options jsonb NOT NULL DEFAULT '[]',
        required boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE tickets (
        id uuid PRIMARY KEY,
        number bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        subject text NOT NULL,
        description bytea NOT NULL,
        priority text NOT NULL CHECK (priority IN ('urgent', 'high', 'normal', 'low')),
        status text NOT NULL CHECK (status IN ('new', 'open', 'pending', 'resolved', 'closed')),
        source text NOT NULL CHECK (source IN ('manual', 'conversation', 'overflow')),
        conversation_id uuid REFERENCES conversations (id),
        assignee_id text,
        fields jsonb NOT NULL DEFAULT '{}',
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        due_at timestamptz NOT NULL,
        resolved_at timestamptz,
        closed_at timestamptz
      )`);
    await queryRunner.query(
      "CREATE INDEX tickets_sla_idx ON tickets (due_at) WHERE status NOT IN ('resolved', 'closed')",
    );
    await queryRunner.query('CREATE INDEX tickets_status_idx ON tickets (status, created_at DESC)');
    await queryRunner.query('CREATE INDEX tickets_assignee_idx ON tickets (assignee_id, status)');
    await queryRunner.query('CREATE INDEX tickets_conversation_idx ON tickets (conversation_id)');
    await queryRunner.query(`
      CREATE TABLE ticket_comments (
        id uuid PRIMARY KEY,
        ticket_id uuid NOT NULL REFERENCES tickets (id),
        author_id text NOT NULL,
        body bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX ticket_comments_ticket_idx ON ticket_comments (ticket_id, created_at)');
    await queryRunner.query(`
      CREATE TABLE ticket_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        ticket_id uuid NOT NULL REFERENCES tickets (id),
        actor_id text NOT NULL,
        change text NOT NULL
          CHECK (change IN ('created', 'status', 'priority', 'subject', 'assignee', 'fields', 'comment')),
        before jsonb,
        after jsonb,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX ticket_events_ticket_idx ON ticket_events (ticket_id, id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE ticket_events, ticket_comments, tickets, ticket_fields');
  }
}
