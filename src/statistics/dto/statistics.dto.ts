import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { Optional } from '../../common/http/validation';
import {
  STATISTIC_DIMENSIONS,
  STATISTIC_FORMATS,
  STATISTIC_PERIODS,
  type StatisticDimension,
  type StatisticFormat,
  type StatisticPeriod,
} from '../statistics.definitions';

export class StatisticFileParamDto {
  @ApiProperty({
    example: 'initiatives-by-area.csv',
    description: 'A statistic key, optionally with the format: initiatives-by-area, .csv or .json',
  })
  @Matches(/^[a-z0-9-]{1,64}(\.[A-Za-z0-9]{1,10})?$/, {
    message: 'the address must name a statistic, such as initiatives-by-area or initiatives-by-area.csv',
  })
  file: string;
}

export class StatisticQueryDto {
  @ApiPropertyOptional({
    enum: STATISTIC_PERIODS,
    description: 'Group a statistic over time by year (default) or quarter',
  })
  @Optional()
  @IsIn(STATISTIC_PERIODS, { message: `period must be one of: ${STATISTIC_PERIODS.join(', ')}` })
  period?: StatisticPeriod;

  @ApiPropertyOptional({ enum: STATISTIC_FORMATS, description: 'json (default) or csv; the same as .json or .csv' })
  @Optional()
  @IsIn(STATISTIC_FORMATS, { message: `format must be one of: ${STATISTIC_FORMATS.join(', ')}` })
  format?: StatisticFormat;
}

export class StatisticTextDto {
  @ApiProperty() pl: string;
  @ApiProperty() en: string;
}

export class StatisticSummaryDto {
  @ApiProperty({ example: 'initiatives-by-area' }) key: string;
  @ApiProperty({ type: StatisticTextDto }) title: StatisticTextDto;
  @ApiProperty({ type: StatisticTextDto, description: 'What is counted, and what is not' })
  description: StatisticTextDto;
  @ApiProperty({ enum: STATISTIC_DIMENSIONS, description: 'What the category of each row is' })
  dimension: StatisticDimension;
  @ApiProperty({
    enum: STATISTIC_PERIODS,
    isArray: true,
    description: 'The periods it may be grouped by (the first is the default); empty when it is not over time',
  })
  periods: StatisticPeriod[];
  @ApiProperty({ example: '/api/v1/statistics/initiatives-by-area.csv' }) csv: string;
  @ApiProperty({ example: '/api/v1/statistics/initiatives-by-area.json' }) json: string;
}

export class StatisticListDto {
  @ApiProperty({ type: [StatisticSummaryDto] }) items: StatisticSummaryDto[];
  @ApiProperty({ description: 'The columns of every statistic, in the order of the CSV', example: ['period'] })
  columns: string[];
  @ApiProperty({ example: 'CC BY 4.0', description: 'The licence of the figures, as of the open data' })
  license: string;
}

export class StatisticRowDto {
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2026',
    description: 'The year ("2026"), quarter ("2026-Q3") or forum edition ("2027"); null when not over time',
  })
  period: string | null;
  @ApiProperty({ example: 'culture', description: 'The key of the area, goal, kind, city, direction or figure' })
  category: string;
  @ApiProperty({ example: 'Kultura', description: 'The category in Polish' }) namePl: string;
  @ApiProperty({ example: 'Culture', description: 'The category in English' }) nameEn: string;
  @ApiProperty({ example: 12 }) value: number;
}

export class StatisticDto extends StatisticSummaryDto {
  @ApiProperty({ enum: STATISTIC_PERIODS, nullable: true, description: 'The period the rows are grouped by' })
  period: StatisticPeriod | null;
  @ApiProperty({ type: [StatisticRowDto], description: 'The same rows as the CSV, in its order' })
  rows: StatisticRowDto[];
}
