import { MigrationInterface, QueryRunner } from 'typeorm';

export class Forum1795251909890 implements MigrationInterface {
  name = 'Forum1795251909890';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."forum_edition_status" AS ENUM(
                'planning',
                'call_open',
                'agenda_published',
                'live',
                'closed'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "forum_editions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "year" smallint NOT NULL,
                "theme_pl" character varying(300) NOT NULL,
                "theme_en" character varying(300) NOT NULL,
                "starts_on" date NOT NULL,
                "ends_on" date NOT NULL,
                "venue" character varying(300) NOT NULL,
                "languages" text array NOT NULL DEFAULT '{}',
                "status" "public"."forum_edition_status" NOT NULL DEFAULT 'planning',
                "meeting_tables" smallint NOT NULL DEFAULT '0',
                "outcomes_published_at" TIMESTAMP WITH TIME ZONE,
                "outcomes_summary" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_ed6c58c614caa52f364a3630e80" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "forum_editions_year_unique" ON "forum_editions" ("year")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."forum_session_kind" AS ENUM(
                'workshop',
                'panel',
                'presentation',
                'networking'
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."forum_session_status" AS ENUM('proposed', 'accepted', 'declined')
        `);
    await queryRunner.query(`
            CREATE TABLE "forum_sessions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "edition_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "proposed_by" uuid NOT NULL,
                "kind" "public"."forum_session_kind" NOT NULL,
                "title" character varying(200) NOT NULL,
                "abstract" text NOT NULL,
                "areas" text array NOT NULL DEFAULT '{}',
                "goals" text array NOT NULL DEFAULT '{}',
                "speakers" text array NOT NULL DEFAULT '{}',
                "language" character(2) NOT NULL,
                "partner_cities" text array NOT NULL DEFAULT '{}',
                "status" "public"."forum_session_status" NOT NULL DEFAULT 'proposed',
                "decision_reason" text,
                "room" character varying(100),
                "starts_at" TIMESTAMP WITH TIME ZONE,
                "ends_at" TIMESTAMP WITH TIME ZONE,
                "capacity" integer,
                "qa_moderated" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "forum_sessions_no_room_overlap" EXCLUDE USING gist (
                    "edition_id" WITH =,
                    "room" WITH =,
                    tstzrange("starts_at", "ends_at") WITH &&
                )
                WHERE (
                        "room" IS NOT NULL
                        AND "status" = 'accepted'
                    ),
                    CONSTRAINT "PK_efa30c8c145b6a75b4ed5fd1328" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "forum_sessions_edition_idx" ON "forum_sessions" ("edition_id", "starts_at")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."forum_registration_status" AS ENUM('confirmed', 'waiting', 'cancelled')
        `);
    await queryRunner.query(`
            CREATE TABLE "forum_registrations" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "edition_id" uuid NOT NULL,
                "session_id" uuid,
                "user_id" uuid NOT NULL,
                "status" "public"."forum_registration_status" NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "promoted_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_40f552625e88089a21d0134961e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "forum_registrations_user_idx" ON "forum_registrations" ("user_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "forum_registrations_queue_idx" ON "forum_registrations" ("session_id", "status", "id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "forum_registrations_one_per_edition" ON "forum_registrations" ("edition_id", "user_id")
            WHERE session_id IS NULL
                AND status <> 'cancelled'
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "forum_registrations_one_per_session" ON "forum_registrations" ("session_id", "user_id")
            WHERE session_id IS NOT NULL
                AND status <> 'cancelled'
        `);
    await queryRunner.query(`
            CREATE TABLE "meeting_slots" (
                "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
                "edition_id" uuid NOT NULL,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "meeting_slots_no_overlap" EXCLUDE USING gist (
                    "edition_id" WITH =,
                    tstzrange("starts_at", "ends_at") WITH &&
                ),
                CONSTRAINT "PK_24d7a8d5392f08491367af2b6df" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."meeting_status" AS ENUM('requested', 'accepted', 'declined', 'cancelled')
        `);
    await queryRunner.query(`
            CREATE TABLE "meetings" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "edition_id" uuid NOT NULL,
                "slot_id" integer NOT NULL,
                "requester_id" uuid NOT NULL,
                "invitee_id" uuid NOT NULL,
                "status" "public"."meeting_status" NOT NULL DEFAULT 'requested',
                "table_no" smallint,
                "message" character varying(500),
                "requested_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_aa73be861afa77eb4ed31f3ed57" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "meetings_slot_idx" ON "meetings" ("slot_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "meetings_one_per_table" ON "meetings" ("slot_id", "table_no")
            WHERE status = 'accepted'
        `);
    await queryRunner.query(`
            CREATE TABLE "meeting_participants" (
                "meeting_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "slot_id" integer NOT NULL,
                CONSTRAINT "PK_ed0c40dfe4574df3f092bdf0343" PRIMARY KEY ("meeting_id", "organization_id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "meeting_participants_one_per_slot" ON "meeting_participants" ("organization_id", "slot_id")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."qa_question_status" AS ENUM('pending', 'visible', 'hidden')
        `);
    await queryRunner.query(`
            CREATE TABLE "qa_questions" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "session_id" uuid NOT NULL,
                "author_id" uuid NOT NULL,
                "body" character varying(500) NOT NULL,
                "anonymous" boolean NOT NULL DEFAULT false,
                "status" "public"."qa_question_status" NOT NULL,
                "pinned" boolean NOT NULL DEFAULT false,
                "answered" boolean NOT NULL DEFAULT false,
                "votes" integer NOT NULL DEFAULT '0',
                "hidden_reason" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_c9296edfe55d68b00bf87f5c587" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "qa_questions_session_idx" ON "qa_questions" ("session_id", "status")
        `);
    await queryRunner.query(`
            CREATE TABLE "qa_votes" (
                "question_id" bigint NOT NULL,
                "user_id" uuid NOT NULL,
                CONSTRAINT "PK_e93e692f5bb7d057cee191f0bc1" PRIMARY KEY ("question_id", "user_id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "initiatives"
            ADD "forum_edition_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "forum_sessions"
            ADD CONSTRAINT "forum_sessions_edition_fk" FOREIGN KEY ("edition_id") REFERENCES "forum_editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "forum_sessions"
            ADD CONSTRAINT "forum_sessions_organization_fk" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "forum_registrations"
            ADD CONSTRAINT "forum_registrations_edition_fk" FOREIGN KEY ("edition_id") REFERENCES "forum_editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "forum_registrations"
            ADD CONSTRAINT "forum_registrations_session_fk" FOREIGN KEY ("session_id") REFERENCES "forum_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "forum_registrations"
            ADD CONSTRAINT "forum_registrations_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_slots"
            ADD CONSTRAINT "meeting_slots_edition_fk" FOREIGN KEY ("edition_id") REFERENCES "forum_editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meetings"
            ADD CONSTRAINT "meetings_slot_fk" FOREIGN KEY ("slot_id") REFERENCES "meeting_slots"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meetings"
            ADD CONSTRAINT "meetings_requester_fk" FOREIGN KEY ("requester_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meetings"
            ADD CONSTRAINT "meetings_invitee_fk" FOREIGN KEY ("invitee_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_participants"
            ADD CONSTRAINT "meeting_participants_meeting_fk" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "qa_questions"
            ADD CONSTRAINT "qa_questions_session_fk" FOREIGN KEY ("session_id") REFERENCES "forum_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "qa_votes"
            ADD CONSTRAINT "qa_votes_question_fk" FOREIGN KEY ("question_id") REFERENCES "qa_questions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "qa_votes" DROP CONSTRAINT "qa_votes_question_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "qa_questions" DROP CONSTRAINT "qa_questions_session_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_participants" DROP CONSTRAINT "meeting_participants_meeting_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "meetings" DROP CONSTRAINT "meetings_invitee_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "meetings" DROP CONSTRAINT "meetings_requester_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "meetings" DROP CONSTRAINT "meetings_slot_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_slots" DROP CONSTRAINT "meeting_slots_edition_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "forum_registrations" DROP CONSTRAINT "forum_registrations_user_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "forum_registrations" DROP CONSTRAINT "forum_registrations_session_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "forum_registrations" DROP CONSTRAINT "forum_registrations_edition_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "forum_sessions" DROP CONSTRAINT "forum_sessions_organization_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "forum_sessions" DROP CONSTRAINT "forum_sessions_edition_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "initiatives" DROP COLUMN "forum_edition_id"
        `);
    await queryRunner.query(`
            DROP TABLE "qa_votes"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."qa_questions_session_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "qa_questions"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."qa_question_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."meeting_participants_one_per_slot"
        `);
    await queryRunner.query(`
            DROP TABLE "meeting_participants"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."meetings_one_per_table"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."meetings_slot_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "meetings"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."meeting_status"
        `);
    await queryRunner.query(`
            DROP TABLE "meeting_slots"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."forum_registrations_one_per_session"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."forum_registrations_one_per_edition"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."forum_registrations_queue_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."forum_registrations_user_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "forum_registrations"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."forum_registration_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."forum_sessions_edition_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "forum_sessions"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."forum_session_status"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."forum_session_kind"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."forum_editions_year_unique"
        `);
    await queryRunner.query(`
            DROP TABLE "forum_editions"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."forum_edition_status"
        `);
  }
}
