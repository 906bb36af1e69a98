import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ADVISORY_LOCKS } from '../database/advisory-locks';
import { City } from './entities/city.entity';
import { CityDocument } from './entities/city-document.entity';
import { RegistryChange } from './entities/registry-change.entity';
import type { Relationship } from './registry.constants';

export interface RegistryChangeRow {
  id: number;
  action: string;
  documentId: number | null;
  actorName: string | null;
  changes: RegistryChange['changes'];
  overriddenRules: string[];
  justification: string | null;
  createdAt: Date;
}

/** The SQL of staff edits of the registry; every write runs inside `inRegistryTransaction`. */
@Injectable()
export class RegistryEditingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One registry write at a time (with the reference-data import): the rules that span cities are
   * checked against what is committed, and the import never overwrites an edit it did not see.
   */
  inRegistryTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.registry]);
      return work(manager);
    });
  }

  findCity(manager: EntityManager, key: string): Promise<City | null> {
    return manager.getRepository(City).findOne({ where: { key }, lock: { mode: 'pessimistic_write' } });
  }

  findDocuments(manager: EntityManager, cityId: number): Promise<CityDocument[]> {
    return manager.getRepository(CityDocument).find({ where: { cityId }, order: { id: 'ASC' } });
  }

  findDocument(manager: EntityManager, cityId: number, id: number): Promise<CityDocument | null> {
    return manager.getRepository(CityDocument).findOne({ where: { cityId, id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The other partner cities of a country. */
  async sameCountry(
    manager: EntityManager,
    country: string,
    exceptCityId: number | null,
  ): Promise<{ key: string; relationship: Relationship | null }[]> {
    return manager.query<{ key: string; relationship: Relationship | null }[]>(
      `SELECT key, relationship FROM cities
        WHERE country = $1 AND NOT is_home AND ($2::int IS NULL OR id <> $2) ORDER BY key`,
      [country, exceptCityId],
    );
  }

  async insertCity(manager: EntityManager, values: Partial<City>): Promise<number> {
    const result = await manager.insert(City, values);
    return result.identifiers[0].id as number;
  }

  /** TypeORM's update adds `version = version + 1`. */
  async updateCity(manager: EntityManager, id: number, values: Partial<City>): Promise<void> {
    await manager.update(City, { id }, values);
  }

  async insertDocument(manager: EntityManager, values: Partial<CityDocument>): Promise<number> {
    const result = await manager.insert(CityDocument, values);
    return result.identifiers[0].id as number;
  }

  async updateDocument(manager: EntityManager, id: number, values: Partial<CityDocument>): Promise<void> {
    await manager.update(CityDocument, { id }, values);
  }

  async insertChange(
    manager: EntityManager,
    change: Pick<
      RegistryChange,
      'cityId' | 'documentId' | 'actorId' | 'action' | 'changes' | 'overriddenRules' | 'justification'
    >,
  ): Promise<void> {
    await manager.insert(RegistryChange, change as never);
  }

  /** A city's history, newest first, with the display name of who made each change. */
  history(cityId: number): Promise<RegistryChangeRow[]> {
    return this.dataSource.query<RegistryChangeRow[]>(
      `SELECT c.id, c.action, c.document_id AS "documentId", u.display_name AS "actorName", c.changes,
              c.overridden_rules AS "overriddenRules", c.justification, c.created_at AS "createdAt"
         FROM registry_changes c LEFT JOIN users u ON u.id = c.actor_id
        WHERE c.city_id = $1 ORDER BY c.id DESC LIMIT 500`,
      [cityId],
    );
  }
}
