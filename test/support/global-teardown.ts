import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { databaseUrl, TEMPLATE_DATABASE } from './database';

export default async function globalTeardown(): Promise<void> {
  const server = globalThis.__cfTestServer;
  if (!server) return;
  globalThis.__cfTestServer = undefined;
  if (server.embedded) {
    await server.stop();
    await rm(join(tmpdir(), `cooperation-forum-test-${process.pid}`), { recursive: true, force: true });
  } else {
    const admin = new Client({ connectionString: databaseUrl('postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await admin.end();
  }
}
