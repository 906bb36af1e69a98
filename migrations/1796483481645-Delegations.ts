import { MigrationInterface, QueryRunner } from 'typeorm';

export class Delegations1796483481645 implements MigrationInterface {
  name = 'Delegations1796483481645';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."delegation_direction" AS ENUM('incoming', 'outgoing')
        `);
    await queryRunner.query(`
            CREATE TABLE "delegations" (
                "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
                "direction" "public"."delegation_direction" NOT NULL,
                "starts_on" date NOT NULL,
                "ends_on" date NOT NULL,
                "city_id" integer,
                "place" character varying(200),
                "purpose" character varying(2000) NOT NULL,
                "language" character varying(2) NOT NULL DEFAULT 'pl',
                "areas" text array NOT NULL DEFAULT '{}',
                "organization_ids" uuid array NOT NULL DEFAULT '{}',
                "people_count" integer NOT NULL,
                "host" character varying(300),
                "outcomes" character varying(4000),
                "partnership_ids" uuid array NOT NULL DEFAULT '{}',
                "initiative_ids" uuid array NOT NULL DEFAULT '{}',
                "is_public" boolean NOT NULL DEFAULT false,
                "created_by" uuid,
                "updated_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "delegations_people_count" CHECK (
                    "people_count" BETWEEN 1 AND 10000
                ),
                CONSTRAINT "delegations_city_or_place" CHECK (num_nonnulls("city_id", "place") = 1),
                CONSTRAINT "delegations_dates_in_order" CHECK ("ends_on" >= "starts_on"),
                CONSTRAINT "PK_01f9fbbc9b3bf52236a4e951b19" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "delegations_city_idx" ON "delegations" ("city_id", "starts_on")
        `);
    await queryRunner.query(`
            CREATE INDEX "delegations_starts_on_idx" ON "delegations" ("starts_on", "id")
        `);
    await queryRunner.query(`
            ALTER TABLE "delegations"
            ADD CONSTRAINT "delegations_city_fk" FOREIGN KEY ("city_id") REFERENCES "cities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "delegations" DROP CONSTRAINT "delegations_city_fk"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."delegations_starts_on_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."delegations_city_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "delegations"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."delegation_direction"
        `);
  }
}
