import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DatasetDefinition, OpenDataRow } from './open-data.datasets';

/** Rows fetched per round trip while a download streams: memory holds at most this many. */
export const CURSOR_BATCH = 200;
/** The cursor's name, also how a test finds a download in pg_stat_activity. */
export const CURSOR_NAME = 'open_data_rows';

@Injectable()
export class OpenDataRepository {
  constructor(private readonly dataSource: DataSource) {}

  async homeCity(): Promise<{ name: string; namePl: string; namePlGenitive: string | null } | null> {
    const [row] = await this.dataSource.query<{ name: string; name_pl: string; name_pl_genitive: string | null }[]>(
      'SELECT name, name_pl, name_pl_genitive FROM cities WHERE is_home',
    );
    return row ? { name: row.name, namePl: row.name_pl, namePlGenitive: row.name_pl_genitive } : null;
  }

  async modified(dataset: DatasetDefinition): Promise<Date | null> {
    const [row] = await this.dataSource.query<{ modified: Date | null }[]>(
      dataset.modifiedSql,
      dataset.modifiedParams ?? [],
    );
    return row?.modified ?? null;
  }

  /**
   * The dataset's rows through a server-side cursor (DECLARE ... FETCH) in a read-only transaction: one
   * snapshot for the whole download, and only one batch in memory. Stopping early (a client that goes
   * away) closes the transaction and gives the connection back.
   */
  async *rows(dataset: DatasetDefinition): AsyncGenerator<OpenDataRow> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let open = false;
    try {
      open = true;
      await runner.query('BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await runner.query(`DECLARE ${CURSOR_NAME} NO SCROLL CURSOR FOR ${dataset.rowsSql}`, dataset.params ?? []);
      for (;;) {
        const batch = (await runner.query(`FETCH ${CURSOR_BATCH} FROM ${CURSOR_NAME}`)) as OpenDataRow[];
        for (const row of batch) yield row;
        if (batch.length < CURSOR_BATCH) break;
      }
      await runner.query('COMMIT');
      open = false;
    } finally {
      // An early stop or an error leaves the transaction open: end it before the connection goes back to the pool.
      if (open) await runner.query('ROLLBACK').catch(() => undefined);
      await runner.release();
    }
  }
}
