/**
 * The bare baseline: a plain node:http server that answers GET /api/v1/initiatives with the same
 * SQL as the app (bench/search.ts builds it with the app's own InitiativesRepository.search()), run
 * through a pg.Pool of the app's size (DB_POOL_SIZE, default 10), and the same JSON. No framework,
 * no ORM, no guards or validation: what the app adds on top of the database is measured against it.
 *
 * Under /floor (GET /floor/api/v1/initiatives?...) it answers the floor instead: the page alone through
 * its index, no total and no facets (InitiativesRepository.searchPage(), bench/search.ts), as
 * `{ items, nextCursor }`.
 *
 * Env: DATABASE_URL (required), PORT (default 0: a free one), HOST (default 127.0.0.1), DB_POOL_SIZE.
 * Prints "listening <port>" once ready.
 */
import { createServer, type ServerResponse } from 'node:http';
import { Pool } from 'pg';
import type { SearchQueryRow } from '../src/initiatives/initiatives.repository';
import { floorResponseFor, floorStatementFor, responseFor, statementFor, UnsupportedQuery } from './search';

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DB_POOL_SIZE || 10),
  application_name: 'cooperation-forum-bench-bare',
});

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
  });
  res.end(json);
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://bare');
  const floor = url.pathname === '/floor/api/v1/initiatives';
  if (req.method !== 'GET' || (url.pathname !== '/api/v1/initiatives' && !floor)) {
    if (url.pathname === '/health') return send(res, 200, { status: 'ok' });
    return send(res, 404, { statusCode: 404, message: 'not found' });
  }
  (floor ? floorStatementFor : statementFor)(url.searchParams)
    .then(async (statement) => {
      const { rows } = await pool.query<SearchQueryRow>(statement.sql, statement.params);
      send(res, 200, floor ? floorResponseFor(rows[0], statement.limit) : responseFor(rows[0], statement.limit));
    })
    .catch((error: Error) => {
      const status = error instanceof UnsupportedQuery ? 400 : 500;
      send(res, status, { statusCode: status, message: error.message });
    });
});
server.keepAliveTimeout = 72_000;

server.listen(Number(process.env.PORT || 0), process.env.HOST || '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : '?'}\n`);
});

const stop = () => {
  server.close();
  server.closeAllConnections();
  void pool.end().finally(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
