import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { decodeCursor, encodeCursor } from '../common/http/cursor';
import type { AuthUser } from '../auth/auth-user';
import {
  areaName,
  countryName,
  languageName,
  orgTypeName,
  partnerRoleObject,
  schoolLevelName,
  subjectName,
} from '../common/vocabulary-labels';
import { today } from '../common/calendar-date';
import { versionFor, type Translations } from '../common/i18n/translations';
import type { InitiativeTexts } from '../initiatives/entities/initiative.entity';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { InitiativesService } from '../initiatives/initiatives.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { RegistryService } from '../registry/registry.service';
import type { InitiativeMatchDto, MatchesDto, OrganizationMatchDto, SuggestionsDto } from './dto/matching.dto';
import { MatchingRepository, type FactorRow, type MatchCursor } from './matching.repository';
import { placeName, placeNamesByLanguage } from '../registry/place-names';
import { reasons, score, type Locale, type MatchFactors, type ReasonVocabulary } from './score';

const PAGE = 20;

const encode = (cursor: MatchCursor) => encodeCursor([cursor.score, cursor.name, cursor.id]);

function decode(cursor: string | undefined, field: string): MatchCursor | undefined {
  if (!cursor) return undefined;
  return decodeCursor(cursor, field, ([score, name, id]) =>
    typeof score === 'number' && typeof name === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)
      ? { score, name, id }
      : null,
  );
}

