import type { Pool, PoolClient, QueryResultRow } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * A set of enum labels as SQL literals, `'a', 'b'`, for `IN (...)` where a parameter cannot go (an
 * index's predicate, which must match the migration's text) or should not (a hot statement whose
 * plan relies on a partial index). Only for the app's own constants: anything else is refused.
 */
export function sqlLabels(labels: readonly string[]): string {
  const bad = labels.find((label) => !/^[a-z_]+$/.test(label));
  if (bad !== undefined) throw new Error(`not an enum label: ${bad}`);
  return labels.map((label) => `'${label}'`).join(', ');
}

/**
 * Runs an UPDATE or DELETE ... RETURNING and gives its rows. (TypeORM answers such statements
 * with [rows, rowCount] rather than the rows alone.)
 */
export async function modifyReturning<T>(manager: EntityManager, sql: string, parameters: unknown[]): Promise<T[]> {
  const result = await manager.query<unknown>(sql, parameters);
  return (
    Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number'
      ? result[0]
      : result
  ) as T[];
}

/** The pg pool under TypeORM's data source (TypeORM's query() takes no statement name). */
function driverPool(dataSource: DataSource): Pool {
  return (dataSource.driver as PostgresDriver).master as Pool;
}

/**
 * One statement on the pool, prepared once per connection under `name` (unique to the text), for hot
 * statements whose planning costs PostgreSQL as much as running them (a plenary's votes). Rows as
 * pg gives them; TypeORM's query runner, its logging and its [rows, count] answers are not involved.
 */
export async function preparedQuery<Row>(
  dataSource: DataSource,
  name: string,
  text: string,
  values: unknown[],
): Promise<Row[]> {
  const result = await driverPool(dataSource).query<Row & QueryResultRow>({ name, text, values });
  return result.rows;
}

interface Lane {
  client: Promise<PoolClient>;
  /** Statements sent on it and not yet answered. */
  pending: number;
  failed: boolean;
  /** While checked out, the connection's errors are ours (an unheard 'error' would end the process). */
  onError: () => void;
}

/** node-postgres's pipeline mode, switched on a checked-out client while it is idle (typed read-only). */
function setPipeline(client: PoolClient, on: boolean): void {
  (client as { pipeline: boolean }).pipeline = on;
}

/**
 * Runs the statements of one key (a channel's messages) in order on one pooled connection, each
 * sent the moment it comes: the connection is switched to node-postgres's pipeline mode while it
 * serves the key (node-postgres.com/features/pipelining, "Switching modes"), so PostgreSQL has the
 * next statement as soon as it finishes one, while this process handles the answer before (and
 * announces a message), instead of a round trip later. Answers come back in the order sent, each
 * statement in its own implicit transaction (a Sync after each), so one that fails fails alone.
 * When every statement is answered the connection goes back to the pool in its normal mode, or is
 * closed if a statement on it failed.
 *
 * Each statement is prepared once per connection (node-postgres names it), for the hottest paths,
 * where PostgreSQL spends longer planning than running (storing a chat message: about 0.45 ms to
 * plan, 0.25 ms to run). The name must be unique to the text.
 */
export class StatementLanes<Key> {
  private readonly lanes = new Map<Key, Lane>();

  constructor(private readonly pool: () => Pool) {}

  static of<Key>(dataSource: DataSource): StatementLanes<Key> {
    return new StatementLanes<Key>(() => driverPool(dataSource));
  }

  query<Row>(key: Key, name: string, text: string, values: unknown[]): Promise<Row[]> {
    let lane = this.lanes.get(key);
    if (!lane) {
      const opened: Lane = {
        client: this.pool().connect(),
        pending: 0,
        failed: false,
        onError: () => (opened.failed = true),
      };
      opened.client = opened.client.then((client) => {
        client.on('error', opened.onError); // the statements in flight are rejected too
        setPipeline(client, true); // idle: just checked out
        return client;
      });
      this.lanes.set(key, opened);
      lane = opened;
    }
    const current = lane;
    current.pending++;
    return current.client
      .then((client) => client.query<Row & QueryResultRow>({ name, text, values }))
      .then(
        (result) => result.rows,
        (error: unknown) => {
          current.failed = true;
          throw error;
        },
      )
      .finally(() => {
        if (--current.pending > 0) return;
        // Every statement answered: the connection is idle again.
        if (this.lanes.get(key) === current) this.lanes.delete(key);
        current.client.then(
          (client) => {
            client.removeListener('error', current.onError);
            if (!current.failed) setPipeline(client, false);
            client.release(current.failed);
          },
          () => undefined, // never connected: nothing to give back
        );
      });
  }

  /** Keys with statements in flight (for tests). */
  get busy(): number {
    return this.lanes.size;
  }
}
