import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, Length, Matches, MaxLength } from 'class-validator';
import { Optional } from '../../common/http/validation';
import { REPORT_REASONS, type ReportReason } from '../../initiatives/initiatives.constants';

/** What can be reported through this route (messages are reported in their channel). */
export const REPORTABLE = ['initiative', 'organization', 'consultation_comment'] as const;
export type Reportable = (typeof REPORTABLE)[number];

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateReportDto {
  @ApiProperty({ enum: REPORTABLE })
  @IsIn(REPORTABLE, { message: `targetType must be one of: ${REPORTABLE.join(', ')}` })
  targetType: Reportable;
  @ApiProperty() @Matches(/^[0-9a-f-]{36}$/, { message: 'targetId must be the id of the item' }) targetId: string;
  @ApiProperty({ enum: REPORT_REASONS })
  @IsIn(REPORT_REASONS, { message: `reason must be one of: ${REPORT_REASONS.join(', ')}` })
  reason: ReportReason;
  @ApiPropertyOptional({ maxLength: 1000 })
  @Optional()
  @Transform(trim)
  @MaxLength(1000, { message: 'comment must be at most 1,000 characters long' })
  @IsString()
  comment?: string;
}

export class ModerationTargetParamsDto {
  @ApiProperty({ enum: REPORTABLE })
  @IsIn(REPORTABLE, { message: `targetType must be one of: ${REPORTABLE.join(', ')}` })
  targetType: Reportable;
  @ApiProperty() @Matches(/^[0-9a-f-]{36}$/, { message: 'targetId must be the id of the item' }) targetId: string;
}

export class ModerationReasonDto {
  @ApiProperty({ description: 'Why; kept in the audit log' })
  @Transform(trim)
  @Length(3, 2000, { message: 'reason must be 3 to 2,000 characters long' })
  @IsString({ message: 'reason must be text' })
  reason: string;
}

export class ReportCreatedDto {
  @ApiProperty() id: number;
  @ApiProperty({ description: 'The item is now hidden until a moderator decides' }) hidden: boolean;
}

export class QueueReportDto {
  @ApiProperty({ enum: REPORT_REASONS }) reason: ReportReason;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty() createdAt: string;
}

export class QueueItemDto {
  @ApiProperty({ enum: ['initiative_submitted', 'organization_pending', 'reported'] }) kind: string;
  @ApiProperty({ enum: REPORTABLE }) targetType: Reportable;
  @ApiProperty() targetId: string;
  @ApiProperty({ description: "The initiative's title, the organisation's name, or the comment's text" }) title: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The language of an initiative's title or of a comment's text (null for a name)",
  })
  titleLang: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The consultation a reported comment belongs to' })
  consultationId: string | null;
  @ApiProperty({ description: 'Waiting since' }) since: string;
  @ApiProperty() hidden: boolean;
  @ApiProperty({ type: [QueueReportDto] }) reports: QueueReportDto[];
}

export class QueueDto {
  @ApiProperty({ type: [QueueItemDto], description: 'Oldest first' }) items: QueueItemDto[];
}

export class ModerationResultDto {
  @ApiProperty() hidden: boolean;
  @ApiProperty({ description: 'Open reports closed by this decision' }) resolvedReports: number;
}
