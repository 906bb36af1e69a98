import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  Validate,
} from 'class-validator';
import { Optional } from '../../common/http/validation';
import { IsCalendarDateConstraint } from '../../common/validation/is-calendar-date';
import { LOCALES, type Locale } from '../../users/users.constants';
import { DELEGATION_DIRECTIONS, type DelegationDirection } from '../delegations.constants';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

const Text = (field: string, min: number, max: number) =>
  applyDecorators(
    IsString({ message: `${field} must be a text` }),
    Transform(trim),
    Length(min, max, { message: `${field} must be ${min} to ${max} characters` }),
  );
const Day = () => Validate(IsCalendarDateConstraint);
const Ids = (field: string, what: string) =>
  applyDecorators(
    IsArray({ message: `${field} must be a list of ${what} ids` }),
    ArrayMaxSize(50, { message: `${field} may hold at most 50 ids` }),
    IsUUID('all', { each: true, message: `${field} must hold ${what} ids (UUIDs)` }),
  );

export class CreateDelegationDto {
  @ApiProperty({ enum: DELEGATION_DIRECTIONS, enumName: 'DelegationDirection' })
  @IsIn(DELEGATION_DIRECTIONS, { message: `direction must be one of: ${DELEGATION_DIRECTIONS.join(', ')}` })
  direction: DelegationDirection;

  @ApiProperty({ example: '2026-05-12', description: 'First day (YYYY-MM-DD)' })
  @Day()
  startsOn: string;

  @ApiProperty({ example: '2026-05-14', description: 'Last day (YYYY-MM-DD), not before startsOn' })
  @Day()
  endsOn: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'nuremberg',
    description: 'The partner city (its key); else give place',
  })
  @Optional({ nullable: true })
  @Matches(/^[a-z0-9_]{1,64}$/, { message: 'city must be a partner city key such as nuremberg' })
  city?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Brussels',
    description: 'Another place, when it is not a partner city',
  })
  @Optional({ nullable: true })
  @Text('place', 1, 200)
  place?: string | null;

  @ApiProperty({ example: 'Study visit on municipal waste management' })
  @Text('purpose', 1, 2000)
  purpose: string;

  @ApiPropertyOptional({ enum: LOCALES, description: 'The language of purpose, host and outcomes (default pl)' })
  @Optional()
  @IsIn(LOCALES, { message: `language must be one of: ${LOCALES.join(', ')}` })
  language?: Locale;

  @ApiPropertyOptional({ type: [String], example: ['environment'] })
  @Optional()
  @IsArray({ message: 'areas must be a list of area keys' })
  @ArrayMaxSize(30, { message: 'areas may hold at most 30 areas' })
  @Matches(/^[a-z0-9_]{1,64}$/, { each: true, message: 'areas must hold area keys such as education' })
  areas?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Organisations taking part (ids)' })
  @Optional()
  @Ids('organizationIds', 'organisation')
  organizationIds?: string[];

  @ApiProperty({ example: 6, description: 'How many people came or went' })
  @IsInt({ message: 'peopleCount must be a whole number from 1 to 10000' })
  @Min(1, { message: 'peopleCount must be a whole number from 1 to 10000' })
  @Max(10000, { message: 'peopleCount must be a whole number from 1 to 10000' })
  peopleCount: number;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Who received it, or whom it visited' })
  @Optional({ nullable: true })
  @Text('host', 1, 300)
  host?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Optional({ nullable: true })
  @Text('outcomes', 1, 4000)
  outcomes?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Partnerships it served (ids)' })
  @Optional()
  @Ids('partnershipIds', 'partnership')
  partnershipIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Initiatives it served (ids)' })
  @Optional()
  @Ids('initiativeIds', 'initiative')
  initiativeIds?: string[];

  @ApiPropertyOptional({ description: 'Shown to the public (default false)' })
  @Optional()
  @IsBoolean({ message: 'isPublic must be true or false' })
  isPublic?: boolean;
}

/** An edit sends the version it read and what it changes, each field validated as for a new visit. */
export class UpdateDelegationDto extends PartialType(CreateDelegationDto, { skipNullProperties: false }) {
  @ApiProperty({ description: 'The version you read: a save over a newer one is refused (409)', example: 1 })
  @IsInt({ message: 'version must be the version of the visit you read (a whole number)' })
  @Min(1, { message: 'version must be the version of the visit you read (a whole number)' })
  @Max(2 ** 31 - 1, { message: 'version must be the version of the visit you read (a whole number)' })
  version: number;
}

