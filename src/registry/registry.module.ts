import { Module } from '@nestjs/common';
import { ReferenceDataImporter } from './reference-data/reference-data.importer';
import { ReferenceDataRepository } from './reference-data/reference-data.repository';
import { RegistryController } from './registry.controller';
import { RegistryRepository } from './registry.repository';
import { RegistryService } from './registry.service';

@Module({
  controllers: [RegistryController],
  providers: [RegistryService, RegistryRepository, ReferenceDataImporter, ReferenceDataRepository],
  exports: [ReferenceDataImporter, RegistryService],
})
export class RegistryModule {}
