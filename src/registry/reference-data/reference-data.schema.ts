import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { CITY_STATUSES, DOCUMENT_KINDS, DOCUMENT_TERMS, RELATIONSHIPS } from '../registry.constants';

/**
 * The shape of a city's reference-data file (data/krakow-cooperation.json for Kraków), checked
 * before anything is imported so that a mistake in another city's file is reported clearly.
 * Properties the import does not use (about, tools...) are allowed and ignored.
 */
const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const KEY = /^[a-z0-9_]+$/;

export class HomeCityRecord {
  @Matches(KEY) key: string;
  @IsString() @Length(1, 120) name: string;
  @IsString() @Length(1, 120) name_pl: string;
  @IsOptional() @IsString() official_name_pl?: string;
  /** Polish case forms, for sentences such as "miasto bliźniacze Krakowa" and "w Krakowie". */
  @IsOptional() @IsString() name_pl_genitive?: string;
  @IsOptional() @IsString() name_pl_locative?: string;
  @Matches(/^[A-Z]{2}$/) country: string;
  @IsLatitude() lat: number;
  @IsLongitude() lon: number;
}

export class DocumentRecord {
  @IsIn(DOCUMENT_KINDS) kind: (typeof DOCUMENT_KINDS)[number];
  @IsOptional() @Matches(PARTIAL_DATE) signed_on?: string | null;
  @IsOptional() @IsString() @Length(1, 300) title_pl?: string;
  @IsOptional() @Matches(ISO_DATE) valid_from?: string;
  @IsOptional() @Matches(ISO_DATE) valid_until?: string;
  @IsOptional() @IsIn(DOCUMENT_TERMS) term?: (typeof DOCUMENT_TERMS)[number];
  @IsOptional() @IsInt() @Min(1) @Max(99) term_years?: number;
  @IsOptional() @IsInt() @Min(1) @Max(99) renewal_years?: number;
  @IsOptional() @IsInt() @Min(1) @Max(120) notice_months?: number;
  @IsOptional() @IsArray() @IsString({ each: true }) areas?: string[];
}

export class PartnerCityRecord extends HomeCityRecord {
  @IsBoolean() in_europe: boolean;
  @IsIn(RELATIONSHIPS) relationship: (typeof RELATIONSHIPS)[number];
  @IsOptional() @IsIn(CITY_STATUSES) assessment_2006?: (typeof CITY_STATUSES)[number];
  @IsArray() @IsString({ each: true }) areas: string[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => DocumentRecord) documents: DocumentRecord[];
  /** Notes on the cooperation record, in English. */
  @IsOptional() @IsArray() @IsString({ each: true }) facts?: string[];
  /** The same notes in Polish, one for each of `facts`. */
  @IsOptional() @IsArray() @IsString({ each: true }) facts_pl?: string[];
  /** Keys of the city networks this city shares with the home city. */
  @IsOptional() @IsArray() @IsString({ each: true }) networks?: string[];
}

export class NetworkRecord {
  @Matches(KEY) key: string;
  @IsString() name: string;
  @IsString() name_pl: string;
  @IsOptional() @IsInt() @Min(1800) @Max(2200) since?: number;
  @IsOptional() @IsString() coordinator?: string;
  @IsOptional() @IsArray() @IsString({ each: true }) facts?: string[];
}

export class LabelledRecord {
  @Matches(KEY) key: string;
  @IsString() pl: string;
  @IsString() en: string;
}

export class GoalRecord extends LabelledRecord {
  @IsOptional() @IsArray() @Matches(/^[A-Z]{2}$/, { each: true }) countries?: string[];
}

export class GoalsRecord {
  @IsArray() @ValidateNested({ each: true }) @Type(() => GoalRecord) thematic: GoalRecord[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => GoalRecord) geographic: GoalRecord[];
}

export class ReferenceDataFile {
  @ValidateNested() @Type(() => HomeCityRecord) home_city: HomeCityRecord;
  @IsArray() @ArrayUnique() @Matches(KEY, { each: true }) cooperation_areas: string[];
  @IsArray() @ArrayUnique() @Matches(KEY, { each: true }) organisation_types: string[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => PartnerCityRecord) partner_cities: PartnerCityRecord[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => NetworkRecord) city_networks: NetworkRecord[];
  @ValidateNested() @Type(() => GoalsRecord) goals: GoalsRecord;
  @IsArray() @ValidateNested({ each: true }) @Type(() => LabelledRecord) principles: LabelledRecord[];
}
