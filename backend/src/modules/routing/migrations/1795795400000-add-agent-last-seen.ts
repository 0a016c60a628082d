import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each agent's console last asked for their routing state (`GET /api/v1/routing/me`, every few seconds while it
 * is open), so an agent who closed the browser while online stops getting conversations, and whether their presence
 * is offline for that reason (the console tells them so). Agents known before take the time of the migration: one
 * timeout after an upgrade, those not back at their console are offline.
 */
export class AddAgentLastSeen1795795400000 implements MigrationInterface {
  name = 'AddAgentLastSeen1795795400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE routing_agents
        ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN presence_timed_out boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE routing_agents DROP COLUMN last_seen_at, DROP COLUMN presence_timed_out');
  }
}
