import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinTable,
  ManyToMany,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { translationsCheck, type Translations } from '../../common/i18n/translations';
import { CITY_STATUSES, RELATIONSHIPS, type CityStatus, type Relationship } from '../registry.constants';
import { CityDocument } from './city-document.entity';
import { CityNetwork } from './city-network.entity';
import { ImportTracking } from './import-tracking';

/** A city's texts that may have a second-language version. */
export interface CityTexts {
  facts: string[];
}

/** The home city or one of its partner cities. */
@Entity({ name: 'cities' })
@Index('cities_one_home_city', ['isHome'], { unique: true, where: '"is_home"' })
@Check('cities_translations_other_language', translationsCheck('facts_language'))
export class City extends ImportTracking {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  /** Stable key from the reference data, used in URLs: `rochester`. */
  @Index('cities_key_unique', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ name: 'name_pl', type: 'varchar', length: 120 })
  namePl: string;

  /** Polish genitive and locative ("Krakowa", "w Krakowie") for generated sentences; the home city's. */
  @Column({ name: 'name_pl_genitive', type: 'varchar', length: 120, nullable: true })
  namePlGenitive: string | null;

  @Column({ name: 'name_pl_locative', type: 'varchar', length: 120, nullable: true })
  namePlLocative: string | null;

  @Column({ name: 'official_name_pl', type: 'varchar', length: 200, nullable: true })
  officialNamePl: string | null;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'char', length: 2 })
  country: string;

  @Column({ type: 'double precision' })
  lat: number;

  @Column({ type: 'double precision' })
  lon: number;

  @Column({ name: 'in_europe', type: 'boolean', default: true })
  inEurope: boolean;

  @Column({ name: 'is_home', type: 'boolean', default: false })
  isHome: boolean;

  /** Null for the home city itself. */
  @Column({ type: 'enum', enum: RELATIONSHIPS, enumName: 'city_relationship', nullable: true })
  relationship: Relationship | null;

  @Column({ type: 'enum', enum: CITY_STATUSES, enumName: 'city_status', nullable: true })
  status: CityStatus | null;

  @Column({ type: 'text', array: true, default: '{}' })
  areas: string[];

  /** Set by city staff to lift a partnership they want to revive in matching (0 to 20). */
  @Column({ name: 'match_boost', type: 'smallint', default: 0 })
  matchBoost: number;

  /** Notes on the cooperation record, as the source documents state them. */
  @Column({ type: 'text', array: true, default: '{}' })
  facts: string[];

  /** The language the notes (`facts`) are written in (ISO 639-1): the reference data's are English. */
  @Column({ name: 'facts_language', type: 'varchar', length: 2, default: 'en' })
  factsLanguage: string;

  /** The notes in the other interface language: `{ "pl": { "facts": [...] } }` (see common/i18n/translations.ts). */
  @Column({ type: 'jsonb', default: {} })
  translations: Translations<CityTexts>;

  @OneToMany(() => CityDocument, (document) => document.city)
  documents: CityDocument[];

  @ManyToMany(() => CityNetwork, (network) => network.members)
  @JoinTable({
    name: 'city_network_members',
    joinColumn: {
      name: 'city_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'city_network_members_city_fk',
    },
    inverseJoinColumn: {
      name: 'network_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'city_network_members_network_fk',
    },
  })
  networks: CityNetwork[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** Grows with every write; an edit sends the version it read, and a stale one is refused (409). */
  @VersionColumn({ default: 1 })
  version: number;
}
