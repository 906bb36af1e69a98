import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DailyJobs } from '../jobs/daily-jobs.service';
import { MailService } from '../mail/mail.service';
import { DeadlinesService } from './deadlines.service';

/**
 * The notice-deadline reminders as a daily job: at 06:30 city time, once a day across instances
 * (DailyJobs); each reminder once ever, by its row in deadline_reminders.
 */
@Injectable()
export class DeadlineRemindersJob implements OnModuleInit {
  constructor(
    private readonly jobs: DailyJobs,
    private readonly deadlines: DeadlinesService,
    private readonly mail: MailService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: 'deadline-reminders',
      dueAt: '06:30',
      run: async (manager, day) => ({ reminders: await this.deadlines.sendReminders(manager, day) }),
      afterCommit: () => this.mail.deliverNow(),
    });
  }
}
