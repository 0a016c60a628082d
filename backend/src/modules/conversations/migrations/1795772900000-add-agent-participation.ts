import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agents in conversations: at most one current agent per conversation (the index is the last line of defence against
 * a double assignment), and how each conversation was closed — disposition and an encrypted summary.
 */
export class AddAgentParticipation1795772900000 implements MigrationInterface {
  name = 'AddAgentParticipation1795772900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE UNIQUE INDEX conversation_participants_current_agent_idx ON conversation_participants (conversation_id)
      WHERE participant_kind = 'agent' AND left_at IS NULL`);
    await queryRunner.query(`
      CREATE INDEX conversation_participants_agent_idx ON conversation_participants (participant_id)
      WHERE participant_kind = 'agent'`);
    await queryRunner.query(`
      CREATE TABLE conversation_closures (
        conversation_id uuid PRIMARY KEY REFERENCES conversations (id),
        closed_by text NOT NULL,
        disposition text NOT NULL
          CHECK (disposition IN ('resolved', 'unresolved', 'follow-up', 'spam', 'no-response', 'left-message')),
        summary bytea,
        closed_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE conversation_closures');
    await queryRunner.query('DROP INDEX conversation_participants_agent_idx');
    await queryRunner.query('DROP INDEX conversation_participants_current_agent_idx');
  }
}
