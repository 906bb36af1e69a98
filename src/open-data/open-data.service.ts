import { Inject, Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { Readable, Transform, pipeline } from 'node:stream';
import { csvStream } from '../common/csv';
import { today } from '../common/calendar-date';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { documentTermFacts } from '../registry/document-terms';
import type { DocumentTerm } from '../registry/registry.constants';
import type { CatalogueDto } from './dto/open-data.dto';
import { DATASETS, OPEN_DATA_LICENSE, type Cell, type DatasetDefinition, type OpenDataRow } from './open-data.datasets';
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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async catalogue(): Promise<CatalogueDto> {
    const base = `${this.config.publicUrl}/api/v1/open-data`;
    const datasets = await Promise.all(
      DATASETS.map(async (dataset) => {
        const modified = await this.repository.modified(dataset);
        return {
          key: dataset.key,
          title: dataset.title,
          description: dataset.description,
          license: OPEN_DATA_LICENSE.url,
          modified: modified ? modified.toISOString() : null,
          columns: [...dataset.columns],
          distributions: [
            { format: 'CSV' as const, mediaType: 'text/csv', downloadURL: `${base}/${dataset.key}.csv` },
            { format: 'JSON' as const, mediaType: 'application/json', downloadURL: `${base}/${dataset.key}.json` },
          ],
        };
      }),
    );
    const dates = datasets.map((dataset) => dataset.modified).filter((value): value is string => value !== null);
    return {
      title: { pl: 'Otwarte dane współpracy międzynarodowej', en: 'Open data on international cooperation' },
      description: {
        pl: 'Wszystkie publiczne dane platformy Forum Współpracy: miasta partnerskie i ich dokumenty, sieci miast, cele, organizacje, inicjatywy, partnerstwa, wizyty delegacji oraz program i wyniki Forum.',
        en: "Every public dataset of the Cooperation Forum platform: partner cities and their documents, city networks, goals, organisations, initiatives, partnerships, delegation visits and the Forum's agendas and outcomes.",
      },
      publisher: await this.publisher(),
      license: { ...OPEN_DATA_LICENSE },
      modified: dates.length ? dates.sort().at(-1)! : null,
      datasets,
    };
  }

  /** The dataset's rows as a stream in the format asked; a 404 for a dataset that does not exist. */
  download(key: string, format: OpenDataFormat): Readable {
    const dataset = DATASETS.find((candidate) => candidate.key === key);
    if (!dataset)
      throw new NotFoundException(
        `There is no open dataset "${key}"; the datasets are: ${DATASETS.map((d) => d.key).join(', ')}`,
      );
    if (this.downloads >= MAX_CONCURRENT_DOWNLOADS)
      throw new ServiceUnavailableException('Too many downloads at once; please try again in a few seconds');
    this.downloads++;
    const rows = Readable.from(this.rows(dataset));
    const out = format === 'csv' ? this.csv(dataset, rows) : this.json(rows);
    out.once('close', () => this.downloads--);
    return out;
  }

  private async *rows(dataset: DatasetDefinition): AsyncGenerator<OpenDataRow> {
    const on = today(this.config.timeZone);
    for await (const raw of this.repository.rows(dataset)) {
      const row: OpenDataRow = {};
      for (const column of dataset.columns) row[column] = normalise(raw[column]);
      yield dataset.key === 'city-documents' ? withTermFacts(row, on) : row;
    }
  }

  private csv(dataset: DatasetDefinition, rows: Readable): Readable {
    return csvStream(dataset.columns, rows);
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
