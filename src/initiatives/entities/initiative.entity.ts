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
import { translationsCheck, type Translations } from '../../common/i18n/translations';
import { sqlLabels } from '../../database/sql';
import { Organization } from '../../organizations/entities/organization.entity';
import {
  ACTIVE_STATUSES,
  INITIATIVE_KINDS,
  INITIATIVE_STATUSES,
  type InitiativeKind,
  type InitiativeStatus,
} from '../initiatives.constants';

/**
 * One text of the search document: the original and its versions in the interface languages, so
 * that a resident who searches in English finds a Polish initiative by its English title and the
 * other way round. A version is never in the original's language (a CHECK), so each language is
 * there once. One to_tsvector over the texts joined, not one per language: the vector is computed
 * on every write.
 */
const searchText = (column: string, field: string) =>
  `immutable_unaccent(coalesce("${column}", '') || ' ' || coalesce("translations" #>> '{pl,${field}}', '') || ' ' || coalesce("translations" #>> '{en,${field}}', ''))`;

/**
 * Search document: title (in every language it has) weighted above summary above body, unaccented
 * so that "krakow" finds "Kraków", with the 'simple' configuration because the texts are in
 * Polish, English and more.
 */
export const SEARCH_EXPRESSION = `setweight(to_tsvector('simple', ${searchText('title', 'title')}), 'A') || setweight(to_tsvector('simple', ${searchText('summary', 'summary')}), 'B') || setweight(to_tsvector('simple', immutable_unaccent(coalesce("body_md", ''))), 'C')`;

/**
 * What relevance is ranked on: the title and summary part of the search document. The whole
 * document is about a kilobyte and stored out of line (TOAST), so ranking every match on it cost
 * more than finding them (docs/perf/search-plans.txt); this part stays in the row (STORAGE PLAIN,
 * set in the migration). A match in the body alone ranks after every title or summary match.
 * The second-language versions are found (SEARCH_EXPRESSION) but not ranked here: with them in
 * this part too every text search was 1.5 to 3.5 times slower (docs/perf/history.md), so a match
 * in a version alone ranks like one in the body.
 */
export const SEARCH_HEAD_EXPRESSION = `setweight(to_tsvector('simple', immutable_unaccent(coalesce("title", ''))), 'A') || setweight(to_tsvector('simple', immutable_unaccent(coalesce("summary", ''))), 'B')`;

/** An initiative's texts that may have a second-language version. */
export interface InitiativeTexts {
  title: string;
  summary: string;
}

