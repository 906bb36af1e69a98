import { Module } from '@nestjs/common';
import { DelegationsModule } from '../delegations/delegations.module';
import { EditionsModule } from '../forum/editions/editions.module';
import { InitiativesModule } from '../initiatives/initiatives.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { PartnershipsModule } from '../partnerships/partnerships.module';
import { RegistryModule } from '../registry/registry.module';
import { PublicPagesController } from './public-pages.controller';
import { PublicPagesRepository } from './public-pages.repository';
import { PublicPagesService } from './public-pages.service';

/** The public face (issue 21): home, city network, goal and partner-city pages, for readers without an account. */
@Module({
  imports: [
    RegistryModule,
    InitiativesModule,
    OrganizationsModule,
    PartnershipsModule,
    DelegationsModule,
    EditionsModule,
  ],
  controllers: [PublicPagesController],
  providers: [PublicPagesService, PublicPagesRepository],
})
export class PublicPagesModule {}
