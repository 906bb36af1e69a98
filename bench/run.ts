/**
 * `npm run bench`: three benchmarks of the real app, each against a baseline measured in the same
 * run, so that the ratios cancel the machine's noise:
 *
 *   search    the initiative search (NestJS on Fastify, TypeORM) against a bare node:http + pg
 *             server running the same SQL, and against the floor: that server answering the page
 *             alone, with no total and no facets (bench/bare-server.ts, bench/search.ts);
 *   matching  GET /initiatives/{id}/matches and /organizations/{id}/suggestions, against their SQL
 *             alone (bench/matching.ts);
 *   fanout    real-time messages over Socket.IO against a bare Socket.IO server
 *             (bench/fanout.ts, bench/bare-socket-server.ts, bench/fanout-client.ts).
 *
 * `npm run bench -- --only=fanout,matching` runs some of them. Prints tables, writes
 * bench/results/latest.json (merged: a part that did not run keeps its last figures) and
 * docs/perf/search-plans.txt and matching-plans.txt. Exits 0 when a goal is missed (it is a
 * measurement); non-zero only when the bench itself cannot run.
 *
 * Database: DATABASE_URL's server (database cooperation_forum_bench), or an embedded PostgreSQL in
 * .data/bench. The data set is generated once (bench/dataset.ts) and reused by later runs.
 *
 * Search: besides throughput and latency it reports the CPU time per request of each server's node
 * process and of its PostgreSQL backends (from /proc), and the latency of one request at a time:
 * together they tell the framework's cost from the database's.
 *
 * Knobs (env): BENCH_SECONDS (10) per closed-loop measurement, BENCH_RATE_SECONDS (15) for the
 * fixed-rate one, BENCH_WARMUP_SECONDS (3), BENCH_ROUNDS (2: app, bare, floor, floor, bare, app,
 * ... each round measured for its full time), BENCH_SEARCH=listing,search-rate for some scenarios, BENCH_PROFILE=1 to write a CPU profile of the app to
 * bench/results/profiles/, DB_POOL_SIZE (10) for both servers; the other parts' knobs are in their
 * files and in bench/README.md.
 */
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { ensureDatabase, openDatabaseServer, type DatabaseServer } from '../src/database/database-server';
import { freePort } from '../src/database/embedded-postgres';
import { ReferenceDataImporter } from '../src/registry/reference-data/reference-data.importer';
import { ReferenceDataRepository } from '../src/registry/reference-data/reference-data.repository';
import { cpu, cpuMs, fmt, git, ms, ROOT, say, startChild, stopChild, table, type Running } from './common';
import { ensureDataset, type DatasetInfo } from './dataset';
import { fanoutBench, printFanout, storedFloor, storedFloorLine, type FanoutResults } from './fanout';
import { closedLoop, fixedRate, Rotation, sequential, type LoadResult } from './load';
import { matchingBench, printMatching, type MatchingResults } from './matching';
import { plenaryBench, plenarySummary, type PlenaryResults } from './plenary';
import { QA_VOTES_INTERVAL_MS as QA_VOTES_COALESCE_MS } from '../src/forum/qa/qa.gateway';
import { coldQueries, floorStatementFor, fullCountStatementFor, statementFor, type Statement } from './search';
import { SEARCH_CACHE_MAX_ENTRIES } from '../src/initiatives/search-cache';
import type { SearchQueryRow } from '../src/initiatives/initiatives.repository';

const BENCH_DATABASE = 'cooperation_forum_bench';
const RESULTS_DIR = join(ROOT, 'bench', 'results');
const PLANS_FILE = join(ROOT, 'docs', 'perf', 'search-plans.txt');

