import { Module } from '@nestjs/common';
import { StaffRolesModule } from '../staff-roles/staff-roles.module';
import { InitiativesModule } from '../initiatives/initiatives.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { RegistryModule } from '../registry/registry.module';
import { MatchingController } from './matching.controller';
import { MatchingRepository } from './matching.repository';
import { MatchingService } from './matching.service';
import { SavedSearchesRepository } from './saved-searches.repository';
import { SavedSearchesService } from './saved-searches.service';

@Module({
  imports: [InitiativesModule, OrganizationsModule, RegistryModule, StaffRolesModule],
  controllers: [MatchingController],
  providers: [MatchingService, MatchingRepository, SavedSearchesService, SavedSearchesRepository],
})
export class MatchingModule {}
