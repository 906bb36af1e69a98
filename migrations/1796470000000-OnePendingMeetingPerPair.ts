import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One pending meeting request per pair of organisations and slot, whichever of the two asked:
 * an index over an expression (the pair in a fixed order), which entities cannot describe, so it
 * is written by hand (the entity names it with `synchronize: false`).
 */
export class OnePendingMeetingPerPair1796470000000 implements MigrationInterface {
  name = 'OnePendingMeetingPerPair1796470000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Requests already repeated (before this index) keep the first; the later ones are cancelled.
    await queryRunner.query(`
            UPDATE "meetings" m SET "status" = 'cancelled'
            WHERE m."status" = 'requested' AND EXISTS (
              SELECT 1 FROM "meetings" o
              WHERE o."status" = 'requested' AND o."slot_id" = m."slot_id"
                AND least(o."requester_id", o."invitee_id") = least(m."requester_id", m."invitee_id")
                AND greatest(o."requester_id", o."invitee_id") = greatest(m."requester_id", m."invitee_id")
                AND (o."created_at", o."id") < (m."created_at", m."id"))
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "meetings_one_pending_per_pair" ON "meetings" (
              "slot_id", least("requester_id", "invitee_id"), greatest("requester_id", "invitee_id")
            ) WHERE "status" = 'requested'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The requests cancelled by up() stay cancelled: which were repeats is not recorded.
    await queryRunner.query(`
            DROP INDEX "meetings_one_pending_per_pair"
        `);
  }
}
