import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { ReferenceDataError, ReferenceDataImporter } from '../src/registry/reference-data/reference-data.importer';
import { ReferenceDataRepository } from '../src/registry/reference-data/reference-data.repository';
import { createTestDatabase, type TestDatabase } from './support/database';
import { KRAKOW_REFERENCE_DATA } from './support/test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('reference data import', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let importer: ReferenceDataImporter;
  const krakow = (): Json => JSON.parse(readFileSync(KRAKOW_REFERENCE_DATA, 'utf8'));
  const importData = (data: Json) => importer.import(importer.parse(data));
  const count = async (table: string) =>
    (await dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  beforeEach(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
    importer = new ReferenceDataImporter(new ReferenceDataRepository(dataSource));
  });
  afterEach(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('imports the home city, the 30 partner cities, their documents, networks, goals and principles', async () => {
    const report = await importer.importFile(KRAKOW_REFERENCE_DATA);
    expect(report.cities.inserted).toBe(31);
    expect(await count('cities')).toBe(31);
    expect(await count('city_documents')).toBe(60);
    expect(await count('city_networks')).toBe(8);
    expect(await count('goals')).toBe(18);
    expect(await count('principles')).toBe(9);
    expect(await count('cooperation_areas')).toBe(23);
    expect(await count('organization_types')).toBe(13);
    const [home] = await dataSource.query(`SELECT key, name_pl, is_home, relationship FROM cities WHERE is_home`);
    expect(home).toEqual({ key: 'krakow', name_pl: 'Kraków', is_home: true, relationship: null });
    // Kraków belongs to all 8 networks; Budapest shares the Organization of World Heritage Cities.
    expect(await count('city_network_members')).toBe(9);
  });

  it('changes nothing on a second run', async () => {
    await importer.importFile(KRAKOW_REFERENCE_DATA);
    const before = await dataSource.query(`SELECT key, updated_at FROM cities ORDER BY key`);
    const documentsBefore = await dataSource.query(`SELECT * FROM city_documents ORDER BY id`);

    const second = await importer.importFile(KRAKOW_REFERENCE_DATA);

    expect(second.cities).toEqual({ inserted: 0, updated: 0, unchanged: 31, kept: 0 });
    expect(second.documents).toEqual({ inserted: 0, updated: 0, unchanged: 60, kept: 0 });
    expect(second.networks.unchanged).toBe(8);
    expect(second.goals.unchanged).toBe(18);
    expect(second.memberships).toBe(0);
    expect(await dataSource.query(`SELECT key, updated_at FROM cities ORDER BY key`)).toEqual(before);
    expect(await dataSource.query(`SELECT * FROM city_documents ORDER BY id`)).toEqual(documentsBefore);
  });

  it('updates a record whose source changed', async () => {
    await importData(krakow());
    const data = krakow();
    data.partner_cities.find((c: Json) => c.key === 'fez').assessment_2006 = 'developing';
    const report = await importData(data);
    expect(report.cities).toEqual({ inserted: 0, updated: 1, unchanged: 30, kept: 0 });
    expect((await dataSource.query(`SELECT status FROM cities WHERE key = 'fez'`))[0].status).toBe('developing');
  });

  it('never overwrites a record that city staff have edited since', async () => {
    await importData(krakow());
    // City staff revive the Fez partnership and correct a document title.
    await dataSource.query(`UPDATE cities SET status = 'active', edited_at = now() WHERE key = 'fez'`);
    await dataSource.query(
      `UPDATE city_documents SET title = 'Umowa o współpracy (poprawiona)', edited_at = now() WHERE source_key = 'rochester:partnership_agreement:1973-07-18'`,
    );
    const data = krakow();
    data.partner_cities.find((c: Json) => c.key === 'fez').assessment_2006 = 'limited';
    data.partner_cities.find((c: Json) => c.key === 'rochester').documents[0].title_pl = 'Changed in the file';

    const report = await importData(data);

    expect(report.cities.kept).toBe(1);
    expect(report.documents.kept).toBe(1);
    // It says which records it skipped, so staff can compare them with the file.
    expect(report.skipped).toEqual({ cities: ['fez'], documents: ['rochester:partnership_agreement:1973-07-18'] });
    expect((await dataSource.query(`SELECT status FROM cities WHERE key = 'fez'`))[0].status).toBe('active');
    expect(
      (
        await dataSource.query(
          `SELECT title FROM city_documents WHERE source_key = 'rochester:partnership_agreement:1973-07-18'`,
        )
      )[0].title,
    ).toBe('Umowa o współpracy (poprawiona)');
  });

  it('adds what is new in the file and keeps the documents of a city apart by kind and date', async () => {
    await importData(krakow());
    const data = krakow();
    data.partner_cities
      .find((c: Json) => c.key === 'cusco')
      .documents.push({ kind: 'letter_of_intent', signed_on: '2026-05-04', title_pl: 'List intencyjny' });
    const report = await importData(data);
    expect(report.documents).toEqual({ inserted: 1, updated: 0, unchanged: 60, kept: 0 });
    const leipzig = await dataSource.query(
      `SELECT source_key FROM city_documents WHERE source_key LIKE 'leipzig:cooperation_agreement:%' ORDER BY source_key`,
    );
    expect(leipzig).toHaveLength(3);
  });

  it('loads another city the same way: the home city is data', async () => {
    const data = krakow();
    data.home_city = { key: 'gdansk', name: 'Gdańsk', name_pl: 'Gdańsk', country: 'PL', lat: 54.35, lon: 18.65 };
    data.partner_cities = data.partner_cities.slice(0, 2);
    await importData(data);
    expect(await dataSource.query(`SELECT key FROM cities WHERE is_home`)).toEqual([{ key: 'gdansk' }]);
    expect(await count('cities')).toBe(3);
  });

  it('rejects an invalid file with messages that say where, and imports nothing', async () => {
    const data = krakow();
    data.partner_cities[3].relationship = 'sister';
    data.partner_cities[4].lat = 123;
    expect(() => importer.parse(data, 'city.json')).toThrow(ReferenceDataError);
    expect(() => importer.parse(data, 'city.json')).toThrow(
      /partner_cities\.3\.relationship: relationship must be one of the following values/,
    );
    expect(() => importer.parse(data, 'city.json')).toThrow(/partner_cities\.4\.lat/);

    const unknownArea = krakow();
    unknownArea.partner_cities[0].areas.push('astrology');
    expect(() => importer.parse(unknownArea)).toThrow(/area "astrology", which is not in cooperation_areas/);
    expect(await count('cities')).toBe(0);
  });

  it('runs one import at a time when two instances start together', async () => {
    const [a, b] = await Promise.all([importData(krakow()), importData(krakow())]);
    expect(a.cities.inserted + b.cities.inserted).toBe(31);
    expect(await count('cities')).toBe(31);
    expect(await count('city_documents')).toBe(60);
  });
});
