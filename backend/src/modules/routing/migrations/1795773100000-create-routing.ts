import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Routing: skill groups and their members, agents with presence and capacity, and one queue row per handed-off
 * conversation (waiting → assigned → ended, or overflowed into a ticket). `routing_agents.active` counts the agent's
 * assigned conversations; it changes only in the transaction that assigns or releases one, under the agent's row
 * lock, which is what keeps capacity from ever being exceeded across replicas.
 */
export class CreateRouting1795773100000 implements MigrationInterface {
  name = 'CreateRouting1795773100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE routing_groups (
        id uuid PRIMARY KEY,
        name text NOT NULL UNIQUE,
        strategy text NOT NULL CHECK (strategy IN ('least-busy', 'round-robin', 'previous-agent')),
        working_hours jsonb,
        handoff_default boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // At most one group receives the bot's handoffs.
    await queryRunner.query(
      'CREATE UNIQUE INDEX routing_groups_handoff_default_idx ON routing_groups (handoff_default) WHERE handoff_default',
    );
    await queryRunner.query(`
      CREATE TABLE routing_agents (
        agent_id text PRIMARY KEY,
        display_name text NOT NULL,
        presence text NOT NULL DEFAULT 'offline' CHECK (presence IN ('online', 'busy', 'away', 'offline')),
        capacity integer NOT NULL CHECK (capacity BETWEEN 0 AND 100),
        active integer NOT NULL DEFAULT 0 CHECK (active >= 0),
        presence_changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE routing_group_members (
        group_id uuid NOT NULL REFERENCES routing_groups (id) ON DELETE CASCADE,
        agent_id text NOT NULL REFERENCES routing_agents (agent_id),
        last_assigned_at timestamptz,
        PRIMARY KEY (group_id, agent_id)
      )`);
    await queryRunner.query('CREATE INDEX routing_group_members_agent_idx ON routing_group_members (agent_id)');
    await queryRunner.query(`
      CREATE TABLE routing_queue (
        conversation_id uuid PRIMARY KEY REFERENCES conversations (id),
        visitor_id text NOT NULL,
        group_id uuid REFERENCES routing_groups (id) ON DELETE SET NULL,
        state text NOT NULL CHECK (state IN ('waiting', 'assigned', 'overflowed', 'ended')),
        reason text NOT NULL,
        enqueued_at timestamptz NOT NULL DEFAULT now(),
        agent_id text REFERENCES routing_agents (agent_id),
        assigned_at timestamptz,
        ended_at timestamptz,
        ticket_id uuid,
        CHECK (state <> 'assigned' OR agent_id IS NOT NULL),
        CHECK (state <> 'overflowed' OR ticket_id IS NOT NULL)
      )`);
    await queryRunner.query(
      "CREATE INDEX routing_queue_waiting_idx ON routing_queue (group_id, enqueued_at, conversation_id) WHERE state = 'waiting'",
    );
    await queryRunner.query(
      "CREATE INDEX routing_queue_assigned_idx ON routing_queue (agent_id) WHERE state = 'assigned'",
    );
    await queryRunner.query('CREATE INDEX routing_queue_visitor_idx ON routing_queue (visitor_id, assigned_at DESC)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE routing_queue, routing_group_members, routing_agents, routing_groups');
  }
}
