import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { RegistryService } from '../registry/registry.service';
import { FIELD_COLUMN, readDelegationCsv } from './delegation-csv';
import {
  CreateDelegationDto,
  type DelegationDto,
  type DelegationImportResultDto,
  type DelegationListDto,
  type DelegationSummaryDto,
  type PublicDelegationDto,
  type PublicDelegationListDto,
  type UpdateDelegationDto,
} from './dto/delegation.dto';
import type { Delegation } from './entities/delegation.entity';
import { DelegationsRepository, type DelegationRow } from './delegations.repository';

/** What staff enter for a visit, as stored. */
type VisitValues = Pick<
  Delegation,
  | 'direction'
  | 'startsOn'
  | 'endsOn'
  | 'cityId'
  | 'place'
  | 'purpose'
  | 'language'
  | 'areas'
  | 'organizationIds'
  | 'peopleCount'
  | 'host'
  | 'outcomes'
  | 'partnershipIds'
  | 'initiativeIds'
  | 'isPublic'
>;
/** The same, with the city by its key, as the API takes it. */
type VisitInput = Omit<VisitValues, 'cityId'> & { city: string | null };

const VISIT_FIELDS = [
  'direction',
  'startsOn',
  'endsOn',
  'city',
  'place',
  'purpose',
  'language',
  'areas',
  'organizationIds',
  'peopleCount',
  'host',
  'outcomes',
  'partnershipIds',
  'initiativeIds',
  'isPublic',
] as const satisfies readonly (keyof VisitInput)[];

/** Problems of one visit, by field. */
type Problems = Record<string, string>;

