import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ChannelsModule } from '../channels/channels.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { RegistryModule } from '../registry/registry.module';
import { ArchiveJob } from './archive.job';
import { InitiativesController } from './initiatives.controller';
import { InitiativesRepository } from './initiatives.repository';
import { InitiativesService } from './initiatives.service';
import { SearchCacheService } from './search-cache';

@Module({
  imports: [OrganizationsModule, RegistryModule, AuditModule, ChannelsModule],
  controllers: [InitiativesController],
  providers: [InitiativesService, InitiativesRepository, SearchCacheService, ArchiveJob],
  exports: [InitiativesService],
})
export class InitiativesModule {}
