import { MigrationInterface, QueryRunner } from 'typeorm';

export class PartnershipDiary1796505163404 implements MigrationInterface {
  name = 'PartnershipDiary1796505163404';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "partnership_diary_entries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "partnership_id" uuid NOT NULL,
                "title" text NOT NULL,
                "body" text NOT NULL,
                "author_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_07a4bd4d2dcae962014923ad515" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "partnership_diary_entries_partnership_idx" ON "partnership_diary_entries" ("partnership_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "partnership_diary_consents" (
                "entry_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "given_by" uuid,
                "given_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_36ff3b57b08f1d4cad9cfe00dd1" PRIMARY KEY ("entry_id", "organization_id")
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP TABLE "partnership_diary_consents"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."partnership_diary_entries_partnership_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "partnership_diary_entries"
        `);
  }
}
