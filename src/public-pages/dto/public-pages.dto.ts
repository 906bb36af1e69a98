import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { PublicDelegationDto } from '../../delegations/dto/delegation.dto';
import { EditionDto } from '../../forum/editions/dto/edition.dto';
import { InitiativeSummaryDto } from '../../initiatives/dto/initiative.dto';
import { OrganizationDto } from '../../organizations/dto/organization.dto';
import { PartnershipDto } from '../../partnerships/dto/partnership.dto';
import { CityDto, GoalDto, NetworkDto } from '../../registry/dto/registry-response.dto';

export class RegistryKeyParamDto {
  @ApiProperty({ example: 'eurocities', description: 'The key, as in the reference data' })
  @Matches(/^[a-z0-9_]{1,64}$/, {
    message: 'key must be a key such as eurocities or youth_contacts (lower-case letters, digits and _)',
  })
  key: string;
}

export class HomeFiguresDto {
  @ApiProperty({ example: 30 }) partnerCities: number;
  @ApiProperty({ description: 'Verified organisations shown in public' }) organizations: number;
  @ApiProperty({ description: 'Listed initiatives (published or in progress), as the search counts them' })
  initiatives: number;
  @ApiProperty({ description: 'Active and completed partnerships, all of them (counted, never named)' })
  partnerships: number;
  @ApiProperty({ description: "Public visits of delegations starting this year (the city's calendar)" })
  delegationsThisYear: number;
  @ApiProperty({ example: 2026, description: 'The year of delegationsThisYear' }) year: number;
}

export class HomeDto {
  @ApiProperty({ type: HomeFiguresDto }) figures: HomeFiguresDto;
  @ApiProperty({
    type: EditionDto,
    nullable: true,
    description:
      'The coming forum edition (status call_open: its call for sessions is open); null when none is planned',
  })
  nextEdition: EditionDto | null;
  @ApiProperty({ type: [InitiativeSummaryDto], description: 'The newest listed initiatives' })
  newestInitiatives: InitiativeSummaryDto[];
}

export class NetworkPageDto {
  @ApiProperty({ type: NetworkDto }) network: NetworkDto;
  @ApiProperty({ type: [CityDto], description: 'The partner cities that also belong to the network' })
  cities: CityDto[];
  @ApiProperty({
    type: [InitiativeSummaryDto],
    description: 'The newest listed initiatives that target one of these cities (at most 12)',
  })
  initiatives: InitiativeSummaryDto[];
}

export class GoalPageDto {
  @ApiProperty({ type: GoalDto }) goal: GoalDto;
  @ApiProperty({ type: [CityDto], description: 'For a geographic goal: the partner cities in the countries it names' })
  cities: CityDto[];
  @ApiProperty({
    type: [InitiativeSummaryDto],
    description: 'The newest listed initiatives that serve it (at most 12)',
  })
  initiatives: InitiativeSummaryDto[];
  @ApiProperty({ description: 'How many listed initiatives serve it' }) initiativesTotal: number;
  @ApiProperty({
    type: [PartnershipDto],
    description: 'Partnerships of initiatives that serve it, only those every participant agreed to show',
  })
  partnerships: PartnershipDto[];
}

export class CityLinksDto {
  @ApiProperty({ type: [OrganizationDto], description: 'Verified organisations there, by name (at most 30)' })
  organizations: OrganizationDto[];
  @ApiProperty({ description: 'There are more organisations than listed (the organisations page lists them all)' })
  moreOrganizations: boolean;
  @ApiProperty({
    type: [InitiativeSummaryDto],
    description: 'The newest listed initiatives that target it (at most 12)',
  })
  initiatives: InitiativeSummaryDto[];
  @ApiProperty({ description: 'How many listed initiatives target it' }) initiativesTotal: number;
  @ApiProperty({
    type: [PartnershipDto],
    description:
      'Partnerships whose initiative targets it or with an organisation there, only those every participant agreed to show',
  })
  partnerships: PartnershipDto[];
  @ApiProperty({ type: [PublicDelegationDto], description: 'The newest public visits to or from it (at most 20)' })
  visits: PublicDelegationDto[];
}
