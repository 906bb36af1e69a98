import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RegistryModule } from '../registry/registry.module';
import { StaffRolesModule } from '../staff-roles/staff-roles.module';
import { DelegationsController } from './delegations.controller';
import { DelegationsRepository } from './delegations.repository';
import { DelegationsService } from './delegations.service';

/** The register of delegations and visits (issue 20, item 5). */
@Module({
  imports: [AuditModule, RegistryModule, StaffRolesModule],
  controllers: [DelegationsController],
  providers: [DelegationsService, DelegationsRepository],
  exports: [DelegationsService],
})
export class DelegationsModule {}
