import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Finds the rows chained before sealed forms existed without reading the trail: verification reads those by their
 * columns and streams the rest by COPY (audit-range-scan.ts). Empty on installations that started with sealed forms.
 * Correctness does not rest on it — without it the same query reads the range instead.
 */
export class AddAuditUnsealedIndex1795795000000 implements MigrationInterface {
  name = 'AddAuditUnsealedIndex1795795000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX audit_events_unsealed_seq ON audit_events (seq) WHERE sealed IS NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX audit_events_unsealed_seq');
  }
}
