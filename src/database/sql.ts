import type { Pool, QueryResultRow } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Runs an UPDATE or DELETE ... RETURNING and gives its rows. (TypeORM answers such statements
 * with [rows, rowCount] rather than the rows alone.)
 */
export async function modifyReturning<T>(manager: EntityManager, sql: string, parameters: unknown[]): Promise<T[]> {
  const result = await manager.query(sql, parameters);
  return (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number' ? result[0] : result) as T[];
}

/**
 * Runs a statement that each connection of the pool prepares once (node-postgres names it), for
 * the hottest paths, where PostgreSQL spends longer planning than running (storing a chat message:
 * about 0.45 ms to plan, 0.25 ms to run). Straight through the driver's pool: TypeORM's query()
 * takes no statement name. The name must be unique to the text.
 */
export async function preparedQuery<Row>(dataSource: DataSource, name: string, text: string, values: unknown[]): Promise<Row[]> {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  const result = await pool.query<Row & QueryResultRow>({ name, text, values });
  return result.rows;
}
