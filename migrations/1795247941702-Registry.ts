import { MigrationInterface, QueryRunner } from 'typeorm';

export class Registry1795247941702 implements MigrationInterface {
  name = 'Registry1795247941702';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."city_document_kind" AS ENUM(
                'twin_city_agreement',
                'partnership_agreement',
                'honorary_twin_title',
                'sectoral_agreement',
                'cooperation_agreement',
                'framework_agreement',
                'joint_statement',
                'declaration',
                'protocol',
                'letter_of_intent',
                'programme'
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."date_precision" AS ENUM('year', 'month', 'day')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."city_document_term" AS ENUM('open_ended', 'fixed', 'fixed_auto_renew')
        `);
    await queryRunner.query(`
            CREATE TABLE "city_documents" (
                "source_hash" character varying(64),
                "edited_at" TIMESTAMP WITH TIME ZONE,
                "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
                "city_id" integer NOT NULL,
                "source_key" character varying(160),
                "kind" "public"."city_document_kind" NOT NULL,
                "title" character varying(300),
                "signed_on" date,
                "signed_on_precision" "public"."date_precision",
                "valid_from" date,
                "valid_until" date,
                "term" "public"."city_document_term",
                "term_years" smallint,
                "renewal_years" smallint,
                "notice_months" smallint,
                "areas" text array NOT NULL DEFAULT '{}',
                CONSTRAINT "PK_a745c224d7ec055e2ab368e6062" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "city_documents_city_idx" ON "city_documents" ("city_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "city_documents_source_key_unique" ON "city_documents" ("source_key")
        `);
    await queryRunner.query(`
            CREATE TABLE "city_networks" (
                "source_hash" character varying(64),
                "edited_at" TIMESTAMP WITH TIME ZONE,
                "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
                "key" character varying(64) NOT NULL,
                "name" character varying(200) NOT NULL,
                "name_pl" character varying(200) NOT NULL,
                "joined_year" smallint,
                "coordinator" character varying(200),
                "facts" text array NOT NULL DEFAULT '{}',
                "position" smallint NOT NULL DEFAULT '0',
                CONSTRAINT "PK_f33dc2ffbbc18ac9c8f791d9c71" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "city_networks_key_unique" ON "city_networks" ("key")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."city_relationship" AS ENUM('twin', 'honorary_twin', 'partner', 'informal')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."city_status" AS ENUM('active', 'developing', 'limited', 'inactive')
        `);
    await queryRunner.query(`
            CREATE TABLE "cities" (
                "source_hash" character varying(64),
                "edited_at" TIMESTAMP WITH TIME ZONE,
                "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
                "key" character varying(64) NOT NULL,
                "name" character varying(120) NOT NULL,
                "name_pl" character varying(120) NOT NULL,
                "official_name_pl" character varying(200),
                "country" character(2) NOT NULL,
                "lat" double precision NOT NULL,
                "lon" double precision NOT NULL,
                "in_europe" boolean NOT NULL DEFAULT true,
                "is_home" boolean NOT NULL DEFAULT false,
                "relationship" "public"."city_relationship",
                "status" "public"."city_status",
                "areas" text array NOT NULL DEFAULT '{}',
                "facts" text array NOT NULL DEFAULT '{}',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_4762ffb6e5d198cfec5606bc11e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "cities_key_unique" ON "cities" ("key")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "cities_one_home_city" ON "cities" ("is_home")
            WHERE "is_home"
        `);
    await queryRunner.query(`
            CREATE TABLE "cooperation_areas" (
                "key" character varying(64) NOT NULL,
                "position" smallint NOT NULL,
                CONSTRAINT "PK_ea52f2a4d5cd7c76720784863fa" PRIMARY KEY ("key")
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."goal_scope" AS ENUM('thematic', 'geographic')
        `);
    await queryRunner.query(`
            CREATE TABLE "goals" (
                "source_hash" character varying(64),
                "edited_at" TIMESTAMP WITH TIME ZONE,
                "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
                "key" character varying(64) NOT NULL,
                "scope" "public"."goal_scope" NOT NULL,
                "position" smallint NOT NULL,
                "name_pl" text NOT NULL,
                "name_en" text NOT NULL,
                "countries" text array NOT NULL DEFAULT '{}',
                CONSTRAINT "PK_26e17b251afab35580dff769223" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "goals_key_unique" ON "goals" ("key")
        `);
    await queryRunner.query(`
            CREATE TABLE "principles" (
                "source_hash" character varying(64),
                "edited_at" TIMESTAMP WITH TIME ZONE,
                "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
                "key" character varying(64) NOT NULL,
                "position" smallint NOT NULL,
                "name_pl" text NOT NULL,
                "name_en" text NOT NULL,
                CONSTRAINT "PK_f6ffb163eac4b074b948a66b0d1" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "principles_key_unique" ON "principles" ("key")
        `);
    await queryRunner.query(`
            CREATE TABLE "city_network_members" (
                "city_id" integer NOT NULL,
                "network_id" integer NOT NULL,
                CONSTRAINT "PK_60dc3b9018f7062f812c74a28bb" PRIMARY KEY ("city_id", "network_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_55510ee7c1307ec56efd254804" ON "city_network_members" ("city_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_ab4ae8c70db5c0413b1ed26ca2" ON "city_network_members" ("network_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "city_documents"
            ADD CONSTRAINT "city_documents_city_fk" FOREIGN KEY ("city_id") REFERENCES "cities"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "city_network_members"
            ADD CONSTRAINT "city_network_members_city_fk" FOREIGN KEY ("city_id") REFERENCES "cities"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    await queryRunner.query(`
            ALTER TABLE "city_network_members"
            ADD CONSTRAINT "city_network_members_network_fk" FOREIGN KEY ("network_id") REFERENCES "city_networks"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "city_network_members" DROP CONSTRAINT "city_network_members_network_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "city_network_members" DROP CONSTRAINT "city_network_members_city_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "city_documents" DROP CONSTRAINT "city_documents_city_fk"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_ab4ae8c70db5c0413b1ed26ca2"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_55510ee7c1307ec56efd254804"
        `);
    await queryRunner.query(`
            DROP TABLE "city_network_members"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."principles_key_unique"
        `);
    await queryRunner.query(`
            DROP TABLE "principles"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."goals_key_unique"
        `);
    await queryRunner.query(`
            DROP TABLE "goals"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."goal_scope"
        `);
    await queryRunner.query(`
            DROP TABLE "cooperation_areas"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."cities_one_home_city"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."cities_key_unique"
        `);
    await queryRunner.query(`
            DROP TABLE "cities"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."city_status"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."city_relationship"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."city_networks_key_unique"
        `);
    await queryRunner.query(`
            DROP TABLE "city_networks"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."city_documents_source_key_unique"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."city_documents_city_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "city_documents"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."city_document_term"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."date_precision"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."city_document_kind"
        `);
  }
}
