import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { InitiativesModule } from '../../initiatives/initiatives.module';
import { OrganizationsModule } from '../../organizations/organizations.module';
import { PartnershipsModule } from '../../partnerships/partnerships.module';
import { EditionsModule } from '../editions/editions.module';
import { MeetingsController } from './meetings.controller';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';

@Module({
  imports: [EditionsModule, OrganizationsModule, AuditModule, InitiativesModule, PartnershipsModule],
  controllers: [MeetingsController],
  providers: [MeetingsService, MeetingsRepository],
  exports: [MeetingsService],
})
export class MeetingsModule {}
