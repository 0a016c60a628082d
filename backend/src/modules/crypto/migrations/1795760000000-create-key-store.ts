import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The key hierarchy's database half: which KEK versions exist and their state, and every data key wrapped by one.
 * The KEK material itself is never here (a key file or an HSM token), so a database backup alone decrypts nothing.
 */
export class CreateKeyStore1795760000000 implements MigrationInterface {
  name = 'CreateKeyStore1795760000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE key_encryption_keys (
        kek_id text NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        provider text NOT NULL,
        status text NOT NULL CHECK (status IN ('current', 'previous', 'retired')),
        created_at timestamptz NOT NULL DEFAULT now(),
        retired_at timestamptz,
        PRIMARY KEY (kek_id, version)
      )`);
    // At most one current version per KEK: new data keys are wrapped under it.
    await queryRunner.query(
      `CREATE UNIQUE INDEX key_encryption_keys_one_current_idx ON key_encryption_keys (kek_id) WHERE status = 'current'`,
    );
    await queryRunner.query(`
      CREATE TABLE data_keys (
        id uuid PRIMARY KEY,
        purpose text NOT NULL,
        period text NOT NULL,
        kek_id text NOT NULL,
        kek_version integer NOT NULL,
        wrapped_key bytea,
        status text NOT NULL CHECK (status IN ('active', 'destroyed')),
        created_at timestamptz NOT NULL DEFAULT now(),
        rewrapped_at timestamptz,
        destroyed_at timestamptz,
        CHECK ((status = 'active') = (wrapped_key IS NOT NULL)),
        FOREIGN KEY (kek_id, kek_version) REFERENCES key_encryption_keys (kek_id, version)
      )`);
    // One key per purpose and period, destroyed ones included: an erased customer's key is never silently re-made.
    await queryRunner.query('CREATE UNIQUE INDEX data_keys_purpose_period_idx ON data_keys (purpose, period)');
    await queryRunner.query(
      "CREATE INDEX data_keys_kek_version_idx ON data_keys (kek_id, kek_version) WHERE status = 'active'",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE data_keys, key_encryption_keys');
  }
}