/** A joint-project proposal, a partner search, an event... posted by an organisation. */
@Entity({ name: 'initiatives' })
@Check('initiatives_translations_other_language', translationsCheck('language'))
// One GIN index for the text and every array filter of the search: a query with words and an area
// is one index scan that intersects both inside the index, not two scans ANDed into a bitmap.
// GIN serves any subset of its columns, so a filter alone uses it too.
@Index(
  'initiatives_search_filters_idx',
  ['search', 'areas', 'goals', 'targetCities', 'targetCountries', 'soughtOrgTypes', 'languages'],
  { type: 'gin' },
)
// Trigram index on the unaccented title, for "similar initiatives": an operator class TypeORM
// cannot describe, so it is written by hand in the migration and left alone here.
@Index('initiatives_title_trgm_idx', { synchronize: false })
// Matching's one index for all its signals, over an expression of six columns (src/matching/match-keys.ts):
// also written by hand in its migration (MatchKeys).
@Index('initiatives_match_keys_idx', { synchronize: false })
@Index('initiatives_public_newest_idx', ['publishedAt', 'id'], {
  where: `status IN (${sqlLabels(ACTIVE_STATUSES)}) AND hidden_at IS NULL`,
})
export class Initiative {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('initiatives_organization_idx')
  @ManyToOne(() => Organization, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'initiatives_organization_fk' })
  organization: Organization;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ type: 'varchar', length: 140 })
  title: string;

  @Column({ type: 'varchar', length: 500 })
  summary: string;

  @Column({ name: 'body_md', type: 'text', default: '' })
  bodyMd: string;

  @Column({ name: 'body_html', type: 'text', default: '' })
  bodyHtml: string;

  /** The language (ISO 639-1) its authors wrote the title, summary and body in. */
  @Column({ type: 'varchar', length: 2, default: 'pl' })
  language: string;

  /** The title and summary in the other interface language: `{ "en": { "title": ..., "summary": ... } }`. */
  @Column({ type: 'jsonb', default: {} })
  translations: Translations<InitiativeTexts>;

  @Column({ type: 'enum', enum: INITIATIVE_KINDS, enumName: 'initiative_kind' })
  kind: InitiativeKind;

  @Column({ type: 'enum', enum: INITIATIVE_STATUSES, enumName: 'initiative_status', default: 'draft' })
  status: InitiativeStatus;

  /** The moderator's comment (changes requested) or reason (rejected). */
  @Column({ name: 'status_comment', type: 'text', nullable: true })
  statusComment: string | null;

  /** The language (ISO 639-1) of the status comment, as the moderator's client said; null when not said. */
  @Column({ name: 'status_comment_language', type: 'text', nullable: true })
  statusCommentLanguage: string | null;

  @Column({ type: 'text', array: true, default: '{}' })
  areas: string[];

  @Column({ type: 'text', array: true, default: '{}' })
  goals: string[];

  /** Keys of registry cities. */
  @Column({ name: 'target_cities', type: 'text', array: true, default: '{}' })
  targetCities: string[];

  @Column({ name: 'target_countries', type: 'text', array: true, default: '{}' })
  targetCountries: string[];

  @Column({ name: 'sought_org_types', type: 'text', array: true, default: '{}' })
  soughtOrgTypes: string[];

  @Column({ type: 'text', array: true, default: '{}' })
  languages: string[];

  @Column({ name: 'starts_on', type: 'date', nullable: true })
  startsOn: string | null;

  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn: string | null;

  @Column({ name: 'funding_programme', type: 'varchar', length: 200, nullable: true })
  fundingProgramme: string | null;

  /** The role it seeks a partner for (PARTNER_ROLES): matching favours organisations ready to take it. */
  @Column({ name: 'sought_role', type: 'varchar', length: 32, nullable: true })
  soughtRole: string | null;

  /** The deadline of the funding call it aims at: the programme counts in matching until then. */
  @Column({ name: 'call_deadline', type: 'date', nullable: true })
  callDeadline: string | null;

  @Column({ name: 'co_organizer_ids', type: 'uuid', array: true, default: '{}' })
  coOrganizerIds: string[];

  /**
   * The city key and country of the organisation, copied so that matching finds them in the
   * initiative's match keys (src/matching/match-keys.ts) without a join. Database triggers fill them
   * on insert and keep them current when the organisation moves or changes its type (migration
   * MatchingIndexes), whoever writes the rows.
   */
  @Column({ name: 'organization_city', type: 'varchar', length: 64, nullable: true })
  organizationCity: string | null;

  @Column({ name: 'organization_country', type: 'char', length: 2 })
  organizationCountry: string;

  @Column({ name: 'organization_type', type: 'varchar', length: 64 })
  organizationType: string;

  @Column({
    type: 'tsvector',
    generatedType: 'STORED',
    asExpression: SEARCH_EXPRESSION,
    select: false,
    insert: false,
    update: false,
  })
  search: string;

  @Column({
    name: 'search_head',
    type: 'tsvector',
    generatedType: 'STORED',
    asExpression: SEARCH_HEAD_EXPRESSION,
    select: false,
    insert: false,
    update: false,
  })
  searchHead: string;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** Set when moderation hides it (reports over the threshold, or a moderator). */
  @Column({ name: 'hidden_at', type: 'timestamptz', nullable: true })
  hiddenAt: Date | null;

  @Column({ name: 'hidden_reason', type: 'text', nullable: true })
  hiddenReason: string | null;

  /** When the owners were told it will be archived for inactivity (once). */
  @Column({ name: 'archive_warned_at', type: 'timestamptz', nullable: true })
  archiveWarnedAt: Date | null;

  /** Started at an edition of the annual forum (for its outcomes report). */
  @Column({ name: 'forum_edition_id', type: 'uuid', nullable: true })
  forumEditionId: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Any change by its organisation or a transition: "untouched for 12 months" counts from here. */
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
