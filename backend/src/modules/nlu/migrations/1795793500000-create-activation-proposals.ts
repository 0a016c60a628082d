import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Maker-checker for manual model activation: a trainer proposes a package for a model name, and a different person
 * holding models.activate approves (which activates it) or rejects it. One row per proposal, kept as the record of
 * who asked for what and who decided.
 */
export class CreateActivationProposals1795793500000 implements MigrationInterface {
  name = 'CreateActivationProposals1795793500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE nlu_activation_proposals (
        id uuid PRIMARY KEY,
        model_name text NOT NULL,
        package text NOT NULL,
        note text,
        proposed_by text NOT NULL,
        proposed_by_name text,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'rejected')),
        decided_by text,
        decision_note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz,
        CHECK ((state = 'pending') = (decided_by IS NULL))
      )`);
    await queryRunner.query(
      'CREATE INDEX nlu_activation_proposals_state_created_idx ON nlu_activation_proposals (state, created_at DESC)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE nlu_activation_proposals');
  }
}
