import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { City } from './entities/city.entity';
import { CityDocument } from './entities/city-document.entity';
import { CityNetwork } from './entities/city-network.entity';
import { CooperationArea } from './entities/cooperation-area.entity';
import { Goal } from './entities/goal.entity';
import { OrganizationType } from './entities/organization-type.entity';
import { Principle } from './entities/principle.entity';
import type { CityStatus, GoalScope, Relationship } from './registry.constants';

export interface CityFilter {
  relationship?: Relationship;
  country?: string;
  status?: CityStatus;
  area?: string;
  q?: string;
}

/** Escapes LIKE wildcards so that a user's "%" or "_" is matched literally. */
function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The registry's SQL: the only place that queries cities, documents, networks and goals. */
@Injectable()
export class RegistryRepository {
  constructor(private readonly dataSource: DataSource) {}

  findPartnerCities(filter: CityFilter): Promise<City[]> {
    const query = this.dataSource
      .getRepository(City)
      .createQueryBuilder('city')
      .where('NOT city.isHome')
      // Tiers first (twin, honorary twin, partner, informal: the enum's order), then by name.
      .orderBy('city.relationship', 'ASC')
      .addOrderBy('city.name', 'ASC');
    if (filter.relationship) query.andWhere('city.relationship = :relationship', { relationship: filter.relationship });
    if (filter.country) query.andWhere('city.country = :country', { country: filter.country });
    if (filter.status) query.andWhere('city.status = :status', { status: filter.status });
    if (filter.area) query.andWhere(':area = ANY(city.areas)', { area: filter.area });
    if (filter.q) {
      query.andWhere(
        `immutable_unaccent(lower(city.name || ' ' || city.name_pl || ' ' || city.key)) LIKE immutable_unaccent(lower(:q))`,
        { q: likeContains(filter.q) },
      );
    }
    return query.getMany();
  }

  findCityByKey(key: string): Promise<City | null> {
    return this.dataSource.getRepository(City).findOne({ where: { key } });
  }

  findHomeCity(): Promise<City | null> {
    return this.dataSource.getRepository(City).findOne({ where: { isHome: true } });
  }

  findDocuments(cityId: number): Promise<CityDocument[]> {
    return this.dataSource
      .getRepository(CityDocument)
      .createQueryBuilder('document')
      .where('document.cityId = :cityId', { cityId })
      .orderBy('document.signedOn', 'ASC', 'NULLS LAST')
      .addOrderBy('document.id', 'ASC')
      .getMany();
  }

  findNetworksOfCity(cityId: number): Promise<CityNetwork[]> {
    return this.dataSource
      .getRepository(CityNetwork)
      .createQueryBuilder('network')
      .innerJoin('city_network_members', 'member', 'member.network_id = network.id AND member.city_id = :cityId', {
        cityId,
      })
      .orderBy('network.position', 'ASC')
      .getMany();
  }

  findNetworkByKey(key: string): Promise<CityNetwork | null> {
    return this.dataSource.getRepository(CityNetwork).findOne({ where: { key } });
  }

  /** The partner cities (not the home city) that belong to the network, by tier then name as the list is. */
  findPartnerCitiesOfNetwork(networkId: number): Promise<City[]> {
    return this.dataSource
      .getRepository(City)
      .createQueryBuilder('city')
      .innerJoin('city_network_members', 'member', 'member.city_id = city.id AND member.network_id = :networkId', {
        networkId,
      })
      .where('NOT city.isHome')
      .orderBy('city.relationship', 'ASC')
      .addOrderBy('city.name', 'ASC')
      .getMany();
  }

  findGoalByKey(key: string): Promise<Goal | null> {
    return this.dataSource.getRepository(Goal).findOne({ where: { key } });
  }

  findNetworks(): Promise<CityNetwork[]> {
    return this.dataSource.getRepository(CityNetwork).find({ order: { position: 'ASC' } });
  }

  findGoals(scope?: GoalScope): Promise<Goal[]> {
    return this.dataSource
      .getRepository(Goal)
      .find({ where: scope ? { scope } : {}, order: { scope: 'ASC', position: 'ASC' } });
  }

  findPrinciples(): Promise<Principle[]> {
    return this.dataSource.getRepository(Principle).find({ order: { position: 'ASC' } });
  }

  async findOrganizationTypeKeys(): Promise<string[]> {
    const types = await this.dataSource.getRepository(OrganizationType).find({ order: { position: 'ASC' } });
    return types.map((type) => type.key);
  }

  async findAreaKeys(): Promise<string[]> {
    const areas = await this.dataSource.getRepository(CooperationArea).find({ order: { position: 'ASC' } });
    return areas.map((area) => area.key);
  }
}
