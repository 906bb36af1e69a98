import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, type EntityTarget, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';
import { ADVISORY_LOCKS } from '../../database/advisory-locks';
import { CooperationArea } from '../entities/cooperation-area.entity';
import { OrganizationType } from '../entities/organization-type.entity';

export type ImportOutcome = 'inserted' | 'updated' | 'unchanged' | 'kept';

interface Tracked extends ObjectLiteral {
  id: number;
  sourceHash: string | null;
  editedAt: Date | null;
}

/** The SQL of the reference-data import, always inside one transaction. */
export class ReferenceDataTransaction {
  constructor(private readonly manager: EntityManager) {}

  /**
   * Inserts the record, or updates it when the source changed, unless city staff have edited it
   * since the last import (then their version wins and the outcome is `kept`).
   */
  async upsert<T extends Tracked>(
    entity: EntityTarget<T>,
    identity: FindOptionsWhere<T>,
    values: Partial<T>,
    hash: string,
  ): Promise<{ id: number; outcome: ImportOutcome }> {
    const existing = await this.manager.findOne(entity, { where: identity });
    if (!existing) {
      const inserted = await this.manager.insert(entity, { ...identity, ...values, sourceHash: hash });
      return { id: inserted.identifiers[0].id as number, outcome: 'inserted' };
    }
    if (existing.editedAt) return { id: existing.id, outcome: 'kept' };
    if (existing.sourceHash === hash) return { id: existing.id, outcome: 'unchanged' };
    await this.manager.update(entity, { id: existing.id }, { ...values, sourceHash: hash });
    return { id: existing.id, outcome: 'updated' };
  }

  /** Adds the memberships that are missing; memberships are never removed by the import. */
  async addNetworkMembers(cityId: number, networkIds: number[]): Promise<number> {
    if (networkIds.length === 0) return 0;
    const rows: unknown[] = await this.manager.query(
      `INSERT INTO city_network_members (city_id, network_id)
       SELECT $1, unnest($2::int[]) ON CONFLICT DO NOTHING RETURNING network_id`,
      [cityId, networkIds],
    );
    return rows.length;
  }

  /** Inserts or re-orders the keys of a vocabulary (cooperation areas, organisation types). */
  async upsertVocabulary(entity: typeof CooperationArea | typeof OrganizationType, keys: string[]): Promise<number> {
    if (keys.length === 0) return 0;
    const result = await this.manager
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(keys.map((key, position) => ({ key, position })))
      .orUpdate(['position'], ['key'], { skipUpdateIfNoValuesChanged: true })
      .returning(['key'])
      .execute();
    return (result.raw as unknown[]).length; // RETURNING key: a row per key inserted or re-ordered
  }
}

@Injectable()
export class ReferenceDataRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One import at a time across every instance of the app (they may start together). */
  async inImportTransaction<T>(work: (tx: ReferenceDataTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.registry]);
      return work(new ReferenceDataTransaction(manager));
    });
  }
}
