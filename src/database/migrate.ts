import type { DataSource } from 'typeorm';
import { ADVISORY_LOCKS } from './advisory-locks';

/**
 * Applies the pending migrations, one instance at a time: several instances started together on an
 * empty database (a first `docker compose up`) would otherwise each create the same tables. The
 * first takes a session-level advisory lock and migrates; the others wait for the lock, then find
 * nothing pending. The lock is held on a connection of its own (TypeORM runs each migration on
 * connections of its pool), and it goes with that connection if the process dies.
 */
export async function runMigrationsExclusively(dataSource: DataSource): Promise<string[]> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCKS.migrations]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCKS.migrations]);
    }
  } finally {
    await lock.release();
  }
}
