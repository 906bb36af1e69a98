import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { today } from '../common/calendar-date';
import { versionFor } from '../common/i18n/translations';
import type { Locale } from '../users/users.constants';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { documentTermFacts } from './document-terms';
import type { CityQueryDto } from './dto/registry-query.dto';
import type {
  AreaListDto,
  CityDetailDto,
  CityDto,
  CityListDto,
  GoalDto,
  GoalListDto,
  HomeCityDto,
  NetworkDto,
  NetworkListDto,
  PrincipleListDto,
} from './dto/registry-response.dto';
import type { City } from './entities/city.entity';
import type { CityDocument } from './entities/city-document.entity';
import type { CityNetwork } from './entities/city-network.entity';
import type { Goal } from './entities/goal.entity';
import type { GoalScope } from './registry.constants';
import { RegistryRepository } from './registry.repository';

/** The public partner-city registry: rules and the mapping from entities to response DTOs. */
@Injectable()
export class RegistryService {
  constructor(
    private readonly registry: RegistryRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async listCities(filter: CityQueryDto): Promise<CityListDto> {
    if (filter.area) await this.assertVocabulary('area', 'area', [filter.area]);
    const cities = await this.registry.findPartnerCities(filter);
    return { items: cities.map((city) => this.toCity(city)), total: cities.length };
  }

  async getCity(key: string, reader: Locale, on?: string): Promise<CityDetailDto> {
    const city = await this.registry.findCityByKey(key);
    if (!city || city.isHome) throw new NotFoundException(`There is no partner city with the key "${key}"`);
    const [documents, networks] = await Promise.all([
      this.registry.findDocuments(city.id),
      this.registry.findNetworksOfCity(city.id),
    ]);
    const factsOn = on ?? today(this.config.timeZone);
    const facts = versionFor(city, city.factsLanguage, city.translations, 'facts', reader);
    return {
      ...this.toCity(city),
      officialNamePl: city.officialNamePl,
      facts: facts.value,
      factsLang: facts.lang,
      factsOriginal: facts.original,
      version: city.version,
      documents: documents.map((document) => this.toDocument(document, factsOn)),
      networks: networks.map((network) => this.toNetwork(network)),
      factsOn,
    };
  }

  async getHomeCity(): Promise<HomeCityDto> {
    const city = await this.registry.findHomeCity();
    if (!city) throw new NotFoundException('The reference data has not been imported yet: run `npm run seed`');
    const { key, name, namePl, officialNamePl, country, lat, lon } = city;
    return { key, name, namePl, officialNamePl, country, lat, lon };
  }

  /** The home city's name for generated sentences: English, and the Polish genitive and locative. */
  async getHomeCityForms(): Promise<{ en: string; plGenitive: string; plLocative: string }> {
    const city = await this.registry.findHomeCity();
    return {
      en: city?.name ?? '',
      plGenitive: city?.namePlGenitive ?? city?.namePl ?? '',
      plLocative: city?.namePlLocative ?? city?.namePl ?? '',
    };
  }

  async listNetworks(): Promise<NetworkListDto> {
    const networks = await this.registry.findNetworks();
    return { items: networks.map((network) => this.toNetwork(network)), total: networks.length };
  }

  /** A city network with the partner cities that also belong to it; a 404 naming the key otherwise. */
  async getNetwork(key: string): Promise<{ network: NetworkDto; cities: CityDto[] }> {
    const network = await this.registry.findNetworkByKey(key);
    if (!network) throw new NotFoundException(`There is no city network with the key "${key}"`);
    const cities = await this.registry.findPartnerCitiesOfNetwork(network.id);
    return { network: this.toNetwork(network), cities: cities.map((city) => this.toCity(city)) };
  }

  /** One of the city's goals, with the partner cities in the countries a geographic goal names. */
  async getGoal(key: string): Promise<{ goal: GoalDto; cities: CityDto[] }> {
    const goal = await this.registry.findGoalByKey(key);
    if (!goal) throw new NotFoundException(`There is no cooperation goal with the key "${key}"`);
    const cities = goal.countries.length
      ? (await this.registry.findPartnerCities({})).filter((city) => goal.countries.includes(city.country))
      : [];
    return { goal: this.toGoal(goal), cities: cities.map((city) => this.toCity(city)) };
  }

  async listGoals(scope?: GoalScope): Promise<GoalListDto> {
    const goals = await this.registry.findGoals(scope);
    return { items: goals.map((goal) => this.toGoal(goal)), total: goals.length };
  }

  private toGoal({ key, scope, namePl, nameEn, countries }: Goal): GoalDto {
    return { key, scope, namePl, nameEn, countries };
  }

  async listPrinciples(): Promise<PrincipleListDto> {
    const principles = await this.registry.findPrinciples();
    return { items: principles.map(({ key, namePl, nameEn }) => ({ key, namePl, nameEn })), total: principles.length };
  }

  async listAreas(): Promise<AreaListDto> {
    const areas = await this.registry.findAreaKeys();
    return { items: areas, total: areas.length };
  }

  async listOrganizationTypes(): Promise<AreaListDto> {
    const types = await this.registry.findOrganizationTypeKeys();
    return { items: types, total: types.length };
  }

  /** For other modules: checks keys against the reference vocabularies, with messages naming the field. */
  async assertVocabulary(
    field: string,
    kind: 'area' | 'organizationType' | 'goal' | 'registryCity',
    keys: string[],
  ): Promise<void> {
    if (keys.length === 0) return;
    const known = await this.vocabulary(kind);
    const unknown = keys.filter((key) => !known.includes(key));
    if (unknown.length) {
      const message = `${field} has unknown value(s) ${unknown.join(', ')}; allowed: ${known.join(', ')}`;
      throw new BadRequestException({ message, fields: { [field]: [message] } });
    }
  }

  /**
   * The vocabularies change only with the reference data (an import at start or `npm run seed`),
   * yet every search and form checks against them: each is read at most once a minute.
   */
  private readonly vocabularyCache = new Map<string, { keys: Promise<string[]>; until: number }>();

  private vocabulary(kind: 'area' | 'organizationType' | 'goal' | 'registryCity'): Promise<string[]> {
    const cached = this.vocabularyCache.get(kind);
    if (cached && cached.until > Date.now()) return cached.keys;
    const keys = this.loadVocabulary(kind);
    this.vocabularyCache.set(kind, { keys, until: Date.now() + 60_000 });
    keys.catch(() => this.vocabularyCache.delete(kind));
    return keys;
  }

  private async loadVocabulary(kind: 'area' | 'organizationType' | 'goal' | 'registryCity'): Promise<string[]> {
    switch (kind) {
      case 'area':
        return this.registry.findAreaKeys();
      case 'organizationType':
        return this.registry.findOrganizationTypeKeys();
      case 'goal':
        return (await this.registry.findGoals()).map((goal) => goal.key);
      case 'registryCity': {
        // The home city and its partner cities (a partner-city organisation targets Kraków).
        const home = await this.registry.findHomeCity();
        return [...(home ? [home.key] : []), ...(await this.registry.findPartnerCities({})).map((city) => city.key)];
      }
    }
  }

  /** A registry city (home or partner) for other modules, or null. */
  async findCityReference(key: string): Promise<{
    id: number;
    key: string;
    name: string;
    namePl: string;
    country: string;
    relationship: string | null;
    isHome: boolean;
  } | null> {
    const city = await this.registry.findCityByKey(key);
    if (!city) return null;
    return {
      id: city.id,
      key: city.key,
      name: city.name,
      namePl: city.namePl,
      country: city.country,
      relationship: city.relationship,
      isHome: city.isHome,
    };
  }

  private toCity(city: City): CityDto {
    const { key, name, namePl, country, lat, lon, status, areas, inEurope } = city;
    return { key, name, namePl, country, lat, lon, relationship: city.relationship!, status, areas, inEurope };
  }

  private toDocument(document: CityDocument, on: string) {
    const facts = documentTermFacts(document, on);
    return {
      id: document.id,
      version: document.version,
      kind: document.kind,
      title: document.title,
      signedOn: document.signedOn,
      signedOnPrecision: document.signedOnPrecision,
      validFrom: document.validFrom,
      validUntil: facts.validUntil,
      term: document.term,
      termYears: document.termYears,
      renewalYears: document.renewalYears,
      noticeMonths: document.noticeMonths,
      areas: document.areas,
      source: document.source,
      inForce: facts.inForce,
      nextExpiryOn: facts.nextExpiryOn,
      noticeDeadlineOn: facts.noticeDeadlineOn,
    };
  }

  private toNetwork({ key, name, namePl, joinedYear, coordinator, facts }: CityNetwork): NetworkDto {
    return { key, name, namePl, joinedYear, coordinator, facts };
  }
}
