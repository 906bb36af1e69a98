import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsString, IsUUID, Length, ValidateIf, ValidateNested } from 'class-validator';
import { Optional } from '../../../common/http/validation';
import { LANGUAGE_CODES } from '../../../common/languages';
import { EditionDto } from '../../editions/dto/edition.dto';
import { trim } from '../../shared/dto-fields';

export class MarkOriginDto {
  @ApiPropertyOptional()
  @Optional()
  @IsUUID('4', { message: 'initiativeId must be an initiative id' })
  initiativeId?: string;
  @ApiPropertyOptional()
  @Optional()
  @IsUUID('4', { message: 'partnershipId must be a partnership id' })
  partnershipId?: string;
}

/** The outcomes summary in the other language: the original's limits; empty means none. */
export class OutcomesSummaryVersionDto {
  @ApiPropertyOptional({ maxLength: 10000 })
  @Optional()
  @Transform(trim)
  @ValidateIf((_: unknown, value: unknown) => value !== '')
  @Length(10, 10000, { message: 'the summary of a translation must be 10 to 10,000 characters long' })
  @IsString({ message: 'the summary of a translation must be text' })
  summary?: string;
}

export class OutcomesTranslationsDto {
  @ApiPropertyOptional({ type: OutcomesSummaryVersionDto, description: 'The Polish version' })
  @Optional()
  @ValidateNested()
  @Type(() => OutcomesSummaryVersionDto)
  pl?: OutcomesSummaryVersionDto;

  @ApiPropertyOptional({ type: OutcomesSummaryVersionDto, description: 'The English version' })
  @Optional()
  @ValidateNested()
  @Type(() => OutcomesSummaryVersionDto)
  en?: OutcomesSummaryVersionDto;
}

export class PublishOutcomesDto {
  @ApiProperty()
  @Transform(trim)
  @Length(10, 10000, { message: 'summary must be 10 to 10,000 characters long' })
  @IsString()
  summary: string;

  @ApiPropertyOptional({ example: 'pl', description: 'The language the summary is written in (default Polish)' })
  @Optional()
  @IsIn(LANGUAGE_CODES, { message: 'language must be a two-letter ISO 639-1 code such as pl, en or de' })
  language?: string;

  @ApiPropertyOptional({
    type: OutcomesTranslationsDto,
    description: 'The summary in the other language (pl or en); replaces the stored version',
  })
  @Optional()
  @ValidateNested()
  @Type(() => OutcomesTranslationsDto)
  translations?: OutcomesTranslationsDto;
}

export class OutcomesSourceDto {
  @ApiProperty() summary: string;
  @ApiProperty() language: string;
  @ApiProperty({ type: OutcomesTranslationsDto }) translations: OutcomesTranslationsDto;
}

export class OutcomesDto {
  @ApiProperty({ type: EditionDto }) edition: EditionDto;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "In the reader's language when a version exists, else the original",
  })
  summary: string | null;
  @ApiProperty({ example: 'pl', description: 'The language of `summary` as returned' }) summaryLang: string;
  @ApiProperty({ description: '`summary` is the original' }) summaryOriginal: boolean;
  @ApiPropertyOptional({ type: OutcomesSourceDto, description: 'The summary as written and its version; for staff' })
  source?: OutcomesSourceDto;
  @ApiProperty() sessionsHeld: number;
  @ApiProperty() registrations: number;
  @ApiProperty() attendance: number;
  @ApiProperty() questionsAsked: number;
  @ApiProperty() questionsAnswered: number;
  @ApiProperty() meetingsHeld: number;
  @ApiProperty({
    description:
      'Partnerships the edition started, all of them (`partnerships` names only those every participant agreed to show)',
  })
  partnershipsStarted: number;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: "Each session's title in the reader's language when it has that version (titleLang: its language)",
  })
  sessions: {
    id: string;
    title: string;
    titleLang: string;
    kind: string;
    room: string | null;
    confirmed: number;
    capacity: number | null;
    questions: number;
    answered: number;
  }[];
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: "id, title (in the reader's language when it has that version, else as written) and its language",
  })
  initiatives: { id: string; title: string; language: string }[];
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description:
      "The partnerships every participating organisation agreed to show: id, the initiative's title (as for initiatives) and its language (initiativeTitleLang)",
  })
  partnerships: { id: string; initiativeTitle: string; initiativeTitleLang: string }[];
}
