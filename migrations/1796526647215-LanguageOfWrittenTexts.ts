import { MigrationInterface, QueryRunner } from 'typeorm';

export class LanguageOfWrittenTexts1796526647215 implements MigrationInterface {
  name = 'LanguageOfWrittenTexts1796526647215';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "organizations"
            ADD "status_reason_language" text
        `);
    await queryRunner.query(`
            ALTER TABLE "initiatives"
            ADD "status_comment_language" text
        `);
    await queryRunner.query(`
            ALTER TABLE "interests"
            ADD "message_language" text
        `);
    await queryRunner.query(`
            ALTER TABLE "interests"
            ADD "reply_language" text
        `);
    await queryRunner.query(`
            ALTER TABLE "partnerships"
            ADD "outcome_note_language" text
        `);
    await queryRunner.query(`
            ALTER TABLE "forum_sessions"
            ADD "decision_reason_language" text
        `);
    await queryRunner.query(`
            ALTER TABLE "meetings"
            ADD "message_language" text
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "meetings" DROP COLUMN "message_language"
        `);
    await queryRunner.query(`
            ALTER TABLE "forum_sessions" DROP COLUMN "decision_reason_language"
        `);
    await queryRunner.query(`
            ALTER TABLE "partnerships" DROP COLUMN "outcome_note_language"
        `);
    await queryRunner.query(`
            ALTER TABLE "interests" DROP COLUMN "reply_language"
        `);
    await queryRunner.query(`
            ALTER TABLE "interests" DROP COLUMN "message_language"
        `);
    await queryRunner.query(`
            ALTER TABLE "initiatives" DROP COLUMN "status_comment_language"
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations" DROP COLUMN "status_reason_language"
        `);
  }
}
