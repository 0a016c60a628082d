import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which package serves each model name, shared by every replica: an activation (by a trainer, a knowledge retraining
 * or a rollback) is recorded here with its audit record, and each replica's registry follows it, also after a restart.
 */
export class CreateActiveModels1795771200000 implements MigrationInterface {
  name = 'CreateActiveModels1795771200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE nlu_active_models (
        name text PRIMARY KEY,
        package text NOT NULL,
        version text NOT NULL,
        activated_by text NOT NULL,
        activated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE nlu_active_models');
  }
}
