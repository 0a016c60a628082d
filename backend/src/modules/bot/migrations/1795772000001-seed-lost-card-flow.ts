import type { MigrationInterface, QueryRunner } from 'typeorm';
import { lostCardFlow } from '../flows/lost-card-flow.ts';

/** Who seeded a flow, in `updated_by`. */
const SEEDED_BY = 'kefu-defaults';

/**
 * Seeds the flow Kefu ships (report a lost card) once per database: as a migration it runs exactly once, whether
 * replicas or the Helm hook job apply it, and a flow trainers later change or delete is never brought back. It takes
 * the definition as the code holds it when the database is created; existing databases keep theirs.
 */
export class SeedLostCardFlow1795772000001 implements MigrationInterface {
  name = 'SeedLostCardFlow1795772000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `INSERT INTO bot_flows (id, version, triggers, enabled, definition, updated_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO NOTHING`,
      [
        lostCardFlow.id,
        lostCardFlow.version,
        lostCardFlow.triggers,
        lostCardFlow.enabled,
        JSON.stringify(lostCardFlow.definition),
        SEEDED_BY,
      ],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM bot_flows WHERE id = $1 AND updated_by = $2', [lostCardFlow.id, SEEDED_BY]);
  }
}
