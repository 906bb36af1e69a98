import { MigrationInterface, QueryRunner } from 'typeorm';

export class DiaryEntryLanguage1796515278609 implements MigrationInterface {
  name = 'DiaryEntryLanguage1796515278609';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "partnership_diary_entries"
            ADD "language" text
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "partnership_diary_entries" DROP COLUMN "language"
        `);
  }
}
