import { Injectable, Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { City } from '../entities/city.entity';
import { CityDocument } from '../entities/city-document.entity';
import { CityNetwork } from '../entities/city-network.entity';
import { CooperationArea } from '../entities/cooperation-area.entity';
import { OrganizationType } from '../entities/organization-type.entity';
import { Goal } from '../entities/goal.entity';
import { Principle } from '../entities/principle.entity';
import type { DatePrecision } from '../registry.constants';
import {
  ReferenceDataRepository,
  type ImportOutcome,
  type ReferenceDataTransaction,
} from './reference-data.repository';
import { ReferenceDataFile, type DocumentRecord, type PartnerCityRecord } from './reference-data.schema';

export type ImportReport = Record<
  'cities' | 'documents' | 'networks' | 'goals' | 'principles',
  Record<ImportOutcome, number>
> & {
  memberships: number;
  areas: number;
  organizationTypes: number;
  /** Keys of the records left alone because city staff edited them (the `kept` counts, by name). */
  skipped: { cities: string[]; documents: string[] };
};

export class ReferenceDataError extends Error {}

function hashOf(values: object): string {
  const canonical = JSON.stringify(values, Object.keys(values).sort());
  return createHash('sha256').update(canonical).digest('hex');
}

function flatten(errors: ValidationError[], path = ''): string[] {
  return errors.flatMap((error) => {
    const here = path ? `${path}.${error.property}` : error.property;
    return [
      ...Object.values(error.constraints ?? {}).map((message) => `${here}: ${message}`),
      ...flatten(error.children ?? [], here),
    ];
  });
}

/** "1998" -> 1998-01-01 (year), "2003-06" -> 2003-06-01 (month), "1973-07-18" (day). */
export function partialDate(value: string | null | undefined): {
  date: string | null;
  precision: DatePrecision | null;
} {
  if (!value) return { date: null, precision: null };
  const parts = value.split('-');
  const precision: DatePrecision = parts.length === 1 ? 'year' : parts.length === 2 ? 'month' : 'day';
  return { date: [parts[0], parts[1] ?? '01', parts[2] ?? '01'].join('-'), precision };
}

/**
 * Imports a city's reference data (partner cities, documents, networks, goals, principles).
 * Idempotent: a record whose source is unchanged is not written again, and a record that city
 * staff have edited since is never overwritten.
 */
@Injectable()
export class ReferenceDataImporter {
  private readonly logger = new Logger('ReferenceData');

  constructor(private readonly repository: ReferenceDataRepository) {}

  async importFile(path: string): Promise<ImportReport> {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      throw new ReferenceDataError(`cannot read the reference data ${path}: ${(error as Error).message}`);
    }
    const report = await this.import(this.parse(raw, path));
    this.logger.log({ msg: 'reference data imported', file: path, report });
    if (report.skipped.cities.length || report.skipped.documents.length)
      this.logger.warn({
        msg: 'reference data skipped records edited by city staff',
        file: path,
        cities: report.skipped.cities,
        documents: report.skipped.documents,
      });
    return report;
  }

  parse(raw: unknown, source = 'reference data'): ReferenceDataFile {
    const data = plainToInstance(ReferenceDataFile, raw);
    const errors = flatten(validateSync(data, { forbidUnknownValues: true }));
    if (errors.length) throw new ReferenceDataError(`${source} is not valid:\n  ${errors.slice(0, 20).join('\n  ')}`);
    const areas = new Set(data.cooperation_areas);
    const unknownArea = data.partner_cities
      .flatMap((city) => [...city.areas, ...city.documents.flatMap((d) => d.areas ?? [])])
      .find((a) => !areas.has(a));
    if (unknownArea)
      throw new ReferenceDataError(`${source} uses the area "${unknownArea}", which is not in cooperation_areas`);
    const networkKeys = new Set(data.city_networks.map((network) => network.key));
    const unknownNetwork = data.partner_cities
      .flatMap((city) => city.networks ?? [])
      .find((key) => !networkKeys.has(key));
    if (unknownNetwork)
      throw new ReferenceDataError(`${source} names the network "${unknownNetwork}", which is not in city_networks`);
    return data;
  }

  async import(data: ReferenceDataFile): Promise<ImportReport> {
    const report: ImportReport = {
      cities: { inserted: 0, updated: 0, unchanged: 0, kept: 0 },
      documents: { inserted: 0, updated: 0, unchanged: 0, kept: 0 },
      networks: { inserted: 0, updated: 0, unchanged: 0, kept: 0 },
      goals: { inserted: 0, updated: 0, unchanged: 0, kept: 0 },
      principles: { inserted: 0, updated: 0, unchanged: 0, kept: 0 },
      memberships: 0,
      areas: 0,
      organizationTypes: 0,
      skipped: { cities: [], documents: [] },
    };
    await this.repository.inImportTransaction(async (tx) => {
      report.areas = await tx.upsertVocabulary(CooperationArea, data.cooperation_areas);
      report.organizationTypes = await tx.upsertVocabulary(OrganizationType, data.organisation_types);

      const networkIds = new Map<string, number>();
      for (const [position, network] of data.city_networks.entries()) {
        const values: Partial<CityNetwork> = {
          name: network.name,
          namePl: network.name_pl,
          joinedYear: network.since ?? null,
          coordinator: network.coordinator ?? null,
          facts: network.facts ?? [],
          position,
        };
        const { id, outcome } = await tx.upsert(CityNetwork, { key: network.key }, values, hashOf(values));
        networkIds.set(network.key, id);
        report.networks[outcome]++;
      }

      const home = data.home_city;
      const homeValues: Partial<City> = {
        name: home.name,
        namePl: home.name_pl,
        officialNamePl: home.official_name_pl ?? null,
        namePlGenitive: home.name_pl_genitive ?? null,
        namePlLocative: home.name_pl_locative ?? null,
        country: home.country,
        lat: home.lat,
        lon: home.lon,
        inEurope: true,
        isHome: true,
        relationship: null,
        status: null,
        areas: [],
        facts: [],
      };
      const homeCity = await tx.upsert(City, { key: home.key }, homeValues, hashOf(homeValues));
      report.cities[homeCity.outcome]++;
      if (homeCity.outcome === 'kept') report.skipped.cities.push(home.key);
      // The home city belongs to every network of its own file.
      report.memberships += await tx.addNetworkMembers(homeCity.id, [...networkIds.values()]);

      for (const city of data.partner_cities) {
        const { id, outcome } = await tx.upsert(
          City,
          { key: city.key },
          this.cityValues(city),
          hashOf(this.cityValues(city)),
        );
        report.cities[outcome]++;
        if (outcome === 'kept') report.skipped.cities.push(city.key);
        report.memberships += await tx.addNetworkMembers(
          id,
          (city.networks ?? []).map((key) => networkIds.get(key)!),
        );
        await this.importDocuments(tx, city, id, report);
      }

      for (const scope of ['thematic', 'geographic'] as const) {
        for (const [position, goal] of data.goals[scope].entries()) {
          const values: Partial<Goal> = {
            scope,
            position,
            namePl: goal.pl,
            nameEn: goal.en,
            countries: goal.countries ?? [],
          };
          report.goals[(await tx.upsert(Goal, { key: goal.key }, values, hashOf(values))).outcome]++;
        }
      }
      for (const [position, principle] of data.principles.entries()) {
        const values: Partial<Principle> = { position, namePl: principle.pl, nameEn: principle.en };
        report.principles[(await tx.upsert(Principle, { key: principle.key }, values, hashOf(values))).outcome]++;
      }
    });
    return report;
  }

  private cityValues(city: PartnerCityRecord): Partial<City> {
    return {
      name: city.name,
      namePl: city.name_pl,
      officialNamePl: city.official_name_pl ?? null,
      country: city.country,
      lat: city.lat,
      lon: city.lon,
      inEurope: city.in_europe,
      isHome: false,
      relationship: city.relationship,
      status: city.assessment_2006 ?? null,
      areas: city.areas,
      facts: city.facts ?? [],
      factsLanguage: 'en',
      translations: city.facts_pl?.length ? { pl: { facts: city.facts_pl } } : {},
    };
  }

  private async importDocuments(
    tx: ReferenceDataTransaction,
    city: PartnerCityRecord,
    cityId: number,
    report: ImportReport,
  ): Promise<void> {
    // The source has no document ids: a document is known by its city, kind and signing date,
    // numbered when the same city has several of one kind on one date.
    const seen = new Map<string, number>();
    for (const document of city.documents) {
      const base = `${city.key}:${document.kind}:${document.signed_on ?? 'undated'}`;
      const occurrence = (seen.get(base) ?? 0) + 1;
      seen.set(base, occurrence);
      const sourceKey = occurrence === 1 ? base : `${base}:${occurrence}`;
      const values = this.documentValues(document, cityId);
      const { outcome } = await tx.upsert(CityDocument, { sourceKey }, values, hashOf(values));
      report.documents[outcome]++;
      if (outcome === 'kept') report.skipped.documents.push(sourceKey);
    }
  }

  private documentValues(document: DocumentRecord, cityId: number): Partial<CityDocument> {
    const signed = partialDate(document.signed_on);
    return {
      cityId,
      kind: document.kind,
      title: document.title_pl ?? null,
      signedOn: signed.date,
      signedOnPrecision: signed.precision,
      validFrom: document.valid_from ?? null,
      validUntil: document.valid_until ?? null,
      term: document.term ?? null,
      termYears: document.term_years ?? null,
      renewalYears: document.renewal_years ?? null,
      noticeMonths: document.notice_months ?? null,
      areas: document.areas ?? [],
    };
  }
}
