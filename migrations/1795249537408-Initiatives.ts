import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initiatives1795249537408 implements MigrationInterface {
  name = 'Initiatives1795249537408';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."initiative_kind" AS ENUM(
                'joint_project',
                'partner_search',
                'event',
                'exchange',
                'study_visit',
                'funding_application'
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."initiative_status" AS ENUM(
                'draft',
                'submitted',
                'changes_requested',
                'published',
                'rejected',
                'in_progress',
                'completed',
                'archived'
            )
        `);
    await queryRunner.query(
      `
            INSERT INTO "typeorm_metadata"(
                    "database",
                    "schema",
                    "table",
                    "type",
                    "name",
                    "value"
                )
            VALUES (current_database(), $1, $2, $3, $4, $5)
        `,
      [
        'public',
        'initiatives',
        'GENERATED_COLUMN',
        'search',
        "setweight(to_tsvector('simple', immutable_unaccent(coalesce(\"title\", ''))), 'A') || setweight(to_tsvector('simple', immutable_unaccent(coalesce(\"summary\", ''))), 'B') || setweight(to_tsvector('simple', immutable_unaccent(coalesce(\"body_md\", ''))), 'C')",
      ],
    );
    await queryRunner.query(`
            CREATE TABLE "initiatives" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "title" character varying(140) NOT NULL,
                "summary" character varying(500) NOT NULL,
                "body_md" text NOT NULL DEFAULT '',
                "body_html" text NOT NULL DEFAULT '',
                "kind" "public"."initiative_kind" NOT NULL,
                "status" "public"."initiative_status" NOT NULL DEFAULT 'draft',
                "status_comment" text,
                "areas" text array NOT NULL DEFAULT '{}',
                "goals" text array NOT NULL DEFAULT '{}',
                "target_cities" text array NOT NULL DEFAULT '{}',
                "target_countries" text array NOT NULL DEFAULT '{}',
                "sought_org_types" text array NOT NULL DEFAULT '{}',
                "languages" text array NOT NULL DEFAULT '{}',
                "starts_on" date,
                "ends_on" date,
                "funding_programme" character varying(200),
                "co_organizer_ids" uuid array NOT NULL DEFAULT '{}',
                "organization_city" character varying(64),
                "organization_type" character varying(64) NOT NULL,
                "search" tsvector GENERATED ALWAYS AS (
                    setweight(
                        to_tsvector(
                            'simple',
                            immutable_unaccent(coalesce("title", ''))
                        ),
                        'A'
                    ) || setweight(
                        to_tsvector(
                            'simple',
                            immutable_unaccent(coalesce("summary", ''))
                        ),
                        'B'
                    ) || setweight(
                        to_tsvector(
                            'simple',
                            immutable_unaccent(coalesce("body_md", ''))
                        ),
                        'C'
                    )
                ) STORED NOT NULL,
                "published_at" TIMESTAMP WITH TIME ZONE,
                "hidden_at" TIMESTAMP WITH TIME ZONE,
                "hidden_reason" text,
                "archive_warned_at" TIMESTAMP WITH TIME ZONE,
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6f2f191bc885b9c50400a8b10d8" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "initiatives_organization_idx" ON "initiatives" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "initiatives_areas_idx" ON "initiatives" USING gin ("areas")
        `);
    await queryRunner.query(`
            CREATE INDEX "initiatives_goals_idx" ON "initiatives" USING gin ("goals")
        `);
    await queryRunner.query(`
            CREATE INDEX "initiatives_target_cities_idx" ON "initiatives" USING gin ("target_cities")
        `);
    await queryRunner.query(`
            CREATE INDEX "initiatives_target_countries_idx" ON "initiatives" USING gin ("target_countries")
        `);
    await queryRunner.query(`
            CREATE INDEX "initiatives_sought_org_types_idx" ON "initiatives" USING gin ("sought_org_types")
        `);
    await queryRunner.query(`
            CREATE INDEX "initiatives_languages_idx" ON "initiatives" USING gin ("languages")
        `);
    await queryRunner.query(`
            CREATE INDEX "initiatives_public_newest_idx" ON "initiatives" ("published_at", "id")
            WHERE status IN ('published', 'in_progress', 'completed')
                AND hidden_at IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "initiatives_search_idx" ON "initiatives" USING gin ("search")
        `);
    // Written by hand (an operator class TypeORM cannot describe): trigram similarity of titles.
    await queryRunner.query(`
            CREATE INDEX "initiatives_title_trgm_idx" ON "initiatives" USING gin (immutable_unaccent(lower("title")) gin_trgm_ops)
        `);
    // initiative_status is shared with initiatives: created once above (TypeORM generates it twice).
    await queryRunner.query(`
            CREATE TABLE "initiative_transitions" (
                "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
                "initiative_id" uuid NOT NULL,
                "from_status" "public"."initiative_status" NOT NULL,
                "to_status" "public"."initiative_status" NOT NULL,
                "actor_id" uuid,
                "comment" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_9417ef0cc7eb76d9df92765f4cb" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "initiative_transitions_initiative_idx" ON "initiative_transitions" ("initiative_id")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."report_target" AS ENUM('initiative', 'organization', 'message')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."report_reason" AS ENUM(
                'spam',
                'offensive',
                'off_topic',
                'personal_data',
                'other'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "reports" (
                "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
                "target_type" "public"."report_target" NOT NULL,
                "target_id" character varying(64) NOT NULL,
                "reporter_id" uuid NOT NULL,
                "reason" "public"."report_reason" NOT NULL,
                "comment" character varying(1000),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "resolved_at" TIMESTAMP WITH TIME ZONE,
                "resolved_by" uuid,
                CONSTRAINT "PK_d9013193989303580053c0b5ef6" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "reports_open_idx" ON "reports" ("created_at")
            WHERE resolved_at IS NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "reports_one_per_user" ON "reports" ("target_type", "target_id", "reporter_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations"
            ADD "hidden_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations"
            ADD "hidden_reason" text
        `);
    await queryRunner.query(`
            ALTER TABLE "initiatives"
            ADD CONSTRAINT "initiatives_organization_fk" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "initiative_transitions"
            ADD CONSTRAINT "initiative_transitions_initiative_fk" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "initiative_transitions" DROP CONSTRAINT "initiative_transitions_initiative_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "initiatives" DROP CONSTRAINT "initiatives_organization_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations" DROP COLUMN "hidden_reason"
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations" DROP COLUMN "hidden_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."reports_one_per_user"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."reports_open_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "reports"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."report_reason"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."report_target"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."initiative_transitions_initiative_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "initiative_transitions"
        `);
    // initiative_status is still used by initiatives: dropped with it below.
    await queryRunner.query(`
            DROP INDEX "public"."initiatives_title_trgm_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."initiatives_search_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."initiatives_public_newest_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."initiatives_languages_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."initiatives_sought_org_types_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."initiatives_target_countries_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."initiatives_target_cities_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."initiatives_goals_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."initiatives_areas_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."initiatives_organization_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "initiatives"
        `);
    await queryRunner.query(
      `
            DELETE FROM "typeorm_metadata"
            WHERE "type" = $1
                AND "name" = $2
                AND "database" = current_database()
                AND "schema" = $3
                AND "table" = $4
        `,
      ['GENERATED_COLUMN', 'search', 'public', 'initiatives'],
    );
    await queryRunner.query(`
            DROP TYPE "public"."initiative_status"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."initiative_kind"
        `);
  }
}
