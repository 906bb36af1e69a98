import { MigrationInterface, QueryRunner } from 'typeorm';

/** Generated from the entities: the language a message or a question is in, as its author says, so pages mark it. */
export class MessageAndQuestionLanguage1796450732833 implements MigrationInterface {
  name = 'MessageAndQuestionLanguage1796450732833';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "messages"
            ADD "language" character varying(2)
        `);
    await queryRunner.query(`
            ALTER TABLE "qa_questions"
            ADD "language" character varying(2)
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "qa_questions" DROP COLUMN "language"
        `);
    await queryRunner.query(`
            ALTER TABLE "messages" DROP COLUMN "language"
        `);
  }
}
