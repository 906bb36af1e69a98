import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { openDatabaseServer, type DatabaseServer } from '../../src/database/database-server';
import { databaseUrl, TEMPLATE_DATABASE } from './database';

declare global {
  var __cfTestServer: DatabaseServer | undefined;
}

/**
 * Starts the tests' PostgreSQL (embedded, or the server of TEST_DATABASE_URL) and migrates the
 * template database every test file clones. Runs once even when several jest projects ask.
 */
export default async function globalSetup(): Promise<void> {
  if (globalThis.__cfTestServer) return;
  const server = await openDatabaseServer({
    databaseUrl: process.env.TEST_DATABASE_URL,
    // A fresh cluster per run, outside the project so that it never mixes with the app's data.
    clusterDir: join(tmpdir(), `cooperation-forum-test-${process.pid}`, 'postgres'),
  });
  globalThis.__cfTestServer = server;
  process.env.CF_TEST_SERVER_URL = server.url;

  const admin = new Client({ connectionString: databaseUrl('postgres') });
  await admin.connect();
  try {
    // Leftovers of an interrupted run on a shared server.
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'cf\\_test\\_%'`,
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  const dataSource = new DataSource(dataSourceOptions(databaseUrl(TEMPLATE_DATABASE)));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
}
