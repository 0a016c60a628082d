import type { MigrationInterface, QueryRunner } from 'typeorm';

const DISPOSITIONS = ['resolved', 'unresolved', 'follow-up', 'spam', 'no-response', 'left-message'];

/**
 * Conversations with the bot that the customer left are closed by the system (`IdleConversationCloser`): a new
 * disposition, `idle`, and an index that finds them without reading every conversation.
 */
export class AddIdleClose1795795100000 implements MigrationInterface {
  name = 'AddIdleClose1795795100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.allowDispositions(queryRunner, [...DISPOSITIONS, 'idle']);
    await queryRunner.query(
      "CREATE INDEX conversations_bot_idle_idx ON conversations (updated_at) WHERE state = 'bot'",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX conversations_bot_idle_idx');
    // Kept, under the nearest older disposition, rather than deleted.
    await queryRunner.query("UPDATE conversation_closures SET disposition = 'no-response' WHERE disposition = 'idle'");
    await this.allowDispositions(queryRunner, DISPOSITIONS);
  }

  private async allowDispositions(queryRunner: QueryRunner, dispositions: string[]): Promise<void> {
    const list = dispositions.map((disposition) => `'${disposition}'`).join(', ');
    await queryRunner.query(`ALTER TABLE conversation_closures
      DROP CONSTRAINT conversation_closures_disposition_check,
      ADD CONSTRAINT conversation_closures_disposition_check CHECK (disposition IN (${list}))`);
  }
}
