import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Customer satisfaction (CSAT): the 1–5 rating a visitor gives a closed conversation in the widget, at most one per
 * conversation (the primary key is what makes a double submit harmless). The optional comment is stored with
 * personal data masked, like unanswered questions: analytics never needs the customer's identifiers.
 */
export class CreateConversationRatings1795794100000 implements MigrationInterface {
  name = 'CreateConversationRatings1795794100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE conversation_ratings (
        conversation_id uuid PRIMARY KEY REFERENCES conversations (id),
        rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
        masked_comment text,
        rated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE conversation_ratings');
  }
}
