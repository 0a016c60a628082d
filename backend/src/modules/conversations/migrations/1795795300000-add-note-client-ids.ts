import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Adding a note is idempotent, like sending a message: the console sends the draft's own id with it, so a retry after
 * a lost answer returns the note stored the first time instead of storing it twice. Unique per author and conversation.
 */
export class AddNoteClientIds1795795300000 implements MigrationInterface {
  name = 'AddNoteClientIds1795795300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE conversation_notes ADD COLUMN client_note_id text');
    await queryRunner.query(`CREATE UNIQUE INDEX conversation_notes_client_note_idx
      ON conversation_notes (conversation_id, author_id, client_note_id) WHERE client_note_id IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX conversation_notes_client_note_idx');
    await queryRunner.query('ALTER TABLE conversation_notes DROP COLUMN client_note_id');
  }
}
