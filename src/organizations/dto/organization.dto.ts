import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { Optional } from '../../common/http/validation';
import { LANGUAGE_CODES } from '../../common/languages';
import {
  MEMBER_ROLES,
  ORGANIZATION_STATUSES,
  PARTNER_ROLES,
  PUPIL_AGE,
  SCHOOL_LEVELS,
  SCHOOL_SUBJECTS,
  type MemberRole,
  type OrganizationStatus,
} from '../organizations.constants';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
const KEY = /^[a-z0-9_]{1,64}$/;

export class CreateOrganizationDto {
  @ApiProperty({ example: 'Fundacja Most Kultury', maxLength: 200 })
  @Transform(trim)
  @IsString({ message: 'name must be text' })
  @Length(2, 200, { message: 'name must be 2 to 200 characters long' })
  name: string;

  @ApiProperty({
    example: 'ngo',
    description: 'An organisation type of the reference data (GET /api/v1/organization-types)',
  })
  @Matches(KEY, { message: 'type must be an organisation type such as ngo or school' })
  type: string;

  @ApiPropertyOptional({
    example: 'krakow',
    description: 'Key of the home city or a partner city; otherwise give city and country',
  })
  @Optional()
  @Matches(KEY, { message: 'cityKey must be a city key such as krakow or lviv' })
  cityKey?: string;

  @ApiPropertyOptional({ example: 'Poznań', description: 'Any other city (with country), when cityKey is not given' })
  @ValidateIf((dto: CreateOrganizationDto) => dto.cityKey === undefined)
  @Transform(trim)
  @Length(1, 120, { message: 'city must be 1 to 120 characters long' })
  // Checked first (the decorator nearest the property runs first).
  @IsString({ message: 'city is required when cityKey is not given' })
  city?: string;

  @ApiPropertyOptional({ example: 'PL', description: 'ISO 3166-1 alpha-2, with city' })
  @ValidateIf((dto: CreateOrganizationDto) => dto.cityKey === undefined)
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter ISO 3166 code such as PL' })
  country?: string;

  @ApiProperty({ type: [String], example: ['culture', 'youth'] })
  @IsArray({ message: 'areas must be a list of area keys' })
  @ArrayMaxSize(23)
  @ArrayUnique({ message: 'areas must not repeat' })
  @Matches(KEY, { each: true, message: 'each of areas must be an area key such as culture' })
  areas: string[];

  @ApiProperty({ type: [String], example: ['pl', 'en', 'de'], description: 'Working languages, ISO 639-1 codes' })
  @IsArray({ message: 'languages must be a list of language codes' })
  @ArrayMaxSize(20)
  @ArrayUnique({ message: 'languages must not repeat' })
  @IsIn(LANGUAGE_CODES, {
    each: true,
    message: 'each of languages must be a two-letter ISO 639-1 code such as pl, en or de',
  })
  languages: string[];

