import { MigrationInterface, QueryRunner } from 'typeorm';

export class MatchingAndPartnerships1795251208064 implements MigrationInterface {
  name = 'MatchingAndPartnerships1795251208064';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "saved_searches" (
                "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
                "user_id" uuid NOT NULL,
                "name" character varying(100) NOT NULL,
                "filters" jsonb NOT NULL,
                "tsquery" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_d9a53c71ccc5cf66dcdc5b33dfe" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "saved_searches_user_idx" ON "saved_searches" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."interest_status" AS ENUM('open', 'accepted', 'declined', 'withdrawn')
        `);
    await queryRunner.query(`
            CREATE TABLE "interests" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "initiative_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "message" text NOT NULL,
                "status" "public"."interest_status" NOT NULL DEFAULT 'open',
                "reply" text,
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "decided_by" uuid,
                "partnership_id" uuid,
                CONSTRAINT "PK_a2dc7b6f9a8bcf9e3f9312a879d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "interests_initiative_idx" ON "interests" ("initiative_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "interests_organization_idx" ON "interests" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "interests_one_open" ON "interests" ("initiative_id", "organization_id")
            WHERE status = 'open'
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."partnership_status" AS ENUM('active', 'completed', 'ended')
        `);
    await queryRunner.query(`
            CREATE TABLE "partnerships" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "initiative_id" uuid NOT NULL,
                "channel_id" integer NOT NULL,
                "status" "public"."partnership_status" NOT NULL DEFAULT 'active',
                "outcome_note" text,
                "forum_edition_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "ended_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_55de3c169ff0d5d88e9a7cb0cd6" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "partnerships_initiative_unique" ON "partnerships" ("initiative_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "partnership_members" (
                "partnership_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "lead" boolean NOT NULL DEFAULT false,
                "public_consent" boolean NOT NULL DEFAULT false,
                "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_e3a76cb121ac9177222c10a314c" PRIMARY KEY ("partnership_id", "organization_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "partnership_members_organization_idx" ON "partnership_members" ("organization_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "cities"
            ADD "name_pl_genitive" character varying(120)
        `);
    await queryRunner.query(`
            ALTER TABLE "cities"
            ADD "name_pl_locative" character varying(120)
        `);
    await queryRunner.query(`
            ALTER TABLE "cities"
            ADD "match_boost" smallint NOT NULL DEFAULT '0'
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations"
            ADD "last_active_at" TIMESTAMP WITH TIME ZONE
        `);
    // notification_kind is shared by notifications and notification_preferences: one new value (TypeORM repeats it per column).
    await queryRunner.query(`
            ALTER TYPE "public"."notification_kind"
            ADD VALUE 'saved_search'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Written by hand: notification_kind is shared by two tables, so both columns move to the old type at once.
    await queryRunner.query(`DELETE FROM "notification_preferences" WHERE "kind" = 'saved_search'`);
    await queryRunner.query(`DELETE FROM "notifications" WHERE "kind" = 'saved_search'`);
    await queryRunner.query(`
            CREATE TYPE "public"."notification_kind_old" AS ENUM('channel_message', 'initiative_moderated', 'organization_verification', 'interest', 'forum')
        `);
    await queryRunner.query(`
            ALTER TABLE "notification_preferences"
            ALTER COLUMN "kind" TYPE "public"."notification_kind_old" USING "kind"::"text"::"public"."notification_kind_old"
        `);
    await queryRunner.query(`
            ALTER TABLE "notifications"
            ALTER COLUMN "kind" TYPE "public"."notification_kind_old" USING "kind"::"text"::"public"."notification_kind_old"
        `);
    await queryRunner.query(`DROP TYPE "public"."notification_kind"`);
    await queryRunner.query(`ALTER TYPE "public"."notification_kind_old" RENAME TO "notification_kind"`);
    await queryRunner.query(`
            ALTER TABLE "organizations" DROP COLUMN "last_active_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "cities" DROP COLUMN "match_boost"
        `);
    await queryRunner.query(`
            ALTER TABLE "cities" DROP COLUMN "name_pl_locative"
        `);
    await queryRunner.query(`
            ALTER TABLE "cities" DROP COLUMN "name_pl_genitive"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."partnership_members_organization_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "partnership_members"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."partnerships_initiative_unique"
        `);
    await queryRunner.query(`
            DROP TABLE "partnerships"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."partnership_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."interests_one_open"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."interests_organization_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."interests_initiative_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "interests"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."interest_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."saved_searches_user_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "saved_searches"
        `);
  }
}
