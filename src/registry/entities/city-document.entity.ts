import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import {
  DATE_PRECISIONS,
  DOCUMENT_KINDS,
  DOCUMENT_TERMS,
  type DatePrecision,
  type DocumentKind,
  type DocumentTerm,
} from '../registry.constants';
import { City } from './city.entity';
import { ImportTracking } from './import-tracking';

/** A document that binds the home city and a partner city: agreement, title, statement, protocol... */
@Entity({ name: 'city_documents' })
export class CityDocument extends ImportTracking {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @Index('city_documents_city_idx')
  @ManyToOne(() => City, (city) => city.documents, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'city_id', foreignKeyConstraintName: 'city_documents_city_fk' })
  city: City;

  @Column({ name: 'city_id', type: 'integer' })
  cityId: number;

  /** Identity of the record in the reference data; null for documents added by staff. */
  @Index('city_documents_source_key_unique', { unique: true })
  @Column({ name: 'source_key', type: 'varchar', length: 160, nullable: true })
  sourceKey: string | null;

  @Column({ type: 'enum', enum: DOCUMENT_KINDS, enumName: 'city_document_kind' })
  kind: DocumentKind;

  /** Title in the language of the document (Polish in Kraków's records); may be unknown. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  title: string | null;

  /** First day of the period the source gives ("2003-06" is stored as 2003-06-01, precision month). */
  @Column({ name: 'signed_on', type: 'date', nullable: true })
  signedOn: string | null;

  @Column({
    name: 'signed_on_precision',
    type: 'enum',
    enum: DATE_PRECISIONS,
    enumName: 'date_precision',
    nullable: true,
  })
  signedOnPrecision: DatePrecision | null;

  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom: string | null;

  /** Last day in force, inclusive. */
  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil: string | null;

  /** Null when the source does not state the term. */
  @Column({ type: 'enum', enum: DOCUMENT_TERMS, enumName: 'city_document_term', nullable: true })
  term: DocumentTerm | null;

  @Column({ name: 'term_years', type: 'smallint', nullable: true })
  termYears: number | null;

  @Column({ name: 'renewal_years', type: 'smallint', nullable: true })
  renewalYears: number | null;

  @Column({ name: 'notice_months', type: 'smallint', nullable: true })
  noticeMonths: number | null;

  @Column({ type: 'text', array: true, default: '{}' })
  areas: string[];

  /** Where the record comes from (a resolution, a file reference, a link); null for the reference data. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  source: string | null;

  /** Grows with every write; an edit sends the version it read, and a stale one is refused (409). */
  @VersionColumn({ default: 1 })
  version: number;
}
