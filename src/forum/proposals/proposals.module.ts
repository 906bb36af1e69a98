import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { OrganizationsModule } from '../../organizations/organizations.module';
import { RegistryModule } from '../../registry/registry.module';
import { EditionsModule } from '../editions/editions.module';
import { ProposalsController } from './proposals.controller';
import { ProposalsRepository } from './proposals.repository';
import { ProposalsService } from './proposals.service';

@Module({
  imports: [EditionsModule, OrganizationsModule, RegistryModule, AuditModule],
  controllers: [ProposalsController],
  providers: [ProposalsService, ProposalsRepository],
  exports: [ProposalsService],
})
export class ProposalsModule {}
