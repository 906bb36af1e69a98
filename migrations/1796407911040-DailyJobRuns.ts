import { MigrationInterface, QueryRunner } from 'typeorm';

/** Generated from the entities: the record of the daily jobs' runs, one per job and day (src/jobs). */
export class DailyJobRuns1796407911040 implements MigrationInterface {
  name = 'DailyJobRuns1796407911040';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "job_runs" (
                "job" character varying(64) NOT NULL,
                "period" date NOT NULL,
                "ran_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "instance" character varying(200) NOT NULL,
                "outcome" jsonb NOT NULL DEFAULT '{}',
                CONSTRAINT "job_runs_pkey" PRIMARY KEY ("job", "period")
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP TABLE "job_runs"
        `);
  }
}
