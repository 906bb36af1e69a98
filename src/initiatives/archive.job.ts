import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DailyJobs } from '../jobs/daily-jobs.service';
import { MailService } from '../mail/mail.service';
import { InitiativesService } from './initiatives.service';

/** Archiving as a daily job: at 02:00 city time, once a day across instances. */
@Injectable()
export class ArchiveJob implements OnModuleInit {
  constructor(
    private readonly jobs: DailyJobs,
    private readonly initiatives: InitiativesService,
    private readonly mail: MailService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: 'initiative-archiving',
      dueAt: '02:00',
      run: (manager, day) => this.initiatives.archiveStale(day, manager),
      afterCommit: () => this.mail.deliverNow(),
    });
  }
}
