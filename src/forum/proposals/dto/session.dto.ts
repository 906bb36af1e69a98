import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Optional } from '../../../common/http/validation';
import { LANGUAGE_CODES } from '../../../common/languages';
import { SESSION_KINDS, SESSION_STATUSES, type SessionKind, type SessionStatus } from '../../shared/forum.constants';
import { trim, KEY } from '../../shared/dto-fields';

/** A second-language version of a session's title and abstract: the originals' limits; empty means none. */
export class SessionTextsVersionDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @Optional()
  @Transform(trim)
  @ValidateIf((_: unknown, value: unknown) => value !== '')
  @Length(3, 200, { message: 'the title of a translation must be 3 to 200 characters long' })
  @IsString({ message: 'the title of a translation must be text' })
  title?: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @Optional()
  @Transform(trim)
  @ValidateIf((_: unknown, value: unknown) => value !== '')
  @Length(20, 4000, { message: 'the abstract of a translation must be 20 to 4,000 characters long' })
  @IsString({ message: 'the abstract of a translation must be text' })
  abstract?: string;
}

/** Second-language versions by language: Polish and English, never the session's own language. */
export class SessionTranslationsDto {
  @ApiPropertyOptional({ type: SessionTextsVersionDto, description: 'The Polish version' })
  @Optional()
  @ValidateNested()
  @Type(() => SessionTextsVersionDto)
  pl?: SessionTextsVersionDto;

  @ApiPropertyOptional({ type: SessionTextsVersionDto, description: 'The English version' })
  @Optional()
  @ValidateNested()
  @Type(() => SessionTextsVersionDto)
  en?: SessionTextsVersionDto;
}

export class SessionTranslationsInputDto {
  @ApiProperty({ type: SessionTranslationsDto, description: 'Replaces the stored versions' })
  @ValidateNested()
  @Type(() => SessionTranslationsDto)
  translations: SessionTranslationsDto;
}

