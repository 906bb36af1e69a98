import { join } from 'node:path';
import { types } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { QueryLogger } from './query-logger';

// Dates (no time) stay strings 'YYYY-MM-DD': turning them into JS Dates would shift them by the
// time zone, and every date in this domain is a calendar date.
types.setTypeParser(types.builtins.DATE, (value: string) => value);
// bigint counts fit comfortably in a JS number here.
types.setTypeParser(types.builtins.INT8, (value: string) => Number(value));

/** The one description of the database, shared by the app, the tests and the TypeORM CLI. */
export function dataSourceOptions(url: string, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    // src/database -> migrations, and dist/src/database -> dist/migrations
    migrations: [join(__dirname, '..', '..', 'migrations', '*.{ts,js}')],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no uuid-ossp extension to install.
    uuidExtension: 'pgcrypto',
    // Extensions come from the migrations, not from TypeORM at connect time.
    installExtensions: false,
    // Failed statements (expected violations at debug: see QueryLogger).
    logging: ['error'],
    logger: new QueryLogger(),
    extra: { max: Number(process.env.DB_POOL_SIZE || 10), application_name: 'cooperation-forum' },
    ...overrides,
  } as DataSourceOptions;
}
