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
} from 'typeorm';
import { City } from '../../registry/entities/city.entity';
import { ORGANIZATION_STATUSES, type OrganizationStatus } from '../organizations.constants';

/** An NGO, school, university, chamber, city unit... that acts on the platform. */
@Entity({ name: 'organizations' })
@Index('organizations_status_created_idx', ['status', 'createdAt'])
@Check(
  'organizations_pupil_ages_check',
  `(pupil_age_min IS NULL) = (pupil_age_max IS NULL) AND pupil_age_min <= pupil_age_max`,
)
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** A key of organization_types (reference data). Indexed for matching: "a school seeking a school". */
  @Index('organizations_type_idx')
  @Column({ type: 'varchar', length: 64 })
  type: string;

  /** The home city or a partner city; null for any other city (then cityName and country). */
  @ManyToOne(() => City, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'city_id', foreignKeyConstraintName: 'organizations_city_fk' })
  city: City | null;

  @Index('organizations_city_idx')
  @Column({ name: 'city_id', type: 'integer', nullable: true })
  cityId: number | null;

  @Column({ name: 'city_name', type: 'varchar', length: 120 })
  cityName: string;

  @Index('organizations_country_idx')
  @Column({ type: 'char', length: 2 })
  country: string;

  @Index('organizations_areas_idx', { type: 'gin' })
  @Column({ type: 'text', array: true, default: '{}' })
  areas: string[];

  /** ISO 639-1 codes. */
  @Column({ type: 'text', array: true, default: '{}' })
  languages: string[];

  @Column({ type: 'varchar', length: 300, nullable: true })
  website: string | null;

  /** A school's levels (SCHOOL_LEVELS); empty for others. Matching: a school seeking a school. */
  @Column({ name: 'school_levels', type: 'text', array: true, default: '{}' })
  schoolLevels: string[];

  /** The pupils' age range, both or neither (a check constraint); a school's. */
  @Column({ name: 'pupil_age_min', type: 'smallint', nullable: true })
  pupilAgeMin: number | null;

  @Column({ name: 'pupil_age_max', type: 'smallint', nullable: true })
  pupilAgeMax: number | null;

  /** What a school teaches (SCHOOL_SUBJECTS). */
  @Column({ type: 'text', array: true, default: '{}' })
  subjects: string[];

  /** The roles in a joint project it is ready to take (PARTNER_ROLES). */
  @Column({ name: 'partner_roles', type: 'text', array: true, default: '{}' })
  partnerRoles: string[];

  /** Funding programmes it has worked with, as written ("Erasmus+", "Interreg Central Europe"). */
  @Column({ name: 'funding_programmes', type: 'text', array: true, default: '{}' })
  fundingProgrammes: string[];

  /** As written (Markdown). */
  @Column({ name: 'description_md', type: 'text', default: '' })
  descriptionMd: string;

  /** Rendered and sanitised with an allowlist on the server; what pages show. */
  @Column({ name: 'description_html', type: 'text', default: '' })
  descriptionHtml: string;

  /** The language (ISO 639-1) the description is written in, so pages can mark it. */
  @Column({ name: 'description_language', type: 'varchar', length: 2, default: 'pl' })
  descriptionLanguage: string;

  @Column({ name: 'contact_email', type: 'varchar', length: 254, nullable: true })
  contactEmail: string | null;

  @Column({ name: 'contact_phone', type: 'varchar', length: 40, nullable: true })
  contactPhone: string | null;

  @Column({ type: 'enum', enum: ORGANIZATION_STATUSES, enumName: 'organization_status', default: 'pending' })
  status: OrganizationStatus;

  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason: string | null;

  /** The language (ISO 639-1) of the status reason, as the moderator's client said; null when not said. */
  @Column({ name: 'status_reason_language', type: 'text', nullable: true })
  statusReasonLanguage: string | null;

  @Column({ name: 'status_changed_at', type: 'timestamptz', nullable: true })
  statusChangedAt: Date | null;

  @Column({ name: 'status_changed_by', type: 'uuid', nullable: true })
  statusChangedBy: string | null;

  /** Last time it published or changed an initiative: "active this month" in matching. */
  @Column({ name: 'last_active_at', type: 'timestamptz', nullable: true })
  lastActiveAt: Date | null;

  /** Set when moderation hides it (reports over the threshold, or a moderator). */
  @Column({ name: 'hidden_at', type: 'timestamptz', nullable: true })
  hiddenAt: Date | null;

  @Column({ name: 'hidden_reason', type: 'text', nullable: true })
  hiddenReason: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