const num = (name: string, fallback: number) => {
  const value = Number(process.env[name] || fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const SECONDS = num('BENCH_SECONDS', 10);
const RATE_SECONDS = num('BENCH_RATE_SECONDS', 15);
const WARMUP_SECONDS = num('BENCH_WARMUP_SECONDS', 3);
const ROUNDS = Math.round(num('BENCH_ROUNDS', 2));
const CONNECTIONS = 50;
const RATE = 100;
const POOL_SIZE = Number(process.env.DB_POOL_SIZE || 10);
const PROFILE = process.env.BENCH_PROFILE === '1';
const SEQUENTIAL = 100;

/** A text query with two filters: 1,872 matches in this data set (hundreds to a few thousand, as a real search). */
const SEARCH_PATH = '/api/v1/initiatives?q=wspolpraca&area=education&lang=pl';
/** The public listing: the newest 20 published in an area, no text (17,159 matches: culture is the commonest area). */
const LISTING_PATH = '/api/v1/initiatives?area=culture';
/**
 * Type-ahead: a three-letter prefix that begins seven words of the data set, with the same filters
 * (7,463 matches). Checked, explained and timed one request at a time, not loaded.
 */
const TYPE_AHEAD_PATH = '/api/v1/initiatives?q=wsp&area=education&lang=pl';
/** What the answers, plans and idle latency cover. */
const PROBED_PATHS = [SEARCH_PATH, LISTING_PATH, TYPE_AHEAD_PATH];
/**
 * The cold scenarios ask a different query each time (bench/search.ts coldQueries(): this many, in
 * turn, twice what the app's search cache holds), so each answer is computed: the cost of a query
 * asked for the first time, or after a change. The repeated ones above are what the cache serves.
 */
const COLD_QUERIES = 2 * SEARCH_CACHE_MAX_ENTRIES;
type ColdShape = 'search' | 'type-ahead';

/**
 * app: the real app; bare: bench/bare-server.ts running the app's own SQL (what the stack adds);
 * floor: the same bare server answering the page alone through its index, with no total and no
 * facets (what any server must at least do: what the SQL's counting costs).
 */
type Target = 'app' | 'bare' | 'floor';
const TARGETS: Target[] = ['app', 'bare', 'floor'];

interface Scenario {
  id: string;
  title: string;
  path: string;
  mode: 'closed' | 'rate';
  /** Requests per second of a fixed-rate scenario. */
  rate?: number;
  goal: string;
  /** false: shown for information, with no goal. */
  judged: boolean;
  /** A cold scenario: each request the next query of this shape's rotation (path is the first). */
  cold?: ColdShape;
}

/** Which search scenarios run: BENCH_SEARCH=listing,search (ids, or their prefixes); all without it. */
const SEARCH_ONLY = (process.env.BENCH_SEARCH ?? '')
  .split(',')
  .map((id) => id.trim())
  .filter(Boolean);

const ALL_SCENARIOS: Scenario[] = [
  {
    id: 'search',
    title: `search q + 2 filters, ${CONNECTIONS} conn.`,
    path: SEARCH_PATH,
    mode: 'closed',
    goal: 'app/bare req/s >= 0.8; app PostgreSQL CPU <= 5 ms/req',
    judged: true,
  },
  {
    id: 'search-rate',
    title: `same search at ${RATE} req/s`,
    path: SEARCH_PATH,
    mode: 'rate',
    rate: RATE,
    goal: 'app p99 <= 1.2 x bare p99 and < 50 ms',
    judged: true,
  },
  {
    id: 'search-cold',
    title: `search q + 2 filters, a different query each time, ${CONNECTIONS} conn.`,
    path: SEARCH_PATH,
    mode: 'closed',
    goal: 'information: the uncached cost',
    judged: false,
    cold: 'search',
  },
  {
    id: 'listing',
    title: `newest 20 in an area, ${CONNECTIONS} conn.`,
    path: LISTING_PATH,
    mode: 'closed',
    goal: 'app/bare req/s >= 0.6; app/floor >= 0.5; app PostgreSQL CPU <= 5 ms/req',
    judged: true,
  },
  {
    id: 'listing-rate',
    title: `newest 20 in an area at ${RATE} req/s`,
    path: LISTING_PATH,
    mode: 'rate',
    rate: RATE,
    goal: 'app p99 < 50 ms',
    judged: true,
  },
];
const SCENARIOS = ALL_SCENARIOS.filter(
  (scenario) => !SEARCH_ONLY.length || SEARCH_ONLY.some((id) => scenario.id.startsWith(id)),
);

/**
 * Where 100 req/s is more than the machine can serve, the fixed-rate comparison is also made at
 * half of what the bare server sustained in the first scenario: latency under a load both can carry.
 */
function halfCapacityScenario(bareRps: number): Scenario {
  const rate = Math.max(1, Math.round(bareRps / 2));
  return {
    id: 'search-half',
    title: `same search at ${rate} req/s (half capacity)`,
    path: SEARCH_PATH,
    mode: 'rate',
    rate,
    goal: 'information only',
    judged: false,
  };
}

// ---------------------------------------------------------------------------------------------
// Checks and plans

interface Consistency {
  path: string;
  /** first: the app computed the answer; cached: the app's search cache served it; cold: a query of a cold rotation. */
  which?: string;
  /** The app and the bare server (the same SQL) answer the same JSON. */
  identical: boolean;
  /** The app's page (items, cursor) is the floor's. */
  samePageAsFloor: boolean;
  /** The app's total and facets are those of a full count over every match. */
  countsAsFullCount: boolean;
  total: number;
  items: number;
  appBytes: number;
  bareBytes: number;
  difference?: string;
}

async function fetchJson(url: string): Promise<{ status: number; text: string }> {
  const res = await fetch(url);
  return { status: res.status, text: await res.text() };
}

/** What the comparison reads of a search answer (GET /api/v1/initiatives). */
type SearchAnswer = { total: number; items: { id: string }[] } & Record<string, unknown>;

async function answers(servers: Running[], path: string): Promise<SearchAnswer[]> {
  const texts = await Promise.all(servers.map((server) => fetchJson(server.base + path)));
  texts.forEach((answer, i) => {
    if (answer.status !== 200)
      throw new Error(`${path}: ${servers[i].name} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
  });
  return texts.map((answer) => JSON.parse(answer.text) as SearchAnswer);
}

/** The total and facets of a query counted over every match, straight from the database. */
async function fullCount(url: string, path: string): Promise<Pick<SearchQueryRow, 'total'> & { facets: unknown }> {
  const statement = await fullCountStatementFor(new URL(path, 'http://x').searchParams);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const {
      rows: [row],
    } = await client.query<SearchQueryRow>(statement.sql, statement.params);
    return { total: row.total, facets: { area: row.area, kind: row.kind, city: row.city, goal: row.goal } };
  } finally {
    await client.end();
  }
}

/**
 * The app and the bare server must answer the same JSON, and the floor the same page (the same 20
 * rows, the same cursor), or the comparison means nothing.
 */
async function checkSameAnswers(
  url: string,
  app: Running,
  bare: Running,
  floor: Running,
  path: string,
): Promise<Consistency> {
  const [ja, jb, jf] = await answers([app, bare, floor], path);
  const full = await fullCount(url, path);
  const result: Consistency = {
    path,
    identical: isDeepStrictEqual(ja, jb),
    samePageAsFloor: isDeepStrictEqual(ja.items, jf.items) && ja.nextCursor === jf.nextCursor,
    countsAsFullCount: ja.total === full.total && isDeepStrictEqual(ja.facets, full.facets),
    total: ja.total,
    items: ja.items.length,
    appBytes: Buffer.byteLength(JSON.stringify(ja)),
    bareBytes: Buffer.byteLength(JSON.stringify(jb)),
  };
  if (!result.identical) {
    const ids = (j: { items: { id: string }[] }) => j.items.map((item) => item.id).join(',');
    const keys = Object.keys(ja).filter((key) => !isDeepStrictEqual(ja[key], jb[key]));
    result.difference = `differs in ${keys.join(', ')}; same item ids in the same order: ${ids(ja) === ids(jb)}`;
  }
  return result;
}

interface PlanSummary {
  path: string;
  planningMs: number;
  executionMs: number;
  matches: number | null;
  sharedHit: number;
  sharedRead: number;
  indexes: Record<string, boolean>;
  seqScanOnInitiatives: boolean;
}

const WATCHED_INDEXES = ['initiatives_search_filters_idx', 'initiatives_public_newest_idx'];

async function explain(
  url: string,
  path: string,
  statement: Statement,
): Promise<{ summary: PlanSummary; text: string }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    let lines: string[] = [];
    // The last of three runs: a warm cache, as under load.
    for (let i = 0; i < 3; i++) {
      const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, statement.params);
      lines = rows.map((row: Record<string, string>) => row['QUERY PLAN']);
    }
    const text = lines.join('\n');
    const time = (label: string) =>
      Number(/: ([\d.]+) ms/.exec(lines.find((line) => line.startsWith(label)) ?? '')?.[1] ?? NaN);
    const buffers = /Buffers: shared(?: hit=(\d+))?(?: read=(\d+))?/.exec(text);
    const matches = /CTE matches[\s\S]*?actual time=[\d.]+\.\.[\d.]+ rows=(\d+)/.exec(text);
    return {
      text,
      summary: {
        path,
        planningMs: time('Planning Time'),
        executionMs: time('Execution Time'),
        matches: matches ? Number(matches[1]) : null,
        sharedHit: Number(buffers?.[1] ?? 0),
        sharedRead: Number(buffers?.[2] ?? 0),
        indexes: Object.fromEntries(WATCHED_INDEXES.map((name) => [name, text.includes(name)])),
        seqScanOnInitiatives: /Seq Scan on initiatives/.test(text),
      },
    };
  } finally {
    await client.end();
  }
}

/**
 * Waits until the bench database runs no query but ours: when a closed loop stops, the server
 * still works through what its pool had queued, and that must not weigh on the next measurement.
 */
async function drain(monitor: Client, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quiet = 0;
  while (Date.now() < deadline && quiet < 3) {
    const { rows } = await monitor.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
    );
    quiet = rows[0].n === 0 ? quiet + 1 : 0;
    await new Promise((r) => setTimeout(r, 100));
  }
}

// ---------------------------------------------------------------------------------------------
// CPU time, from /proc (Linux; null elsewhere, or when PostgreSQL runs on another machine)

/** The application_name each server's pool gives its connections (see data-source-options.ts and bare-server.ts). */
const APPLICATION_NAME: Record<Target, string> = {
  app: 'cooperation-forum',
  bare: 'cooperation-forum-bench-bare',
  floor: 'cooperation-forum-bench-bare',
};

async function backendCpu(monitor: Client, target: Target): Promise<Map<number, number | null>> {
  const { rows } = await monitor.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
    [APPLICATION_NAME[target]],
  );
  return new Map(rows.map((row: { pid: number }) => [row.pid, cpuMs(row.pid)]));
}

/** CPU milliseconds per answered request spent by the server's node process and by its PostgreSQL backends. */
async function withCpu(
  monitor: Client,
  running: Running,
  target: Target,
  work: () => Promise<LoadResult>,
): Promise<LoadResult> {
  const pid = running.child.pid ?? -1;
  const nodeBefore = cpuMs(pid);
  const dbBefore = await backendCpu(monitor, target);
  const result = await work();
  await drain(monitor);
  const nodeAfter = cpuMs(pid);
  const dbAfter = await backendCpu(monitor, target);
  const answered = result.rps * result.seconds;
  let db: number | null = dbAfter.size ? 0 : null;
  for (const [backend, after] of dbAfter) {
    if (after === null || db === null) {
      db = null;
      break;
    }
    db += after - (dbBefore.get(backend) ?? 0);
  }
  return {
    ...result,
    nodeCpuMsPerRequest:
      nodeBefore !== null && nodeAfter !== null && answered ? (nodeAfter - nodeBefore) / answered : null,
    dbCpuMsPerRequest: db !== null && answered ? db / answered : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Load

interface Measured {
  app: LoadResult;
  bare: LoadResult;
  floor: LoadResult;
  rounds: Record<Target, LoadResult[]>;
}

/** Combines rounds: req/s over all of them; latency percentiles as the mean of the rounds'. */
function combine(results: LoadResult[]): LoadResult {
  const sum = (f: (r: LoadResult) => number) => results.reduce((s, r) => s + f(r), 0);
  const mean = (f: (r: LoadResult) => number) => sum(f) / results.length;
  const seconds = sum((r) => r.seconds);
  return {
    rps: sum((r) => r.rps * r.seconds) / seconds,
    p50: mean((r) => r.p50),
    p90: mean((r) => r.p90),
    p99: mean((r) => r.p99),
    max: Math.max(...results.map((r) => r.max)),
    requests: sum((r) => r.requests),
    errors: sum((r) => r.errors),
    non2xx: sum((r) => r.non2xx),
    seconds,
    bytesPerResponse: mean((r) => r.bytesPerResponse),
    saturated: results.some((r) => r.saturated),
    nodeCpuMsPerRequest: results.every((r) => r.nodeCpuMsPerRequest != null)
      ? mean((r) => r.nodeCpuMsPerRequest ?? 0)
      : null,
    dbCpuMsPerRequest: results.every((r) => r.dbCpuMsPerRequest != null) ? mean((r) => r.dbCpuMsPerRequest ?? 0) : null,
  };
}

/** Each cold shape's queries (set by searchBench), and each server's place in them (kept across runs). */
const coldPaths = new Map<ColdShape, string[]>();
const coldRotations = new Map<string, Rotation>();
function coldRotation(shape: ColdShape, servers: Record<Target, Running>, target: Target): Rotation {
  const key = `${shape} ${target}`;
  let rotation = coldRotations.get(key);
  if (!rotation) {
    const prefix = servers[target].base;
    const queries = coldPaths.get(shape);
    if (!queries) throw new Error(`no ${shape} queries`);
    rotation = new Rotation(queries.map((path) => prefix + path));
    coldRotations.set(key, rotation);
  }
  return rotation;
}

async function measure(
  scenario: Scenario,
  servers: Record<Target, Running>,
  firstTarget: Target,
  monitor: Client,
): Promise<Measured> {
  const rounds: Measured['rounds'] = { app: [], bare: [], floor: [] };
  // ABC, CBA, ...: each server goes first and last as often as the others, so a drift of the machine cancels.
  const base = [firstTarget, ...TARGETS.filter((target) => target !== firstTarget)];
  const order: Target[] = [];
  for (let r = 0; r < ROUNDS; r++) order.push(...(r % 2 === 0 ? base : [...base].reverse()));
  for (const target of order) {
    const url = scenario.cold ? coldRotation(scenario.cold, servers, target) : servers[target].base + scenario.path;
    await closedLoop(url, scenario.mode === 'rate' ? 10 : CONNECTIONS, Math.min(2, WARMUP_SECONDS)); // re-prime this shape
    await drain(monitor);
    const result = await withCpu(monitor, servers[target], target, () =>
      scenario.mode === 'rate'
        ? fixedRate(url, scenario.rate ?? RATE, RATE_SECONDS)
        : closedLoop(url, CONNECTIONS, SECONDS),
    );
    rounds[target].push(result);
    const problems =
      result.errors || result.non2xx
        ? `, ${result.errors} errors/unanswered, ${result.non2xx} non-2xx${result.saturated ? ', SATURATED: cut short' : ''}`
        : '';
    say(
      `  ${scenario.id.padEnd(12)} ${target.padEnd(5)} ${fmt(result.rps, 1).padStart(6)} req/s  p50 ${ms(result.p50).padStart(10)}  p99 ${ms(result.p99).padStart(10)}  ` +
        `CPU/request: node ${cpu(result.nodeCpuMsPerRequest)}, PostgreSQL ${cpu(result.dbCpuMsPerRequest)}  (${result.requests} requests${problems})`,
    );
  }
  return { app: combine(rounds.app), bare: combine(rounds.bare), floor: combine(rounds.floor), rounds };
}

interface Verdict {
  /** What is compared: `app/bare req/s`, `app p99`, ... */
  what: string;
  /** The figure (a ratio, or milliseconds). */
  value: number;
  pass: boolean;
  valid: boolean;
  detail: string;
}

const answeredAll = (...results: LoadResult[]) => results.every((r) => !r.errors && !r.non2xx);

/** The goals of a scenario (issue 23, and the same-SQL comparison before it); none for information. */
function judge(scenario: Scenario, m: Measured): Verdict[] {
  const verdicts: Verdict[] = [];
  const rpsRatio = (against: 'bare' | 'floor', goal: number) => {
    const value = m.app.rps / m[against].rps;
    const valid = answeredAll(m.app, m[against]);
    verdicts.push({
      what: `app/${against} req/s`,
      value,
      valid,
      pass: valid && value >= goal,
      detail: `app/${against} req/s ${fmt(value, 2)} (>= ${goal})`,
    });
  };
  const dbCpu = () => {
    const value = m.app.dbCpuMsPerRequest ?? NaN;
    verdicts.push({
      what: 'app PostgreSQL CPU ms/req',
      value,
      valid: answeredAll(m.app) && Number.isFinite(value),
      pass: answeredAll(m.app) && value <= 5,
      detail: `app PostgreSQL CPU ${fmt(value, 2)} ms/request (<= 5; floor ${fmt(m.floor.dbCpuMsPerRequest, 2)})`,
    });
  };
  const p99Under50 = () => {
    const valid = answeredAll(m.app);
    verdicts.push({
      what: 'app p99 ms',
      value: m.app.p99,
      valid,
      pass: valid && m.app.p99 < 50,
      detail: `app p99 ${fmt(m.app.p99, 1)} ms (< 50; floor ${fmt(m.floor.p99, 1)} ms)`,
    });
  };
  if (!scenario.judged) return verdicts;
  if (scenario.id === 'search') {
    rpsRatio('bare', 0.8);
    dbCpu();
  } else if (scenario.id === 'listing') {
    rpsRatio('bare', 0.6);
    rpsRatio('floor', 0.5);
    dbCpu();
  } else if (scenario.id === 'search-rate') {
    const value = m.app.p99 / m.bare.p99;
    const valid = answeredAll(m.app, m.bare);
    verdicts.push({
      what: 'app/bare p99',
      value,
      valid,
      pass: valid && value <= 1.2,
      detail: `app/bare p99 ${fmt(value, 2)} (<= 1.2)`,
    });
    p99Under50();
  } else if (scenario.id === 'listing-rate') {
    p99Under50();
  }
  return verdicts;
}

async function prepareDatabase(server: DatabaseServer): Promise<{ url: string; dataset: DatasetInfo }> {
  await ensureDatabase(server.urlFor('postgres'), BENCH_DATABASE);
  const url = server.urlFor(BENCH_DATABASE);
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    await new ReferenceDataImporter(new ReferenceDataRepository(dataSource)).importFile(
      join(ROOT, 'data', 'krakow-cooperation.json'),
    );
    const dataset = await ensureDataset(dataSource, (line) => say(line));
    return { url, dataset };
  } finally {
    await dataSource.destroy();
  }
}

const PARTS = ['search', 'matching', 'fanout', 'plenary'] as const;
type Part = (typeof PARTS)[number];

/** `--only=fanout,matching` (or `--only fanout`): the parts to run; all without it. */
function parts(argv: string[]): Part[] {
  const values: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--only=')) values.push(...arg.slice('--only='.length).split(','));
    else if (arg === '--only' && argv[i + 1]) values.push(...argv[++i].split(','));
    else throw new Error(`unknown argument ${arg}: use --only=${PARTS.join(',')}`);
  }
  if (!values.length) return [...PARTS];
  const unknown = values.filter((v) => !(PARTS as readonly string[]).includes(v.trim()));
  if (unknown.length) throw new Error(`unknown part(s) ${unknown.join(', ')}: the parts are ${PARTS.join(', ')}`);
  return PARTS.filter((part) => values.map((v) => v.trim()).includes(part));
}

interface SearchResults {
  when: string;
  settings: Record<string, number>;
  consistency: Consistency[];
  plans: PlanSummary[];
  idleLatency: Record<string, Record<Target, LoadResult>>;
  typeAhead: unknown;
  scenarios: unknown[];
  goalsMet: number;
  goals: number;
  seconds: number;
}

/** The search benchmark: both HTTP servers are running. Writes docs/perf/search-plans.txt. */
async function searchBench(
  url: string,
  servers: Record<Target, Running>,
  monitor: Client,
  dataset: DatasetInfo,
  commit: string | null,
): Promise<{ results: SearchResults; summary: string[] }> {
  const started = Date.now();
  const { app, bare, floor } = servers;
  for (const shape of ['search', 'type-ahead'] as const) {
    const queries = await coldQueries(monitor, shape, COLD_QUERIES);
    coldPaths.set(
      shape,
      queries.map((query) => `/api/v1/initiatives?${query}`),
    );
  }
  say(
    `\nCold queries: ${coldPaths.get('search')!.length} searches and ${coldPaths.get('type-ahead')!.length} type-ahead prefixes (word or prefix x area x language), each asked in turn (the app's search cache holds ${SEARCH_CACHE_MAX_ENTRIES})`,
  );
  say('\nSearch: same answers (app vs bare: the same JSON; app vs floor: the same page; app vs a full count):');
  const consistency: Consistency[] = [];
  // Each repeated query twice (the first answer is computed, the second the app's cached one), and
  // the last query of each cold rotation (computed: not asked before, and evicted by the time the
  // rotation comes round to it).
  const checked: [string, string][] = [
    ...PROBED_PATHS.map((path) => [path, 'first'] as [string, string]),
    ...PROBED_PATHS.map((path) => [path, 'cached'] as [string, string]),
    ...(['search', 'type-ahead'] as const).map(
      (shape) => [coldPaths.get(shape)!.at(-1)!, `cold ${shape}`] as [string, string],
    ),
  ];
  for (const [path, which] of checked) {
    const check = await checkSameAnswers(url, app, bare, floor, path);
    consistency.push({ ...check, which });
    say(
      `  ${path} (${which}): ${check.identical ? 'identical JSON' : `DIFFERENT (${check.difference})`}, floor: ${check.samePageAsFloor ? 'same page' : 'DIFFERENT PAGE'}, full count: ${check.countsAsFullCount ? 'same total and facets' : 'DIFFERENT COUNTS'}, total ${check.total}, ${check.items} items, ${check.appBytes} bytes`,
    );
  }

  say('\nEXPLAIN (ANALYZE, BUFFERS), warm (full plans in docs/perf/search-plans.txt):');
  const plans: PlanSummary[] = [];
  const planTexts: string[] = [];
  for (const [path, label, statementOf] of PROBED_PATHS.flatMap((path) => [
    [path, path, statementFor] as const,
    [path, `${path} (floor: the page alone)`, floorStatementFor] as const,
  ])) {
    const statement = await statementOf(new URL(path, 'http://x').searchParams);
    const { summary, text } = await explain(url, label, statement);
    plans.push(summary);
    planTexts.push(
      `=== GET ${label}\n--- parameters: ${JSON.stringify(statement.params)}\n--- SQL:\n${statement.sql.trim()}\n\n--- EXPLAIN (ANALYZE, BUFFERS), third run:\n${text}\n`,
    );
    const used = Object.entries(summary.indexes)
      .map(([name, on]) => `${name} ${on ? 'USED' : 'not used'}`)
      .join(', ');
    say(
      `  ${label}\n    planning ${fmt(summary.planningMs, 2)} ms, execution ${fmt(summary.executionMs, 2)} ms, ${summary.matches ?? '?'} matches, shared hit ${summary.sharedHit} read ${summary.sharedRead}${summary.seqScanOnInitiatives ? ', SEQ SCAN on initiatives' : ''}\n    ${used}`,
    );
  }
  mkdirSync(join(ROOT, 'docs', 'perf'), { recursive: true });
  writeFileSync(
    PLANS_FILE,
    `Search plans written by \`npm run bench\` (bench/run.ts) on ${new Date().toISOString()}, commit ${commit ?? '?'}:\n` +
      `${dataset.organizations} organisations, ${dataset.initiatives} initiatives. The SQL is InitiativesRepository.search()'s own text; the floor's, searchPage()'s.\n\n${planTexts.join('\n')}`,
  );

  say(`\nIdle latency, one request at a time (${SEQUENTIAL} requests each, after ${SEQUENTIAL / 4} unmeasured):`);
  const idle: Record<string, Record<Target, LoadResult>> = {};
  for (const path of PROBED_PATHS) {
    const trio = {} as Record<Target, LoadResult>;
    for (const target of TARGETS) {
      await sequential(servers[target].base + path, SEQUENTIAL / 4);
      trio[target] = await sequential(servers[target].base + path, SEQUENTIAL);
    }
    idle[path] = trio;
    say(
      `  ${path}: app p50 ${ms(trio.app.p50)} p99 ${ms(trio.app.p99)}, bare p50 ${ms(trio.bare.p50)} p99 ${ms(trio.bare.p99)}, floor p50 ${ms(trio.floor.p50)} p99 ${ms(trio.floor.p99)}: the app adds ${fmt(trio.app.p50 - trio.bare.p50, 2)} ms (p50) to the same SQL`,
    );
  }
  // Type-ahead as typed: a different prefix each time (the cold rotation), so nothing is cached.
  const coldTrio = {} as Record<Target, LoadResult>;
  for (const target of TARGETS) {
    const rotation = coldRotation('type-ahead', servers, target);
    await sequential(rotation, SEQUENTIAL / 4);
    coldTrio[target] = await sequential(rotation, SEQUENTIAL);
  }
  idle['type-ahead-cold'] = coldTrio;
  say(
    `  type-ahead-cold (a different q=<3 letters> + area + language each time): app p50 ${ms(coldTrio.app.p50)} p99 ${ms(coldTrio.app.p99)}, bare p50 ${ms(coldTrio.bare.p50)} p99 ${ms(coldTrio.bare.p99)}, floor p50 ${ms(coldTrio.floor.p50)} p99 ${ms(coldTrio.floor.p99)}`,
  );
  const typeAhead = idle[TYPE_AHEAD_PATH].app;
  const typeAheadVerdict: Verdict = {
    what: 'app idle p50 ms',
    value: typeAhead.p50,
    valid: answeredAll(typeAhead),
    pass: answeredAll(typeAhead) && typeAhead.p50 < 15,
    detail: `app p50 ${fmt(typeAhead.p50, 1)} ms (< 15; floor ${fmt(idle[TYPE_AHEAD_PATH].floor.p50, 1)} ms)`,
  };

  say(`\nWarm-up: ${WARMUP_SECONDS} s of each query on each server`);
  for (const target of TARGETS) {
    for (const path of [SEARCH_PATH, LISTING_PATH])
      await closedLoop(servers[target].base + path, CONNECTIONS, WARMUP_SECONDS);
  }
  await drain(monitor);

  say(
    `\nMeasuring (${ROUNDS} round(s) per server, alternating; closed loop ${SECONDS} s, fixed rate ${RATE_SECONDS} s):`,
  );
  const measured: { scenario: Scenario; m: Measured; verdicts: Verdict[] }[] = [];
  const scenarios = [...SCENARIOS];
  for (let i = 0; i < scenarios.length; i++) {
    const scenario = scenarios[i];
    const m = await measure(scenario, servers, TARGETS[i % TARGETS.length], monitor);
    measured.push({ scenario, m, verdicts: judge(scenario, m) });
    // The 100 req/s run showed the machine cannot carry it: compare at a load both can.
    if (scenario.id === 'search-rate' && (m.app.saturated || m.bare.saturated || m.bare.p99 > (1000 / RATE) * 10)) {
      const search = measured.find((x) => x.scenario.id === 'search');
      if (search) scenarios.splice(i + 1, 0, halfCapacityScenario(search.m.bare.rps));
    }
  }

  const rows = [
    [
      'search',
      'req/s app / bare / floor',
      'app p50/p99',
      'bare p50/p99',
      'floor p50/p99',
      'CPU ms/req app (node+pg)',
      'bare (node+pg)',
      'floor (node+pg)',
      'goal',
      'result',
    ],
  ];
  const result = (verdicts: Verdict[], scenario: Scenario) =>
    verdicts.every((v) => v.pass)
      ? 'PASS'
      : verdicts.every((v) => v.valid)
        ? 'FAIL'
        : scenario.mode === 'rate'
          ? 'FAIL (not all answered)'
          : 'INVALID (errors)';
  for (const { scenario, m, verdicts } of measured) {
    rows.push([
      scenario.title,
      `${fmt(m.app.rps, 1)} / ${fmt(m.bare.rps, 1)} / ${fmt(m.floor.rps, 1)}`,
      `${ms(m.app.p50)} / ${ms(m.app.p99)}`,
      `${ms(m.bare.p50)} / ${ms(m.bare.p99)}`,
      `${ms(m.floor.p50)} / ${ms(m.floor.p99)}`,
      `${cpu(m.app.nodeCpuMsPerRequest)} + ${cpu(m.app.dbCpuMsPerRequest)}`,
      `${cpu(m.bare.nodeCpuMsPerRequest)} + ${cpu(m.bare.dbCpuMsPerRequest)}`,
      `${cpu(m.floor.nodeCpuMsPerRequest)} + ${cpu(m.floor.dbCpuMsPerRequest)}`,
      scenario.goal,
      scenario.judged ? result(verdicts, scenario) : `info: app/bare p99 ${fmt(m.app.p99 / m.bare.p99, 2)}`,
    ]);
  }
  say(`\n${table(rows, (c) => c === 0 || c >= 8)}`);
  say('');
  const summary: string[] = [];
  const agree = consistency.every((c) => c.identical && c.samePageAsFloor && c.countsAsFullCount);
  summary.push(
    `  ${agree ? 'PASS' : 'FAIL'}  search: answers agree on ${consistency.length} queries (app = bare; app's page = floor's; app's total and facets = a full count)`,
  );
  for (const { scenario, verdicts } of measured)
    for (const verdict of verdicts)
      summary.push(`  ${verdict.pass ? 'PASS' : 'FAIL'}  search: ${scenario.title}: ${verdict.detail}`);
  summary.push(
    `  ${typeAheadVerdict.pass ? 'PASS' : 'FAIL'}  search: type-ahead q=wsp + 2 filters, one at a time: ${typeAheadVerdict.detail}`,
  );
  summary.push(
    `  info   search: type-ahead-cold, a different prefix each time, one at a time: app p50 ${fmt(coldTrio.app.p50, 1)} ms (floor ${fmt(coldTrio.floor.p50, 1)} ms, bare ${fmt(coldTrio.bare.p50, 1)} ms)`,
  );
  for (const { scenario, m } of measured.filter((x) => !x.scenario.judged))
    summary.push(
      scenario.cold
        ? `  info   search: ${scenario.title}: app PostgreSQL CPU ${fmt(m.app.dbCpuMsPerRequest ?? NaN, 2)} ms/request (floor ${fmt(m.floor.dbCpuMsPerRequest ?? NaN, 2)}), app/bare req/s ${fmt(m.app.rps / m.bare.rps, 2)}, app/floor ${fmt(m.app.rps / m.floor.rps, 2)}, app p99 ${ms(m.app.p99)}`
        : `  info   search: ${scenario.title}: app/bare p99 ${fmt(m.app.p99 / m.bare.p99, 2)}, app p99 ${ms(m.app.p99)}`,
    );
  for (const line of summary) say(line);
  const judged = summary.filter((line) => !line.trimStart().startsWith('info'));
  const passed = judged.filter((line) => line.trimStart().startsWith('PASS')).length;
  return {
    results: {
      when: new Date().toISOString(),
      settings: {
        seconds: SECONDS,
        rateSeconds: RATE_SECONDS,
        warmupSeconds: WARMUP_SECONDS,
        rounds: ROUNDS,
        connections: CONNECTIONS,
        rate: RATE,
      },
      consistency,
      plans,
      idleLatency: idle,
      typeAhead: typeAheadVerdict,
      scenarios: measured.map(({ scenario, m, verdicts }) => ({
        ...scenario,
        app: m.app,
        bare: m.bare,
        floor: m.floor,
        rounds: m.rounds,
        verdicts,
        pass: verdicts.every((v) => v.pass),
      })),
      goalsMet: passed,
      goals: judged.length,
      seconds: Math.round((Date.now() - started) / 1000),
    },
    summary: judged,
  };
}

/** The last results, to merge with: a part that did not run keeps its figures (the flat layout of older runs is the search's). */
function previousResults(): Record<string, unknown> {
  const file = join(RESULTS_DIR, 'latest.json');
  if (!existsSync(file)) return {};
  try {
    const old = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    if (old.scenarios && !old.search) {
      const { when, settings, consistency, plans, idleLatency, scenarios, goalsMet, seconds } = old;
      return { search: { when, settings, consistency, plans, idleLatency, scenarios, goalsMet, seconds } };
    }
    return old;
  } catch {
    return {};
  }
}

/**
 * dist/src/main.js, waiting up to 2 minutes for it: another `nest build` on the same checkout
 * empties dist/ while it compiles.
 */
async function distReady(): Promise<void> {
  const main = join(ROOT, 'dist', 'src', 'main.js');
  for (let i = 0; i < 240 && !existsSync(main); i++) {
    if (i === 0) say('  waiting for dist/src/main.js (another build is running?)');
    await new Promise((r) => setTimeout(r, 500));
  }
  if (!existsSync(main)) throw new Error('dist/src/main.js is missing: run npm run build:server');
  await new Promise((r) => setTimeout(r, 2000)); // let that build finish writing
}

async function main(): Promise<void> {
  const started = Date.now();
  const only = parts(process.argv.slice(2));
  Logger.overrideLogger(['error', 'warn']);
  const commit = git(['rev-parse', '--short', 'HEAD']);
  const dirty = !!git(['status', '--porcelain', '--untracked-files=no', '--', 'src', 'migrations']);
  say(
    `Cooperation Forum bench (${only.join(', ')}): commit ${commit ?? '?'}${dirty ? ' (src/ or migrations/ modified)' : ''}, node ${process.version}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`,
  );

  const server = await openDatabaseServer({
    databaseUrl: process.env.DATABASE_URL,
    clusterDir: join(ROOT, '.data', 'bench', 'postgres'),
    log: (line) => say(line),
  });
  const running: Record<string, Running | undefined> = {};
  let monitor: Client | undefined;
  const stopAll = async () => {
    await Promise.all(Object.values(running).map((r) => stopChild(r)));
    await monitor?.end().catch(() => undefined);
    await server.stop().catch(() => undefined);
  };
  const onSignal = () => void stopAll().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    say(
      `database: ${server.embedded ? 'embedded PostgreSQL in .data/bench' : 'DATABASE_URL'}, database ${BENCH_DATABASE}`,
    );
    const { url, dataset } = await prepareDatabase(server);
    const datasetLine = `${dataset.organizations} organisations, ${dataset.initiatives} initiatives (${dataset.publicInitiatives} public)`;
    say(`data set: ${datasetLine}${dataset.generated ? `, generated in ${dataset.seconds.toFixed(1)} s` : ', reused'}`);

    const common = { ...process.env, DATABASE_URL: url, HOST: '127.0.0.1', DB_POOL_SIZE: String(POOL_SIZE) };
    mkdirSync(RESULTS_DIR, { recursive: true });
    const profileDir = join(RESULTS_DIR, 'profiles');
    const profileArgs = PROFILE ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
    /** The fan-out bench reads the servers' memory after full GCs, which SIGUSR2 asks for (bench/gc-preload.js). */
    const gcArgs = ['--expose-gc', '-r', join(ROOT, 'bench', 'gc-preload.js')];
    const startApp = async (nodeArgs: string[] = []) => {
      await distReady();
      const port = await freePort();
      running.app = await startChild(
        'app',
        [...profileArgs, ...nodeArgs, join('dist', 'src', 'main.js')],
        { ...common, PORT: String(port), LOG_LEVEL: 'warn', JOBS: 'off', MAIL_POLL_SECONDS: '0' },
        port,
      );
      return running.app;
    };
    const startBare = async (name: string, file: string, nodeArgs: string[] = [], env: NodeJS.ProcessEnv = {}) => {
      const port = await freePort();
      running[name] = await startChild(
        name,
        [...nodeArgs, '-r', 'ts-node/register/transpile-only', join('bench', file)],
        { ...common, ...env, PORT: String(port), TS_NODE_TRANSPILE_ONLY: 'true' },
        port,
      );
      return running[name];
    };
    monitor = new Client({ connectionString: url, application_name: 'cooperation-forum-bench-monitor' });
    await monitor.connect();

    const results: Record<string, unknown> = previousResults();
    const summary: string[] = [];
    /** Figures without a goal, printed after the goals. */
    const info: string[] = [];
    let app: Running | undefined = undefined as Running | undefined;

    /** A part that cannot run is reported and the others go on; its last figures stay in the JSON, marked. */
    const failed: string[] = [];
    const part = async (name: Part, work: () => Promise<void>) => {
      if (!only.includes(name)) return;
      try {
        await work();
      } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        failed.push(name);
        say(`\n${name}: COULD NOT RUN: ${message}`);
        summary.push(`  ERROR  ${name}: could not run (${message.split('\n')[0]})`);
        results[name] = {
          ...(results[name] ?? {}),
          failedRun: { when: new Date().toISOString(), error: message.split('\n').slice(0, 5).join('\n') },
        };
        for (const key of Object.keys(running).filter((key) => key !== 'app')) {
          await stopChild(running[key]);
          delete running[key];
        }
      }
    };

    await part('search', async () => {
      app = await startApp();
      const bare = await startBare('bare', 'bare-server.ts');
      say(
        `\napp: node dist/src/main.js on ${app.base}; bare: bench/bare-server.ts on ${bare.base}; pool size ${POOL_SIZE} each`,
      );
      // The floor is the bare server answering under /floor (bench/bare-server.ts).
      const floor: Running = { ...bare, name: 'floor', base: `${bare.base}/floor` };
      const search = await searchBench(url, { app, bare, floor }, monitor as Client, dataset, commit);
      results.search = search.results;
      summary.push(...search.summary);
      await stopChild(bare);
      delete running.bare;
    });

    await part('matching', async () => {
      if (!app || app.child.exitCode !== null) app = await startApp();
      const matching: MatchingResults = await matchingBench({ url, app, commit, datasetLine });
      printMatching(matching);
      results.matching = { when: new Date().toISOString(), ...matching };
      summary.push(
        ...matching.verdicts.map(
          (v) =>
            `  ${v.pass ? 'PASS' : 'FAIL'}  matching: ${v.title}: median ${ms(v.p50)}, p99 ${ms(v.p99)} (${v.goal})${v.note ? `: ${v.note}` : ''}`,
        ),
      );
    });

    await part('fanout', async () => {
      // A freshly started app, as the bare server is, so that the memory of earlier load is not counted.
      if (app) {
        await stopChild(app);
        delete running.app;
      }
      app = await startApp(gcArgs);
      const bareSocket = await startBare('bare-socket', 'bare-socket-server.ts', gcArgs);
      const storedSocket = await startBare('stored-socket', 'bare-socket-server.ts', gcArgs, { STORE_FIRST: '1' });
      say(
        `\napp: node dist/src/main.js on ${app.base} (restarted); bare: bench/bare-socket-server.ts on ${bareSocket.base}; stored floor: the same with STORE_FIRST=1 on ${storedSocket.base}`,
      );
      const fanout: FanoutResults = await fanoutBench({
        url,
        app,
        bare: bareSocket,
        stored: storedSocket,
        monitor: monitor as Client,
      });
      printFanout(fanout);
      results.fanout = { when: new Date().toISOString(), ...fanout };
      summary.push(
        ...fanout.verdicts.map(
          (v) =>
            `  ${v.pass ? 'PASS' : 'FAIL'}  fan-out: ${v.title}: app ${fmt(v.app, 1)} ${v.unit}, bare ${fmt(v.bare, 1)}, ratio ${fmt(v.ratio, 2)} (${v.goal})${v.note ? `: ${v.note}` : ''}`,
        ),
      );
      const floor = storedFloor(fanout);
      if (floor) info.push(`  info   fan-out: ${storedFloorLine(floor)}`);
    });

    await part('plenary', async () => {
      // Two instances of each, sharing Redis as production does; streams of their own, so that
      // other Redis users on the machine (tests) neither see nor disturb the bench's rooms.
      const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
      const instances: Running[] = [];
      for (const name of ['plenary-app-a', 'plenary-app-b']) {
        await distReady();
        const port = await freePort();
        running[name] = await startChild(
          name,
          [...profileArgs, join('dist', 'src', 'main.js')],
          {
            ...common,
            PORT: String(port),
            LOG_LEVEL: 'warn',
            JOBS: 'off',
            MAIL_POLL_SECONDS: '0',
            REDIS_URL: redisUrl,
            REDIS_STREAM: 'cooperation-forum-bench:plenary-app',
          },
          port,
        );
        instances.push(running[name]);
      }
      const bares: Running[] = [];
      for (const name of ['plenary-bare-a', 'plenary-bare-b'])
        bares.push(
          await startBare(name, 'bare-qa-server.ts', [], {
            REDIS_URL: redisUrl,
            REDIS_STREAM: 'cooperation-forum-bench:plenary-bare',
            COALESCE_MS: String(QA_VOTES_COALESCE_MS),
          }),
        );
      say(
        `\napp: two instances of node dist/src/main.js (${instances.map((a) => a.base).join(', ')}) on Redis ${redisUrl}; bare: two of bench/bare-qa-server.ts (${bares.map((b) => b.base).join(', ')})`,
      );
      const plenary: PlenaryResults = await plenaryBench({
        url,
        apps: [instances[0], instances[1]],
        bares: [bares[0], bares[1]],
        coalesceMs: QA_VOTES_COALESCE_MS,
        redisUrl,
      });
      results.plenary = { when: new Date().toISOString(), ...plenary };
      summary.push(...plenarySummary(plenary));
      for (const name of ['plenary-app-a', 'plenary-app-b', 'plenary-bare-a', 'plenary-bare-b']) {
        await stopChild(running[name]);
        delete running[name];
      }
    });

    const passed = summary.filter((line) => line.trimStart().startsWith('PASS')).length;
    const goals = summary.filter((line) => !line.trimStart().startsWith('ERROR')).length;
    say(`\nAll goals of this run (${only.join(', ')}):`);
    for (const line of summary) say(line);
    say(`${passed} of ${goals} goals met.${failed.length ? ` Could not run: ${failed.join(', ')}.` : ''}`);
    for (const line of info) say(line);

    const merged = {
      ...results,
      when: new Date().toISOString(),
      parts: only,
      commit,
      srcModified: dirty,
      machine: {
        node: process.version,
        cores: cpus().length,
        cpu: cpus()[0]?.model,
        memoryGiB: Math.round(totalmem() / 2 ** 30),
      },
      database: server.embedded ? 'embedded' : 'DATABASE_URL',
      poolSize: POOL_SIZE,
      dataset,
      seconds: Math.round((Date.now() - started) / 1000),
    };
    writeFileSync(join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(merged, null, 2)}\n`);
    say(
      `Results: bench/results/latest.json; plans: docs/perf/ (${Math.round((Date.now() - started) / 1000)} s in all)`,
    );
    if (failed.length) process.exitCode = 1;
  } finally {
    await stopAll();
    if (PROFILE) say(`CPU profile of the app: ${join('bench', 'results', 'profiles')}/ (open in Chrome DevTools)`);
  }
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