  @ApiPropertyOptional({
    type: String,
    example: 'https://most-kultury.example.org',
    nullable: true,
    description: 'null clears it',
  })
  @Optional({ nullable: true })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { message: 'website must be a web address starting with https:// or http://' },
  )
  @MaxLength(300)
  website?: string | null;

  @ApiPropertyOptional({ description: 'Markdown; rendered and sanitised on the server', maxLength: 10000 })
  @Optional()
  @IsString({ message: 'description must be text' })
  @MaxLength(10000, { message: 'description must be at most 10,000 characters long' })
  description?: string;

  @ApiPropertyOptional({
    example: 'pl',
    description: "The language (ISO 639-1) the description is written in (default: the request's language)",
  })
  @Optional()
  @IsIn(LANGUAGE_CODES, { message: 'descriptionLanguage must be a two-letter ISO 639-1 code such as pl, en or de' })
  descriptionLanguage?: string;

  @ApiPropertyOptional({
    type: String,
    example: 'kontakt@most-kultury.example.org',
    nullable: true,
    description: 'Shown to signed-in users only; null clears it',
  })
  @Optional({ nullable: true })
  @Transform(lower)
  @IsEmail({}, { message: 'contactEmail must be an e-mail address' })
  @MaxLength(254)
  contactEmail?: string | null;

  @ApiPropertyOptional({
    type: String,
    example: '+48 12 616 12 00',
    nullable: true,
    description: 'Shown to signed-in users only; null clears it',
  })
  @Optional({ nullable: true })
  @Matches(/^\+?[0-9 ()-]{6,40}$/, { message: 'contactPhone must be a phone number such as +48 12 616 12 00' })
  contactPhone?: string | null;

  @ApiPropertyOptional({ type: [String], enum: SCHOOL_LEVELS, description: "A school's levels" })
  @Optional()
  @IsArray({ message: 'schoolLevels must be a list' })
  @ArrayUnique({ message: 'schoolLevels must not repeat' })
  @IsIn(SCHOOL_LEVELS, { each: true, message: `each of schoolLevels must be one of: ${SCHOOL_LEVELS.join(', ')}` })
  schoolLevels?: string[];

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: PUPIL_AGE.min,
    maximum: PUPIL_AGE.max,
    description: "The youngest pupils' age (with pupilAgeMax); null clears both",
  })
  @Optional({ nullable: true })
  @IsInt({ message: 'pupilAgeMin must be a whole number of years' })
  @Min(PUPIL_AGE.min, { message: `pupilAgeMin must be ${PUPIL_AGE.min} to ${PUPIL_AGE.max}` })
  @Max(PUPIL_AGE.max, { message: `pupilAgeMin must be ${PUPIL_AGE.min} to ${PUPIL_AGE.max}` })
  pupilAgeMin?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: PUPIL_AGE.min,
    maximum: PUPIL_AGE.max,
    description: "The oldest pupils' age (with pupilAgeMin)",
  })
  @Optional({ nullable: true })
  @IsInt({ message: 'pupilAgeMax must be a whole number of years' })
  @Min(PUPIL_AGE.min, { message: `pupilAgeMax must be ${PUPIL_AGE.min} to ${PUPIL_AGE.max}` })
  @Max(PUPIL_AGE.max, { message: `pupilAgeMax must be ${PUPIL_AGE.min} to ${PUPIL_AGE.max}` })
  pupilAgeMax?: number | null;

  @ApiPropertyOptional({ type: [String], enum: SCHOOL_SUBJECTS, description: 'What a school teaches' })
  @Optional()
  @IsArray({ message: 'subjects must be a list' })
  @ArrayUnique({ message: 'subjects must not repeat' })
  @IsIn(SCHOOL_SUBJECTS, { each: true, message: `each of subjects must be one of: ${SCHOOL_SUBJECTS.join(', ')}` })
  subjects?: string[];

  @ApiPropertyOptional({
    type: [String],
    enum: PARTNER_ROLES,
    description: 'The roles in a joint project it is ready to take',
  })
  @Optional()
  @IsArray({ message: 'partnerRoles must be a list' })
  @ArrayUnique({ message: 'partnerRoles must not repeat' })
  @IsIn(PARTNER_ROLES, { each: true, message: `each of partnerRoles must be one of: ${PARTNER_ROLES.join(', ')}` })
  partnerRoles?: string[];

  @ApiPropertyOptional({ type: [String], example: ['Erasmus+'], description: 'Funding programmes it has worked with' })
  @Optional()
  @IsArray({ message: 'fundingProgrammes must be a list' })
  @ArrayMaxSize(10, { message: 'fundingProgrammes may have at most 10 entries' })
  @ArrayUnique({ message: 'fundingProgrammes must not repeat' })
  @Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map((v: unknown) => (typeof v === 'string' ? v.trim() : v)) : value,
  )
  @IsString({ each: true, message: 'each of fundingProgrammes must be text' })
  @Length(2, 100, { each: true, message: 'each of fundingProgrammes must be 2 to 100 characters long' })
  fundingProgrammes?: string[];
}

export class UpdateOrganizationDto extends PartialType(CreateOrganizationDto) {}

export class ReasonDto {
  @ApiProperty({
    example: 'The organisation could not be found in the KRS register.',
    description: 'Why: shown to the owners and kept in the audit log',
  })
  @Transform(trim)
  @IsString({ message: 'reason must be text' })
  @Length(3, 2000, { message: 'reason must be 3 to 2,000 characters long' })
  reason: string;

  @ApiPropertyOptional({
    example: 'pl',
    description: 'The language (ISO 639-1) the reason is written in (the web client sends its interface language)',
  })
  @Optional()
  @IsIn(LANGUAGE_CODES, { message: 'lang must be a two-letter ISO 639-1 code such as pl, en or de' })
  lang?: string;
}

export class InviteMemberDto {
  @ApiProperty({ example: 'jan@example.org' })
  @Transform(lower)
  @IsEmail({}, { message: 'email must be an e-mail address such as name@example.org' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ enum: MEMBER_ROLES })
  @IsIn(MEMBER_ROLES, { message: 'role must be one of: owner, editor, member' })
  role: MemberRole;
}

export class ChangeRoleDto {
  @ApiProperty({ enum: MEMBER_ROLES })
  @IsIn(MEMBER_ROLES, { message: 'role must be one of: owner, editor, member' })
  role: MemberRole;
}

export class TransferOwnershipDto {
  @ApiProperty({ description: 'A member who becomes an owner; you become an editor' })
  @IsUUID('4', { message: 'userId must be the id of a member' })
  userId: string;
}

