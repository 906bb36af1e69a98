import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Optional } from '../../common/http/validation';
import { LANGUAGE_CODES } from '../../common/languages';
import { IsCalendarDateConstraint } from '../../common/validation/is-calendar-date';
import {
  INITIATIVE_KINDS,
  INITIATIVE_STATUSES,
  type InitiativeKind,
  type InitiativeStatus,
} from '../initiatives.constants';
import { PARTNER_ROLES, type PartnerRole } from '../../organizations/organizations.constants';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const KEY = /^[a-z0-9_]{1,64}$/;
const keyList = (field: string, example: string) => ({
  each: true,
  message: `each of ${field} must be a key such as ${example}`,
});

/** A second-language version of the title and summary: the same limits as the originals; empty means none. */
export class InitiativeTextsVersionDto {
  @ApiPropertyOptional({ maxLength: 140, example: 'Partner school wanted for a pupil exchange on climate' })
  @Optional()
  @Transform(trim)
  @ValidateIf((_: unknown, value: unknown) => value !== '')
  @Length(3, 140, { message: 'the title of a translation must be 3 to 140 characters long' })
  @IsString({ message: 'the title of a translation must be text' })
  title?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @Optional()
  @Transform(trim)
  @ValidateIf((_: unknown, value: unknown) => value !== '')
  @Length(10, 500, { message: 'the summary of a translation must be 10 to 500 characters long' })
  @IsString({ message: 'the summary of a translation must be text' })
  summary?: string;
}

/** Second-language versions by language: Polish and English, never the original's own. */
export class InitiativeTranslationsDto {
  @ApiPropertyOptional({ type: InitiativeTextsVersionDto, description: 'The Polish version' })
  @Optional()
  @ValidateNested()
  @Type(() => InitiativeTextsVersionDto)
  pl?: InitiativeTextsVersionDto;

  @ApiPropertyOptional({ type: InitiativeTextsVersionDto, description: 'The English version' })
  @Optional()
  @ValidateNested()
  @Type(() => InitiativeTextsVersionDto)
  en?: InitiativeTextsVersionDto;
}

export class CreateInitiativeDto {
  @ApiProperty({ description: 'The organisation posting it (you must be its owner or editor; it must be verified)' })
  @IsUUID('4', { message: 'organizationId must be the id of your organisation' })
  organizationId: string;

  @ApiProperty({ maxLength: 140, example: 'Partner school wanted for a pupil exchange on climate' })
  @Transform(trim)
  @Length(3, 140, { message: 'title must be 3 to 140 characters long' })
  @IsString({ message: 'title must be text' })
  title: string;

  @ApiProperty({ maxLength: 500 })
  @Transform(trim)
  @Length(10, 500, { message: 'summary must be 10 to 500 characters long' })
  @IsString({ message: 'summary must be text' })
  summary: string;

  @ApiPropertyOptional({
    example: 'pl',
    description:
      "The language (ISO 639-1) the title, summary and body are written in (default: the request's language)",
  })
  @Optional()
  @IsIn(LANGUAGE_CODES, { message: 'language must be a two-letter ISO 639-1 code such as pl, en or de' })
  language?: string;

  @ApiPropertyOptional({
    type: InitiativeTranslationsDto,
    description: 'The title and summary in the other language (pl or en); replaces the stored versions',
  })
  @Optional()
  @ValidateNested()
  @Type(() => InitiativeTranslationsDto)
  translations?: InitiativeTranslationsDto;

  @ApiPropertyOptional({ description: 'Markdown; sanitised on the server', maxLength: 20000 })
  @Optional()
  @MaxLength(20000, { message: 'body must be at most 20,000 characters long' })
  @IsString({ message: 'body must be text' })
  body?: string;

  @ApiProperty({ enum: INITIATIVE_KINDS })
  @IsIn(INITIATIVE_KINDS, { message: `kind must be one of: ${INITIATIVE_KINDS.join(', ')}` })
  kind: InitiativeKind;

  @ApiProperty({ type: [String], example: ['education', 'environment'] })
  @IsArray({ message: 'areas must be a list' })
  @ArrayMaxSize(10, { message: 'areas may have at most 10 entries' })
  @ArrayUnique({ message: 'areas must not repeat' })
  @Matches(KEY, keyList('areas', 'education'))
  areas: string[];

