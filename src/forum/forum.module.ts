import { Module } from '@nestjs/common';
import { AgendaModule } from './agenda/agenda.module';
import { EditionsModule } from './editions/editions.module';
import { MeetingsModule } from './meetings/meetings.module';
import { OutcomesModule } from './outcomes/outcomes.module';
import { ProposalsModule } from './proposals/proposals.module';
import { QaModule } from './qa/qa.module';
import { RegistrationsModule } from './registrations/registrations.module';

/**
 * The annual International Cooperation Forum, one folder per part: editions, proposals (the call
 * for sessions), the agenda, registrations, the live Q&A, 1:1 meetings and outcomes; shared/ holds
 * the status sets, iCalendar and the DTO helpers they share.
 */
@Module({
  imports: [
    EditionsModule,
    ProposalsModule,
    AgendaModule,
    RegistrationsModule,
    QaModule,
    MeetingsModule,
    OutcomesModule,
  ],
})
export class ForumModule {}
