import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { NotificationsService } from './notifications.service';

const DIGEST_LOCK = 727_003;

/** Sends the daily digests, from one instance at a time. */
@Injectable()
export class DigestScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DigestScheduler');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly notifications: NotificationsService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.jobsEnabled) return;
    this.timer = setInterval(() => void this.run(), 24 * 60 * 60_000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async run(): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const [{ locked }] = await manager.query<{ locked: boolean }[]>(
          'SELECT pg_try_advisory_xact_lock($1) AS locked',
          [DIGEST_LOCK],
        );
        if (locked) await this.notifications.sendDigests();
      });
    } catch (error) {
      this.logger.error({ msg: 'digest failed', err: String(error) });
    }
  }
}