  @ApiPropertyOptional({ type: [String], description: "The city's thematic goals it serves (GET /api/v1/goals)" })
  @Optional()
  @IsArray({ message: 'goals must be a list' })
  @ArrayMaxSize(18)
  @ArrayUnique({ message: 'goals must not repeat' })
  @Matches(KEY, keyList('goals', 'youth_exchange'))
  goals?: string[];

  @ApiPropertyOptional({ type: [String], example: ['nuremberg', 'lviv'], description: 'Keys of partner cities' })
  @Optional()
  @IsArray({ message: 'targetCities must be a list' })
  @ArrayMaxSize(31)
  @ArrayUnique({ message: 'targetCities must not repeat' })
  @Matches(KEY, keyList('targetCities', 'nuremberg'))
  targetCities?: string[];

  @ApiPropertyOptional({ type: [String], example: ['DE'], description: 'ISO 3166-1 alpha-2' })
  @Optional()
  @IsArray({ message: 'targetCountries must be a list' })
  @ArrayMaxSize(50)
  @ArrayUnique({ message: 'targetCountries must not repeat' })
  @Matches(/^[A-Z]{2}$/, {
    each: true,
    message: 'each of targetCountries must be a two-letter ISO 3166 code such as DE',
  })
  targetCountries?: string[];

  @ApiPropertyOptional({ type: [String], example: ['school'], description: 'Organisation types sought as partners' })
  @Optional()
  @IsArray({ message: 'soughtOrgTypes must be a list' })
  @ArrayMaxSize(13)
  @ArrayUnique({ message: 'soughtOrgTypes must not repeat' })
  @Matches(KEY, keyList('soughtOrgTypes', 'school'))
  soughtOrgTypes?: string[];

  @ApiProperty({ type: [String], example: ['pl', 'de', 'en'] })
  @IsArray({ message: 'languages must be a list' })
  @ArrayMaxSize(20)
  @ArrayUnique({ message: 'languages must not repeat' })
  @IsIn(LANGUAGE_CODES, {
    each: true,
    message: 'each of languages must be a two-letter ISO 639-1 code such as pl, en or de',
  })
  languages: string[];

  @ApiPropertyOptional({ type: String, nullable: true, example: '2027-03-01' })
  @Optional({ nullable: true })
  @Validate(IsCalendarDateConstraint)
  startsOn?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2027-06-30' })
  @Optional({ nullable: true })
  @Validate(IsCalendarDateConstraint)
  endsOn?: string | null;

  @ApiPropertyOptional({ example: 'Erasmus+' })
  @Optional()
  @Transform(trim)
  @MaxLength(200, { message: 'fundingProgramme must be at most 200 characters long' })
  @IsString()
  fundingProgramme?: string;

  @ApiPropertyOptional({
    enum: PARTNER_ROLES,
    type: String,
    nullable: true,
    description: 'The role it seeks a partner for; null clears it',
  })
  @Optional({ nullable: true })
  @IsIn(PARTNER_ROLES, { message: `soughtRole must be one of: ${PARTNER_ROLES.join(', ')}` })
  soughtRole?: PartnerRole | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2027-03-05',
    description: 'Deadline of the funding call it aims at (with fundingProgramme); null clears it',
  })
  @Optional({ nullable: true })
  @Validate(IsCalendarDateConstraint)
  callDeadline?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Ids of co-organising (verified) organisations' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsUUID('4', { each: true, message: 'each of coOrganizerIds must be an organisation id' })
  coOrganizerIds?: string[];
}

export class UpdateInitiativeDto extends PartialType(CreateInitiativeDto) {}

export class TransitionCommentDto {
  @ApiPropertyOptional({
    description: 'Required to request changes (what to change) and to reject (why); shown to the authors',
  })
  @Optional()
  @Transform(trim)
  @Length(3, 2000, { message: 'comment must be 3 to 2,000 characters long' })
  @IsString({ message: 'comment must be text' })
  comment?: string;

