import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { Readable } from 'node:stream';
import { csvStream } from '../common/csv';
import { areaName } from '../common/vocabulary-labels';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { OPEN_DATA_LICENSE } from '../open-data/open-data.datasets';
import type { StatisticDto, StatisticListDto, StatisticRowDto, StatisticSummaryDto } from './dto/statistics.dto';
import {
  DIRECTION_NAMES,
  FORUM_FIGURE_NAMES,
  KIND_NAMES,
  STATISTICS,
  type StatisticDefinition,
  type StatisticPeriod,
  type TextPlEn,
} from './statistics.definitions';
import { StatisticsRepository, type StatisticRow } from './statistics.repository';

/** The columns of every statistic, in the CSV's order; the JSON rows have the same. */
export const STATISTIC_COLUMNS = ['period', 'category', 'namePl', 'nameEn', 'value'] as const;

/**
 * Statistics computed at once on this instance: each is one aggregate over a whole table (100,000
 * initiatives in the bench data), so a crowd of readers waits its turn rather than taking every
 * database connection. Nothing is refused: the page asks for several at once.
 */
const MAX_CONCURRENT = 3;

const BASE = '/api/v1/statistics';

/** Statistics with charts, computed from the live data at each request; the public sees what is public. */
@Injectable()
export class StatisticsService {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly repository: StatisticsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  list(): StatisticListDto {
    return {
      items: STATISTICS.map((definition) => this.summary(definition)),
      columns: [...STATISTIC_COLUMNS],
      license: OPEN_DATA_LICENSE.name,
    };
  }

  /** A statistic's rows; a 404 for an unknown one, a 400 for a period it is not grouped by. */
  async get(key: string, period: StatisticPeriod | undefined): Promise<StatisticDto> {
    const definition = STATISTICS.find((candidate) => candidate.key === key);
    if (!definition)
      throw new NotFoundException(
        `There is no statistic "${key}"; the statistics are: ${STATISTICS.map((d) => d.key).join(', ')}`,
      );
    if (period && !definition.periods.includes(period))
      throw new BadRequestException({
        message: definition.periods.length
          ? `${key} is counted by ${definition.periods.join(' or ')}, not by ${period}`
          : `${key} is not counted over time: leave out period`,
        fields: { period: [`period is not offered for ${key}`] },
      });
    const by = definition.periods.length ? (period ?? definition.periods[0]) : null;
    const rows = await this.inTurn(() => this.rows(definition, by));
    return { ...this.summary(definition), period: by, rows: rows.map((row) => this.named(definition, row)) };
  }

  /** The rows as CSV: the same rows and columns as the JSON. */
  csv(statistic: StatisticDto): Readable {
    return csvStream(STATISTIC_COLUMNS, Readable.from(statistic.rows));
  }

  private rows(definition: StatisticDefinition, period: StatisticPeriod | null): Promise<StatisticRow[]> {
    switch (definition.key) {
      case 'partnerships-by-city':
        return this.repository.partnershipsByCity();
      case 'forum-editions':
        return this.repository.forumEditions();
      case 'delegations-by-direction':
        return this.repository.delegations(period!);
      default: {
        const by = definition.dimension;
        if (by !== 'area' && by !== 'goal' && by !== 'kind' && by !== 'city')
          throw new Error(`No statement counts ${definition.key}`);
        return this.repository.initiatives(by, period!, this.config.timeZone);
      }
    }
  }

  /** The category's names in both languages: from the database where it holds them, else from the vocabularies. */
  private named(definition: StatisticDefinition, row: StatisticRow): StatisticRowDto {
    const names = this.names(definition, row);
    return { period: row.period, category: row.category, namePl: names.pl, nameEn: names.en, value: row.value };
  }

  private names(definition: StatisticDefinition, row: StatisticRow): TextPlEn {
    const key = row.category;
    switch (definition.dimension) {
      case 'area':
        return { pl: capitalised(areaName(key, 'pl')), en: capitalised(areaName(key, 'en')) };
      case 'kind':
        return KIND_NAMES[key as keyof typeof KIND_NAMES] ?? { pl: key, en: key };
      case 'direction':
        return DIRECTION_NAMES[key as keyof typeof DIRECTION_NAMES] ?? { pl: key, en: key };
      case 'figure':
        return FORUM_FIGURE_NAMES[key as keyof typeof FORUM_FIGURE_NAMES] ?? { pl: key, en: key };
      default:
        return { pl: row.namePl ?? row.nameEn ?? key, en: row.nameEn ?? key };
    }
  }

  private summary(definition: StatisticDefinition): StatisticSummaryDto {
    return {
      key: definition.key,
      title: { ...definition.title },
      description: { ...definition.description },
      dimension: definition.dimension,
      periods: [...definition.periods],
      csv: `${BASE}/${definition.key}.csv`,
      json: `${BASE}/${definition.key}.json`,
    };
  }

  private async inTurn<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= MAX_CONCURRENT) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await work();
    } finally {
      // The turn passes straight to the next in line (running stays counted), or is given back.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase('pl') + text.slice(1);
}
