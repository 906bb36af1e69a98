import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An entry of a partnership's project diary. Members see every entry; the public sees one on the
 * partnership's page once every participating organisation has consented (a row each below).
 */
@Entity({ name: 'partnership_diary_entries' })
@Index('partnership_diary_entries_partnership_idx', ['partnershipId', 'createdAt'])
export class DiaryEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'partnership_id', type: 'uuid' })
  partnershipId: string;

  @Column({ type: 'text' })
  title: string;

  /** Plain text, shown as such (never as HTML). */
  @Column({ type: 'text' })
  body: string;

  /** The language (ISO 639-1) the entry is written in, as its author's client said; null when not said. */
  @Column({ type: 'text', nullable: true })
  language: string | null;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * One organisation's consent to show a diary entry publicly. Withdrawing deletes the row, which
 * hides the entry again; an organisation that leaves the partnership no longer counts.
 */
@Entity({ name: 'partnership_diary_consents' })
export class DiaryConsent {
  @PrimaryColumn({ name: 'entry_id', type: 'uuid' })
  entryId: string;

  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'given_by', type: 'uuid', nullable: true })
  givenBy: string | null;

  @CreateDateColumn({ name: 'given_at', type: 'timestamptz' })
  givenAt: Date;
}