  @ApiPropertyOptional({
    example: 'pl',
    description: 'The language (ISO 639-1) the comment is written in (the web client sends its interface language)',
  })
  @Optional()
  @IsIn(LANGUAGE_CODES, { message: 'lang must be a two-letter ISO 639-1 code such as pl, en or de' })
  lang?: string;
}

export const SORTS = ['relevance', 'newest'] as const;

export class InitiativeSearchQueryDto {
  @ApiPropertyOptional({
    description: 'Words; case, diacritics and word endings typed so far do not matter (prefix matching)',
    example: 'wymiana szkol',
  })
  @Optional()
  @Transform(trim)
  @MaxLength(200, { message: 'q must be at most 200 characters long' })
  @IsString({ message: 'q must be a single text' })
  q?: string;
  @ApiPropertyOptional({ example: 'education' })
  @Optional()
  @Matches(KEY, { message: 'area must be an area key such as education' })
  area?: string;
  @ApiPropertyOptional({ example: 'youth_exchange' })
  @Optional()
  @Matches(KEY, { message: 'goal must be a goal key (GET /api/v1/goals)' })
  goal?: string;
  @ApiPropertyOptional({ enum: INITIATIVE_KINDS })
  @Optional()
  @IsIn(INITIATIVE_KINDS, { message: `kind must be one of: ${INITIATIVE_KINDS.join(', ')}` })
  kind?: InitiativeKind;
  @ApiPropertyOptional({ example: 'nuremberg', description: 'Target city key' })
  @Optional()
  @Matches(KEY, { message: 'city must be a city key such as nuremberg' })
  city?: string;
  @ApiPropertyOptional({ example: 'DE', description: 'Target country' })
  @Optional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter ISO 3166 code such as DE' })
  country?: string;
  @ApiPropertyOptional({ example: 'school', description: 'Sought organisation type' })
  @Optional()
  @Matches(KEY, { message: 'orgType must be an organisation type such as school' })
  orgType?: string;
  @ApiPropertyOptional({ example: 'de' })
  @Optional()
  @IsIn(LANGUAGE_CODES, { message: 'lang must be a two-letter ISO 639-1 code such as pl, en or de' })
  lang?: string;
  @ApiPropertyOptional({ description: 'Organisation id' })
  @Optional()
  @IsUUID('4', { message: 'org must be an organisation id' })
  org?: string;
  @ApiPropertyOptional({
    enum: INITIATIVE_STATUSES,
    description: "Staff may list any status; members may list their organisation's (with org)",
  })
  @Optional()
  @IsIn(INITIATIVE_STATUSES, { message: `status must be one of: ${INITIATIVE_STATUSES.join(', ')}` })
  status?: InitiativeStatus;
  @ApiPropertyOptional({ enum: SORTS, default: 'relevance with q, else newest' })
  @Optional()
  @IsIn(SORTS, { message: 'sort must be relevance or newest' })
  sort?: (typeof SORTS)[number];
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @Optional()
  @Matches(/^[A-Za-z0-9_-]{1,300}$/, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;
  @ApiPropertyOptional({ default: 20, maximum: 100 })
  @Optional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(100, { message: 'limit must be at most 100' })
  limit?: number;
}

export class InitiativeOrganizationDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() type: string;
  @ApiProperty({ type: String, nullable: true, description: 'Registry city key' }) cityKey: string | null;
  @ApiProperty({ description: "Its place, named in the reader's language (Norymberga / Nuremberg)" })
  cityName: string;
  @ApiProperty() country: string;
}

