import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { StaffRolesModule } from '../staff-roles/staff-roles.module';
import { ReferenceDataImporter } from './reference-data/reference-data.importer';
import { ReferenceDataRepository } from './reference-data/reference-data.repository';
import { RegistryController } from './registry.controller';
import { RegistryEditingController } from './registry-editing.controller';
import { RegistryEditingRepository } from './registry-editing.repository';
import { RegistryEditingService } from './registry-editing.service';
import { RegistryRepository } from './registry.repository';
import { RegistryService } from './registry.service';

@Module({
  imports: [AuditModule, StaffRolesModule],
  controllers: [RegistryController, RegistryEditingController],
  providers: [
    RegistryService,
    RegistryRepository,
    RegistryEditingService,
    RegistryEditingRepository,
    ReferenceDataImporter,
    ReferenceDataRepository,
  ],
  exports: [ReferenceDataImporter, RegistryService],
})
export class RegistryModule {}
