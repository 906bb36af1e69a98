import { join } from 'node:path';
import { ensureDatabase, leaveStopSignalsToTheApp, startEmbeddedPostgres } from './embedded-postgres';

/** A PostgreSQL server: the one DATABASE_URL names, or an embedded one started for this process. */
export interface DatabaseServer {
  readonly embedded: boolean;
  /** URL of the default database: DATABASE_URL itself, or the embedded cluster's app database. */
  readonly url: string;
  /** URL of another database on the same server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export const DEFAULT_DATABASE = 'cooperation_forum';

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export async function openDatabaseServer(options: {
  databaseUrl?: string;
  /** Folder of the embedded cluster, used when databaseUrl is absent. */
  clusterDir: string;
  log?: (line: string) => void;
  /** The embedded server died and could not be started again. */
  onLost?: (error: Error) => void;
}): Promise<DatabaseServer> {
  if (options.databaseUrl) {
    const url = options.databaseUrl;
    return { embedded: false, url, urlFor: (database) => withDatabase(url, database), stop: () => Promise.resolve() };
  }
  const embedded = await startEmbeddedPostgres({
    dir: options.clusterDir,
    database: DEFAULT_DATABASE,
    log: options.log,
    onLost: options.onLost,
  });
  return {
    embedded: true,
    url: embedded.url,
    urlFor: (database) => withDatabase(embedded.url, database),
    stop: () => embedded.stop(),
  };
}

export function embeddedClusterDir(dataDir: string): string {
  return join(dataDir, 'postgres');
}

export { ensureDatabase, leaveStopSignalsToTheApp };
