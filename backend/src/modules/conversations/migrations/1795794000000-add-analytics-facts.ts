import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Facts analytics needs without opening a transcript: which knowledge item a bot message answered with (the item id
 * is otherwise only inside the encrypted body), and conversations by start time, the range every report filters on.
 */
export class AddAnalyticsFacts1795794000000 implements MigrationInterface {
  name = 'AddAnalyticsFacts1795794000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE conversation_messages ADD COLUMN item_id text');
    await queryRunner.query('CREATE INDEX conversations_created_idx ON conversations (created_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX conversations_created_idx');
    await queryRunner.query('ALTER TABLE conversation_messages DROP COLUMN item_id');
  }
}
