import { MigrationInterface, QueryRunner } from 'typeorm';

export class RealtimeAndNotifications1795250156252 implements MigrationInterface {
  name = 'RealtimeAndNotifications1795250156252';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."channel_kind" AS ENUM('initiative', 'private')
        `);
    await queryRunner.query(`
            CREATE TABLE "channels" (
                "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
                "kind" "public"."channel_kind" NOT NULL,
                "initiative_id" uuid,
                "title" character varying(200) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_bc603823f3f741359c2339389f9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "channels_initiative_unique" ON "channels" ("initiative_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "channel_members" (
                "channel_id" integer NOT NULL,
                "user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_f25be699d4039301684128a7a8b" PRIMARY KEY ("channel_id", "user_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "channel_members_user_idx" ON "channel_members" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "messages" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "channel_id" integer NOT NULL,
                "author_id" uuid NOT NULL,
                "client_id" character varying(64) NOT NULL,
                "body" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "edited_at" TIMESTAMP WITH TIME ZONE,
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                "hidden_at" TIMESTAMP WITH TIME ZONE,
                "hidden_reason" text,
                CONSTRAINT "PK_18325f38ae6de43878487eff986" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "messages_idempotency_unique" ON "messages" ("channel_id", "author_id", "client_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "messages_channel_id_idx" ON "messages" ("channel_id", "id")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."notification_kind" AS ENUM(
                'channel_message',
                'initiative_moderated',
                'organization_verification',
                'interest',
                'forum'
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."notification_delivery" AS ENUM('in_app', 'email', 'digest')
        `);
    await queryRunner.query(`
            CREATE TABLE "notifications" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "user_id" uuid NOT NULL,
                "kind" "public"."notification_kind" NOT NULL,
                "payload" jsonb NOT NULL,
                "delivery" "public"."notification_delivery" NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "read_at" TIMESTAMP WITH TIME ZONE,
                "digested_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "notifications_digest_idx" ON "notifications" ("user_id")
            WHERE delivery = 'digest'
                AND digested_at IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "notifications_unread_idx" ON "notifications" ("user_id")
            WHERE read_at IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "notifications_user_idx" ON "notifications" ("user_id", "id")
        `);
    // notification_kind is shared by several tables: created once above.
    // notification_delivery is shared by several tables: created once above.
    await queryRunner.query(`
            CREATE TABLE "notification_preferences" (
                "user_id" uuid NOT NULL,
                "kind" "public"."notification_kind" NOT NULL,
                "delivery" "public"."notification_delivery" NOT NULL,
                CONSTRAINT "PK_4beeeb46feaf58d75e124c8ba58" PRIMARY KEY ("user_id", "kind")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "channel_members"
            ADD CONSTRAINT "channel_members_channel_fk" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "messages"
            ADD CONSTRAINT "messages_channel_fk" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "messages" DROP CONSTRAINT "messages_channel_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "channel_members" DROP CONSTRAINT "channel_members_channel_fk"
        `);
    await queryRunner.query(`
            DROP TABLE "notification_preferences"
        `);
    // notification_delivery is still used by another table: dropped below.
    // notification_kind is still used by another table: dropped below.
    await queryRunner.query(`
            DROP INDEX "public"."notifications_user_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."notifications_unread_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."notifications_digest_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "notifications"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."notification_delivery"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."notification_kind"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."messages_channel_id_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."messages_idempotency_unique"
        `);
    await queryRunner.query(`
            DROP TABLE "messages"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."channel_members_user_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "channel_members"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."channels_initiative_unique"
        `);
    await queryRunner.query(`
            DROP TABLE "channels"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."channel_kind"
        `);
  }
}
