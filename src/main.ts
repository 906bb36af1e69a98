import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/app-config';
import { embeddedClusterDir, openDatabaseServer, type DatabaseServer } from './database/database-server';
import { runMigrationsExclusively } from './database/migrate';
import { ReferenceDataImporter } from './registry/reference-data/reference-data.importer';

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/**
 * `npm start`: a database (embedded unless DATABASE_URL is set), the migrations, the reference
 * data, then the API and the web client from one process.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const server: DatabaseServer = await openDatabaseServer({
    databaseUrl: config.databaseUrl,
    clusterDir: embeddedClusterDir(config.dataDir),
    log: say,
  });
  let app: NestFastifyApplication | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await app?.close().catch(() => undefined);
    await server.stop().catch(() => undefined);
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  try {
    app = await createApp(config, server.url);
    // Several instances may start at once: one applies the migrations, the others wait and find none.
    const applied = await runMigrationsExclusively(app.get(DataSource));
    if (applied.length) say(`applied ${applied.length} migration(s): ${applied.join(', ')}`);
    await app.get(ReferenceDataImporter).importFile(config.referenceDataFile);
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') {
      process.stderr.write(
        `Port ${config.port} is already in use by another program. Stop it, or start on another port: PORT=${config.port + 1} npm start\n`,
      );
    } else {
      process.stderr.write(
        `Cooperation Forum could not start: ${error instanceof Error ? (error.stack ?? String(error)) : String(error)}\n`,
      );
    }
    await stop(1);
    return;
  }
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  say(
    `Cooperation Forum is running at http://${shownHost}:${config.port} (API docs: http://${shownHost}:${config.port}/api/docs). Press Ctrl-C to stop.`,
  );
}

main().catch((error) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : (error as Error).stack}\n`);
  process.exit(1);
});
