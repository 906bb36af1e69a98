import { MigrationInterface, QueryRunner } from 'typeorm';

export class MatchingProfilesAndCalls1796452338620 implements MigrationInterface {
  name = 'MatchingProfilesAndCalls1796452338620';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "organizations"
            ADD "school_levels" text array NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations"
            ADD "pupil_age_min" smallint
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations"
            ADD "pupil_age_max" smallint
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations"
            ADD "subjects" text array NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations"
            ADD "partner_roles" text array NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations"
            ADD "funding_programmes" text array NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "initiatives"
            ADD "sought_role" character varying(32)
        `);
    await queryRunner.query(`
            ALTER TABLE "initiatives"
            ADD "call_deadline" date
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations"
            ADD CONSTRAINT "organizations_pupil_ages_check" CHECK (
                    (pupil_age_min IS NULL) = (pupil_age_max IS NULL)
                    AND pupil_age_min <= pupil_age_max
                )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "organizations" DROP CONSTRAINT "organizations_pupil_ages_check"
        `);
    await queryRunner.query(`
            ALTER TABLE "initiatives" DROP COLUMN "call_deadline"
        `);
    await queryRunner.query(`
            ALTER TABLE "initiatives" DROP COLUMN "sought_role"
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations" DROP COLUMN "funding_programmes"
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations" DROP COLUMN "partner_roles"
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations" DROP COLUMN "subjects"
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations" DROP COLUMN "pupil_age_max"
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations" DROP COLUMN "pupil_age_min"
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations" DROP COLUMN "school_levels"
        `);
  }
}
