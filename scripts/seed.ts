/**
 * `npm run seed [-- --file other-city.json]`: applies the migrations and imports the reference data
 * (the same import the app runs at start). Safe to repeat: unchanged records are not written again
 * and records edited by city staff are kept.
 */
import 'reflect-metadata';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/app-config';
import { dataSourceOptions } from '../src/database/data-source-options';
import { embeddedClusterDir, openDatabaseServer } from '../src/database/database-server';
import { ReferenceDataImporter } from '../src/registry/reference-data/reference-data.importer';
import { ReferenceDataRepository } from '../src/registry/reference-data/reference-data.repository';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { file: { type: 'string' } } });
  const config = loadConfig();
  const file = values.file ? resolve(values.file) : config.referenceDataFile;
  const server = await openDatabaseServer({ databaseUrl: config.databaseUrl, clusterDir: embeddedClusterDir(config.dataDir), log: (line) => console.log(line) });
  const dataSource = new DataSource(dataSourceOptions(server.url));
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    const report = await new ReferenceDataImporter(new ReferenceDataRepository(dataSource)).importFile(file);
    console.log(`Imported ${file}:`);
    for (const [kind, counts] of Object.entries(report)) console.log(`  ${kind}: ${typeof counts === 'number' ? counts : JSON.stringify(counts)}`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
