import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ChannelsModule } from '../channels/channels.module';
import { RateLimitModule } from '../common/rate-limit/rate-limit.module';
import { InitiativesModule } from '../initiatives/initiatives.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { PartnershipsController } from './partnerships.controller';
import { PartnershipsRepository } from './partnerships.repository';
import { PartnershipsService } from './partnerships.service';

@Module({
  imports: [InitiativesModule, OrganizationsModule, ChannelsModule, RateLimitModule, AuditModule],
  controllers: [PartnershipsController],
  providers: [PartnershipsService, PartnershipsRepository],
  // The forum's meetings start partnerships through it ("we will work together").
  exports: [PartnershipsService],
})
export class PartnershipsModule {}
