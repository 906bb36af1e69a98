import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Optional } from '../../common/http/validation';
import { INITIATIVE_KINDS } from '../../initiatives/initiatives.constants';
import { LANGUAGE_CODES } from '../../common/languages';

const KEY = /^[a-z0-9_]{1,64}$/;
const CURSOR = /^[A-Za-z0-9_-]{1,400}$/;

export class MatchQueryDto {
  @ApiPropertyOptional({
    enum: ['pl', 'en'],
    description: "Language of the reasons (default: yours, or the browser's)",
  })
  @Optional()
  @IsIn(['pl', 'en'], { message: 'lang must be pl or en' })
  lang?: 'pl' | 'en';
  @ApiPropertyOptional({ description: 'nextOrganizationsCursor of the previous answer' })
  @Optional()
  @Matches(CURSOR, { message: 'organizationsCursor must be a cursor of a previous answer' })
  organizationsCursor?: string;
  @ApiPropertyOptional({ description: 'nextInitiativesCursor of the previous answer' })
  @Optional()
  @Matches(CURSOR, { message: 'initiativesCursor must be a cursor of a previous answer' })
  initiativesCursor?: string;
}

export class SuggestionQueryDto {
  @ApiPropertyOptional({ enum: ['pl', 'en'] })
  @Optional()
  @IsIn(['pl', 'en'], { message: 'lang must be pl or en' })
  lang?: 'pl' | 'en';
  @ApiPropertyOptional()
  @Optional()
  @Matches(CURSOR, { message: 'cursor must be the nextCursor of a previous answer' })
  cursor?: string;
}

export class MatchReasonDto {
  @ApiProperty({
    enum: [
      'target_city',
      'target_country',
      'city_tier',
      'sought_type',
      'school_level',
      'pupil_ages',
      'shared_subjects',
      'partner_role',
      'funding_programme',
      'city_network',
      'shared_areas',
      'shared_languages',
      'active',
      'city_boost',
    ],
  })
  code: string;
  @ApiProperty({ example: "Nuremberg is Kraków's twin city" }) text: string;
}

export class MatchedOrganizationDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() type: string;
  @ApiProperty({ type: String, nullable: true }) cityKey: string | null;
  @ApiProperty({ description: "Its place, named in the reader's language (Norymberga / Nuremberg)" }) cityName: string;
  @ApiProperty() country: string;
}

export class OrganizationMatchDto {
  @ApiProperty({ type: MatchedOrganizationDto }) organization: MatchedOrganizationDto;
  @ApiProperty() score: number;
  @ApiProperty({ type: [MatchReasonDto] }) reasons: MatchReasonDto[];
}

export class MatchedInitiativeDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: "In the reader's language when it has that version, else as written" }) title: string;
  @ApiProperty({ example: 'en', description: 'The language (ISO 639-1) of `title` as returned' }) titleLang: string;
  @ApiProperty({ description: "In the reader's language when it has that version, else as written" }) summary: string;
  @ApiProperty({ example: 'en', description: 'The language of `summary` as returned' }) summaryLang: string;
  @ApiProperty() kind: string;
  @ApiProperty() organizationId: string;
  @ApiProperty() organizationName: string;
  @ApiProperty({ type: String, nullable: true }) cityKey: string | null;
  @ApiProperty() country: string;
}

export class InitiativeMatchDto {
  @ApiProperty({ type: MatchedInitiativeDto }) initiative: MatchedInitiativeDto;
  @ApiProperty() score: number;
  @ApiProperty({ type: [MatchReasonDto] }) reasons: MatchReasonDto[];
}

export class NetworkMemberCityDto {
  @ApiProperty({ example: 'florence' }) key: string;
  @ApiProperty({ description: "Named in the reader's language", example: 'Florencja' }) name: string;
  @ApiProperty({ example: 'IT' }) country: string;
}

export class NetworkSuggestionDto {
  @ApiProperty({ example: 'owhc' }) key: string;
  @ApiProperty({ description: "In the reader's language" }) name: string;
  @ApiProperty({ type: [String], description: 'The target cities that belong to it', example: ['budapest'] })
  targetCities: string[];
  @ApiProperty({
    type: [NetworkMemberCityDto],
    description: 'Its other member cities (partner cities of the home city), which could join a multilateral project',
  })
  otherMembers: NetworkMemberCityDto[];
}

export class MatchesDto {
  @ApiProperty({
    type: [NetworkSuggestionDto],
    description: 'City networks of the target cities, with the other members that could join',
  })
  networks: NetworkSuggestionDto[];
  @ApiProperty({ type: [OrganizationMatchDto], description: 'Counterpart organisations, best first, 20 at a time' })
  organizations: OrganizationMatchDto[];
  @ApiProperty({ type: [InitiativeMatchDto], description: 'Complementary initiatives, best first, 20 at a time' })
  initiatives: InitiativeMatchDto[];
  @ApiProperty({ type: String, nullable: true }) nextOrganizationsCursor: string | null;
  @ApiProperty({ type: String, nullable: true }) nextInitiativesCursor: string | null;
}

export class SuggestionsDto {
  @ApiProperty({ type: [InitiativeMatchDto], description: 'Initiatives that fit the organisation, best first' })
  initiatives: InitiativeMatchDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class CityBoostDto {
  @ApiProperty({ minimum: 0, maximum: 20, description: '0 to 20 points added to matches in this city' })
  @Type(() => Number)
  @IsInt({ message: 'boost must be a whole number' })
  @Min(0, { message: 'boost must be 0 to 20' })
  @Max(20, { message: 'boost must be 0 to 20' })
  boost: number;
}

export class SavedFiltersDto {
  @ApiPropertyOptional()
  @Optional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @MaxLength(200)
  @IsString()
  q?: string;
  @ApiPropertyOptional() @Optional() @Matches(KEY, { message: 'area must be an area key' }) area?: string;
  @ApiPropertyOptional() @Optional() @Matches(KEY, { message: 'goal must be a goal key' }) goal?: string;
  @ApiPropertyOptional({ enum: INITIATIVE_KINDS })
  @Optional()
  @IsIn(INITIATIVE_KINDS, { message: `kind must be one of: ${INITIATIVE_KINDS.join(', ')}` })
  kind?: string;
  @ApiPropertyOptional() @Optional() @Matches(KEY, { message: 'city must be a city key' }) city?: string;
  @ApiPropertyOptional()
  @Optional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter ISO 3166 code' })
  country?: string;
  @ApiPropertyOptional()
  @Optional()
  @Matches(KEY, { message: 'orgType must be an organisation type' })
  orgType?: string;
  @ApiPropertyOptional()
  @Optional()
  @IsIn(LANGUAGE_CODES, { message: 'lang must be a two-letter ISO 639-1 code' })
  lang?: string;
}

export class CreateSavedSearchDto {
  @ApiProperty({ example: 'Schools in Nuremberg' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @Length(1, 100, { message: 'name must be 1 to 100 characters long' })
  @IsString()
  name: string;
  @ApiProperty({ type: SavedFiltersDto, description: 'The filters of GET /api/v1/initiatives' })
  @IsObject({ message: 'filters must be an object of search filters, for example {"area": "education"}' })
  @ValidateNested()
  @Type(() => SavedFiltersDto)
  filters: SavedFiltersDto;
}

export class SavedSearchDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ type: SavedFiltersDto }) filters: SavedFiltersDto;
  @ApiProperty() createdAt: string;
}

export class SavedSearchListDto {
  @ApiProperty({ type: [SavedSearchDto] }) items: SavedSearchDto[];
}
