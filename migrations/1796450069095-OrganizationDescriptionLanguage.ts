import { MigrationInterface, QueryRunner } from 'typeorm';

/** Generated from the entities: the language an organisation's description is written in, so pages mark it. */
export class OrganizationDescriptionLanguage1796450069095 implements MigrationInterface {
  name = 'OrganizationDescriptionLanguage1796450069095';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "organizations"
            ADD "description_language" character varying(2) NOT NULL DEFAULT 'pl'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "organizations" DROP COLUMN "description_language"
        `);
  }
}
