import { MigrationInterface, QueryRunner } from 'typeorm';

export class MeetingLedToPartnership1796461705805 implements MigrationInterface {
  name = 'MeetingLedToPartnership1796461705805';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "meetings"
            ADD "partnership_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "meetings"
            ADD CONSTRAINT "meetings_partnership_fk" FOREIGN KEY ("partnership_id") REFERENCES "partnerships"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "meetings" DROP CONSTRAINT "meetings_partnership_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "meetings" DROP COLUMN "partnership_id"
        `);
  }
}
