import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The history of every agent's presence and capacity, for occupancy (docs/analytics.md): one append-only row per
 * change, holding the agent's whole routing state from `changed_at` until their next row. Capacity is stored on
 * every row, and a capacity change writes a row too, so "what was this agent's state at time t" is always one row —
 * the last at or before t. Rows are written by the statement that changes `routing_agents`, so history and current
 * state cannot disagree.
 */
export class CreateAgentPresenceChanges1795795200000 implements MigrationInterface {
  name = 'CreateAgentPresenceChanges1795795200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE agent_presence_changes (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        agent_id text NOT NULL REFERENCES routing_agents (agent_id),
        presence text NOT NULL CHECK (presence IN ('online', 'busy', 'away', 'offline')),
        capacity integer NOT NULL CHECK (capacity BETWEEN 0 AND 100),
        changed_at timestamptz NOT NULL
      )`);
    // The state an agent was in when a report's range begins; and the changes inside a range.
    await queryRunner.query(
      'CREATE INDEX agent_presence_changes_agent_idx ON agent_presence_changes (agent_id, changed_at)',
    );
    await queryRunner.query('CREATE INDEX agent_presence_changes_changed_idx ON agent_presence_changes (changed_at)');
    // Agents known before the log existed start it with their current state, since they took it on. Earlier time
    // has no history and counts as offline.
    await queryRunner.query(`
      INSERT INTO agent_presence_changes (agent_id, presence, capacity, changed_at)
      SELECT agent_id, presence, capacity, presence_changed_at FROM routing_agents ORDER BY presence_changed_at`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE agent_presence_changes');
  }
}
