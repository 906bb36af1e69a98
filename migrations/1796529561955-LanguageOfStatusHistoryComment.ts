import { MigrationInterface, QueryRunner } from 'typeorm';

export class LanguageOfStatusHistoryComment1796529561955 implements MigrationInterface {
  name = 'LanguageOfStatusHistoryComment1796529561955';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "initiative_transitions"
            ADD "comment_language" text
        `);
    // Every transition sets the initiative's status comment to its own, so the initiative's latest
    // transition carries the comment whose language status_comment_language already holds.
    await queryRunner.query(`
            UPDATE "initiative_transitions" t
            SET "comment_language" = i."status_comment_language"
            FROM "initiatives" i
            WHERE i."id" = t."initiative_id"
                AND i."status_comment_language" IS NOT NULL
                AND t."comment" = i."status_comment"
                AND t."id" = (
                    SELECT max(l."id") FROM "initiative_transitions" l WHERE l."initiative_id" = i."id"
                )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "initiative_transitions" DROP COLUMN "comment_language"
        `);
  }
}
