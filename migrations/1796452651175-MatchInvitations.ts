import { MigrationInterface, QueryRunner } from 'typeorm';

export class MatchInvitations1796452651175 implements MigrationInterface {
  name = 'MatchInvitations1796452651175';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "interests"
            ADD "invitation" boolean NOT NULL DEFAULT false
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "interests" DROP COLUMN "invitation"
        `);
  }
}
