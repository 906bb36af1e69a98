import { MigrationInterface, QueryRunner } from 'typeorm';

export class Consultations1796515284876 implements MigrationInterface {
  name = 'Consultations1796515284876';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."consultation_subject" AS ENUM('goals', 'document')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."consultation_status" AS ENUM('draft', 'published')
        `);
    await queryRunner.query(`
            CREATE TABLE "consultations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "subject" "public"."consultation_subject" NOT NULL,
                "status" "public"."consultation_status" NOT NULL DEFAULT 'draft',
                "title_pl" character varying(300) NOT NULL,
                "title_en" character varying(300) NOT NULL,
                "description_pl" character varying(10000) NOT NULL,
                "description_en" character varying(10000) NOT NULL,
                "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "final_report_pl" character varying(20000),
                "final_report_en" character varying(20000),
                "final_report_at" TIMESTAMP WITH TIME ZONE,
                "published_at" TIMESTAMP WITH TIME ZONE,
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "consultations_final_report_both" CHECK (
                    num_nonnulls("final_report_pl", "final_report_en") IN (0, 2)
                ),
                CONSTRAINT "consultations_period" CHECK ("closes_at" > "opens_at"),
                CONSTRAINT "PK_c5b78e9424d9bc68464f6a12103" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "consultations_period_idx" ON "consultations" ("status", "opens_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "consultation_sections" (
                "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
                "consultation_id" uuid NOT NULL,
                "position" smallint NOT NULL,
                "goal_id" integer,
                "heading_pl" character varying(300) NOT NULL,
                "heading_en" character varying(300) NOT NULL,
                "body_pl" character varying(20000),
                "body_en" character varying(20000),
                CONSTRAINT "PK_3d9307e4691f7c36fe0d9bbb56e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "consultation_sections_position" ON "consultation_sections" ("consultation_id", "position")
        `);
    await queryRunner.query(`
            CREATE TABLE "consultation_comments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "consultation_id" uuid NOT NULL,
                "section_id" integer NOT NULL,
                "author_id" uuid NOT NULL,
                "body" character varying(2000) NOT NULL,
                "language" character varying(2),
                "hidden_at" TIMESTAMP WITH TIME ZONE,
                "hidden_reason" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "consultation_comments_body_length" CHECK (
                    char_length("body") BETWEEN 1 AND 2000
                ),
                CONSTRAINT "PK_3db1da6beebcdf7472f063a54a9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "consultation_comments_author_idx" ON "consultation_comments" ("author_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "consultation_comments_consultation_idx" ON "consultation_comments" ("consultation_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "consultation_supports" (
                "comment_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "consultation_supports_one_per_person" PRIMARY KEY ("comment_id", "user_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "consultation_responses" (
                "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
                "consultation_id" uuid NOT NULL,
                "body_pl" character varying(5000) NOT NULL,
                "body_en" character varying(5000) NOT NULL,
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_0828454d802d449776a462a45ce" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "consultation_responses_consultation_idx" ON "consultation_responses" ("consultation_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "consultation_response_comments" (
                "response_id" integer NOT NULL,
                "comment_id" uuid NOT NULL,
                CONSTRAINT "PK_46e0c9986e78b1504856b38b230" PRIMARY KEY ("response_id", "comment_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "consultation_response_comments_comment_idx" ON "consultation_response_comments" ("comment_id")
        `);
    await queryRunner.query(`
            DROP INDEX "public"."reports_one_per_user"
        `);
    await queryRunner.query(`
            ALTER TYPE "public"."report_target"
            ADD VALUE 'consultation_comment'
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "reports_one_per_user" ON "reports" ("target_type", "target_id", "reporter_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_sections"
            ADD CONSTRAINT "consultation_sections_consultation_fk" FOREIGN KEY ("consultation_id") REFERENCES "consultations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_sections"
            ADD CONSTRAINT "consultation_sections_goal_fk" FOREIGN KEY ("goal_id") REFERENCES "goals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_comments"
            ADD CONSTRAINT "consultation_comments_consultation_fk" FOREIGN KEY ("consultation_id") REFERENCES "consultations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_comments"
            ADD CONSTRAINT "consultation_comments_section_fk" FOREIGN KEY ("section_id") REFERENCES "consultation_sections"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_supports"
            ADD CONSTRAINT "consultation_supports_comment_fk" FOREIGN KEY ("comment_id") REFERENCES "consultation_comments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_responses"
            ADD CONSTRAINT "consultation_responses_consultation_fk" FOREIGN KEY ("consultation_id") REFERENCES "consultations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_response_comments"
            ADD CONSTRAINT "consultation_response_comments_response_fk" FOREIGN KEY ("response_id") REFERENCES "consultation_responses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_response_comments"
            ADD CONSTRAINT "consultation_response_comments_comment_fk" FOREIGN KEY ("comment_id") REFERENCES "consultation_comments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "consultation_response_comments" DROP CONSTRAINT "consultation_response_comments_comment_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_response_comments" DROP CONSTRAINT "consultation_response_comments_response_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_responses" DROP CONSTRAINT "consultation_responses_consultation_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_supports" DROP CONSTRAINT "consultation_supports_comment_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_comments" DROP CONSTRAINT "consultation_comments_section_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_comments" DROP CONSTRAINT "consultation_comments_consultation_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_sections" DROP CONSTRAINT "consultation_sections_goal_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "consultation_sections" DROP CONSTRAINT "consultation_sections_consultation_fk"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."reports_one_per_user"
        `);
    // Reports of consultation comments cannot be cast back to the old type: they go with the comments.
    await queryRunner.query(`
            DELETE FROM "reports" WHERE "target_type" = 'consultation_comment'
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."report_target_old" AS ENUM('initiative', 'organization', 'message')
        `);
    await queryRunner.query(`
            ALTER TABLE "reports"
            ALTER COLUMN "target_type" TYPE "public"."report_target_old" USING "target_type"::"text"::"public"."report_target_old"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."report_target"
        `);
    await queryRunner.query(`
            ALTER TYPE "public"."report_target_old"
            RENAME TO "report_target"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "reports_one_per_user" ON "reports" USING btree ("target_type", "target_id", "reporter_id")
        `);
    await queryRunner.query(`
            DROP INDEX "public"."consultation_response_comments_comment_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "consultation_response_comments"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."consultation_responses_consultation_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "consultation_responses"
        `);
    await queryRunner.query(`
            DROP TABLE "consultation_supports"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."consultation_comments_consultation_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."consultation_comments_author_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "consultation_comments"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."consultation_sections_position"
        `);
    await queryRunner.query(`
            DROP TABLE "consultation_sections"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."consultations_period_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "consultations"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."consultation_status"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."consultation_subject"
        `);
  }
}