export class DelegationIdParamDto {
  @ApiProperty({ example: 12 })
  @Matches(/^[1-9]\d{0,8}$/, { message: 'id must be the number of a visit' })
  id: string;
}

export class DelegationImportDto {
  @ApiProperty({
    description:
      'The CSV text, with a header row: direction, starts_on, ends_on, city, place, purpose, people, and optionally language, areas, organizations, host, outcomes, initiatives, partnerships, public (lists separated by ;)',
  })
  @IsString({ message: 'csv must be the text of a CSV file' })
  @Length(1, 900_000, { message: 'csv must be 1 to 900000 characters (split a larger file)' })
  csv: string;
}

export class DelegationQueryDto {
  @ApiPropertyOptional({ example: 2026, description: 'Visits that began in this year' })
  @Optional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : value,
  )
  @IsInt({ message: 'year must be a year such as 2026' })
  @Min(1900, { message: 'year must be a year from 1900 to 2200' })
  @Max(2200, { message: 'year must be a year from 1900 to 2200' })
  year?: number;
}

export class DelegationPlaceDto {
  @ApiProperty({ example: 'nuremberg' }) key: string;
  @ApiProperty({ example: 'Nuremberg' }) name: string;
  @ApiProperty({ example: 'Norymberga' }) namePl: string;
}

export class DelegationOrganizationDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

/** A visit as the public sees it (staff marked it public). */
export class PublicDelegationDto {
  @ApiProperty() id: number;
  @ApiProperty({ enum: DELEGATION_DIRECTIONS, enumName: 'DelegationDirection' }) direction: DelegationDirection;
  @ApiProperty() startsOn: string;
  @ApiProperty() endsOn: string;
  @ApiProperty({ type: DelegationPlaceDto, nullable: true }) city: DelegationPlaceDto | null;
  @ApiProperty({ type: String, nullable: true }) place: string | null;
  @ApiProperty() purpose: string;
  @ApiProperty({ description: 'The language of purpose, host and outcomes' }) language: string;
  @ApiProperty({ type: [String] }) areas: string[];
  @ApiProperty({ type: [DelegationOrganizationDto], description: 'Verified organisations taking part' })
  organizations: DelegationOrganizationDto[];
  @ApiProperty() peopleCount: number;
  @ApiProperty({ type: String, nullable: true }) host: string | null;
  @ApiProperty({ type: String, nullable: true }) outcomes: string | null;
}

/** A visit as registry editors see it. */
export class DelegationDto extends PublicDelegationDto {
  @ApiProperty({ type: [String] }) organizationIds: string[];
  @ApiProperty({ type: [String] }) partnershipIds: string[];
  @ApiProperty({ type: [String] }) initiativeIds: string[];
  @ApiProperty() isPublic: boolean;
  @ApiProperty() version: number;
  @ApiProperty() updatedAt: string;
}

export class DelegationListDto {
  @ApiProperty({ type: [DelegationDto], description: 'Newest first' }) items: DelegationDto[];
  @ApiProperty() total: number;
}

export class PublicDelegationListDto {
  @ApiProperty({ type: [PublicDelegationDto], description: 'Newest first' }) items: PublicDelegationDto[];
  @ApiProperty() total: number;
}

export class DelegationCountDto {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ enum: DELEGATION_DIRECTIONS, enumName: 'DelegationDirection' }) direction: DelegationDirection;
  @ApiProperty({ type: DelegationPlaceDto, nullable: true, description: 'Null: places that are not partner cities' })
  city: DelegationPlaceDto | null;
  @ApiProperty() visits: number;
  @ApiProperty() people: number;
}

export class DelegationYearDto {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty() incoming: number;
  @ApiProperty() outgoing: number;
}

export class DelegationSummaryDto {
  @ApiProperty({ type: [DelegationYearDto], description: 'Visits per year and direction, newest year first' })
  years: DelegationYearDto[];
  @ApiProperty({ type: [DelegationCountDto], description: 'Visits per year, direction and city' })
  counts: DelegationCountDto[];
}

export class DelegationRejectedRowDto {
  @ApiProperty({ description: 'The line of the file (the header is line 1)' }) line: number;
  @ApiProperty({ type: [String] }) errors: string[];
}

export class DelegationImportResultDto {
  @ApiProperty() imported: number;
  @ApiProperty({ type: [Number] }) ids: number[];
}
