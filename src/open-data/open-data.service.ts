import { Inject, Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { Readable, Transform, pipeline } from 'node:stream';
import { csvStream } from '../common/csv';
import { today } from '../common/calendar-date';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { documentTermFacts } from '../registry/document-terms';
import type { DocumentTerm } from '../registry/registry.constants';
import { STATISTICS } from '../statistics/statistics.definitions';
import { STATISTIC_COLUMNS, StatisticsService } from '../statistics/statistics.service';
import type { CatalogueDto, DatasetDto } from './dto/open-data.dto';
import {
  DATASETS,
  OPEN_DATA_LICENSE,
  STATISTIC_SOURCES,
  type Cell,
  type DatasetDefinition,
  type OpenDataRow,
} from './open-data.datasets';
import { OpenDataRepository } from './open-data.repository';

export type OpenDataFormat = 'csv' | 'json';

/**
 * Downloads streaming at once on this instance: each holds a database connection for as long as its
 * reader takes, so a crowd of slow readers must not take the whole pool from the rest of the site.
 */
const MAX_CONCURRENT_DOWNLOADS = 4;

/** The city's open data: the catalogue, and each dataset as CSV or JSON streamed from a cursor. */
@Injectable()
export class OpenDataService {
  private downloads = 0;

  constructor(
    private readonly repository: OpenDataRepository,
    private readonly statistics: StatisticsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async catalogue(): Promise<CatalogueDto> {
    const base = `${this.config.publicUrl}/api/v1/open-data`;
    const distributions = (key: string): DatasetDto['distributions'] => [
      { format: 'CSV', mediaType: 'text/csv', downloadURL: `${base}/${key}.csv` },
      { format: 'JSON', mediaType: 'application/json', downloadURL: `${base}/${key}.json` },
    ];
    const tables: DatasetDto[] = await Promise.all(
      DATASETS.map(async (dataset) => {
        const modified = await this.repository.modified(dataset);
        return {
          key: dataset.key,
          title: dataset.title,
          description: dataset.description,
          license: OPEN_DATA_LICENSE.url,
          modified: modified ? modified.toISOString() : null,
          columns: [...dataset.columns],
          distributions: distributions(dataset.key),
        };
      }),
    );
    const modifiedOf = new Map(tables.map((dataset) => [dataset.key, dataset.modified]));
    // The statistics of /statistics, each by its first period: the rows /api/v1/statistics/{key} answers.
    const statistics: DatasetDto[] = STATISTICS.map((statistic) => ({
      key: statistic.key,
      title: statistic.title,
      description: statistic.description,
      license: OPEN_DATA_LICENSE.url,
      modified: newest((STATISTIC_SOURCES[statistic.key] ?? []).map((key) => modifiedOf.get(key) ?? null)),
      columns: [...STATISTIC_COLUMNS],
      distributions: distributions(statistic.key),
    }));
    const datasets = [...tables, ...statistics];
    return {
      title: { pl: 'Otwarte dane współpracy międzynarodowej', en: 'Open data on international cooperation' },
      description: {
        pl: 'Wszystkie publiczne dane platformy Forum Współpracy: miasta partnerskie i ich dokumenty, sieci miast, cele, organizacje, inicjatywy, partnerstwa, wizyty delegacji, program i wyniki Forum, zakończone konsultacje społeczne oraz statystyki.',
        en: "Every public dataset of the Cooperation Forum platform: partner cities and their documents, city networks, goals, organisations, initiatives, partnerships, delegation visits, the Forum's agendas and outcomes, closed public consultations and the statistics.",
      },
      publisher: await this.publisher(),
      license: { ...OPEN_DATA_LICENSE },
      modified: newest(datasets.map((dataset) => dataset.modified)),
      datasets,
    };
  }

  /** The dataset's rows as a stream in the format asked; a 404 for a dataset that does not exist. */
  download(key: string, format: OpenDataFormat): Readable {
    const dataset = DATASETS.find((candidate) => candidate.key === key);
    const statistic = STATISTICS.find((candidate) => candidate.key === key);
    if (!dataset && !statistic)
      throw new NotFoundException(
        `There is no open dataset "${key}"; the datasets are: ${[...DATASETS, ...STATISTICS].map((d) => d.key).join(', ')}`,
      );
    if (this.downloads >= MAX_CONCURRENT_DOWNLOADS)
      throw new ServiceUnavailableException('Too many downloads at once; please try again in a few seconds');
    this.downloads++;
    const rows = Readable.from(dataset ? this.rows(dataset) : this.statisticRows(key));
    const out = format === 'csv' ? csvStream(dataset?.columns ?? STATISTIC_COLUMNS, rows) : this.json(rows);
    out.once('close', () => this.downloads--);
    return out;
  }

  /** A statistic's rows (a few hundred aggregates at most, computed by the statistics module). */
  private async *statisticRows(key: string): AsyncGenerator<OpenDataRow> {
    const statistic = await this.statistics.get(key, undefined);
    for (const row of statistic.rows) {
      const out: OpenDataRow = {};
      for (const column of STATISTIC_COLUMNS) out[column] = normalise(row[column]);
      yield out;
    }
  }

  private async *rows(dataset: DatasetDefinition): AsyncGenerator<OpenDataRow> {
    const on = today(this.config.timeZone);
    for await (const raw of this.repository.rows(dataset)) {
      const row: OpenDataRow = {};
      for (const column of dataset.columns) row[column] = normalise(raw[column]);
      yield dataset.key === 'city-documents' ? withTermFacts(row, on) : row;
    }
  }

  /** One JSON array, written row by row (the rows of the CSV, arrays kept as arrays). */
  private json(rows: Readable): Readable {
    let first = true;
    const json = new Transform({
      writableObjectMode: true,
      transform(row: OpenDataRow, _encoding, done) {
        done(null, (first ? '[\n' : ',\n') + JSON.stringify(row));
        first = false;
      },
      flush(done) {
        done(null, first ? '[]\n' : '\n]\n');
      },
    });
    return pipeline(rows, json, () => undefined);
  }

  private async publisher(): Promise<{ name: { pl: string; en: string }; homepage: string }> {
    const city = await this.repository.homeCity();
    return {
      name: {
        pl: city ? `Urząd Miasta ${city.namePlGenitive ?? city.namePl}` : 'Urząd Miasta',
        en: city ? `City of ${city.name}` : 'The city',
      },
      homepage: this.config.publicUrl,
    };
  }
}

/** The newest of these ISO 8601 times, or null when none records a time. */
function newest(dates: (string | null)[]): string | null {
  const known = dates.filter((value): value is string => value !== null);
  return known.length ? known.sort().at(-1)! : null;
}

function normalise(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => (item === null ? '' : String(item as string | number)));
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  // Anything else (a jsonb value) as its JSON text.
  return JSON.stringify(value);
}

/** The derived terms of a document, by the registry's one rule (document-terms.ts), for today in the city. */
function withTermFacts(row: OpenDataRow, on: string): OpenDataRow {
  const facts = documentTermFacts(
    {
      signedOn: row.signed_on as string | null,
      validFrom: row.valid_from as string | null,
      validUntil: row.valid_until as string | null,
      term: row.term as DocumentTerm | null,
      termYears: row.term_years as number | null,
      renewalYears: row.renewal_years as number | null,
      noticeMonths: row.notice_months as number | null,
    },
    on,
  );
  return {
    ...row,
    valid_until: facts.validUntil,
    facts_on: on,
    in_force: facts.inForce,
    next_expiry_on: facts.nextExpiryOn,
    notice_deadline_on: facts.noticeDeadlineOn,
  };
}
