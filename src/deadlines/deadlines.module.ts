import { Module } from '@nestjs/common';
import { StaffRolesModule } from '../staff-roles/staff-roles.module';
import { DeadlineRemindersJob } from './deadline-reminders.job';
import { CalendarFeedsController, DeadlinesController } from './deadlines.controller';
import { DeadlinesRepository } from './deadlines.repository';
import { DeadlinesService } from './deadlines.service';

/** The deadlines of the partner cities' documents in one place, for city staff: list, reminders, calendar feed. */
@Module({
  imports: [StaffRolesModule],
  controllers: [DeadlinesController, CalendarFeedsController],
  providers: [DeadlinesService, DeadlinesRepository, DeadlineRemindersJob],
})
export class DeadlinesModule {}
