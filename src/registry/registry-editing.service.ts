import { BadRequestException, ConflictException, HttpException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import type { Locale } from '../users/users.constants';
import { isCalendarDate } from '../common/calendar-date';
import { documentTermProblems } from './document-terms';
import type {
  CreateCityDto,
  CreateDocumentDto,
  RegistryHistoryDto,
  UpdateCityDto,
  UpdateDocumentDto,
} from './dto/registry-write.dto';
import type { CityDetailDto } from './dto/registry-response.dto';
import type { City } from './entities/city.entity';
import type { CityDocument } from './entities/city-document.entity';
import type { FieldChanges } from './entities/registry-change.entity';
import { newlyBrokenRules, type ProgrammeRule, type RuleSubject } from './programme-rules';
import { partialDate } from './reference-data/reference-data.importer';
import type { DocumentKind } from './registry.constants';
import { RegistryEditingRepository } from './registry-editing.repository';
import { RegistryService } from './registry.service';

const CITY_FIELDS = [
  'name',
  'namePl',
  'officialNamePl',
  'country',
  'lat',
  'lon',
  'inEurope',
  'relationship',
  'status',
  'areas',
  'facts',
  'factsLanguage',
  'translations',
] as const;
type CityField = (typeof CITY_FIELDS)[number];

const DOCUMENT_FIELDS = [
  'kind',
  'title',
  'signedOn',
  'signedOnPrecision',
  'validFrom',
  'term',
  'validUntil',
  'termYears',
  'renewalYears',
  'noticeMonths',
  'areas',
  'source',
] as const;
type DocumentField = (typeof DOCUMENT_FIELDS)[number];
type DocumentValues = Pick<CityDocument, DocumentField>;

/** A programme rule broken without a justification: 409 for a clash with another city, else 422. */
export class ProgrammeRuleException extends HttpException {
  constructor(rules: ProgrammeRule[]) {
    const status = rules.some((rule) => rule.status === 409) ? 409 : 422;
    super(
      {
        message: `${rules.map((rule) => `Programme rule ${rule.name}: ${rule.message.en}`).join(' ')} To go ahead anyway, give overrideJustification: why (at least 20 characters).`,
        code: 'programme_rule',
        rules: rules.map((rule) => ({ name: rule.name, pl: rule.message.pl, en: rule.message.en })),
      },
      status,
    );
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields whose value differs, with the old and the new value. */
function diff<T extends object, K extends keyof T & string>(
  before: T | null,
  after: T,
  fields: readonly K[],
): FieldChanges {
  const changes: FieldChanges = {};
  for (const field of fields) {
    const from = before ? before[field] : null;
    if (!sameValue(from, after[field])) changes[field] = { from: from ?? null, to: after[field] ?? null };
  }
  return changes;
}

/** The fields an edit sends (a DTO instance has every declared field, the ones not sent undefined). */
function sent<T extends object>(dto: T): Partial<T> {
  return Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** The notes' second-language version as stored: keyed by the language that is not the original's. */
function notesTranslation(notes: string[], originalLanguage: string): City['translations'] {
  const other = originalLanguage === 'pl' ? 'en' : 'pl';
  return notes.length ? { [other]: { facts: notes } } : {};
}

function invalid(field: string, message: string): BadRequestException {
  return new BadRequestException({ message, fields: { [field]: [message] } });
}

/**
 * City staff holding the registry_editor role create and edit partner cities and their documents.
 * Every write: one at a time (an advisory lock shared with the import), a version check, the
 * programme rules, the record marked as edited (so the import keeps it), a history row and an
 * audit-log row, all in one transaction.
 */
@Injectable()
export class RegistryEditingService {
  constructor(
    private readonly repository: RegistryEditingRepository,
    private readonly registry: RegistryService,
    private readonly audit: AuditService,
  ) {}

  async createCity(actor: AuthUser, dto: CreateCityDto, reader: Locale): Promise<CityDetailDto> {
    const { overrideJustification, key, factsTranslation, ...values } = sent(dto) as CreateCityDto;
    const factsLanguage = values.factsLanguage ?? 'pl';
    const city: Pick<City, CityField> = {
      ...values,
      officialNamePl: values.officialNamePl ?? null,
      status: values.status ?? null,
      facts: values.facts ?? [],
      factsLanguage,
      translations: notesTranslation(factsTranslation ?? [], factsLanguage),
    };
    await this.registry.assertVocabulary('areas', 'area', city.areas);
    await this.repository.inRegistryTransaction(async (manager) => {
      if (await this.repository.findCity(manager, key))
        throw new ConflictException({
          message: `A city with the key "${key}" is already in the registry: choose another key`,
          fields: { key: [`key "${key}" is taken`] },
        });
      const after = await this.subject(manager, { key, ...city }, [], null);
      const overridden = this.checkRules(newlyBrokenRules(null, after), overrideJustification);
      const cityId = await this.repository.insertCity(manager, {
        key,
        ...city,
        isHome: false,
        editedAt: new Date(),
      });
      await this.record(manager, actor, {
        cityId,
        cityKey: key,
        documentId: null,
        action: 'city.create',
        changes: diff(null, city, CITY_FIELDS),
        overridden,
        justification: overrideJustification,
      });
    });
    return this.registry.getCity(key, reader);
  }

  async updateCity(actor: AuthUser, key: string, dto: UpdateCityDto, reader: Locale): Promise<CityDetailDto> {
    const { overrideJustification, version, factsTranslation, ...sentFields } = sent(dto);
    if (version === undefined) throw invalid('version', 'version must be the version of the record you read');
    if (sentFields.areas) await this.registry.assertVocabulary('areas', 'area', sentFields.areas);
    await this.repository.inRegistryTransaction(async (manager) => {
      const city = await this.lockedCity(manager, key);
      this.checkVersion(city, version, `${city.name} was changed by someone else since you opened it`);
      const fields: Partial<City> = { ...sentFields };
      const language = sentFields.factsLanguage ?? city.factsLanguage;
      if (factsTranslation !== undefined) fields.translations = notesTranslation(factsTranslation, language);
      // A translation into what is now the original's language would be no translation.
      else if (language !== city.factsLanguage) fields.translations = {};
      const after: Pick<City, CityField> = { ...this.cityValues(city), ...fields };
      const changes = diff(this.cityValues(city), after, CITY_FIELDS);
      if (Object.keys(changes).length === 0) return;
      const documents = (await this.repository.findDocuments(manager, city.id)).map((document) => document.kind);
      const overridden = this.checkRules(
        newlyBrokenRules(
          await this.subject(manager, city, documents, city.id),
          await this.subject(manager, { key, ...after }, documents, city.id),
        ),
        overrideJustification,
      );
      await this.repository.updateCity(manager, city.id, { ...fields, editedAt: new Date() });
      await this.record(manager, actor, {
        cityId: city.id,
        cityKey: key,
        documentId: null,
        action: 'city.update',
        changes,
        overridden,
        justification: overrideJustification,
      });
    });
    return this.registry.getCity(key, reader);
  }

  async createDocument(actor: AuthUser, key: string, dto: CreateDocumentDto, reader: Locale): Promise<CityDetailDto> {
    const { overrideJustification, ...fields } = dto;
    const values: DocumentValues = {
      kind: fields.kind,
      title: fields.title ?? null,
      ...this.signing(fields.signedOn ?? null),
      validFrom: fields.validFrom ?? null,
      term: fields.term ?? null,
      validUntil: fields.validUntil ?? null,
      termYears: fields.termYears ?? null,
      renewalYears: fields.renewalYears ?? null,
      noticeMonths: fields.noticeMonths ?? null,
      areas: fields.areas ?? [],
      source: fields.source ?? null,
    };
    await this.checkDocument(values);
    await this.repository.inRegistryTransaction(async (manager) => {
      const city = await this.lockedCity(manager, key);
      const documents = await this.repository.findDocuments(manager, city.id);
      this.checkDuplicate(documents, values, null);
      const kinds = documents.map((document) => document.kind);
      const overridden = this.checkRules(
        newlyBrokenRules(
          await this.subject(manager, city, kinds, city.id),
          await this.subject(manager, city, [...kinds, values.kind], city.id),
        ),
        overrideJustification,
      );
      const documentId = await this.repository.insertDocument(manager, {
        ...values,
        cityId: city.id,
        editedAt: new Date(),
      });
      await this.record(manager, actor, {
        cityId: city.id,
        cityKey: key,
        documentId,
        action: 'document.create',
        changes: diff(null, values, DOCUMENT_FIELDS),
        overridden,
        justification: overrideJustification,
      });
    });
    return this.registry.getCity(key, reader);
  }

  async updateDocument(
    actor: AuthUser,
    key: string,
    id: number,
    dto: UpdateDocumentDto,
    reader: Locale,
  ): Promise<CityDetailDto> {
    const { overrideJustification, version, signedOn, ...fields } = sent(dto);
    if (version === undefined) throw invalid('version', 'version must be the version of the record you read');
    await this.repository.inRegistryTransaction(async (manager) => {
      const city = await this.lockedCity(manager, key);
      const document = await this.repository.findDocument(manager, city.id, id);
      if (!document) throw new NotFoundException(`${city.name} has no document with the id ${id}`);
      this.checkVersion(document, version, 'This document was changed by someone else since you opened it');
      const before = this.documentValues(document);
      const after: DocumentValues = {
        ...before,
        ...fields,
        ...(signedOn !== undefined && this.signing(signedOn)),
      };
      const changes = diff(before, after, DOCUMENT_FIELDS);
      if (Object.keys(changes).length === 0) return;
      await this.checkDocument(after);
      const documents = await this.repository.findDocuments(manager, city.id);
      this.checkDuplicate(documents, after, document.id);
      const kinds = documents.map((other) => other.kind);
      const kindsAfter = documents.map((other) => (other.id === document.id ? after.kind : other.kind));
      const overridden = this.checkRules(
        newlyBrokenRules(
          await this.subject(manager, city, kinds, city.id),
          await this.subject(manager, city, kindsAfter, city.id),
        ),
        overrideJustification,
      );
      await this.repository.updateDocument(manager, document.id, { ...after, editedAt: new Date() });
      await this.record(manager, actor, {
        cityId: city.id,
        cityKey: key,
        documentId: document.id,
        action: 'document.update',
        changes,
        overridden,
        justification: overrideJustification,
      });
    });
    return this.registry.getCity(key, reader);
  }

  async history(key: string): Promise<RegistryHistoryDto> {
    const city = await this.registry.findCityReference(key);
    if (!city || city.isHome) throw new NotFoundException(`There is no partner city with the key "${key}"`);
    const rows = await this.repository.history(city.id);
    return { items: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })) };
  }

  private async lockedCity(manager: EntityManager, key: string): Promise<City> {
    const city = await this.repository.findCity(manager, key);
    if (!city || city.isHome) throw new NotFoundException(`There is no partner city with the key "${key}"`);
    return city;
  }

  private checkVersion(record: { version: number }, version: number, message: string): void {
    if (record.version !== version)
      throw new ConflictException({
        message: `${message} (you read version ${version}, it is now at version ${record.version}). Reload it to see the change, then make yours again.`,
        code: 'version_conflict',
      });
  }

  /** The rules newly broken must each be overridden with a justification; returns their names. */
  private checkRules(broken: ProgrammeRule[], justification: string | undefined): string[] {
    if (broken.length === 0) return [];
    if (!justification) throw new ProgrammeRuleException(broken);
    return broken.map((rule) => rule.name);
  }

  private async subject(
    manager: EntityManager,
    city: Pick<City, 'key' | 'country' | 'relationship' | 'inEurope'>,
    documentKinds: DocumentKind[],
    cityId: number | null,
  ): Promise<RuleSubject> {
    return {
      key: city.key,
      country: city.country,
      relationship: city.relationship,
      inEurope: city.inEurope,
      documentKinds,
      sameCountry: await this.repository.sameCountry(manager, city.country, cityId),
    };
  }

  private signing(signedOn: string | null): Pick<CityDocument, 'signedOn' | 'signedOnPrecision'> {
    const { date, precision } = partialDate(signedOn);
    if (date && !isCalendarDate(date))
      throw invalid('signedOn', `signedOn (${signedOn}) is not a date that exists: write 1998, 2003-06 or 1973-07-18`);
    return { signedOn: date, signedOnPrecision: precision };
  }

  private async checkDocument(values: DocumentValues): Promise<void> {
    const problems = documentTermProblems(values);
    const fields = Object.keys(problems);
    if (fields.length)
      throw new BadRequestException({
        message: Object.values(problems).join('; '),
        fields: Object.fromEntries(fields.map((field) => [field, [problems[field]]])),
      });
    await this.registry.assertVocabulary('areas', 'area', values.areas);
  }

  /** The same kind of document signed on the same day (or month, or year) is the same document. */
  private checkDuplicate(documents: CityDocument[], values: DocumentValues, exceptId: number | null): void {
    if (!values.signedOn) return;
    const twin = documents.find(
      (other) =>
        other.id !== exceptId &&
        other.kind === values.kind &&
        other.signedOn === values.signedOn &&
        other.signedOnPrecision === values.signedOnPrecision,
    );
    if (twin)
      throw new ConflictException({
        message: `This city already has a ${values.kind} signed on ${values.signedOn} (document ${twin.id}): edit that one instead`,
        code: 'duplicate_document',
        fields: { signedOn: [`a ${values.kind} signed on ${values.signedOn} is already recorded`] },
      });
  }

  private cityValues(city: City): Pick<City, CityField> {
    return Object.fromEntries(CITY_FIELDS.map((field) => [field, city[field]])) as Pick<City, CityField>;
  }

  private documentValues(document: CityDocument): DocumentValues {
    return Object.fromEntries(DOCUMENT_FIELDS.map((field) => [field, document[field]])) as DocumentValues;
  }

  private async record(
    manager: EntityManager,
    actor: AuthUser,
    change: {
      cityId: number;
      cityKey: string;
      documentId: number | null;
      action: string;
      changes: FieldChanges;
      overridden: string[];
      justification: string | undefined;
    },
  ): Promise<void> {
    const justification = change.overridden.length ? (change.justification ?? null) : null;
    await this.repository.insertChange(manager, {
      cityId: change.cityId,
      documentId: change.documentId,
      actorId: actor.id,
      action: change.action,
      changes: change.changes,
      overriddenRules: change.overridden,
      justification,
    });
    await this.audit.record(
      {
        actorId: actor.id,
        action: `registry.${change.action}`,
        targetType: change.documentId ? 'city_document' : 'city',
        targetId: change.documentId ? String(change.documentId) : change.cityKey,
        reason: justification,
        details: {
          city: change.cityKey,
          changes: change.changes,
          ...(change.overridden.length && { overriddenRules: change.overridden }),
        },
      },
      manager,
    );
  }
}
