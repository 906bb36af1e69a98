import { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountsAndOrganizations1795249004369 implements MigrationInterface {
  name = 'AccountsAndOrganizations1795249004369';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "audit_log" (
                "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
                "actor_id" uuid,
                "action" character varying(60) NOT NULL,
                "target_type" character varying(40) NOT NULL,
                "target_id" character varying(64) NOT NULL,
                "reason" text,
                "details" jsonb NOT NULL DEFAULT '{}',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "audit_log_actor_idx" ON "audit_log" ("actor_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "audit_log_created_idx" ON "audit_log" ("created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "audit_log_target_idx" ON "audit_log" ("target_type", "target_id")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."locale" AS ENUM('pl', 'en')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."platform_role" AS ENUM('member', 'moderator', 'admin')
        `);
    await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "email" character varying(254),
                "password_hash" character varying(255),
                "display_name" character varying(100),
                "locale" "public"."locale" NOT NULL DEFAULT 'pl',
                "role" "public"."platform_role" NOT NULL DEFAULT 'member',
                "email_verified_at" TIMESTAMP WITH TIME ZONE,
                "password_changed_at" TIMESTAMP WITH TIME ZONE,
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "users_email_unique" ON "users" ("email")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."email_token_purpose" AS ENUM('verify_email', 'password_reset', 'change_email')
        `);
    await queryRunner.query(`
            CREATE TABLE "email_tokens" (
                "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
                "user_id" uuid NOT NULL,
                "purpose" "public"."email_token_purpose" NOT NULL,
                "token_hash" character(64) NOT NULL,
                "new_email" character varying(254),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_08abb3fa348e894c274a6730d35" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "email_tokens_user_idx" ON "email_tokens" ("user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "email_tokens_hash_unique" ON "email_tokens" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE TABLE "sessions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "user_agent" character varying(300),
                "ip" character varying(64),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "last_used_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "revoked_reason" character varying(40),
                CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "sessions_user_idx" ON "sessions" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "refresh_tokens" (
                "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
                "session_id" uuid NOT NULL,
                "token_hash" character(64) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "used_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "refresh_tokens_session_idx" ON "refresh_tokens" ("session_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "refresh_tokens_hash_unique" ON "refresh_tokens" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE TABLE "instance_secrets" (
                "name" character varying(60) NOT NULL,
                "value" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_70c19fbe0a0c5eb8da58d29bbfc" PRIMARY KEY ("name")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "rate_limit_buckets" (
                "key" character varying(200) NOT NULL,
                "count" integer NOT NULL,
                "reset_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_9eb2f8a2ae370667b4ca83dd313" PRIMARY KEY ("key")
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."mail_status" AS ENUM('pending', 'sent', 'logged', 'failed')
        `);
    await queryRunner.query(`
            CREATE TABLE "mail_outbox" (
                "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
                "to_address" character varying(254) NOT NULL,
                "subject" character varying(300) NOT NULL,
                "text" text NOT NULL,
                "template" character varying(60) NOT NULL,
                "user_id" uuid,
                "status" "public"."mail_status" NOT NULL DEFAULT 'pending',
                "attempts" smallint NOT NULL DEFAULT '0',
                "last_error" text,
                "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "sent_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_fecc63c96385bc35a39ccf2a72e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "mail_outbox_user_idx" ON "mail_outbox" ("user_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "mail_outbox_pending_idx" ON "mail_outbox" ("next_attempt_at")
            WHERE status = 'pending'
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."organization_status" AS ENUM('pending', 'verified', 'rejected')
        `);
    await queryRunner.query(`
            CREATE TABLE "organizations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(200) NOT NULL,
                "type" character varying(64) NOT NULL,
                "city_id" integer,
                "city_name" character varying(120) NOT NULL,
                "country" character(2) NOT NULL,
                "areas" text array NOT NULL DEFAULT '{}',
                "languages" text array NOT NULL DEFAULT '{}',
                "website" character varying(300),
                "description_md" text NOT NULL DEFAULT '',
                "description_html" text NOT NULL DEFAULT '',
                "contact_email" character varying(254),
                "contact_phone" character varying(40),
                "status" "public"."organization_status" NOT NULL DEFAULT 'pending',
                "status_reason" text,
                "status_changed_at" TIMESTAMP WITH TIME ZONE,
                "status_changed_by" uuid,
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "organizations_city_idx" ON "organizations" ("city_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "organizations_status_created_idx" ON "organizations" ("status", "created_at")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."member_role" AS ENUM('owner', 'editor', 'member')
        `);
    await queryRunner.query(`
            CREATE TABLE "organization_invitations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "email" character varying(254) NOT NULL,
                "role" "public"."member_role" NOT NULL,
                "token_hash" character(64) NOT NULL,
                "invited_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "accepted_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_f172f12b8a9ee6584b661f57e24" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "organization_invitations_hash_unique" ON "organization_invitations" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "organization_invitations_open_unique" ON "organization_invitations" ("organization_id", "email")
            WHERE accepted_at IS NULL
                AND revoked_at IS NULL
        `);
    // member_role is shared with organization_invitations: created once above (TypeORM generates it twice).
    await queryRunner.query(`
            CREATE TABLE "organization_members" (
                "organization_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "role" "public"."member_role" NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_f4812f00736e35131a65d6032da" PRIMARY KEY ("organization_id", "user_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "organization_members_user_idx" ON "organization_members" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "organization_types" (
                "key" character varying(64) NOT NULL,
                "position" smallint NOT NULL,
                CONSTRAINT "PK_5247a7e18427040848f5024a27c" PRIMARY KEY ("key")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "email_tokens"
            ADD CONSTRAINT "email_tokens_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "sessions"
            ADD CONSTRAINT "sessions_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "refresh_tokens"
            ADD CONSTRAINT "refresh_tokens_session_fk" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations"
            ADD CONSTRAINT "organizations_city_fk" FOREIGN KEY ("city_id") REFERENCES "cities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "organization_invitations"
            ADD CONSTRAINT "organization_invitations_organization_fk" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "organization_members"
            ADD CONSTRAINT "organization_members_organization_fk" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "organization_members"
            ADD CONSTRAINT "organization_members_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "organization_members" DROP CONSTRAINT "organization_members_user_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "organization_members" DROP CONSTRAINT "organization_members_organization_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "organization_invitations" DROP CONSTRAINT "organization_invitations_organization_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations" DROP CONSTRAINT "organizations_city_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "refresh_tokens" DROP CONSTRAINT "refresh_tokens_session_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "sessions" DROP CONSTRAINT "sessions_user_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "email_tokens" DROP CONSTRAINT "email_tokens_user_fk"
        `);
    await queryRunner.query(`
            DROP TABLE "organization_types"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."organization_members_user_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "organization_members"
        `);
    // member_role is still used by organization_invitations: dropped with it below.
    await queryRunner.query(`
            DROP INDEX "public"."organization_invitations_open_unique"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."organization_invitations_hash_unique"
        `);
    await queryRunner.query(`
            DROP TABLE "organization_invitations"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."member_role"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."organizations_status_created_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."organizations_city_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "organizations"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."organization_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."mail_outbox_pending_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."mail_outbox_user_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "mail_outbox"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."mail_status"
        `);
    await queryRunner.query(`
            DROP TABLE "rate_limit_buckets"
        `);
    await queryRunner.query(`
            DROP TABLE "instance_secrets"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."refresh_tokens_hash_unique"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."refresh_tokens_session_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "refresh_tokens"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."sessions_user_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "sessions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."email_tokens_hash_unique"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."email_tokens_user_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "email_tokens"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."email_token_purpose"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."users_email_unique"
        `);
    await queryRunner.query(`
            DROP TABLE "users"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."platform_role"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."locale"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."audit_log_target_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."audit_log_created_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."audit_log_actor_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_log"
        `);
  }
}
