import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/**
 * The DataSource of the TypeORM CLI (migration:generate, migration:run). It needs DATABASE_URL;
 * `npm run migration:generate` and `npm run migration:check` provide one (a throwaway database).
 */
if (!process.env.DATABASE_URL) {
  throw new Error('DATABASE_URL is not set: use `npm run migration:generate -- <Name>`, which provides a database');
}
// The CLI reads the schema with several statements at once on one connection: pg's pipeline mode
// allows that (scripts/migration.ts says more).
export default new DataSource(dataSourceOptions(process.env.DATABASE_URL, { extra: { max: 2, pipeline: true } }));
