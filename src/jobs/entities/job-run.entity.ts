import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per daily job and day it ran, written in the same transaction as the job's work: the
 * primary key lets one run per day commit, whichever instance tries and whenever.
 */
@Entity({ name: 'job_runs' })
export class JobRun {
  @PrimaryColumn({ type: 'varchar', length: 64, primaryKeyConstraintName: 'job_runs_pkey' })
  job: string;

  /** The city's calendar day the run was for. */
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'job_runs_pkey' })
  period: string;

  @Column({ name: 'ran_at', type: 'timestamptz', default: () => 'now()' })
  ranAt: Date;

  /** Which instance ran it (host and process id), for the operators. */
  @Column({ type: 'varchar', length: 200 })
  instance: string;

  /** What the job reported (counts). */
  @Column({ type: 'jsonb', default: {} })
  outcome: Record<string, number>;
}
