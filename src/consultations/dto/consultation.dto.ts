import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, PartialType, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
import { IsRowId, Optional } from '../../common/http/validation';
import { LANGUAGE_CODES } from '../../common/languages';
import {
  COMMENT_MAX_LENGTH,
  CONSULTATION_PHASES,
  CONSULTATION_STATUSES,
  CONSULTATION_SUBJECTS,
  SECTIONS_MAX,
  type ConsultationPhase,
  type ConsultationStatus,
  type ConsultationSubject,
} from '../consultations.constants';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A text people write: trimmed, then its length checked, with a message naming the field. */
const Text = (field: string, min: number, max: number) =>
  applyDecorators(
    IsString({ message: `${field} must be a text` }),
    Transform(trim),
    Length(min, max, { message: `${field} must be ${min} to ${max.toLocaleString('en')} characters long` }),
  );
const Moment = (field: string) =>
  IsISO8601(
    { strict: true },
    { message: `${field} must be a date and time (ISO 8601, for example 2027-03-01T09:00:00+01:00)` },
  );

export class SectionInputDto {
  @ApiProperty({ example: 'Cel 1. Wymiana młodzieży' }) @Text('headingPl', 1, 300) headingPl: string;
  @ApiProperty({ example: 'Goal 1. Youth exchange' }) @Text('headingEn', 1, 300) headingEn: string;
  @ApiProperty() @Text('bodyPl', 1, 20000) bodyPl: string;
  @ApiProperty() @Text('bodyEn', 1, 20000) bodyEn: string;
}

export class CreateConsultationDto {
  @ApiProperty({ enum: CONSULTATION_SUBJECTS, enumName: 'ConsultationSubject' })
  @IsIn(CONSULTATION_SUBJECTS, { message: `subject must be one of: ${CONSULTATION_SUBJECTS.join(', ')}` })
  subject: ConsultationSubject;

  @ApiProperty() @Text('titlePl', 3, 300) titlePl: string;
  @ApiProperty() @Text('titleEn', 3, 300) titleEn: string;
  @ApiProperty() @Text('descriptionPl', 10, 10000) descriptionPl: string;
  @ApiProperty() @Text('descriptionEn', 10, 10000) descriptionEn: string;

  @ApiProperty({ example: '2027-03-01T09:00:00+01:00', description: 'Comments are taken from this moment' })
  @Moment('opensAt')
  opensAt: string;

  @ApiProperty({ example: '2027-03-31T23:59:00+02:00', description: 'until this one (after opensAt)' })
  @Moment('closesAt')
  closesAt: string;

  @ApiPropertyOptional({
    type: [SectionInputDto],
    description: 'The sections of a draft document, in order (a consultation on the goals has one section per goal)',
  })
  @Optional()
  @IsArray({ message: 'sections must be a list of sections' })
  @ArrayMaxSize(SECTIONS_MAX, { message: `sections may hold at most ${SECTIONS_MAX} sections` })
  @ValidateNested({ each: true })
  @Type(() => SectionInputDto)
  sections?: SectionInputDto[];
}

/**
 * What an edit may change: the texts at any time; the sections while it is a draft; the period
 * until it opens, and then only a later end while it is open.
 */
export class UpdateConsultationDto extends PartialType(OmitType(CreateConsultationDto, ['subject'] as const)) {}

export class ConsultationIdParamDto {
  @ApiProperty() @IsUUID('4', { message: 'id must be the id of a consultation' }) id: string;
}

export class CommentIdParamDto {
  @ApiProperty() @IsUUID('4', { message: 'commentId must be the id of a comment' }) commentId: string;
}

export class CreateCommentDto {
  @ApiProperty({ description: 'The section commented on (its id)' })
  @IsRowId('sectionId must be the id of a section of this consultation')
  sectionId: number;

  @ApiProperty({ maxLength: COMMENT_MAX_LENGTH, description: 'Plain text' })
  @Text('body', 1, COMMENT_MAX_LENGTH)
  body: string;

