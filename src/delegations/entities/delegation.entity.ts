import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { City } from '../../registry/entities/city.entity';
import { DELEGATION_DIRECTIONS, type DelegationDirection } from '../delegations.constants';

/**
 * A visit: a delegation received in Kraków or sent abroad, to a partner city or another place.
 * The organisations, partnerships and initiatives it involves are id lists, checked to exist when
 * staff save (an array cannot carry a foreign key; a join table each would triple the writes of
 * an import for no reader that needs them).
 */
@Entity({ name: 'delegations' })
@Check('delegations_dates_in_order', '"ends_on" >= "starts_on"')
@Check('delegations_city_or_place', 'num_nonnulls("city_id", "place") = 1')
@Check('delegations_people_count', '"people_count" BETWEEN 1 AND 10000')
@Index('delegations_starts_on_idx', ['startsOn', 'id'])
@Index('delegations_city_idx', ['cityId', 'startsOn'])
export class Delegation {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @Column({ type: 'enum', enum: DELEGATION_DIRECTIONS, enumName: 'delegation_direction' })
  direction: DelegationDirection;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn: string;

  @ManyToOne(() => City, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'city_id', foreignKeyConstraintName: 'delegations_city_fk' })
  city: City | null;

  /** A partner city, or else `place`: one of the two. */
  @Column({ name: 'city_id', type: 'integer', nullable: true })
  cityId: number | null;

  /** Where, when it is not a partner city: "Brussels, European Committee of the Regions". */
  @Column({ type: 'varchar', length: 200, nullable: true })
  place: string | null;

  @Column({ type: 'varchar', length: 2000 })
  purpose: string;

  /** The language (pl or en) staff wrote the purpose, host and outcomes in. */
  @Column({ type: 'varchar', length: 2, default: 'pl' })
  language: string;

  /** Cooperation areas (the registry's vocabulary). */
  @Column({ type: 'text', array: true, default: '{}' })
  areas: string[];

  @Column({ name: 'organization_ids', type: 'uuid', array: true, default: '{}' })
  organizationIds: string[];

  @Column({ name: 'people_count', type: 'integer' })
  peopleCount: number;

  /** Who received the visit (incoming) or whom it visited (outgoing). */
  @Column({ type: 'varchar', length: 300, nullable: true })
  host: string | null;

  @Column({ type: 'varchar', length: 4000, nullable: true })
  outcomes: string | null;

  @Column({ name: 'partnership_ids', type: 'uuid', array: true, default: '{}' })
  partnershipIds: string[];

  @Column({ name: 'initiative_ids', type: 'uuid', array: true, default: '{}' })
  initiativeIds: string[];

  /** Shown to the public (the list of visits); a private visit is counted nowhere public. */
  @Column({ name: 'is_public', type: 'boolean', default: false })
  isPublic: boolean;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** Grows with every write; an edit sends the version it read, and a stale one is refused (409). */
  @VersionColumn({ default: 1 })
  version: number;
}
