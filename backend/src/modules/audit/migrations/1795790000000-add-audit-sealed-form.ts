import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The constraint that ties each row's columns to the bytes its hash covers; verification checks it is intact. */
export const SEALED_FORM_CONSTRAINT = 'audit_events_sealed_matches';

/**
 * The constraint on `table`: a row has no sealed form (chained before this migration) or every column equals its field
 * in the sealed form (the canonical array of audit-canonical-form.ts, whose element 12 is the details as a JSON
 * string). Built-in functions only, inline: a user function could be replaced and restored around an UPDATE without a
 * trace, an inline expression cannot be changed without dropping the constraint. Verification deparses this same DDL on
 * a scratch table and compares it with the live one, so it must never change: a new rule needs a new constraint.
 */
export function sealedFormConstraintDdl(table: string, name: string): string {
  return `ALTER TABLE ${table} ADD CONSTRAINT ${name} CHECK (sealed IS NULL OR (
    (sealed::jsonb - 12) = jsonb_build_array(1, seq, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      actor_kind, actor_id, to_jsonb(actor_roles), action, target_type, target_id, outcome, source_address, request_id,
      hash_alg)
    AND (sealed::jsonb ->> 12)::jsonb = details))`;
}

/**
 * Stores, with every chained row, the exact bytes its row hash covers (`sealed`), so verification hashes what it reads
 * instead of rebuilding the canonical form from fifteen columns — the cost that dominated verification. The searchable
 * columns stay (the auditor API filters on them and shows them), and the CHECK constraint makes the database refuse
 * any row whose columns differ from its sealed form, on INSERT and on UPDATE. Someone who wants to alter a column must
 * first drop the constraint; verification finds that in the catalog and then checks every row from its columns, as it
 * did before this migration (docs/audit.md, "Sealed form").
 */
export class AddAuditSealedForm1795790000000 implements MigrationInterface {
  name = 'AddAuditSealedForm1795790000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Nullable, no default: existing rows are not rewritten (the append-only trigger would refuse it anyway).
    await queryRunner.query('ALTER TABLE audit_events ADD COLUMN sealed text');
    await queryRunner.query(sealedFormConstraintDdl('audit_events', SEALED_FORM_CONSTRAINT));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE audit_events DROP CONSTRAINT ${SEALED_FORM_CONSTRAINT}`);
    await queryRunner.query('ALTER TABLE audit_events DROP COLUMN sealed');
  }
}
