import { MigrationInterface, QueryRunner } from 'typeorm';

export class RegistryEditingAndStaffRoles1796448350878 implements MigrationInterface {
  name = 'RegistryEditingAndStaffRoles1796448350878';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "registry_changes" (
                "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
                "city_id" integer NOT NULL,
                "document_id" integer,
                "actor_id" uuid,
                "action" character varying(40) NOT NULL,
                "changes" jsonb NOT NULL,
                "overridden_rules" text array NOT NULL DEFAULT '{}',
                "justification" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_3e0e0ef8d405b144010f0e39e0e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "registry_changes_city_idx" ON "registry_changes" ("city_id", "id")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."staff_grant" AS ENUM('registry_editor')
        `);
    await queryRunner.query(`
            CREATE TABLE "staff_role_grants" (
                "user_id" uuid NOT NULL,
                "grant" "public"."staff_grant" NOT NULL,
                "granted_by" uuid,
                "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_0855fdab87a7e7d5d45bbf94f01" PRIMARY KEY ("user_id", "grant")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "city_documents"
            ADD "source" character varying(500)
        `);
    await queryRunner.query(`
            ALTER TABLE "city_documents"
            ADD "version" integer NOT NULL DEFAULT '1'
        `);
    await queryRunner.query(`
            ALTER TABLE "cities"
            ADD "version" integer NOT NULL DEFAULT '1'
        `);
    await queryRunner.query(`
            ALTER TABLE "registry_changes"
            ADD CONSTRAINT "registry_changes_city_fk" FOREIGN KEY ("city_id") REFERENCES "cities"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "staff_role_grants"
            ADD CONSTRAINT "staff_role_grants_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "staff_role_grants" DROP CONSTRAINT "staff_role_grants_user_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "registry_changes" DROP CONSTRAINT "registry_changes_city_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "cities" DROP COLUMN "version"
        `);
    await queryRunner.query(`
            ALTER TABLE "city_documents" DROP COLUMN "version"
        `);
    await queryRunner.query(`
            ALTER TABLE "city_documents" DROP COLUMN "source"
        `);
    await queryRunner.query(`
            DROP TABLE "staff_role_grants"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."staff_grant"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."registry_changes_city_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "registry_changes"
        `);
  }
}
