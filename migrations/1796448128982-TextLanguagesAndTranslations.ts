import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Generated from the entities: the language of the original texts (city notes, initiatives) and their
 * second-language versions beside them (src/common/i18n/translations.ts), a version never in the
 * original's own language.
 */
export class TextLanguagesAndTranslations1796448128982 implements MigrationInterface {
  name = 'TextLanguagesAndTranslations1796448128982';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "cities"
            ADD "facts_language" character varying(2) NOT NULL DEFAULT 'en'
        `);
    await queryRunner.query(`
            ALTER TABLE "cities"
            ADD "translations" jsonb NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "initiatives"
            ADD "language" character varying(2) NOT NULL DEFAULT 'pl'
        `);
    await queryRunner.query(`
            ALTER TABLE "initiatives"
            ADD "translations" jsonb NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "cities"
            ADD CONSTRAINT "cities_translations_other_language" CHECK (
                    jsonb_typeof("translations") = 'object'
                    AND ("translations" - 'pl' - 'en') = '{}'::jsonb
                    AND NOT ("translations" ? "facts_language")
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "initiatives"
            ADD CONSTRAINT "initiatives_translations_other_language" CHECK (
                    jsonb_typeof("translations") = 'object'
                    AND ("translations" - 'pl' - 'en') = '{}'::jsonb
                    AND NOT ("translations" ? "language")
                )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "initiatives" DROP CONSTRAINT "initiatives_translations_other_language"
        `);
    await queryRunner.query(`
            ALTER TABLE "cities" DROP CONSTRAINT "cities_translations_other_language"
        `);
    await queryRunner.query(`
            ALTER TABLE "initiatives" DROP COLUMN "translations"
        `);
    await queryRunner.query(`
            ALTER TABLE "initiatives" DROP COLUMN "language"
        `);
    await queryRunner.query(`
            ALTER TABLE "cities" DROP COLUMN "translations"
        `);
    await queryRunner.query(`
            ALTER TABLE "cities" DROP COLUMN "facts_language"
        `);
  }
}
