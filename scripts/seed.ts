/**
 * `npm run seed [-- --file other-city.json] [-- --demo]`: applies the migrations and imports the reference data
 * (the same import the app runs at start). Safe to repeat: unchanged records are not written again
 * and records edited by city staff are kept. With --demo, also demo organisations and accounts.
 */
import 'reflect-metadata';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/app-config';
import { ReferenceDataImporter } from '../src/registry/reference-data/reference-data.importer';
import { ReferenceDataRepository } from '../src/registry/reference-data/reference-data.repository';
import { DEMO_PASSWORD, seedDemoActivity, seedDemoConsultations, seedDemoData, seedDemoDelegations } from './demo-data';
import { fail, withDatabase } from './with-database';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { file: { type: 'string' }, demo: { type: 'boolean', default: false } } });
  const file = values.file ? resolve(values.file) : loadConfig().referenceDataFile;
  await withDatabase(async (dataSource) => {
    const report = await new ReferenceDataImporter(new ReferenceDataRepository(dataSource)).importFile(file);
    console.log(`Imported ${file}:`);
    const { skipped, ...counts } = report;
    for (const [kind, count] of Object.entries(counts))
      console.log(`  ${kind}: ${typeof count === 'number' ? count : JSON.stringify(count)}`);
    if (skipped.cities.length || skipped.documents.length)
      console.log(
        `  skipped, as city staff edited them: ${[...skipped.cities.map((key) => `city ${key}`), ...skipped.documents.map((key) => `document ${key}`)].join(', ')}`,
      );
    if (values.demo) {
      const demo = await seedDemoData(dataSource, file);
      const activity = await seedDemoActivity(dataSource);
      const visits = await seedDemoDelegations(dataSource);
      const consultations = await seedDemoConsultations(dataSource);
      console.log(
        `Demo data: ${demo.organizations} organisations, ${demo.accounts} accounts (password: ${DEMO_PASSWORD}), ${activity.initiatives} initiatives, ${activity.partnerships} partnerships, ${visits.delegations} visits, ${consultations.consultations} open consultation, the 2027 forum with its call open.`,
      );
    }
  });
}

main().catch(fail);