export class ProposeSessionDto {
  @ApiProperty() @IsUUID('4', { message: 'organizationId must be the id of your organisation' }) organizationId: string;
  @ApiProperty({ enum: SESSION_KINDS })
  @IsIn(SESSION_KINDS, { message: `kind must be one of: ${SESSION_KINDS.join(', ')}` })
  kind: SessionKind;
  @ApiProperty()
  @Transform(trim)
  @Length(3, 200, { message: 'title must be 3 to 200 characters long' })
  @IsString()
  title: string;
  @ApiProperty()
  @Transform(trim)
  @Length(20, 4000, { message: 'abstract must be 20 to 4,000 characters long' })
  @IsString()
  abstract: string;
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1, { message: 'areas must name at least one cooperation area' })
  @ArrayMaxSize(10)
  @Matches(KEY, { each: true, message: 'each of areas must be an area key' })
  areas: string[];
  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(18)
  @Matches(KEY, { each: true, message: 'each of goals must be a goal key' })
  goals?: string[];
  @ApiProperty({ type: [String], example: ['Anna Kowalska (SP 7 Kraków)'] })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  speakers: string[];
  @ApiProperty({ example: 'en', description: 'The language of the session, and of its title and abstract' })
  @IsIn(LANGUAGE_CODES, { message: 'language must be an ISO 639-1 code' })
  language: string;
  @ApiPropertyOptional({
    type: SessionTranslationsDto,
    description: 'The title and abstract in the other language (pl or en)',
  })
  @Optional()
  @ValidateNested()
  @Type(() => SessionTranslationsDto)
  translations?: SessionTranslationsDto;
  @ApiPropertyOptional({ type: [String], example: ['nuremberg'] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(31)
  @Matches(KEY, { each: true, message: 'each of partnerCities must be a city key' })
  partnerCities?: string[];
}

export class AcceptSessionDto {
  @ApiProperty({ example: 'Sala A' })
  @Transform(trim)
  @Length(1, 100, { message: 'room must be 1 to 100 characters long' })
  @IsString()
  room: string;
  @ApiProperty({ example: '2027-05-20T10:00:00+02:00' })
  @IsISO8601({ strict: true }, { message: 'startsAt must be a date and time (ISO 8601)' })
  startsAt: string;
  @ApiProperty({ example: '2027-05-20T11:30:00+02:00' })
  @IsISO8601({ strict: true }, { message: 'endsAt must be a date and time (ISO 8601)' })
  endsAt: string;
  @ApiProperty({ example: 40 })
  @Type(() => Number)
  @IsInt({ message: 'capacity must be a whole number' })
  @Min(1, { message: 'capacity must be at least 1' })
  @Max(10000)
  capacity: number;
  @ApiPropertyOptional({ default: false, description: 'Questions appear after a moderator approves them' })
  @Optional()
  @IsBoolean()
  qaModerated?: boolean;
}

export class ForumReasonDto {
  @ApiProperty()
  @Transform(trim)
  @Length(3, 2000, { message: 'reason must be 3 to 2,000 characters long' })
  @IsString({ message: 'reason must be text' })
  reason: string;

  @ApiPropertyOptional({
    example: 'pl',
    description: 'The language (ISO 639-1) the reason is written in (the web client sends its interface language)',
  })
  @Optional()
  @IsIn(LANGUAGE_CODES, { message: 'lang must be a two-letter ISO 639-1 code such as pl, en or de' })
  lang?: string;
}

export class SessionSourceTextsDto {
  @ApiProperty() title: string;
  @ApiProperty() abstract: string;
  @ApiProperty({ type: SessionTranslationsDto }) translations: SessionTranslationsDto;
}

export class ForumSessionDto {
  @ApiProperty() id: string;
  @ApiProperty() editionId: string;
  @ApiProperty() organizationId: string;
  @ApiProperty() organizationName: string;
  @ApiProperty({ enum: SESSION_KINDS }) kind: SessionKind;
  @ApiProperty({ description: "In the reader's language when a version exists, else the original" }) title: string;
  @ApiProperty({ example: 'en', description: 'The language of `title` as returned' }) titleLang: string;
  @ApiProperty({ description: '`title` is the original' }) titleOriginal: boolean;
  @ApiProperty({
    description:
      'Six characters without look-alikes, shown on the projector: typed on the forum page, it opens the Q&A',
  })
  joinCode: string;
  @ApiProperty({ description: "In the reader's language when a version exists, else the original" }) abstract: string;
  @ApiProperty({ example: 'en', description: 'The language of `abstract` as returned' }) abstractLang: string;
  @ApiProperty({ description: '`abstract` is the original' }) abstractOriginal: boolean;
  @ApiProperty({ type: [String] }) areas: string[];
  @ApiProperty({ type: [String] }) goals: string[];
  @ApiProperty({ type: [String] }) speakers: string[];
  @ApiProperty({ description: 'The language of the session (and of its texts as proposed)' }) language: string;
  @ApiPropertyOptional({
    type: SessionSourceTextsDto,
    description: 'The texts as proposed and their versions; for its proposers and staff',
  })
  source?: SessionSourceTextsDto;
  @ApiProperty({ type: [String] }) partnerCities: string[];
  @ApiProperty({ enum: SESSION_STATUSES }) status: SessionStatus;
  @ApiProperty({ type: String, nullable: true }) decisionReason: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The language (ISO 639-1) of decisionReason; null when not said',
  })
  decisionReasonLang: string | null;
  @ApiProperty({ type: String, nullable: true }) room: string | null;
  @ApiProperty({ type: String, nullable: true }) startsAt: string | null;
  @ApiProperty({ type: String, nullable: true }) endsAt: string | null;
  @ApiProperty({ type: Number, nullable: true }) capacity: number | null;
  @ApiProperty() confirmed: number;
  @ApiProperty() waiting: number;
  @ApiProperty() qaModerated: boolean;
}

export class ForumSessionListDto {
  @ApiProperty({ type: [ForumSessionDto] }) items: ForumSessionDto[];
}
