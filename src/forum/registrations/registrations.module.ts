import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../../organizations/organizations.module';
import { EditionsModule } from '../editions/editions.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { ProposalsModule } from '../proposals/proposals.module';
import { RegistrationsController } from './registrations.controller';
import { RegistrationsRepository } from './registrations.repository';
import { RegistrationsService } from './registrations.service';

@Module({
  imports: [EditionsModule, ProposalsModule, MeetingsModule, OrganizationsModule],
  controllers: [RegistrationsController],
  providers: [RegistrationsService, RegistrationsRepository],
})
export class RegistrationsModule {}
