import { MigrationInterface, QueryRunner } from 'typeorm';

export class LanguageOfMessageHideReason1796528311823 implements MigrationInterface {
  name = 'LanguageOfMessageHideReason1796528311823';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "messages"
            ADD "hidden_reason_language" character varying(2)
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "messages" DROP COLUMN "hidden_reason_language"
        `);
  }
}
