/**
 * The median PostgreSQL execution time of the search's own statements on the bench data set, one at
 * a time (EXPLAIN ANALYZE, TIMING OFF): the database's cost of a query without the HTTP stack and
 * with little of the machine's noise. `npx ts-node --transpile-only bench/sql-medians.ts [runs]`,
 * after `npm run bench -- --only=search` has made the data set (it applies pending migrations first).
 */
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { openDatabaseServer } from '../src/database/database-server';
import { ROOT, say } from './common';
import { floorStatementFor, statementFor } from './search';

const QUERIES = [
  'q=wspolpraca&area=education&lang=pl',
  'q=wsp&area=education&lang=pl',
  'q=cooperation',
  'q=partnerstwo+mlodziez',
  'q=cultur&sort=newest',
];

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 30);
  const server = await openDatabaseServer({
    databaseUrl: process.env.DATABASE_URL,
    clusterDir: join(ROOT, '.data', 'bench', 'postgres'),
  });
  try {
    const url = server.urlFor('cooperation_forum_bench');
    const migrations = new DataSource(dataSourceOptions(url));
    await migrations.initialize();
    const applied = await migrations.runMigrations();
    if (applied.length) say(`applied ${applied.map((m) => m.name).join(', ')}`);
    await migrations.destroy();
    const client = new Client({ connectionString: url });
    await client.connect();
    // A migration that rewrites the table leaves it without statistics or visibility map: measure
    // it, before and after, as it is once autovacuum has passed.
    await client.query('VACUUM ANALYZE initiatives');
    for (const query of QUERIES) {
      for (const [name, statementOf] of [
        ['app', statementFor],
        ['floor', floorStatementFor],
      ] as const) {
        const { sql, params } = await statementOf(new URLSearchParams(query));
        const times: number[] = [];
        let matches = '';
        for (let i = 0; i < runs + 3; i++) {
          const result = await client.query<{ 'QUERY PLAN': [{ 'Execution Time': number }] }>(
            `EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ${sql}`,
            params,
          );
          if (i >= 3) times.push(result.rows[0]['QUERY PLAN'][0]['Execution Time']);
        }
        if (name === 'app') {
          const answer = await client.query<{ total: number }>(sql, params);
          matches = `, ${answer.rows[0].total} matches`;
        }
        times.sort((a, b) => a - b);
        const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(2);
        say(`${query.padEnd(40)} ${name.padEnd(5)} median ${at(0.5)} ms, p90 ${at(0.9)} ms (${runs} runs${matches})`);
      }
    }
    await client.end();
  } finally {
    await server.stop();
  }
}

void main();
