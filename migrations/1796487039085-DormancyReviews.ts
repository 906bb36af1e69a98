import { MigrationInterface, QueryRunner } from 'typeorm';

export class DormancyReviews1796487039085 implements MigrationInterface {
  name = 'DormancyReviews1796487039085';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."dormancy_decision" AS ENUM('confirmed', 'dismissed', 'revival')
        `);
    await queryRunner.query(`
            CREATE TABLE "dormancy_reviews" (
                "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
                "city_id" integer NOT NULL,
                "decision" "public"."dormancy_decision" NOT NULL,
                "reason" character varying(2000),
                "boost" smallint,
                "evidence" jsonb NOT NULL DEFAULT '{}',
                "actor_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_77a1ad99cd4f65e592f51ce872c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "dormancy_reviews_city_idx" ON "dormancy_reviews" ("city_id", "id")
        `);
    await queryRunner.query(`
            ALTER TYPE "public"."city_status"
            ADD VALUE 'dormant'
        `);
    await queryRunner.query(`
            ALTER TABLE "dormancy_reviews"
            ADD CONSTRAINT "dormancy_reviews_city_fk" FOREIGN KEY ("city_id") REFERENCES "cities"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "dormancy_reviews" DROP CONSTRAINT "dormancy_reviews_city_fk"
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."city_status_old" AS ENUM('active', 'developing', 'limited', 'inactive')
        `);
    await queryRunner.query(`
            ALTER TABLE "cities"
            ALTER COLUMN "status" TYPE "public"."city_status_old" USING "status"::"text"::"public"."city_status_old"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."city_status"
        `);
    await queryRunner.query(`
            ALTER TYPE "public"."city_status_old"
            RENAME TO "city_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."dormancy_reviews_city_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "dormancy_reviews"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."dormancy_decision"
        `);
  }
}