/** The fields an edit sends (a DTO instance has every declared field, the ones not sent undefined). */
function sent<T extends object>(dto: T): Partial<T> {
  return Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function badRequest(problems: Problems): BadRequestException {
  return new BadRequestException({
    message: Object.values(problems).join('; '),
    fields: Object.fromEntries(Object.entries(problems).map(([field, message]) => [field, [message]])),
  });
}

/**
 * The register of delegations and visits. Registry editors enter, edit and import visits; each
 * write and its audit-log row are one transaction, an edit is checked against the version it read,
 * and an import stores every row or none. The public sees the visits staff mark public and counts
 * of those.
 */
@Injectable()
export class DelegationsService {
  constructor(
    private readonly delegations: DelegationsRepository,
    private readonly registry: RegistryService,
    private readonly audit: AuditService,
  ) {}

  async create(actor: AuthUser, dto: CreateDelegationDto): Promise<DelegationDto> {
    const input = this.completeInput(sent(dto));
    const id = await this.delegations.inTransaction(async (manager) => {
      const references = await this.references(manager, [input]);
      const problems = this.problems(input, references);
      if (Object.keys(problems).length) throw badRequest(problems);
      const [id] = await this.delegations.insert(manager, [
        { ...this.stored(input, references), createdBy: actor.id, updatedBy: actor.id },
      ]);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'delegation.create',
          targetType: 'delegation',
          targetId: String(id),
          details: { visit: this.described(input) },
        },
        manager,
      );
      return id;
    });
    return this.get(id);
  }

  async update(actor: AuthUser, id: number, dto: UpdateDelegationDto): Promise<DelegationDto> {
    const { version, ...changes } = sent(dto);
    if (version === undefined)
      throw badRequest({ version: 'version must be the version of the visit you read (a whole number)' });
    await this.delegations.inTransaction(async (manager) => {
      const visit = await this.delegations.lock(manager, id);
      if (!visit) throw new NotFoundException(`There is no visit with the id ${id} in the register`);
      if (visit.version !== version)
        throw new ConflictException({
          message: `This visit was changed by someone else since you opened it (you read version ${version}, it is now at version ${visit.version}). Reload it to see the change, then make yours again.`,
          code: 'version_conflict',
        });
      const before = await this.inputOf(manager, visit);
      // Giving a city clears the place, and the other way round: a visit has one of the two.
      const after: VisitInput = {
        ...before,
        ...changes,
        ...(changes.city && changes.place === undefined && { place: null }),
        ...(changes.place && changes.city === undefined && { city: null }),
      };
      const references = await this.references(manager, [after]);
      const problems = this.problems(after, references);
      if (Object.keys(problems).length) throw badRequest(problems);
      const changed = VISIT_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
      if (!changed.length) return;
      await this.delegations.update(manager, id, { ...this.stored(after, references), updatedBy: actor.id });
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'delegation.update',
          targetType: 'delegation',
          targetId: String(id),
          details: {
            changes: Object.fromEntries(changed.map((field) => [field, { from: before[field], to: after[field] }])),
          },
        },
        manager,
      );
    });
    return this.get(id);
  }

  /**
   * A CSV file of visits: every row checked as a visit entered on the form; with any row wrong,
   * nothing is stored and the answer lists each rejected row with why (422). All rows and the
   * audit row are one transaction.
   */
  async import(actor: AuthUser, csv: string): Promise<DelegationImportResultDto> {
    const rows = readDelegationCsv(csv);
    return this.delegations.inTransaction(async (manager) => {
      const checked = await Promise.all(
        rows.map(async (row) => {
          if (row.problem) return { line: row.line, errors: [row.problem] };
          const dto = plainToInstance(CreateDelegationDto, row.fields);
          const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true });
          const messages = errors.flatMap((error) =>
            Object.values(error.constraints ?? {}).map(
              (message) => `${FIELD_COLUMN[error.property] ?? error.property}: ${message}`,
            ),
          );
          return {
            line: row.line,
            errors: messages,
            input: messages.length ? undefined : this.completeInput(sent(dto)),
          };
        }),
      );
      const inputs = checked.flatMap((row) => (row.input ? [row.input] : []));
      const references = await this.references(manager, inputs);
      const rejected = checked
        .map((row) => ({
          line: row.line,
          errors: row.input
            ? Object.entries(this.problems(row.input, references)).map(
                ([field, message]) => `${FIELD_COLUMN[field] ?? field}: ${message}`,
              )
            : row.errors,
        }))
        .filter((row) => row.errors.length);
      if (rejected.length)
        throw new UnprocessableEntityException({
          message: `${rejected.length} of ${rows.length} rows cannot be imported, so nothing was imported: correct them and import the file again.`,
          code: 'rows_rejected',
          rejected,
        });
      const ids = await this.delegations.insert(
        manager,
        inputs.map((input) => ({ ...this.stored(input, references), createdBy: actor.id, updatedBy: actor.id })),
      );
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'delegation.import',
          targetType: 'delegation',
          targetId: `${ids[0]}-${ids[ids.length - 1]}`,
          details: { imported: ids.length, ids },
        },
        manager,
      );
      return { imported: ids.length, ids };
    });
  }

  async get(id: number): Promise<DelegationDto> {
    const [row] = await this.delegations.list({ id, publicOnly: false });
    if (!row) throw new NotFoundException(`There is no visit with the id ${id} in the register`);
    return this.toDto(row);
  }

  async list(year: number | undefined): Promise<DelegationListDto> {
    const rows = await this.delegations.list({ year, publicOnly: false });
    return { items: rows.map((row) => this.toDto(row)), total: rows.length };
  }

  async listPublic(year: number | undefined): Promise<PublicDelegationListDto> {
    const rows = await this.delegations.list({ year, publicOnly: true });
    return { items: rows.map((row) => this.toPublicDto(row)), total: rows.length };
  }

  /** The newest public visits to or from a partner city (its page). */
  async listPublicOfCity(cityKey: string, limit: number): Promise<PublicDelegationDto[]> {
    const rows = await this.delegations.list({ publicOnly: true, cityKey, limit });
    return rows.map((row) => this.toPublicDto(row));
  }

  /** Visits per year, direction and city: of the public visits for the public, of all for staff. */
  async summary(publicOnly: boolean): Promise<DelegationSummaryDto> {
    const rows = await this.delegations.counts(publicOnly);
    const years = new Map<number, { year: number; incoming: number; outgoing: number }>();
    for (const row of rows) {
      const year = years.get(row.year) ?? { year: row.year, incoming: 0, outgoing: 0 };
      year[row.direction] += row.visits;
      years.set(row.year, year);
    }
    return {
      years: [...years.values()],
      counts: rows.map((row) => ({
        year: row.year,
        direction: row.direction,
        city: row.cityKey ? { key: row.cityKey, name: row.cityName!, namePl: row.cityNamePl! } : null,
        visits: row.visits,
        people: row.people,
      })),
    };
  }

  /** A new visit's fields, with the defaults of what was left out. */
  private completeInput(dto: Partial<CreateDelegationDto>): VisitInput {
    return {
      direction: dto.direction!,
      startsOn: dto.startsOn!,
      endsOn: dto.endsOn!,
      city: dto.city ?? null,
      place: dto.place ?? null,
      purpose: dto.purpose!,
      language: dto.language ?? 'pl',
      areas: dto.areas ?? [],
      organizationIds: [...new Set(dto.organizationIds ?? [])],
      peopleCount: dto.peopleCount!,
      host: dto.host ?? null,
      outcomes: dto.outcomes ?? null,
      partnershipIds: [...new Set(dto.partnershipIds ?? [])],
      initiativeIds: [...new Set(dto.initiativeIds ?? [])],
      isPublic: dto.isPublic ?? false,
    };
  }

  private async inputOf(manager: EntityManager, visit: Delegation): Promise<VisitInput> {
    const city = visit.cityId === null ? null : await this.delegations.cityKeyOf(manager, visit.cityId);
    return Object.fromEntries(
      VISIT_FIELDS.map((field) => [field, field === 'city' ? city : visit[field]]),
    ) as unknown as VisitInput;
  }

  /** What the visits name, looked up once for all of them (an import's thousand rows: four statements). */
  private async references(manager: EntityManager, inputs: VisitInput[]) {
    const all = (pick: (input: VisitInput) => string[]) => [...new Set(inputs.flatMap(pick))];
    const [cities, organizations, partnerships, initiatives, areas] = await Promise.all([
      this.delegations.partnerCities(
        manager,
        all((input) => (input.city ? [input.city] : [])),
      ),
      this.delegations.existing(
        manager,
        'organizations',
        all((input) => input.organizationIds),
      ),
      this.delegations.existing(
        manager,
        'partnerships',
        all((input) => input.partnershipIds),
      ),
      this.delegations.existing(
        manager,
        'initiatives',
        all((input) => input.initiativeIds),
      ),
      this.registry.listAreas(),
    ]);
    return { cities, organizations, partnerships, initiatives, areas: new Set(areas.items) };
  }

  /** The register's rules for one visit (beyond the DTO's forms), by field. */
  private problems(input: VisitInput, references: Awaited<ReturnType<DelegationsService['references']>>): Problems {
    const problems: Problems = {};
    if (input.endsOn < input.startsOn)
      problems.endsOn = `endsOn (${input.endsOn}) is before startsOn (${input.startsOn}): a visit ends on or after its first day`;
    if (input.city && input.place)
      problems.place = 'give either city (a partner city) or place (anywhere else), not both';
    else if (!input.city && !input.place)
      problems.city = 'give city (a partner city key such as nuremberg) or place (anywhere else)';
    else if (input.city && !references.cities.has(input.city))
      problems.city = `city "${input.city}" is not a partner city: use its key (GET /api/v1/cities lists them), or give place instead`;
    const unknownAreas = input.areas.filter((area) => !references.areas.has(area));
    if (unknownAreas.length)
      problems.areas = `areas has unknown value(s) ${unknownAreas.join(', ')}; allowed: ${[...references.areas].join(', ')}`;
    const missing = (field: string, what: string, ids: string[], known: Set<string>) => {
      const unknown = ids.filter((id) => !known.has(id));
      if (unknown.length) problems[field] = `${field} names no ${what} with the id(s) ${unknown.join(', ')}`;
    };
    missing('organizationIds', 'organisation', input.organizationIds, references.organizations);
    missing('partnershipIds', 'partnership', input.partnershipIds, references.partnerships);
    missing('initiativeIds', 'initiative', input.initiativeIds, references.initiatives);
    return problems;
  }

  private stored(input: VisitInput, references: Awaited<ReturnType<DelegationsService['references']>>): VisitValues {
    const { city, ...values } = input;
    return { ...values, cityId: city ? references.cities.get(city)! : null };
  }

  /** A visit in a few words, for the audit log. */
  private described(input: VisitInput): Record<string, unknown> {
    return {
      direction: input.direction,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      city: input.city,
      place: input.place,
      isPublic: input.isPublic,
    };
  }

  private toPublicDto(row: DelegationRow): PublicDelegationDto {
    return {
      id: row.id,
      direction: row.direction,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      city: row.cityKey ? { key: row.cityKey, name: row.cityName!, namePl: row.cityNamePl! } : null,
      place: row.place,
      purpose: row.purpose,
      language: row.language,
      areas: row.areas,
      organizations: row.organizations,
      peopleCount: row.peopleCount,
      host: row.host,
      outcomes: row.outcomes,
    };
  }

  private toDto(row: DelegationRow): DelegationDto {
    return {
      ...this.toPublicDto(row),
      organizationIds: row.organizationIds,
      partnershipIds: row.partnershipIds,
      initiativeIds: row.initiativeIds,
      isPublic: row.isPublic,
      version: row.version,
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}
