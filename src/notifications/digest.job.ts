import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DailyJobs } from '../jobs/daily-jobs.service';
import { MailService } from '../mail/mail.service';
import { NotificationsService } from './notifications.service';

/** The notification digest as a daily job: at 07:00 city time, once a day across instances. */
@Injectable()
export class DigestJob implements OnModuleInit {
  constructor(
    private readonly jobs: DailyJobs,
    private readonly notifications: NotificationsService,
    private readonly mail: MailService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: 'notification-digest',
      dueAt: '07:00',
      run: async (manager) => ({ digests: await this.notifications.sendDigests(manager) }),
      afterCommit: () => this.mail.deliverNow(),
    });
  }
}
