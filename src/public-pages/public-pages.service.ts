import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { today } from '../common/calendar-date';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DelegationsService } from '../delegations/delegations.service';
import { EditionsService } from '../forum/editions/editions.service';
import { InitiativesService } from '../initiatives/initiatives.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { PartnershipsService } from '../partnerships/partnerships.service';
import { RegistryService } from '../registry/registry.service';
import type { Locale } from '../users/users.constants';
import type { CityLinksDto, GoalPageDto, HomeDto, NetworkPageDto } from './dto/public-pages.dto';
import { PublicPagesRepository } from './public-pages.repository';

/** How many initiatives a public page lists (the search lists the rest). */
const INITIATIVES_SHOWN = 12;
const HOME_INITIATIVES = 6;
const ORGANIZATIONS_SHOWN = 30;
const PARTNERSHIPS_SHOWN = 20;
const VISITS_SHOWN = 20;

/**
 * The public face (issue 21): the home page, a city network's and a goal's page, and what a
 * partner city's page links to. No SQL of its own but the home figures: each list comes from the
 * module that holds its data, with that module's public rules (listed initiatives, verified
 * organisations, partnerships every participant agreed to show, public visits).
 */
@Injectable()
export class PublicPagesService {
  constructor(
    private readonly repository: PublicPagesRepository,
    private readonly registry: RegistryService,
    private readonly initiatives: InitiativesService,
    private readonly organizations: OrganizationsService,
    private readonly partnerships: PartnershipsService,
    private readonly delegations: DelegationsService,
    private readonly editions: EditionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async home(language: Locale): Promise<HomeDto> {
    const year = Number(today(this.config.timeZone).slice(0, 4));
    const [figures, newest, nextEdition] = await Promise.all([
      this.repository.figures(year),
      this.initiatives.search({ sort: 'newest', limit: HOME_INITIATIVES }, undefined, language),
      this.editions.nextEdition(),
    ]);
    return {
      figures: { ...figures, initiatives: newest.total, year },
      nextEdition,
      newestInitiatives: newest.items,
    };
  }

  async network(key: string, language: Locale): Promise<NetworkPageDto> {
    const { network, cities } = await this.registry.getNetwork(key);
    const initiatives = await this.initiatives.newestTargetingAny(
      cities.map((city) => city.key),
      INITIATIVES_SHOWN,
      language,
    );
    return { network, cities, initiatives };
  }

  async goal(key: string, language: Locale): Promise<GoalPageDto> {
    const { goal, cities } = await this.registry.getGoal(key);
    const [initiatives, partnerships] = await Promise.all([
      this.initiatives.search({ goal: key, sort: 'newest', limit: INITIATIVES_SHOWN }, undefined, language),
      this.partnerships.publicOf({ goal: key }, language, PARTNERSHIPS_SHOWN),
    ]);
    return { goal, cities, initiatives: initiatives.items, initiativesTotal: initiatives.total, partnerships };
  }

  async cityActivity(key: string, language: Locale): Promise<CityLinksDto> {
    const city = await this.registry.findCityReference(key);
    if (!city || city.isHome) throw new NotFoundException(`There is no partner city with the key "${key}"`);
    const [organizations, initiatives, partnerships, visits] = await Promise.all([
      this.organizations.list({ city: key, limit: ORGANIZATIONS_SHOWN }),
      this.initiatives.search({ city: key, sort: 'newest', limit: INITIATIVES_SHOWN }, undefined, language),
      this.partnerships.publicOf({ cityKey: key }, language, PARTNERSHIPS_SHOWN),
      this.delegations.listPublicOfCity(key, VISITS_SHOWN),
    ]);
    return {
      organizations: organizations.items,
      moreOrganizations: organizations.nextCursor !== null,
      initiatives: initiatives.items,
      initiativesTotal: initiatives.total,
      partnerships,
      visits,
    };
  }
}
