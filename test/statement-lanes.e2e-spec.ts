import { Pool } from 'pg';
import { StatementLanes } from '../src/database/sql';
import { createTestDatabase, type TestDatabase } from './support/database';

/**
 * The lanes that a channel's messages are stored through (ChannelsRepository.tryInsertMessage):
 * against a real PostgreSQL, what the send path relies on.
 */
describe('statement lanes', () => {
  let db: TestDatabase;
  let pool: Pool;
  let lanes: StatementLanes<number>;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 4 });
    lanes = new StatementLanes<number>(() => pool);
    await pool.query(
      `CREATE TABLE lane_log (id bigserial PRIMARY KEY, lane int NOT NULL, n int NOT NULL, pid int NOT NULL DEFAULT pg_backend_pid())`,
    );
  });

  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  const log = (lane: number, n: number) =>
    lanes.query<{ id: number; n: number; pid: number }>(
      lane,
      'lanes.log',
      `INSERT INTO lane_log (lane, n) VALUES ($1, $2::int) RETURNING id::int, n, pid`,
      [lane, n],
    );

  it('stores a burst of each key in the order sent, on one connection, and gives every connection back', async () => {
    // Two keys, 40 statements each, all sent before any is answered.
    const sent = [1, 2].map((lane) => Array.from({ length: 40 }, (_, n) => log(lane, n)));
    expect(lanes.busy).toBe(2);
    const answers = await Promise.all(sent.map((burst) => Promise.all(burst)));

    for (const rows of answers.map((burst) => burst.map(([row]) => row))) {
      // Answered in the order sent, stored in that order, all by one backend.
      expect(rows.map((row) => row.n)).toEqual(Array.from({ length: 40 }, (_, n) => n));
      const ids = rows.map((row) => row.id);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(new Set(rows.map((row) => row.pid)).size).toBe(1);
    }
    const { rows: stored } = await pool.query(
      `SELECT lane, count(*)::int AS n FROM lane_log GROUP BY lane ORDER BY lane`,
    );
    expect(stored).toEqual([
      { lane: 1, n: 40 },
      { lane: 2, n: 40 },
    ]);

    // Nothing in flight, every connection back in the pool and in its normal mode.
    await new Promise((resolve) => setImmediate(resolve));
    expect(lanes.busy).toBe(0);
    expect(pool.idleCount).toBe(pool.totalCount);
    const clients = await Promise.all(Array.from({ length: pool.totalCount }, () => pool.connect()));
    try {
      expect(clients.map((client) => client.pipeline)).toEqual(clients.map(() => false));
    } finally {
      for (const client of clients) client.release();
    }
  });

  it('fails only the statement that fails, and closes its connection after the burst', async () => {
    const fail = lanes.query(3, 'lanes.fail', `SELECT 1 / $1::int AS n`, [0]);
    const before = log(3, 1);
    const after = [log(3, 2), log(3, 3)];
    await expect(fail).rejects.toThrow('division by zero');
    const [[first], ...rest] = await Promise.all([before, ...after]);
    expect(first.n).toBe(1);
    expect(rest.map(([row]) => row.n)).toEqual([2, 3]);

    await new Promise((resolve) => setImmediate(resolve));
    expect(lanes.busy).toBe(0);
    // The failed lane's backend is gone: closed, not given back to the pool. A backend exits a
    // moment after its connection is closed, so look again until it has (at most 100 times).
    let backends = 1;
    for (let look = 0; look < 100 && backends > 0; look++) {
      if (look > 0) await new Promise((resolve) => setTimeout(resolve, 50));
      const { rows } = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = $1`,
        [first.pid],
      );
      backends = rows[0].n;
    }
    expect(backends).toBe(0);
  });

  it('rejects every statement of a lane whose connection is lost, and the next burst gets a new one', async () => {
    const first = log(4, 1);
    const doomed = [lanes.query(4, 'lanes.sleep', `SELECT pg_sleep($1::float8) IS NULL AS slept`, [5]), log(4, 2)];
    const [row] = await first;
    await pool.query(`SELECT pg_terminate_backend($1)`, [row.pid]);
    const results = await Promise.allSettled(doomed);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);

    await new Promise((resolve) => setImmediate(resolve));
    expect(lanes.busy).toBe(0);
    const [again] = await log(4, 3);
    expect(again.n).toBe(3);
    expect(again.pid).not.toBe(row.pid);
  });
});
