import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min, Validate } from 'class-validator';
import { Optional } from '../../common/http/validation';
import { IsCalendarDateConstraint } from '../../common/validation/is-calendar-date';
import { DOCUMENT_KINDS, type DocumentKind } from '../../registry/registry.constants';
import type { DeadlineKind } from '../deadlines';

export class DeadlinesQueryDto {
  @ApiPropertyOptional({ default: 24, minimum: 1, maximum: 120, description: 'The window, in months from today' })
  @Optional()
  @Type(() => Number)
  @IsInt({ message: 'months must be a whole number of months' })
  @Min(1, { message: 'months must be 1 to 120' })
  @Max(120, { message: 'months must be 1 to 120' })
  months?: number;

  @ApiPropertyOptional({ example: '2026-12-05', description: "The window's first day (default: today, city time)" })
  @Optional()
  @Validate(IsCalendarDateConstraint)
  on?: string;
}

export class DeadlineCityDto {
  @ApiProperty({ example: 'rochester' }) key: string;
  @ApiProperty({ example: 'Rochester, NY' }) name: string;
  @ApiProperty({ example: 'Rochester' }) namePl: string;
}

export class DeadlineDto {
  @ApiProperty({ enum: ['notice', 'renewal', 'expiry'], enumName: 'DeadlineKind' }) kind: DeadlineKind;
  @ApiProperty({ example: '2028-01-18' }) on: string;
  @ApiProperty({ type: DeadlineCityDto }) city: DeadlineCityDto;
  @ApiProperty() documentId: number;
  @ApiProperty({ enum: DOCUMENT_KINDS, enumName: 'DocumentKind' }) documentKind: DocumentKind;
  @ApiProperty({ type: String, nullable: true }) documentTitle: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'For a notice deadline: the renewal that notice stops' })
  renewsOn: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Years a renewal binds the city for' })
  renewalYears: number | null;
  @ApiProperty({ type: Number, nullable: true }) noticeMonths: number | null;
}

export class DeadlineListDto {
  @ApiProperty({ type: [DeadlineDto] }) items: DeadlineDto[];
  @ApiProperty({ example: '2026-12-05' }) from: string;
  @ApiProperty({ example: '2028-12-05' }) until: string;
}

export class CalendarFeedDto {
  @ApiProperty({ description: 'Whether you have a feed (its address was shown once, when it was created)' })
  active: boolean;
  @ApiProperty({ type: String, nullable: true }) createdAt: string | null;
}

export class CreatedCalendarFeedDto extends CalendarFeedDto {
  @ApiProperty({
    description:
      'The feed address, shown only now: it holds a secret that opens this calendar and nothing else. Revoke it if it leaks.',
  })
  url: string;
}

export class CalendarFeedParamDto {
  @ApiProperty({ description: 'The secret of the feed address' })
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'secret must be the secret part of a calendar feed address' })
  secret: string;
}
