import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  Validate,
  ValidateIf,
} from 'class-validator';
import { IsCalendarDateConstraint } from '../../common/validation/is-calendar-date';
import { LOCALES, type Locale } from '../../users/users.constants';
import { OVERRIDE_JUSTIFICATION_MIN_LENGTH } from '../programme-rules';
import {
  CITY_STATUSES,
  DOCUMENT_KINDS,
  DOCUMENT_TERMS,
  RELATIONSHIPS,
  type CityStatus,
  type DocumentKind,
  type DocumentTerm,
  type Relationship,
} from '../registry.constants';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Validated when sent (an edit leaves out what it does not change); null is refused by the validators. */
const WhenSent = () => ValidateIf((_object: object, value: unknown) => value !== undefined);
/** Validated when sent and not null (null clears the field). */
const WhenSet = () => ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null);

const Text = (field: string, min: number, max: number) =>
  applyDecorators(
    IsString({ message: `${field} must be a text` }),
    Transform(trim),
    Length(min, max, { message: `${field} must be ${min} to ${max} characters` }),
  );
const OneOf = (field: string, values: readonly string[]) =>
  IsIn(values, { message: `${field} must be one of: ${values.join(', ')}` });
const Country = () =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value)),
    Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter ISO 3166 code, for example DE' }),
  );
const Coordinate = (field: 'lat' | 'lon') => {
  const limit = field === 'lat' ? 90 : 180;
  const message = `${field} must be a number from -${limit} to ${limit}`;
  return applyDecorators(IsNumber({}, { message }), Min(-limit, { message }), Max(limit, { message }));
};
const AreaKeys = () =>
  applyDecorators(
    IsArray({ message: 'areas must be a list of area keys' }),
    ArrayMaxSize(30, { message: 'areas may hold at most 30 areas' }),
    Matches(/^[a-z0-9_]{1,64}$/, { each: true, message: 'areas must hold area keys such as education' }),
  );
const Years = (field: string, max: number) =>
  applyDecorators(
    IsInt({ message: `${field} must be a whole number of years` }),
    Min(1, { message: `${field} must be at least 1` }),
    Max(max, { message: `${field} must be at most ${max}` }),
  );
const Justification = () =>
  applyDecorators(
    ApiPropertyOptional({
      description: `Needed only to go against a programme rule: why (at least ${OVERRIDE_JUSTIFICATION_MIN_LENGTH} characters); kept in the audit log and the city's history`,
    }),
    WhenSent(),
    Text('overrideJustification', OVERRIDE_JUSTIFICATION_MIN_LENGTH, 2000),
  );
const Version = () =>
  applyDecorators(
    ApiProperty({ description: 'The version you read: a save over a newer one is refused (409)', example: 3 }),
    IsInt({ message: 'version must be the version of the record you read (a whole number)' }),
    Min(1, { message: 'version must be the version of the record you read (a whole number)' }),
  );
/** "1998", "2003-06" or "1973-07-18": as much of the date as the document gives. */
const PartialDate = (field: string) =>
  Matches(/^\d{4}(-\d{2}(-\d{2})?)?$/, {
    message: `${field} must be a year, a month or a day: 1998, 2003-06 or 1973-07-18`,
  });

export class CreateCityDto {
  @ApiProperty({ example: 'lublin_twin', description: 'Key used in URLs: lower-case letters, digits and _' })
  @Matches(/^[a-z0-9_]{1,64}$/, { message: 'key must be lower-case letters, digits and _ (at most 64), e.g. kyoto' })
  key: string;

  @ApiProperty({ example: 'Kyoto', description: 'Name in English' })
  @Text('name', 1, 120)
  name: string;

  @ApiProperty({ example: 'Kioto', description: 'Name in Polish' })
  @Text('namePl', 1, 120)
  namePl: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Official Polish name' })
  @WhenSet()
  @Text('officialNamePl', 1, 200)
  officialNamePl?: string | null;

  @ApiProperty({ example: 'JP' })
  @Country()
  country: string;

  @ApiProperty({ example: 35.01 })
  @Coordinate('lat')
  lat: number;

  @ApiProperty({ example: 135.77 })
  @Coordinate('lon')
  lon: number;

  @ApiProperty({ description: 'On the European continent (the honorary title is only for cities outside it)' })
  @IsBoolean({ message: 'inEurope must be true or false' })
  inEurope: boolean;

  @ApiProperty({ enum: RELATIONSHIPS, enumName: 'Relationship' })
  @OneOf('relationship', RELATIONSHIPS)
  relationship: Relationship;

  @ApiProperty({ enum: CITY_STATUSES, enumName: 'CityStatus', nullable: true })
  @WhenSet()
  @OneOf('status', CITY_STATUSES)
  status: CityStatus | null;

  @ApiProperty({ type: [String], example: ['culture', 'education'] })
  @AreaKeys()
  areas: string[];

