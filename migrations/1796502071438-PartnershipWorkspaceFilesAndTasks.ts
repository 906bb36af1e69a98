import { MigrationInterface, QueryRunner } from 'typeorm';

export class PartnershipWorkspaceFilesAndTasks1796502071438 implements MigrationInterface {
  name = 'PartnershipWorkspaceFilesAndTasks1796502071438';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "partnership_files" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "partnership_id" uuid NOT NULL,
                "name" text NOT NULL,
                "content_type" text NOT NULL,
                "size" integer NOT NULL,
                "sha256" text NOT NULL,
                "content" bytea NOT NULL,
                "uploaded_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_1bca98e1a9f37ff7c85459df344" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "partnership_files_partnership_idx" ON "partnership_files" ("partnership_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."partnership_task_kind" AS ENUM('task', 'milestone')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."partnership_task_state" AS ENUM('open', 'done')
        `);
    await queryRunner.query(`
            CREATE TABLE "partnership_tasks" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "partnership_id" uuid NOT NULL,
                "kind" "public"."partnership_task_kind" NOT NULL DEFAULT 'task',
                "title" text NOT NULL,
                "owner_id" uuid,
                "due_date" date,
                "state" "public"."partnership_task_state" NOT NULL DEFAULT 'open',
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_ab63d85f5d1a104d1fc1f167dd0" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "partnership_tasks_partnership_idx" ON "partnership_tasks" ("partnership_id", "due_date")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."partnership_tasks_partnership_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "partnership_tasks"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."partnership_task_state"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."partnership_task_kind"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."partnership_files_partnership_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "partnership_files"
        `);
  }
}
