import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The intake of the audit trail (docs/audit.md, "Recording and sealing"): audited actions insert their event into
 * `audit_pending` inside their own transaction, without any shared lock; the sealer moves committed events into the
 * chain in batches. `audit_events.intake_id` names the pending row each chained event came from, so a pending row can
 * leave only by being sealed: the trigger below refuses UPDATE and TRUNCATE always, and DELETE of a row that is not
 * yet in the chain — for every role, the superuser and the table owner included.
 */
export class AddAuditIntake1795770000000 implements MigrationInterface {
  name = 'AddAuditIntake1795770000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_pending (
        intake_id uuid PRIMARY KEY,
        -- Arrival order: breaks ties between events of the same millisecond.
        arrival bigint GENERATED ALWAYS AS IDENTITY,
        occurred_at timestamptz NOT NULL,
        actor_kind text NOT NULL,
        actor_id text NOT NULL,
        actor_roles text[] NOT NULL,
        action text NOT NULL,
        target_type text,
        target_id text,
        outcome text NOT NULL,
        source_address text,
        request_id text,
        details jsonb NOT NULL,
        intake_mac text NOT NULL
      )`);
    // The sealer takes the oldest events first, so sequence order follows the time the actions happened.
    await queryRunner.query('CREATE INDEX audit_pending_occurred_at_idx ON audit_pending (occurred_at, arrival)');
    // Adding a nullable column rewrites nothing; rows chained before this migration have none.
    await queryRunner.query('ALTER TABLE audit_events ADD COLUMN intake_id uuid');
    await queryRunner.query('CREATE UNIQUE INDEX audit_events_intake_id_idx ON audit_events (intake_id)');
    await queryRunner.query(`
      CREATE FUNCTION audit_pending_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND TG_LEVEL = 'ROW'
           AND EXISTS (SELECT 1 FROM audit_events WHERE intake_id = OLD.intake_id) THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'audit events leave audit_pending only by being sealed: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(
      'CREATE TRIGGER audit_pending_sealed_only BEFORE UPDATE OR DELETE ON audit_pending FOR EACH ROW EXECUTE FUNCTION audit_pending_guard()',
    );
    await queryRunner.query(
      'CREATE TRIGGER audit_pending_no_truncate BEFORE TRUNCATE ON audit_pending FOR EACH STATEMENT EXECUTE FUNCTION audit_pending_guard()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Events still pending would be lost: stop the app (it seals at shutdown) or run `kefu audit verify` first.
    await queryRunner.query('DROP TABLE audit_pending');
    await queryRunner.query('DROP FUNCTION audit_pending_guard()');
    await queryRunner.query('DROP INDEX audit_events_intake_id_idx');
    await queryRunner.query('ALTER TABLE audit_events DROP COLUMN intake_id');
  }
}
