import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DelegationDirection } from './delegations.constants';
import { Delegation } from './entities/delegation.entity';

export interface DelegationRow {
  id: number;
  direction: DelegationDirection;
  startsOn: string;
  endsOn: string;
  cityKey: string | null;
  cityName: string | null;
  cityNamePl: string | null;
  place: string | null;
  purpose: string;
  language: string;
  areas: string[];
  organizationIds: string[];
  organizations: { id: string; name: string }[];
  peopleCount: number;
  host: string | null;
  outcomes: string | null;
  partnershipIds: string[];
  initiativeIds: string[];
  isPublic: boolean;
  version: number;
  updatedAt: Date;
}

export interface DelegationCountRow {
  year: number;
  direction: DelegationDirection;
  cityKey: string | null;
  cityName: string | null;
  cityNamePl: string | null;
  visits: number;
  people: number;
}

export interface DelegationFilter {
  year?: number;
  /** The public's view: public visits only, and of their organisations only the verified. */
  publicOnly: boolean;
  id?: number;
  /** Visits to or from this partner city (a city's page). */
  cityKey?: string;
  /** At most this many, newest first (default LIST_LIMIT). */
  limit?: number;
}

/** The most rows one list answers: a year holds a few hundred visits. */
const LIST_LIMIT = 1000;

/** The SQL of the delegations register; every write runs inside `inTransaction`. */
@Injectable()
export class DelegationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  inTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  lock(manager: EntityManager, id: number): Promise<Delegation | null> {
    return manager.getRepository(Delegation).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async insert(manager: EntityManager, values: Partial<Delegation>[]): Promise<number[]> {
    if (!values.length) return [];
    const result = await manager.insert(Delegation, values);
    return result.identifiers.map((identifier) => identifier.id as number);
  }

  /** TypeORM's update adds `version = version + 1`. */
  async update(manager: EntityManager, id: number, values: Partial<Delegation>): Promise<void> {
    await manager.update(Delegation, { id }, values);
  }

  /** Partner cities (not the home city) by key. */
  async partnerCities(manager: EntityManager, keys: string[]): Promise<Map<string, number>> {
    if (!keys.length) return new Map();
    const rows = await manager.query<{ id: number; key: string }[]>(
      `SELECT id, key FROM cities WHERE key = ANY($1::text[]) AND NOT is_home`,
      [keys],
    );
    return new Map(rows.map((row) => [row.key, row.id]));
  }

  async cityKeyOf(manager: EntityManager, cityId: number): Promise<string> {
    const [row] = await manager.query<{ key: string }[]>(`SELECT key FROM cities WHERE id = $1`, [cityId]);
    return row.key;
  }

  /** Of these ids, the ones that exist in the table. */
  async existing(
    manager: EntityManager,
    table: 'organizations' | 'partnerships' | 'initiatives',
    ids: string[],
  ): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await manager.query<{ id: string }[]>(`SELECT id FROM ${table} WHERE id = ANY($1::uuid[])`, [ids]);
    return new Set(rows.map((row) => row.id));
  }

  /** Visits, newest first, with the city and the organisations named. */
  list(filter: DelegationFilter): Promise<DelegationRow[]> {
    return this.dataSource.query<DelegationRow[]>(
      `SELECT d.id, d.direction, d.starts_on AS "startsOn", d.ends_on AS "endsOn",
              c.key AS "cityKey", c.name AS "cityName", c.name_pl AS "cityNamePl",
              d.place, d.purpose, d.language, d.areas, d.organization_ids AS "organizationIds",
              coalesce((SELECT json_agg(json_build_object('id', o.id, 'name', o.name) ORDER BY o.name, o.id)
                          FROM organizations o
                         WHERE o.id = ANY(d.organization_ids)
                           AND (NOT $2::boolean OR (o.status = 'verified' AND o.hidden_at IS NULL))), '[]') AS organizations,
              d.people_count AS "peopleCount", d.host, d.outcomes,
              d.partnership_ids AS "partnershipIds", d.initiative_ids AS "initiativeIds",
              d.is_public AS "isPublic", d.version, d.updated_at AS "updatedAt"
         FROM delegations d LEFT JOIN cities c ON c.id = d.city_id
        WHERE ($1::int IS NULL OR (d.starts_on >= make_date($1, 1, 1) AND d.starts_on < make_date($1 + 1, 1, 1)))
          AND (NOT $2::boolean OR d.is_public)
          AND ($3::int IS NULL OR d.id = $3)
          AND ($4::text IS NULL OR c.key = $4)
        ORDER BY d.starts_on DESC, d.id DESC
        LIMIT $5`,
      [filter.year ?? null, filter.publicOnly, filter.id ?? null, filter.cityKey ?? null, filter.limit ?? LIST_LIMIT],
    );
  }

  /** Visits and people per year (of the first day), direction and city: places that are not partner cities together. */
  async counts(publicOnly: boolean): Promise<DelegationCountRow[]> {
    const rows = await this.dataSource.query<
      (Omit<DelegationCountRow, 'visits' | 'people'> & { visits: string; people: string })[]
    >(
      `SELECT extract(year FROM d.starts_on)::int AS year, d.direction,
              c.key AS "cityKey", c.name AS "cityName", c.name_pl AS "cityNamePl",
              count(*) AS visits, sum(d.people_count) AS people
         FROM delegations d LEFT JOIN cities c ON c.id = d.city_id
        WHERE NOT $1::boolean OR d.is_public
        GROUP BY 1, 2, 3, 4, 5
        ORDER BY 1 DESC, 2, 4 NULLS LAST`,
      [publicOnly],
    );
    return rows.map((row) => ({ ...row, visits: Number(row.visits), people: Number(row.people) }));
  }
}
