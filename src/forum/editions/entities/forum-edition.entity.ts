import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { translationsCheck, type Translations } from '../../../common/i18n/translations';
import { EDITION_STATUSES, type EditionStatus } from '../../shared/forum.constants';

/** An edition's texts that may have a second-language version. */
export interface EditionTexts {
  outcomesSummary: string;
}

/** One year's International Cooperation Forum. */
@Entity({ name: 'forum_editions' })
@Check('forum_editions_translations_other_language', translationsCheck('outcomes_summary_language'))
export class ForumEdition {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('forum_editions_year_unique', { unique: true })
  @Column({ type: 'smallint' })
  year: number;

  @Column({ name: 'theme_pl', type: 'varchar', length: 300 })
  themePl: string;

  @Column({ name: 'theme_en', type: 'varchar', length: 300 })
  themeEn: string;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn: string;

  @Column({ type: 'varchar', length: 300 })
  venue: string;

  @Column({ type: 'text', array: true, default: '{}' })
  languages: string[];

  @Column({ type: 'enum', enum: EDITION_STATUSES, enumName: 'forum_edition_status', default: 'planning' })
  status: EditionStatus;

  /** Tables for the 1:1 matchmaking meetings. */
  @Column({ name: 'meeting_tables', type: 'smallint', default: 0 })
  meetingTables: number;

  @Column({ name: 'outcomes_published_at', type: 'timestamptz', nullable: true })
  outcomesPublishedAt: Date | null;

  @Column({ name: 'outcomes_summary', type: 'text', nullable: true })
  outcomesSummary: string | null;

  /** The language staff wrote the outcomes summary in. */
  @Column({ name: 'outcomes_summary_language', type: 'varchar', length: 2, default: 'pl' })
  outcomesSummaryLanguage: string;

  /** The outcomes summary in the other interface language: `{ "en": { "outcomesSummary": ... } }`. */
  @Column({ type: 'jsonb', default: {} })
  translations: Translations<EditionTexts>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
