import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Customer profiles (the personal data staff see beside a conversation) and legal holds. Every personal field is a
 * Kefu envelope under the customer's own data key (`customer:<id>`); the phone number also has a blind index for
 * exact-match search. An erased profile stays as a tombstone without any personal field.
 */
export class CreateCustomerProfiles1795760100000 implements MigrationInterface {
  name = 'CreateCustomerProfiles1795760100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE customer_profiles (
        id uuid PRIMARY KEY,
        name_ciphertext bytea,
        phone_ciphertext bytea,
        id_number_ciphertext bytea,
        phone_index bytea,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        erased_at timestamptz,
        CHECK (erased_at IS NOT NULL OR name_ciphertext IS NOT NULL),
        CHECK (erased_at IS NULL OR (name_ciphertext IS NULL AND phone_ciphertext IS NULL
          AND id_number_ciphertext IS NULL AND phone_index IS NULL))
      )`);
    await queryRunner.query(
      'CREATE INDEX customer_profiles_phone_index_idx ON customer_profiles (phone_index) WHERE phone_index IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE INDEX customer_profiles_updated_at_idx ON customer_profiles (updated_at) WHERE erased_at IS NULL',
    );
    await queryRunner.query(`
      CREATE TABLE legal_holds (
        id uuid PRIMARY KEY,
        data_class text NOT NULL CHECK (data_class IN ('transcripts', 'customer-profiles', 'audit')),
        subject_id text,
        reason text NOT NULL,
        placed_by text NOT NULL,
        placed_at timestamptz NOT NULL DEFAULT now(),
        released_by text,
        released_at timestamptz
      )`);
    await queryRunner.query(
      'CREATE INDEX legal_holds_active_idx ON legal_holds (data_class, subject_id) WHERE released_at IS NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE legal_holds, customer_profiles');
  }
}
