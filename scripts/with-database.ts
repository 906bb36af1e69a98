import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/app-config';
import { dataSourceOptions } from '../src/database/data-source-options';
import { embeddedClusterDir, openDatabaseServer } from '../src/database/database-server';
import { runMigrationsExclusively } from '../src/database/migrate';

/**
 * For command-line scripts: opens the app's database (embedded unless DATABASE_URL is set), applies
 * the migrations, runs the work, and closes everything.
 */
export async function withDatabase<T>(work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const server = await openDatabaseServer({
    databaseUrl: config.databaseUrl,
    clusterDir: embeddedClusterDir(config.dataDir),
    log: (line) => console.log(line),
  });
  const dataSource = new DataSource(dataSourceOptions(server.url));
  try {
    await dataSource.initialize();
    await runMigrationsExclusively(dataSource);
    return await work(dataSource);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await server.stop();
  }
}

export function fail(error: unknown): never {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
