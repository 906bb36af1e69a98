import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { OrganizationsModule } from '../../organizations/organizations.module';
import { EditionsModule } from '../editions/editions.module';
import { MeetingsController } from './meetings.controller';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';

@Module({
  imports: [EditionsModule, OrganizationsModule, AuditModule],
  controllers: [MeetingsController],
  providers: [MeetingsService, MeetingsRepository],
  exports: [MeetingsService],
})
export class MeetingsModule {}
