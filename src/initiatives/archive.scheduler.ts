import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { InitiativesService } from './initiatives.service';

// Any fixed number; shared by every instance so that one of them runs the job.
const ARCHIVE_LOCK = 727_002;

/** Runs the archiving job once a day (and shortly after start); one instance at a time. */
@Injectable()
export class ArchiveScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ArchiveScheduler');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly initiatives: InitiativesService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.jobsEnabled) return;
    this.timer = setTimeout(() => void this.runAndReschedule(), 60_000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.timer);
  }

  private async runAndReschedule(): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const [{ locked }] = await manager.query<{ locked: boolean }[]>(
          'SELECT pg_try_advisory_xact_lock($1) AS locked',
          [ARCHIVE_LOCK],
        );
        if (locked) await this.initiatives.archiveStale();
      });
    } catch (error) {
      this.logger.error({ msg: 'archiving failed', err: String(error) });
    }
    this.timer = setTimeout(() => void this.runAndReschedule(), 24 * 60 * 60_000);
    this.timer.unref();
  }
}
