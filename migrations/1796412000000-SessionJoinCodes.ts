import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A join code for every forum session (src/forum/proposals/join-code.ts), unique within its
 * edition. Sessions that exist already get one drawn from the same alphabet (no 0/O, 1/I/L).
 */
export class SessionJoinCodes1796412000000 implements MigrationInterface {
  name = 'SessionJoinCodes1796412000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "forum_sessions"
            ADD "join_code" character varying(6)
        `);
    // Per row (the subquery refers to the row), so every session draws its own code.
    await queryRunner.query(`
            UPDATE "forum_sessions" s
            SET "join_code" = (
                    SELECT string_agg(substr('ABCDEFGHJKMNPQRSTUVWXYZ23456789', 1 + floor(random() * 31)::int, 1), '')
                    FROM generate_series(1, 6)
                    WHERE s.id IS NOT NULL
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "forum_sessions"
            ALTER COLUMN "join_code" SET NOT NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "forum_sessions_join_code_idx" ON "forum_sessions" ("edition_id", "join_code")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."forum_sessions_join_code_idx"
        `);
    await queryRunner.query(`
            ALTER TABLE "forum_sessions" DROP COLUMN "join_code"
        `);
  }
}