  @ApiPropertyOptional({ type: [String], description: 'Notes on the cooperation record, in factsLanguage' })
  @WhenSent()
  @IsArray({ message: 'facts must be a list of notes' })
  @ArrayMaxSize(50, { message: 'facts may hold at most 50 notes' })
  @IsString({ each: true, message: 'facts must be a list of texts' })
  @Length(1, 2000, { each: true, message: 'each note in facts must be 1 to 2000 characters' })
  facts?: string[];

  @ApiPropertyOptional({ enum: LOCALES, description: 'The language the notes are written in' })
  @WhenSent()
  @OneOf('factsLanguage', LOCALES)
  factsLanguage?: Locale;

  @ApiPropertyOptional({
    type: [String],
    description: 'The notes in the other of Polish and English (an empty list removes that version)',
  })
  @WhenSent()
  @IsArray({ message: 'factsTranslation must be a list of notes' })
  @ArrayMaxSize(50, { message: 'factsTranslation may hold at most 50 notes' })
  @IsString({ each: true, message: 'factsTranslation must be a list of texts' })
  @Length(1, 2000, { each: true, message: 'each note in factsTranslation must be 1 to 2000 characters' })
  factsTranslation?: string[];

  @Justification()
  overrideJustification?: string;
}

/**
 * An edit sends what it changes: every field of a new city but its key, each validated when sent.
 * `skipNullProperties: false`: a null is still validated (and refused where the field cannot be
 * cleared), rather than skipped as IsOptional would.
 */
export class UpdateCityDto extends PartialType(OmitType(CreateCityDto, ['key'] as const), {
  skipNullProperties: false,
}) {
  @Version()
  version: number;
}

export class CreateDocumentDto {
  @ApiProperty({ enum: DOCUMENT_KINDS, enumName: 'DocumentKind' })
  @OneOf('kind', DOCUMENT_KINDS)
  kind: DocumentKind;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Title in the language of the document' })
  @WhenSet()
  @Text('title', 1, 300)
  title?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2003-06',
    description: 'As much of the signing date as is known: 1998, 2003-06 or 1973-07-18',
  })
  @WhenSet()
  @PartialDate('signedOn')
  signedOn?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2005-07-01',
    description: 'In force from (YYYY-MM-DD)',
  })
  @WhenSet()
  @Validate(IsCalendarDateConstraint)
  validFrom?: string | null;

  @ApiPropertyOptional({ enum: DOCUMENT_TERMS, enumName: 'DocumentTerm', nullable: true })
  @WhenSet()
  @OneOf('term', DOCUMENT_TERMS)
  term?: DocumentTerm | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Last day in force, for a fixed term (YYYY-MM-DD)',
  })
  @WhenSet()
  @Validate(IsCalendarDateConstraint)
  validUntil?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Length of a fixed term, in years' })
  @WhenSet()
  @Years('termYears', 99)
  termYears?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Each automatic renewal, in years' })
  @WhenSet()
  @Years('renewalYears', 99)
  renewalYears?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Notice period before expiry, in months' })
  @WhenSet()
  @IsInt({ message: 'noticeMonths must be a whole number of months' })
  @Min(1, { message: 'noticeMonths must be at least 1' })
  @Max(120, { message: 'noticeMonths must be at most 120' })
  noticeMonths?: number | null;

  @ApiPropertyOptional({ type: [String] })
  @WhenSent()
  @AreaKeys()
  areas?: string[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Where it comes from: a resolution, a file, a link',
  })
  @WhenSet()
  @Text('source', 1, 500)
  source?: string | null;

  @Justification()
  overrideJustification?: string;
}

/** An edit sends what it changes, each field validated as for a new document. */
export class UpdateDocumentDto extends PartialType(CreateDocumentDto, { skipNullProperties: false }) {
  @Version()
  version: number;
}

export class DocumentParamDto {
  @ApiProperty({ example: 'rochester' })
  @Matches(/^[a-z0-9_]{1,64}$/, {
    message: 'key must be a city key such as rochester (lower-case letters, digits and _)',
  })
  key: string;

  @ApiProperty({ example: 12 })
  @Matches(/^[1-9]\d{0,8}$/, { message: 'id must be the number of a document' })
  id: string;
}

export class RegistryChangeDto {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'document.update' }) action: string;
  @ApiProperty({ type: Number, nullable: true }) documentId: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Display name of who made it' }) actorName: string | null;
  @ApiProperty({
    description: 'Field: its value before and after',
    type: 'object',
    additionalProperties: {
      type: 'object',
      properties: { from: {}, to: {} },
    },
  })
  changes: Record<string, { from: unknown; to: unknown }>;
  @ApiProperty({ type: [String], description: 'Programme rules overridden by this change' }) overriddenRules: string[];
  @ApiProperty({ type: String, nullable: true }) justification: string | null;
  @ApiProperty() createdAt: string;
}

export class RegistryHistoryDto {
  @ApiProperty({ type: [RegistryChangeDto], description: 'Newest first' }) items: RegistryChangeDto[];
}
