import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Progress of background jobs. pg-boss keeps state and output in its own `pgboss` schema (created by `boss.start()`),
 * but writes output only when a job ends; a running job's percentage and note live here, one row per job.
 */
export class CreateJobProgress1795771000000 implements MigrationInterface {
  name = 'CreateJobProgress1795771000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE job_progress (
        job_id uuid PRIMARY KEY,
        queue text NOT NULL,
        percent smallint NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
        note text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE job_progress');
  }
}
