import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { freePort } from '../../src/common/net';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import { ReferenceDataImporter } from '../../src/registry/reference-data/reference-data.importer';
import { createTestDatabase, type TestDatabase } from './database';

export const KRAKOW_REFERENCE_DATA = resolve(__dirname, '..', '..', 'data', 'krakow-cooperation.json');

export interface TestApp {
  app: NestFastifyApplication;
  database: TestDatabase;
  dataSource: DataSource;
  /** Base URL when started with listen: true (browser tests), else undefined. */
  baseUrl?: string;
  close(): Promise<void>;
}

/**
 * The real app on its own fresh database (a clone of the migrated template), optionally with the
 * reference data imported and listening on a free port.
 */
export async function startTestApp(
  options: { seed?: boolean; listen?: boolean; config?: Partial<AppConfig>; database?: TestDatabase } = {},
): Promise<TestApp> {
  // A second instance shares the first one's database (and does not drop it when it closes).
  const shared = options.database;
  const database = shared ?? (await createTestDatabase());
  // Mail is delivered right after each request (no timer), so tests read it from the outbox at once.
  // The port is chosen first, so that the app knows its own origin (sockets check it).
  const port = options.listen ? await freePort() : 3000;
  const config: AppConfig = {
    ...loadConfig({
      PORT: String(port),
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
      MAIL_POLL_SECONDS: '0',
      JOBS: 'off',
      CLIENT_DIR: process.env.CLIENT_DIR,
    }),
    ...options.config,
  };
  const app = await createApp(config, database.url);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  if (options.seed !== false) await app.get(ReferenceDataImporter).importFile(KRAKOW_REFERENCE_DATA);
  let baseUrl: string | undefined;
  if (options.listen) {
    await app.listen({ port, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${port}`;
  }
  return {
    app,
    database,
    dataSource: app.get(DataSource),
    baseUrl,
    async close() {
      await app.close();
      if (!shared) await database.drop();
    },
  };
}
