import { MigrationInterface, QueryRunner } from 'typeorm';

export class DeadlinesRemindersAndCalendarFeeds1796480154088 implements MigrationInterface {
  name = 'DeadlinesRemindersAndCalendarFeeds1796480154088';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "calendar_feeds" (
                "user_id" uuid NOT NULL,
                "secret_hash" character(64) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_3212ce9ff23847e66347a6730d3" PRIMARY KEY ("user_id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "calendar_feeds_secret_hash_unique" ON "calendar_feeds" ("secret_hash")
        `);
    await queryRunner.query(`
            CREATE TABLE "deadline_reminders" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "document_id" integer NOT NULL,
                "deadline_on" date NOT NULL,
                "user_id" uuid NOT NULL,
                "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_8cee3a6d089ce5522ce169711bf" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "deadline_reminders_once" ON "deadline_reminders" ("document_id", "deadline_on", "user_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "calendar_feeds"
            ADD CONSTRAINT "calendar_feeds_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "deadline_reminders"
            ADD CONSTRAINT "deadline_reminders_document_fk" FOREIGN KEY ("document_id") REFERENCES "city_documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "deadline_reminders"
            ADD CONSTRAINT "deadline_reminders_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "deadline_reminders" DROP CONSTRAINT "deadline_reminders_user_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "deadline_reminders" DROP CONSTRAINT "deadline_reminders_document_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "calendar_feeds" DROP CONSTRAINT "calendar_feeds_user_fk"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."deadline_reminders_once"
        `);
    await queryRunner.query(`
            DROP TABLE "deadline_reminders"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."calendar_feeds_secret_hash_unique"
        `);
    await queryRunner.query(`
            DROP TABLE "calendar_feeds"
        `);
  }
}
