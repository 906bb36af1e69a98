import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CITY_STATUSES,
  DATE_PRECISIONS,
  DOCUMENT_KINDS,
  DOCUMENT_TERMS,
  GOAL_SCOPES,
  RELATIONSHIPS,
} from '../registry.constants';
import type {
  CityStatus,
  DatePrecision,
  DocumentKind,
  DocumentTerm,
  GoalScope,
  Relationship,
} from '../registry.constants';

export class HomeCityDto {
  @ApiProperty({ example: 'krakow' }) key: string;
  @ApiProperty({ example: 'Kraków' }) name: string;
  @ApiProperty({ example: 'Kraków' }) namePl: string;
  @ApiProperty({ type: String, nullable: true, example: 'Stołeczne Królewskie Miasto Kraków' }) officialNamePl:
    string | null;
  @ApiProperty({ example: 'PL' }) country: string;
  @ApiProperty({ example: 50.06 }) lat: number;
  @ApiProperty({ example: 19.94 }) lon: number;
}

export class CityDto {
  @ApiProperty({ example: 'rochester' }) key: string;
  @ApiProperty({ example: 'Rochester', description: 'Name in English' }) name: string;
  @ApiProperty({ example: 'Rochester', description: 'Name in Polish' }) namePl: string;
  @ApiProperty({ example: 'US' }) country: string;
  @ApiProperty({ example: 43.16 }) lat: number;
  @ApiProperty({ example: -77.61 }) lon: number;
  @ApiProperty({ enum: RELATIONSHIPS, enumName: 'Relationship' }) relationship: Relationship;
  @ApiProperty({ enum: CITY_STATUSES, enumName: 'CityStatus', nullable: true }) status: CityStatus | null;
  @ApiProperty({ type: [String], example: ['culture', 'education'] }) areas: string[];
  @ApiProperty() inEurope: boolean;
}

export class CityListDto {
  @ApiProperty({ type: [CityDto] }) items: CityDto[];
  @ApiProperty({ example: 30 }) total: number;
}

export class CityDocumentDto {
  @ApiProperty({ example: 12 }) id: number;
  @ApiProperty({ example: 1, description: 'Send it back with an edit (a stale one is refused)' }) version: number;
  @ApiProperty({ enum: DOCUMENT_KINDS, enumName: 'DocumentKind' }) kind: DocumentKind;
  @ApiProperty({ type: String, nullable: true, description: 'Title in the language of the document' }) title:
    string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '1973-07-18',
    description: 'YYYY-MM-DD; see signedOnPrecision',
  })
  signedOn: string | null;
  @ApiProperty({
    enum: DATE_PRECISIONS,
    enumName: 'DatePrecision',
    nullable: true,
    description: 'How much of signedOn the source gives',
  })
  signedOnPrecision: DatePrecision | null;
  @ApiProperty({ type: String, nullable: true, example: '2005-07-01' }) validFrom: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2009-07-01',
    description: 'Last day in force (stated, or signed date plus term)',
  })
  validUntil: string | null;
  @ApiProperty({
    enum: DOCUMENT_TERMS,
    enumName: 'DocumentTerm',
    nullable: true,
    description: 'Null when the source does not state it',
  })
  term: DocumentTerm | null;
  @ApiProperty({ type: Number, nullable: true }) termYears: number | null;
  @ApiProperty({ type: Number, nullable: true }) renewalYears: number | null;
  @ApiProperty({ type: Number, nullable: true }) noticeMonths: number | null;
  @ApiProperty({ type: [String] }) areas: string[];
  @ApiProperty({ type: String, nullable: true, description: 'Where the record comes from (null: the reference data)' })
  source: string | null;
  @ApiProperty({ description: 'In force on the date of the request (`on`, default today)' }) inForce: boolean;
  @ApiProperty({ type: String, nullable: true, example: '2028-07-18' }) nextExpiryOn: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2028-01-18',
    description: 'Last day to give notice before it renews',
  })
  noticeDeadlineOn: string | null;
}

export class NetworkDto {
  @ApiProperty({ example: 'eurocities' }) key: string;
  @ApiProperty({ example: 'EUROCITIES' }) name: string;
  @ApiProperty() namePl: string;
  @ApiProperty({ type: Number, nullable: true, example: 1990, description: 'Year the home city joined' }) joinedYear:
    number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Coordinating department of the city' }) coordinator:
    string | null;
  @ApiProperty({ type: [String] }) facts: string[];
}

export class NetworkListDto {
  @ApiProperty({ type: [NetworkDto] }) items: NetworkDto[];
  @ApiProperty() total: number;
}

export class CityDetailDto extends CityDto {
  @ApiProperty({ type: String, nullable: true }) officialNamePl: string | null;
  @ApiProperty({
    type: [String],
    description: "Notes on the cooperation record: in the reader's language when they exist in it, else the original",
  })
  facts: string[];
  @ApiProperty({ example: 'en', description: 'The language (ISO 639-1) of `facts` as returned' }) factsLang: string;
  @ApiProperty({ description: '`facts` are the original notes, not a second-language version' })
  factsOriginal: boolean;
  @ApiProperty({ example: 1, description: 'Send it back with an edit (a stale one is refused)' }) version: number;
  @ApiProperty({ type: [CityDocumentDto], description: 'In date order' }) documents: CityDocumentDto[];
  @ApiProperty({ type: [NetworkDto], description: 'City networks it shares with the home city' })
  networks: NetworkDto[];
  @ApiProperty({ example: '2026-11-21', description: 'The date the document facts are computed for' }) factsOn: string;
}

export class GoalDto {
  @ApiProperty({ example: 'eu_priority' }) key: string;
  @ApiProperty({ enum: GOAL_SCOPES, enumName: 'GoalScope' }) scope: GoalScope;
  @ApiProperty() namePl: string;
  @ApiProperty() nameEn: string;
  @ApiPropertyOptional({ type: [String], description: 'Countries a geographic goal names' }) countries: string[];
}

export class GoalListDto {
  @ApiProperty({ type: [GoalDto] }) items: GoalDto[];
  @ApiProperty() total: number;
}

export class PrincipleDto {
  @ApiProperty() key: string;
  @ApiProperty() namePl: string;
  @ApiProperty() nameEn: string;
}

export class PrincipleListDto {
  @ApiProperty({ type: [PrincipleDto] }) items: PrincipleDto[];
  @ApiProperty() total: number;
}

export class AreaListDto {
  @ApiProperty({ type: [String], example: ['culture', 'education'] }) items: string[];
  @ApiProperty() total: number;
}