export class InitiativeSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: "In the reader's language when a version exists, else the original" }) title: string;
  @ApiProperty({ example: 'en', description: 'The language (ISO 639-1) of `title` as returned' }) titleLang: string;
  @ApiProperty({ description: '`title` is the original, not a second-language version' }) titleOriginal: boolean;
  @ApiProperty({ description: "In the reader's language when a version exists, else the original" }) summary: string;
  @ApiProperty({ example: 'en', description: 'The language of `summary` as returned' }) summaryLang: string;
  @ApiProperty({ description: '`summary` is the original' }) summaryOriginal: boolean;
  @ApiProperty({ example: 'pl', description: 'The language the authors wrote it in (the body is in it)' })
  language: string;
  @ApiProperty({ enum: INITIATIVE_KINDS }) kind: InitiativeKind;
  @ApiProperty({ enum: INITIATIVE_STATUSES }) status: InitiativeStatus;
  @ApiProperty({ type: [String] }) areas: string[];
  @ApiProperty({ type: [String] }) goals: string[];
  @ApiProperty({ type: [String] }) targetCities: string[];
  @ApiProperty({ type: [String] }) targetCountries: string[];
  @ApiProperty({ type: [String] }) soughtOrgTypes: string[];
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty({ type: String, nullable: true }) startsOn: string | null;
  @ApiProperty({ type: String, nullable: true }) endsOn: string | null;
  @ApiProperty({ type: String, nullable: true }) fundingProgramme: string | null;
  @ApiProperty({ type: InitiativeOrganizationDto }) organization: InitiativeOrganizationDto;
  @ApiProperty({ type: String, nullable: true }) publishedAt: string | null;
}

/** What an editor edits: the original title and summary and their second-language versions. */
export class InitiativeSourceTextsDto {
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty({ type: InitiativeTranslationsDto }) translations: InitiativeTranslationsDto;
}

export class InitiativeTransitionDto {
  @ApiProperty({ enum: INITIATIVE_STATUSES }) from: InitiativeStatus;
  @ApiProperty({ enum: INITIATIVE_STATUSES }) to: InitiativeStatus;
  @ApiProperty({ type: String, nullable: true }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The language (ISO 639-1) of comment; null when not said' })
  commentLang: string | null;
  @ApiProperty() at: string;
}

export class InitiativeDetailDto extends InitiativeSummaryDto {
  @ApiProperty({ description: 'Sanitised HTML rendered from the Markdown body' }) bodyHtml: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Its discussion channel (join with channel:join)' })
  channelId: number | null;
  @ApiPropertyOptional({ description: 'Markdown source; for its editors' }) body?: string;
  @ApiPropertyOptional({ type: () => InitiativeSourceTextsDto, description: 'The texts as written; for its editors' })
  source?: InitiativeSourceTextsDto;
  @ApiProperty({ type: [InitiativeOrganizationDto] }) coOrganizers: InitiativeOrganizationDto[];
  @ApiProperty({ type: String, nullable: true, enum: PARTNER_ROLES, description: 'The role it seeks a partner for' })
  soughtRole: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Deadline of the funding call it aims at' })
  callDeadline: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The moderator's comment or reason; for its organisation and staff",
  })
  statusComment: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The language (ISO 639-1) of statusComment; null when not said',
  })
  statusCommentLang: string | null;
  @ApiProperty({ description: 'Hidden by moderation (visible to its organisation and staff only)' }) hidden: boolean;
  @ApiProperty({ description: 'You may edit it and take its editor actions' }) canEdit: boolean;
  @ApiProperty({ type: [String], description: 'Transitions you may take now' }) actions: string[];
  @ApiPropertyOptional({ type: [InitiativeTransitionDto], description: 'History; for its organisation and staff' })
  history?: InitiativeTransitionDto[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class FacetCountDto {
  @ApiProperty() value: string;
  @ApiProperty() count: number;
}

export class InitiativeFacetsDto {
  @ApiProperty({ type: [FacetCountDto] }) area: FacetCountDto[];
  @ApiProperty({ type: [FacetCountDto] }) kind: FacetCountDto[];
  @ApiProperty({ type: [FacetCountDto] }) city: FacetCountDto[];
  @ApiProperty({ type: [FacetCountDto] }) goal: FacetCountDto[];
}

export class InitiativeSearchResultDto {
  @ApiProperty({ type: [InitiativeSummaryDto] }) items: InitiativeSummaryDto[];
  @ApiProperty({ type: InitiativeFacetsDto, description: 'Counts over all matches of the query and filters' })
  facets: InitiativeFacetsDto;
  @ApiProperty({ description: 'Matches in all' }) total: number;
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class SimilarInitiativeDto extends InitiativeSummaryDto {
  @ApiProperty({ description: 'How alike, 0 to 1' }) similarity: number;
}

export class SimilarListDto {
  @ApiProperty({ type: [SimilarInitiativeDto] }) items: SimilarInitiativeDto[];
}
