import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail's tables and the trigger that makes them append-only. The trigger stops every role, the superuser
 * included (unless it disables the trigger, which is itself visible: see docs/audit.md). The one exception is the
 * archive purge: DELETE of rows older than the legal minimum (180 days, DESIGN.md) that an archive record already
 * covers, in a session that set `kefu.audit_purge` — only the archive routine does.
 */
export class CreateAuditTrail1795755444730 implements MigrationInterface {
  name = 'CreateAuditTrail1795755444730';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_events (
        seq bigint PRIMARY KEY CHECK (seq > 0),
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
        hash_alg text NOT NULL,
        prev_hash text NOT NULL,
        row_hash text NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX audit_events_occurred_at_idx ON audit_events (occurred_at)');
    await queryRunner.query('CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, seq)');
    await queryRunner.query('CREATE INDEX audit_events_action_idx ON audit_events (action, seq)');
    await queryRunner.query('CREATE INDEX audit_events_target_idx ON audit_events (target_type, target_id, seq)');
    // The one mutable row: appends lock it (SELECT … FOR UPDATE) so replicas take sequence numbers one at a time.
    // It is a cache of the last row, never trusted by verification.
    await queryRunner.query(`
      CREATE TABLE audit_chain_head (
        id smallint PRIMARY KEY CHECK (id = 1),
        last_seq bigint NOT NULL,
        last_hash text NOT NULL
      )`);
    await queryRunner.query(`INSERT INTO audit_chain_head (id, last_seq, last_hash) VALUES (1, 0, repeat('0', 64))`);
    await queryRunner.query(`
      CREATE TABLE audit_checkpoints (
        id bigserial PRIMARY KEY,
        last_seq bigint NOT NULL,
        head_hash text NOT NULL,
        created_at timestamptz NOT NULL,
        signature_alg text NOT NULL,
        key_id text NOT NULL,
        signature text NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX audit_checkpoints_last_seq_idx ON audit_checkpoints (last_seq)');
    await queryRunner.query(`
      CREATE TABLE audit_archives (
        id bigserial PRIMARY KEY,
        up_to_seq bigint NOT NULL,
        last_hash text NOT NULL,
        before_time timestamptz NOT NULL,
        file_sha256 text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Where each SIEM target has got to; mutable by design (at-least-once delivery).
    await queryRunner.query(`
      CREATE TABLE audit_forwarding (
        target text PRIMARY KEY,
        last_seq bigint NOT NULL,
        last_checkpoint_id bigint NOT NULL
      )`);
    await queryRunner.query(`
      CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'audit_events' AND TG_LEVEL = 'ROW' THEN
          IF current_setting('kefu.audit_purge', true) = 'on'
             AND OLD.occurred_at < now() - interval '180 days'
             AND OLD.seq <= (SELECT coalesce(max(up_to_seq), 0) FROM audit_archives) THEN
            RETURN OLD;
          END IF;
        END IF;
        RAISE EXCEPTION 'the audit trail is append-only: % on % refused', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    for (const table of ['audit_events', 'audit_checkpoints', 'audit_archives']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Dropping the tables is the only way down; a trail is never rewritten in place.
    await queryRunner.query(
      'DROP TABLE audit_forwarding, audit_archives, audit_checkpoints, audit_chain_head, audit_events',
    );
    await queryRunner.query('DROP FUNCTION audit_refuse_change()');
  }
}
