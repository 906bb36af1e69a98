import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, Matches, MaxLength, Validate } from 'class-validator';
import { Optional } from '../../common/http/validation';
import {
  CITY_STATUSES,
  GOAL_SCOPES,
  RELATIONSHIPS,
  type CityStatus,
  type GoalScope,
  type Relationship,
} from '../registry.constants';
import { IsCalendarDateConstraint } from '../../common/validation/is-calendar-date';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CityQueryDto {
  @ApiPropertyOptional({ enum: RELATIONSHIPS, description: 'Relationship tier' })
  @Optional()
  @IsIn(RELATIONSHIPS, { message: `relationship must be one of: ${RELATIONSHIPS.join(', ')}` })
  relationship?: Relationship;

  @ApiPropertyOptional({ example: 'DE', description: 'ISO 3166-1 alpha-2 country code' })
  @Optional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter ISO 3166 code, for example DE' })
  country?: string;

  @ApiPropertyOptional({ enum: CITY_STATUSES, description: "The city's assessment of the relationship" })
  @Optional()
  @IsIn(CITY_STATUSES, { message: `status must be one of: ${CITY_STATUSES.join(', ')}` })
  status?: CityStatus;

  @ApiPropertyOptional({ example: 'education', description: 'Cooperation area (GET /api/v1/areas lists them)' })
  @Optional()
  @IsString({ message: 'area must be a single area key' })
  @Matches(/^[a-z0-9_]{1,64}$/, {
    message: 'area must be an area key such as education (GET /api/v1/areas lists them)',
  })
  area?: string;

  @ApiPropertyOptional({
    example: 'krakow',
    description: 'Text in the Polish or English name; case and diacritics do not matter',
  })
  @Optional()
  @IsString({ message: 'q must be a single text' })
  @Transform(trim)
  @MaxLength(100, { message: 'q must be at most 100 characters' })
  q?: string;
}

export class CityDetailQueryDto {
  @ApiPropertyOptional({
    example: '2026-11-21',
    description: "Date for the in-force and deadline facts (default: today in the city's time zone)",
  })
  @Optional()
  @Validate(IsCalendarDateConstraint)
  on?: string;
}

export class GoalQueryDto {
  @ApiPropertyOptional({ enum: GOAL_SCOPES })
  @Optional()
  @IsIn(GOAL_SCOPES, { message: `scope must be one of: ${GOAL_SCOPES.join(', ')}` })
  scope?: GoalScope;
}

export class CityKeyParamDto {
  @ApiProperty({ example: 'rochester', description: 'City key, as in the reference data' })
  @Matches(/^[a-z0-9_]{1,64}$/, {
    message: 'key must be a city key such as rochester (lower-case letters, digits and _)',
  })
  key: string;
}
