import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { hostname } from 'node:os';
import { DataSource, type EntityManager } from 'typeorm';
import { today } from '../common/calendar-date';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ADVISORY_LOCKS } from '../database/advisory-locks';

export interface DailyJob {
  /** Recorded with each run; unique. */
  name: string;
  /** The city's local time ('HH:MM') from which the day's run is due; an instance that starts later runs it then. */
  dueAt: string;
  /** The work, in the transaction that records the run (so it commits with it, or not at all). */
  run(manager: EntityManager, day: string): Promise<Record<string, number>>;
  /** After the commit: what must see the committed work (delivering the mails it stored). */
  afterCommit?(): Promise<void>;
}

export type JobAttempt = 'ran' | 'already-ran' | 'running-elsewhere' | 'not-due' | 'failed';

/** How often an instance looks for due jobs: a run starts within this of its time. */
const CHECK_INTERVAL_MS = 60_000;
/** After a failed run this instance waits this long before trying the job again (the others may try sooner). */
const RETRY_AFTER_MS = 15 * 60_000;

/**
 * The daily jobs (archiving, digests): each runs once per day of the city's calendar across every
 * instance. Every instance looks once a minute; a job due today and not yet recorded is tried
 * under a transaction-scoped advisory lock (one attempt at a time), and its run is recorded by a
 * unique (job, day) row in the same transaction as its work. So an instance that looks later, or
 * was started later, finds the row and does nothing; a run that fails leaves no row and is tried
 * again.
 */
@Injectable()
export class DailyJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DailyJobs');
  private readonly jobs = new Map<string, DailyJob>();
  private readonly failedAt = new Map<string, number>();
  private readonly instance = `${hostname()}:${process.pid}`;
  private timer?: NodeJS.Timeout;
  private checking?: Promise<unknown>;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  register(job: DailyJob): void {
    if (this.jobs.has(job.name)) throw new Error(`the daily job ${job.name} is registered twice`);
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(job.dueAt)) throw new Error(`the daily job ${job.name} has no HH:MM time`);
    this.jobs.set(job.name, job);
  }

  onApplicationBootstrap(): void {
    if (!this.config.jobsEnabled) return;
    this.timer = setInterval(() => {
      if (this.checking) return;
      this.checking = this.runDue().finally(() => (this.checking = undefined));
    }, CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.checking; // a run in progress commits or rolls back before the pool closes
  }

  /** Tries every job that is due at `now` (each once per day across instances). */
  async runDue(now = new Date()): Promise<Record<string, JobAttempt>> {
    const attempts: Record<string, JobAttempt> = {};
    for (const job of this.jobs.values()) attempts[job.name] = await this.runIfDue(job, now);
    return attempts;
  }

  private async runIfDue(job: DailyJob, now: Date): Promise<JobAttempt> {
    if (localTime(this.config.timeZone, now) < job.dueAt) return 'not-due';
    const failed = this.failedAt.get(job.name);
    if (failed !== undefined && now.getTime() - failed < RETRY_AFTER_MS) return 'not-due';
    const day = today(this.config.timeZone, now);
    try {
      const attempt = await this.runOnce(job, day);
      this.failedAt.delete(job.name);
      return attempt;
    } catch (error) {
      this.failedAt.set(job.name, now.getTime());
      this.logger.error({ msg: 'daily job failed; it will be tried again', job: job.name, day, err: String(error) });
      return 'failed';
    }
  }

  private async runOnce(job: DailyJob, day: string): Promise<JobAttempt> {
    const [known] = await this.dataSource.query<unknown[]>('SELECT 1 FROM job_runs WHERE job = $1 AND period = $2', [
      job.name,
      day,
    ]);
    if (known) return 'already-ran';
    const outcome = await this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query<{ locked: boolean }[]>(
        'SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS locked',
        [ADVISORY_LOCKS.dailyJob, job.name],
      );
      if (!locked) return 'running-elsewhere' as const;
      const claimed = await manager.query<unknown[]>(
        `INSERT INTO job_runs (job, period, instance) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING job`,
        [job.name, day, this.instance],
      );
      if (!claimed.length) return 'already-ran' as const;
      const counts = await job.run(manager, day);
      await manager.query('UPDATE job_runs SET outcome = $3 WHERE job = $1 AND period = $2', [job.name, day, counts]);
      return counts;
    });
    if (typeof outcome === 'string') return outcome;
    this.logger.log({ msg: 'daily job ran', job: job.name, day, outcome });
    await job
      .afterCommit?.()
      .catch((error: unknown) => this.logger.error({ msg: 'after a daily job', job: job.name, err: String(error) }));
    return 'ran';
  }
}

/** 'HH:MM' of `now` in the city's time zone. */
export function localTime(timeZone: string, now: Date): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return time.format(now);
}
