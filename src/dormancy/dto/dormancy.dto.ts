import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';
import { Optional } from '../../common/http/validation';
import { DORMANCY_DECISIONS, type DormancyDecision } from '../dormancy.constants';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class DormancyQueryDto {
  @ApiPropertyOptional({ default: 24, description: 'The window of activity, in months (1 to 120)' })
  @Optional()
  @Type(() => Number)
  @IsInt({ message: 'windowMonths must be a whole number of months from 1 to 120' })
  @Min(1, { message: 'windowMonths must be a whole number of months from 1 to 120' })
  @Max(120, { message: 'windowMonths must be a whole number of months from 1 to 120' })
  windowMonths?: number;

  @ApiPropertyOptional({ default: 3, description: 'Less activity than this flags a city (1 to 1000)' })
  @Optional()
  @Type(() => Number)
  @IsInt({ message: 'minimum must be a whole number from 1 to 1000' })
  @Min(1, { message: 'minimum must be a whole number from 1 to 1000' })
  @Max(1000, { message: 'minimum must be a whole number from 1 to 1000' })
  minimum?: number;
}

export class DismissDto {
  @ApiProperty({ description: 'Why the partnership is alive though the platform shows little (3 to 2000 characters)' })
  @IsString({ message: 'reason must be a text' })
  @Transform(trim)
  @Length(3, 2000, { message: 'reason must be 3 to 2000 characters' })
  reason: string;
}

export class ConfirmDto {
  @ApiPropertyOptional({ description: 'A note for the history (up to 2000 characters)' })
  @Optional()
  @IsString({ message: 'reason must be a text' })
  @Transform(trim)
  @Length(1, 2000, { message: 'reason must be 1 to 2000 characters' })
  reason?: string;
}

export class ReviveDto extends ConfirmDto {
  @ApiPropertyOptional({ default: 10, description: 'The matching boost the city gets (1 to 20)' })
  @Optional()
  @IsInt({ message: 'boost must be a whole number from 1 to 20' })
  @Min(1, { message: 'boost must be a whole number from 1 to 20' })
  @Max(20, { message: 'boost must be a whole number from 1 to 20' })
  boost?: number;
}

export class ActivityDto {
  @ApiProperty() initiatives: number;
  @ApiProperty() organizations: number;
  @ApiProperty() partnerships: number;
  @ApiProperty() messages: number;
  @ApiProperty() forumSessions: number;
  @ApiProperty() meetings: number;
  @ApiProperty() delegations: number;
}

export class DormancyReviewDto {
  @ApiProperty({ enum: DORMANCY_DECISIONS, enumName: 'DormancyDecision' }) decision: DormancyDecision;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty() decidedAt: string;
}

export class CityActivityDto {
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty() namePl: string;
  @ApiProperty({ type: String, nullable: true }) status: string | null;
  @ApiProperty() matchBoost: number;
  @ApiProperty({ type: ActivityDto, description: 'The evidence: what happened within the window' })
  activity: ActivityDto;
  @ApiProperty() total: number;
  @ApiProperty({ description: 'Less activity than the minimum' }) possiblyDormant: boolean;
  @ApiProperty({ description: 'Flagged and not dismissed by staff' }) flagged: boolean;
  @ApiProperty({ type: DormancyReviewDto, nullable: true, description: "Staff's latest decision" })
  review: DormancyReviewDto | null;
}

export class DormancyListDto {
  @ApiProperty() windowMonths: number;
  @ApiProperty() minimum: number;
  @ApiProperty({ type: [CityActivityDto] }) items: CityActivityDto[];
}
