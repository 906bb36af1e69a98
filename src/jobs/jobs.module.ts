import { Global, Module } from '@nestjs/common';
import { DailyJobs } from './daily-jobs.service';

/** The daily jobs' runner: features register their job with DailyJobs. */
@Global()
@Module({ providers: [DailyJobs], exports: [DailyJobs] })
export class JobsModule {}