/** Counterparts and complementary initiatives, with the reasons they matched in the viewer's language. */
@Injectable()
export class MatchingService {
  constructor(
    private readonly matching: MatchingRepository,
    private readonly initiatives: InitiativesService,
    private readonly organizations: OrganizationsService,
    private readonly registry: RegistryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async forInitiative(
    id: string,
    user: AuthUser | undefined,
    locale: Locale,
    cursors: { organizations?: string; initiatives?: string },
  ): Promise<MatchesDto> {
    const owner = await this.initiatives.visibleOwner(id, user); // 404 when the viewer may not see it
    const [vocabulary, networks, organizations, initiatives] = await Promise.all([
      this.vocabulary(),
      this.matching.networksOfTargets(id),
      this.matching.counterparts(id, decode(cursors.organizations, 'organizationsCursor'), PAGE + 1, {
        today: this.today(),
      }),
      this.matching.fittingInitiatives(
        owner.organizationId,
        id,
        decode(cursors.initiatives, 'initiativesCursor'),
        PAGE + 1,
        { today: this.today() },
      ),
    ]);
    const seekerType = owner.organizationType;
    return {
      networks: networks.map((network) => ({
        key: network.key,
        name: locale === 'pl' ? network.namePl : network.name,
        targetCities: network.targetMembers,
        otherMembers: (network.otherMembers ?? []).map((city) => ({
          key: city.key,
          name: placeName(city, locale),
          country: city.country,
        })),
      })),
      organizations: organizations
        .slice(0, PAGE)
        .map((row) => this.organizationMatch(row, seekerType, locale, vocabulary)),
      initiatives: initiatives.slice(0, PAGE).map((row) => this.initiativeMatch(row, locale, vocabulary, seekerType)),
      nextOrganizationsCursor:
        organizations.length > PAGE
          ? encode({
              score: organizations[PAGE - 1].score,
              name: organizations[PAGE - 1].name,
              id: organizations[PAGE - 1].id,
            })
          : null,
      nextInitiativesCursor:
        initiatives.length > PAGE
          ? encode({
              score: initiatives[PAGE - 1].score,
              name: initiatives[PAGE - 1].title,
              id: initiatives[PAGE - 1].id,
            })
          : null,
    };
  }

  async forOrganization(
    id: string,
    user: AuthUser | undefined,
    locale: Locale,
    cursor?: string,
  ): Promise<SuggestionsDto> {
    const organization = await this.organizations.get(id, user);
    const [vocabulary, rows] = await Promise.all([
      this.vocabulary(),
      this.matching.fittingInitiatives(id, null, decode(cursor, 'cursor'), PAGE + 1, { today: this.today() }),
    ]);
    return {
      initiatives: rows.slice(0, PAGE).map((row) => this.initiativeMatch(row, locale, vocabulary, organization.type)),
      nextCursor:
        rows.length > PAGE
          ? encode({ score: rows[PAGE - 1].score, name: rows[PAGE - 1].title, id: rows[PAGE - 1].id })
          : null,
    };
  }

  async setCityBoost(cityKey: string, boost: number): Promise<void> {
    if (!(await this.matching.setCityBoost(cityKey, boost)))
      throw new NotFoundException(`There is no partner city with the key "${cityKey}"`);
  }

  private organizationMatch(
    row: FactorRow & {
      id: string;
      name: string;
      type: string;
      cityKey: string | null;
      cityName: string;
      cityNamePl: string | null;
      country: string;
    },
    seekerType: string,
    locale: Locale,
    vocabulary: ReasonVocabulary,
  ): OrganizationMatchDto {
    const factors = this.factors(row);
    return {
      organization: {
        id: row.id,
        name: row.name,
        type: row.type,
        cityKey: row.cityKey,
        cityName: placeName({ name: row.cityName, namePl: row.cityNamePl }, locale),
        country: row.country,
      },
      score: score(factors),
      reasons: reasons(factors, seekerType, locale, vocabulary),
    };
  }

  private initiativeMatch(
    row: FactorRow & {
      id: string;
      title: string;
      summary: string;
      language: string;
      translations: Translations<InitiativeTexts>;
      kind: string;
      organizationId: string;
      organizationName: string;
      organizationType: string;
      cityKey: string | null;
      country: string;
    },
    locale: Locale,
    vocabulary: ReasonVocabulary,
    seekerType: string,
  ): InitiativeMatchDto {
    const factors = this.factors(row);
    // Each text in the reader's language when it has that version, else the original, with its language.
    const title = versionFor(row, row.language, row.translations, 'title', locale);
    const summary = versionFor(row, row.language, row.translations, 'summary', locale);
    return {
      initiative: {
        id: row.id,
        title: title.value,
        titleLang: title.lang,
        summary: summary.value,
        summaryLang: summary.lang,
        kind: row.kind,
        organizationId: row.organizationId,
        organizationName: row.organizationName,
        cityKey: row.cityKey,
        country: row.country,
      },
      score: score(factors),
      // Here the candidate initiative's organisation seeks the viewer's type.
      reasons: reasons(factors, row.soughtType ? row.organizationType : seekerType, locale, vocabulary),
    };
  }

  /** The city's today: a funding call counts in matching until its deadline. */
  private today(): string {
    return today(this.config.timeZone);
  }

  private factors(row: FactorRow): MatchFactors {
    return {
      inTargetCity: row.inTargetCity,
      inTargetCountry: row.inTargetCountry,
      tier: row.tier,
      cityName: row.cityEn ? placeNamesByLanguage({ name: row.cityEn, namePl: row.cityPl }) : null,
      place: {
        city: row.placeCityEn ? placeNamesByLanguage({ name: row.placeCityEn, namePl: row.placeCityPl }) : null,
        country: row.placeCountry,
        targetsSeeker: row.targetsSeeker,
      },
      soughtType: row.soughtType,
      school: {
        sharedLevels: row.sharedLevels,
        sharedAges:
          row.sharedAgeMin !== null && row.sharedAgeMax !== null
            ? { min: row.sharedAgeMin, max: row.sharedAgeMax }
            : null,
        sharedSubjects: row.sharedSubjects,
      },
      role: row.role,
      // A candidate initiative aims at the same programme; a candidate organisation has worked with it.
      programme: row.programme ? { name: row.programme, kind: 'title' in row ? 'same' : 'experience' } : null,
      network: row.network
        ? {
            name: { pl: row.network.namePl, en: row.network.name },
            via: placeNamesByLanguage({ name: row.network.viaEn, namePl: row.network.viaPl }),
          }
        : null,
      sharedAreas: row.sharedAreas,
      sharedLanguages: row.sharedLanguages,
      active: row.active,
      boost: row.boost,
    };
  }

  private async vocabulary(): Promise<ReasonVocabulary> {
    const home = await this.registry.getHomeCityForms();
    return {
      area: areaName,
      language: languageName,
      orgType: orgTypeName,
      country: countryName,
      schoolLevel: schoolLevelName,
      subject: subjectName,
      partnerRole: partnerRoleObject,
      homeCity: home,
    };
  }
}