export class OrganizationListQueryDto {
  @ApiPropertyOptional({ example: 'school' })
  @Optional()
  @Matches(KEY, { message: 'type must be an organisation type such as school' })
  type?: string;
  @ApiPropertyOptional({ example: 'lviv' })
  @Optional()
  @Matches(KEY, { message: 'city must be a city key such as lviv' })
  city?: string;
  @ApiPropertyOptional({ example: 'DE' })
  @Optional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter ISO 3166 code' })
  country?: string;
  @ApiPropertyOptional({ example: 'education' })
  @Optional()
  @Matches(KEY, { message: 'area must be an area key such as education' })
  area?: string;
  @ApiPropertyOptional({ example: 'uniwersytet' })
  @Optional()
  @Transform(trim)
  @IsString()
  @MaxLength(100, { message: 'q must be at most 100 characters' })
  q?: string;
  @ApiPropertyOptional({ enum: ORGANIZATION_STATUSES, description: 'Staff only; others see verified organisations' })
  @Optional()
  @IsIn(ORGANIZATION_STATUSES, { message: 'status must be one of: pending, verified, rejected' })
  status?: OrganizationStatus;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @Optional()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;
  @ApiPropertyOptional({ default: 20, maximum: 100 })
  @Optional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(100, { message: 'limit must be at most 100' })
  limit?: number;
}

export class OrganizationCityDto {
  @ApiProperty({ type: String, nullable: true, example: 'krakow', description: 'Null for a city outside the registry' })
  key: string | null;
  @ApiProperty({ example: 'Kraków' }) name: string;
  @ApiProperty({ type: String, nullable: true, example: 'Kraków' }) namePl: string | null;
  @ApiProperty({ example: 'PL' }) country: string;
  @ApiProperty({ type: String, nullable: true, enum: ['home', 'twin', 'honorary_twin', 'partner', 'informal'] })
  relationship: string | null;
}

export class MemberDto {
  @ApiProperty() userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: MEMBER_ROLES }) role: MemberRole;
  @ApiProperty() since: string;
}

export class OrganizationDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'ngo' }) type: string;
  @ApiProperty({ type: OrganizationCityDto }) city: OrganizationCityDto;
  @ApiProperty({ type: [String] }) areas: string[];
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty({ type: [String], enum: SCHOOL_LEVELS }) schoolLevels: string[];
  @ApiProperty({ type: Number, nullable: true }) pupilAgeMin: number | null;
  @ApiProperty({ type: Number, nullable: true }) pupilAgeMax: number | null;
  @ApiProperty({ type: [String], enum: SCHOOL_SUBJECTS }) subjects: string[];
  @ApiProperty({ type: [String], enum: PARTNER_ROLES }) partnerRoles: string[];
  @ApiProperty({ type: [String] }) fundingProgrammes: string[];
  @ApiProperty({ type: String, nullable: true }) website: string | null;
  @ApiProperty({ description: 'Sanitised HTML rendered from the Markdown description' }) descriptionHtml: string;
  @ApiProperty({ example: 'pl', description: 'The language the description is written in' })
  descriptionLanguage: string;
  @ApiProperty({ enum: ORGANIZATION_STATUSES }) status: OrganizationStatus;
  @ApiProperty({ description: 'Verified by city staff' }) verified: boolean;
  @ApiProperty() createdAt: string;
}

export class OrganizationDetailDto extends OrganizationDto {
  @ApiPropertyOptional({ description: 'Markdown source; for its editors' }) description?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Signed-in users only' }) contactEmail?:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Signed-in users only' }) contactPhone?:
    string | null;
  @ApiPropertyOptional({ type: [MemberDto], description: 'Signed-in users only' }) members?: MemberDto[];
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    enum: MEMBER_ROLES,
    description: 'Your role in it, when signed in',
  })
  myRole?: MemberRole | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Why it was rejected; for its members and staff' })
  statusReason?: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The language (ISO 639-1) of statusReason; null when not said',
  })
  statusReasonLang?: string | null;
}

export class OrganizationPageDto {
  @ApiProperty({ type: [OrganizationDto] }) items: OrganizationDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class MyOrganizationDto extends OrganizationDto {
  @ApiProperty({ enum: MEMBER_ROLES }) myRole: MemberRole;
}

export class MyOrganizationListDto {
  @ApiProperty({ type: [MyOrganizationDto] }) items: MyOrganizationDto[];
}

export class InvitationDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: MEMBER_ROLES }) role: MemberRole;
  @ApiProperty() createdAt: string;
  @ApiProperty() expiresAt: string;
}

export class InvitationListDto {
  @ApiProperty({ type: [InvitationDto] }) items: InvitationDto[];
}

export class AcceptedInvitationDto {
  @ApiProperty() organizationId: string;
  @ApiProperty({ enum: MEMBER_ROLES }) role: MemberRole;
}
