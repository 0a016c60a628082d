import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Canned replies (快捷回复): short texts agents insert into a reply, with `{variables}` the console fills in. Global
 * when `group_id` is null, otherwise for one routing skill group; routing owns the groups and its migrations run after
 * these, so the column carries no foreign key (a deleted group leaves its replies unused, not broken).
 */
export class CreateCannedReplies1795792100000 implements MigrationInterface {
  name = 'CreateCannedReplies1795792100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE canned_replies (
        id uuid PRIMARY KEY,
        title text NOT NULL,
        body text NOT NULL,
        group_id uuid,
        created_by text NOT NULL,
        updated_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX canned_replies_group_idx ON canned_replies (group_id, title)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE canned_replies');
  }
}
