import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/app-config';
import {
  embeddedClusterDir,
  leaveStopSignalsToTheApp,
  openDatabaseServer,
  type DatabaseServer,
} from './database/database-server';
import { runMigrationsExclusively } from './database/migrate';
import { drain } from './lifecycle/drain';
import { ReferenceDataImporter } from './registry/reference-data/reference-data.importer';

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/**
 * `npm start`: a database (embedded unless DATABASE_URL is set), the migrations, the reference
 * data, then the API and the web client from one process. SIGTERM or Ctrl-C drains the instance
 * (lifecycle/drain.ts), closes it and the database, within SHUTDOWN_TIMEOUT_SECONDS.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  leaveStopSignalsToTheApp();
  const server: DatabaseServer = await openDatabaseServer({
    databaseUrl: config.databaseUrl,
    clusterDir: embeddedClusterDir(config.dataDir),
    log: say,
    // The embedded server died and would not start again: exit non-zero (a supervisor may restart us).
    onLost: (error) => {
      process.stderr.write(`${error.message}\n`);
      void stop(1, 'database lost');
    },
  });
  let app: NestFastifyApplication | undefined;
  let listening = false;
  let stopping = false;
  async function stop(code: number, signal?: string): Promise<void> {
    if (stopping) {
      // A second Ctrl-C: no more waiting (the exit hook still stops the embedded database).
      if (signal === 'SIGINT' || signal === 'SIGTERM') process.exit(1);
      return;
    }
    stopping = true;
    // The bound: whatever is still running then is cut short.
    setTimeout(() => {
      process.stderr.write(`shutdown: still running after ${config.shutdownTimeoutMs} ms; exiting\n`);
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    let exitCode = code;
    if (app && listening) {
      // Time is kept for closing the pools, Redis and the database after the drain.
      const reserve = Math.min(2000, config.shutdownTimeoutMs / 2);
      say(`${signal ?? 'stop'}: draining (at most ${Math.round(config.shutdownTimeoutMs - reserve)} ms)`);
      const outcome = await drain(app, config.shutdownTimeoutMs - reserve);
      if (outcome.complete) say(`drained in ${outcome.durationMs} ms`);
      else {
        say(
          `drain cut short after ${outcome.durationMs} ms: ${outcome.sockets} socket(s) and ${outcome.background} background task(s) left`,
        );
        exitCode = 1;
      }
    }
    await app?.close().catch(() => undefined);
    await server.stop().catch(() => undefined);
    process.exit(exitCode);
  }
  process.on('SIGINT', () => void stop(0, 'SIGINT'));
  process.on('SIGTERM', () => void stop(0, 'SIGTERM'));

  try {
    app = await createApp(config, server.url);
    // Several instances may start at once: one applies the migrations, the others wait and find none.
    const applied = await runMigrationsExclusively(app.get(DataSource));
    if (applied.length) say(`applied ${applied.length} migration(s): ${applied.join(', ')}`);
    await app.get(ReferenceDataImporter).importFile(config.referenceDataFile);
    await app.listen({ port: config.port, host: config.host });
    listening = true;
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