  @ApiPropertyOptional({
    example: 'pl',
    description: 'The language (ISO 639-1) the comment is written in (the web client sends its interface language)',
  })
  @Optional()
  // A known code, not any two letters: the client puts it in a lang attribute.
  @IsIn(LANGUAGE_CODES, { message: 'lang must be a two-letter ISO 639-1 code such as pl, en or de' })
  lang?: string;
}

export class CreateResponseDto {
  @ApiProperty({ type: [String], description: 'The comments answered: one, or a group' })
  @IsArray({ message: 'commentIds must be a list of comment ids' })
  @ArrayMinSize(1, { message: 'commentIds must name at least one comment' })
  @ArrayMaxSize(100, { message: 'commentIds may name at most 100 comments' })
  @IsUUID('4', { each: true, message: 'commentIds must hold ids of comments' })
  commentIds: string[];

  @ApiProperty() @Text('bodyPl', 3, 5000) bodyPl: string;
  @ApiProperty() @Text('bodyEn', 3, 5000) bodyEn: string;
}

export class FinalReportDto {
  @ApiProperty() @Text('finalReportPl', 10, 20000) finalReportPl: string;
  @ApiProperty() @Text('finalReportEn', 10, 20000) finalReportEn: string;
}

export class ConsultationSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: CONSULTATION_SUBJECTS, enumName: 'ConsultationSubject' }) subject: ConsultationSubject;
  @ApiProperty({ enum: CONSULTATION_STATUSES, enumName: 'ConsultationStatus' }) status: ConsultationStatus;
  @ApiProperty({
    enum: CONSULTATION_PHASES,
    enumName: 'ConsultationPhase',
    description: 'draft (staff only), upcoming, open (comments taken) or closed',
  })
  phase: ConsultationPhase;
  @ApiProperty() titlePl: string;
  @ApiProperty() titleEn: string;
  @ApiProperty() descriptionPl: string;
  @ApiProperty() descriptionEn: string;
  @ApiProperty() opensAt: string;
  @ApiProperty() closesAt: string;
  @ApiProperty({ description: 'Visible comments' }) comments: number;
  @ApiProperty() hasFinalReport: boolean;
}

export class ConsultationListDto {
  @ApiProperty({ type: [ConsultationSummaryDto], description: 'Open first, then upcoming, then closed' })
  items: ConsultationSummaryDto[];
}

export class CommentDto {
  @ApiProperty() id: string;
  @ApiProperty() sectionId: number;
  @ApiProperty() body: string;
  @ApiProperty({ type: String, nullable: true, description: 'The language its author said it is in' })
  lang: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The author's display name; null for a deleted account" })
  author: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() supports: number;
  @ApiProperty({ description: 'The reader supports it' }) supportedByMe: boolean;
  @ApiProperty({ description: 'The reader wrote it' }) mine: boolean;
}

export class SectionDto {
  @ApiProperty() id: number;
  @ApiProperty() position: number;
  @ApiProperty({ type: String, nullable: true, description: 'The goal it asks about' }) goalKey: string | null;
  @ApiProperty() headingPl: string;
  @ApiProperty() headingEn: string;
  @ApiProperty({ type: String, nullable: true }) bodyPl: string | null;
  @ApiProperty({ type: String, nullable: true }) bodyEn: string | null;
  @ApiProperty({ type: [CommentDto], description: 'Visible comments, oldest first' }) comments: CommentDto[];
}

export class ResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() bodyPl: string;
  @ApiProperty() bodyEn: string;
  @ApiProperty({ type: [String], description: 'The visible comments it answers' }) commentIds: string[];
  @ApiProperty() createdAt: string;
}

export class ConsultationDto extends ConsultationSummaryDto {
  @ApiProperty({ type: [SectionDto] }) sections: SectionDto[];
  @ApiProperty({ type: [ResponseDto], description: 'Oldest first' }) responses: ResponseDto[];
  @ApiProperty({ type: String, nullable: true }) finalReportPl: string | null;
  @ApiProperty({ type: String, nullable: true }) finalReportEn: string | null;
  @ApiProperty({ type: String, nullable: true }) finalReportAt: string | null;
}

export class SupportResultDto {
  @ApiProperty() commentId: string;
  @ApiProperty({ description: 'Supports of the comment now' }) supports: number;
}
