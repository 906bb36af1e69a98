import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Generated from the entities: forum sessions' title and abstract, and the outcomes summary, with a
 * second-language version beside the original (src/common/i18n/translations.ts).
 */
export class ForumTextTranslations1796449558071 implements MigrationInterface {
  name = 'ForumTextTranslations1796449558071';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "forum_editions"
            ADD "outcomes_summary_language" character varying(2) NOT NULL DEFAULT 'pl'
        `);
    await queryRunner.query(`
            ALTER TABLE "forum_editions"
            ADD "translations" jsonb NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "forum_sessions"
            ADD "translations" jsonb NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "forum_editions"
            ADD CONSTRAINT "forum_editions_translations_other_language" CHECK (
                    jsonb_typeof("translations") = 'object'
                    AND ("translations" - 'pl' - 'en') = '{}'::jsonb
                    AND NOT ("translations" ? "outcomes_summary_language")
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "forum_sessions"
            ADD CONSTRAINT "forum_sessions_translations_other_language" CHECK (
                    jsonb_typeof("translations") = 'object'
                    AND ("translations" - 'pl' - 'en') = '{}'::jsonb
                    AND NOT ("translations" ? "language")
                )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "forum_sessions" DROP CONSTRAINT "forum_sessions_translations_other_language"
        `);
    await queryRunner.query(`
            ALTER TABLE "forum_editions" DROP CONSTRAINT "forum_editions_translations_other_language"
        `);
    await queryRunner.query(`
            ALTER TABLE "forum_sessions" DROP COLUMN "translations"
        `);
    await queryRunner.query(`
            ALTER TABLE "forum_editions" DROP COLUMN "translations"
        `);
    await queryRunner.query(`
            ALTER TABLE "forum_editions" DROP COLUMN "outcomes_summary_language"
        `);
  }
}
