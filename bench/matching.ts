/**
 * The matching benchmark: GET /api/v1/initiatives/{id}/matches (the top 20 counterpart
 * organisations and complementary initiatives) and GET /api/v1/organizations/{id}/suggestions,
 * one request at a time against the real app, over 200 different published initiatives and 200
 * different verified organisations of the data set. Goals: median < 30 ms and p99 < 100 ms.
 *
 * Besides the app's latency it measures the server's SQL alone: MatchingRepository itself, with a
 * DataSource stand-in that sends its statements through a plain pg client (so the SQL cannot drift
 * from the app's), for a subset of the same ids, once as the app ranks (pruned by the bounds of
 * src/matching/top-k.ts) and once scoring every candidate (the exhaustive reference): the two
 * answers must be identical, and their times show what the pruning saves. It writes the EXPLAIN
 * (ANALYZE, BUFFERS) plans of every statement of a typical request (the ids of median latency) to
 * docs/perf/matching-plans.txt, with the indexes each one goes through.
 *
 * Knobs: BENCH_MATCHING_SECONDS (120): the time allowed to the 400 requests (half to each endpoint;
 * a slow endpoint is cut short, and says so), BENCH_MATCHING_SQL_SAMPLE (10 per endpoint).
 */
import { writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { Client, type QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';
import { MatchingRepository } from '../src/matching/matching.repository';
import { fmt, ms, percentile, ROOT, say, table, type Running } from './common';

const SAMPLE = 200;
const PAGE = 20; // MatchingService's page; the repository is asked for PAGE + 1
const num = (name: string, fallback: number) => {
  const value = Number(process.env[name] || fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const HTTP_SECONDS = num('BENCH_MATCHING_SECONDS', 120);
const SQL_SAMPLE = Math.round(num('BENCH_MATCHING_SQL_SAMPLE', 10));
const PLANS_FILE = join(ROOT, 'docs', 'perf', 'matching-plans.txt');

interface Statement {
  sql: string;
  params: unknown[];
  ms: number;
  rows: number;
}

/** Runs the repository's own code against a plain pg client, keeping every statement it sends. */
async function recorded<T>(
  db: Client,
  work: (repository: MatchingRepository) => Promise<T>,
): Promise<{ result: T; statements: Statement[]; ms: number }> {
  const statements: Statement[] = [];
  const stand_in = {
    query: async (sql: string, params: unknown[]): Promise<unknown[]> => {
      const started = performance.now();
      const res = await db.query<QueryResultRow>(sql, params);
      statements.push({ sql, params, ms: performance.now() - started, rows: res.rowCount ?? res.rows.length });
      return res.rows;
    },
  } as unknown as DataSource;
  const started = performance.now();
  const result = await work(new MatchingRepository(stand_in));
  return { result, statements, ms: performance.now() - started };
}

const counterpartsOf = (db: Client, initiativeId: string, exhaustive = false) =>
  recorded(db, (r) => r.counterparts(initiativeId, undefined, PAGE + 1, { exhaustive }));
const fittingFor = (db: Client, organizationId: string, initiativeId: string | null, exhaustive = false) =>
  recorded(db, (r) => r.fittingInitiatives(organizationId, initiativeId, undefined, PAGE + 1, { exhaustive }));

interface Sample {
  initiatives: { id: string; organizationId: string }[];
  organizations: { id: string }[];
  spare: { initiative: string; organization: string }[];
}

async function sample(db: Client): Promise<Sample> {
  // md5 of the id: a fixed, well-spread choice, the same in every run of the same data set.
  const initiatives = (
    await db.query(
      `SELECT i.id, i.organization_id AS "organizationId" FROM initiatives i JOIN organizations o ON o.id = i.organization_id
        WHERE i.status = 'published' AND i.hidden_at IS NULL AND o.status = 'verified' AND o.hidden_at IS NULL
        ORDER BY md5(i.id::text) LIMIT $1`,
      [SAMPLE + 10],
    )
  ).rows as { id: string; organizationId: string }[];
  const organizations = (
    await db.query(
      `SELECT id FROM organizations WHERE status = 'verified' AND hidden_at IS NULL ORDER BY md5(id::text) LIMIT $1`,
      [SAMPLE + 10],
    )
  ).rows as { id: string }[];
  return {
    initiatives: initiatives.slice(0, SAMPLE),
    organizations: organizations.slice(0, SAMPLE),
    spare: initiatives
      .slice(SAMPLE)
      .map((row, i) => ({ initiative: row.id, organization: organizations[SAMPLE + i]?.id ?? organizations[0].id })),
  };
}

interface Timed {
  id: string;
  ms: number;
  status: number;
  bytes: number;
  items: number;
}

function get(agent: Agent, url: string): Promise<{ status: number; body: string; ms: number }> {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1') throw new Error('the bench only loads 127.0.0.1');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(url, { agent, timeout: 60_000, headers: { 'accept-language': 'en' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          ms: performance.now() - started,
        }),
      );
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.end();
  });
}

/** One request at a time, until all are done or the time is up. */
async function sequential(
  agent: Agent,
  urls: { id: string; url: string; count: (body: unknown) => number }[],
  seconds: number,
): Promise<{ timed: Timed[]; cut: boolean }> {
  const deadline = performance.now() + seconds * 1000;
  const timed: Timed[] = [];
  for (const { id, url, count } of urls) {
    if (performance.now() > deadline) return { timed, cut: true };
    const res = await get(agent, url);
    let items = -1;
    try {
      items = count(JSON.parse(res.body));
    } catch {
      // not JSON: counted as an error below
    }
    timed.push({ id, ms: res.ms, status: res.status, bytes: Buffer.byteLength(res.body), items });
  }
  return { timed, cut: false };
}

export interface LatencySummary {
  requests: number;
  planned: number;
  cutShort: boolean;
  errors: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  meanBytes: number;
  meanItems: number;
}

function summarise(timed: Timed[], planned: number, cut: boolean): LatencySummary {
  const ok = timed.filter((t) => t.status === 200);
  const sorted = ok.map((t) => t.ms).sort((a, b) => a - b);
  return {
    requests: timed.length,
    planned,
    cutShort: cut,
    errors: timed.length - ok.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
    meanBytes: ok.reduce((s, t) => s + t.bytes, 0) / (ok.length || 1),
    meanItems: ok.reduce((s, t) => s + t.items, 0) / (ok.length || 1),
  };
}

interface SqlTimes {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

function sqlSummary(values: number[]): SqlTimes {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

// ---------------------------------------------------------------------------------------------
// Plans

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  Plans?: PlanNode[];
}

function descendants(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(descendants)];
}

/** How a statement reads its tables: the index scans and any sequential scan, from the JSON plan. */
function access(plan: PlanNode): string {
  const nodes = descendants(plan);
  const indexes = [
    ...new Set(nodes.filter((n) => n['Index Name']).map((n) => `${n['Node Type']} on ${n['Index Name']}`)),
  ];
  const seq = [
    ...new Set(nodes.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => `Seq Scan on ${n['Relation Name']}`)),
  ];
  return [...indexes, ...seq].join(', ');
}

async function explain(
  db: Client,
  statement: Statement,
): Promise<{ text: string; json: PlanNode; executionMs: number }> {
  const text = (
    await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, statement.params)
  ).rows
    .map((row) => row['QUERY PLAN'])
    .join('\n');
  const [json] = (
    await db.query<{ 'QUERY PLAN': { Plan: PlanNode; 'Execution Time': number }[] }>(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${statement.sql}`,
      statement.params,
    )
  ).rows[0]['QUERY PLAN'];
  return { text, json: json.Plan, executionMs: json['Execution Time'] };
}

const sameAnswer = (a: { id: string; score: number }[], b: { id: string; score: number }[]) =>
  a.length === b.length && a.every((row, i) => row.id === b[i].id && row.score === b[i].score);

// ---------------------------------------------------------------------------------------------

export interface StatementPlan {
  statement: string;
  executionMs: number;
  rows: number;
  access: string;
}

export interface MatchingResults {
  dataset: { initiativesSampled: number; organizationsSampled: number };
  matches: LatencySummary;
  suggestions: LatencySummary;
  sql: {
    counterparts: SqlTimes;
    fittingForInitiative: SqlTimes;
    matchesParallel: SqlTimes;
    fittingForOrganization: SqlTimes;
  };
  /** The same rankings scoring every candidate: what the pruning saves, and whether the answers agree. */
  exhaustive: {
    counterparts: SqlTimes;
    fittingForInitiative: SqlTimes;
    fittingForOrganization: SqlTimes;
    compared: number;
    identical: number;
  };
  typical: { initiativeId: string; organizationId: string };
  plans: { request: string; statements: StatementPlan[] }[];
  verdicts: {
    id: string;
    title: string;
    p50: number;
    p99: number;
    sqlP50: number;
    ratio: number;
    goal: string;
    pass: boolean;
    valid: boolean;
    note?: string;
  }[];
  seconds: number;
}

export async function matchingBench(options: {
  url: string;
  app: Running;
  commit: string | null;
  datasetLine: string;
}): Promise<MatchingResults> {
  const started = Date.now();
  const { app } = options;
  const db = new Client({ connectionString: options.url, application_name: 'cooperation-forum-bench-matching' });
  const db2 = new Client({ connectionString: options.url, application_name: 'cooperation-forum-bench-matching' });
  await Promise.all([db.connect(), db2.connect()]);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const picked = await sample(db);
    const matchesUrl = (id: string) => `${app.base}/api/v1/initiatives/${id}/matches?lang=en`;
    const suggestionsUrl = (id: string) => `${app.base}/api/v1/organizations/${id}/suggestions?lang=en`;
    const countMatches = (body: unknown) => {
      const b = body as { organizations: unknown[]; initiatives: unknown[] };
      return b.organizations.length + b.initiatives.length;
    };
    const countSuggestions = (body: unknown) => (body as { initiatives: unknown[] }).initiatives.length;

    say(
      `\nMatching: ${picked.initiatives.length} published initiatives and ${picked.organizations.length} verified organisations, one request at a time (at most ${HTTP_SECONDS / 2} s per endpoint)`,
    );
    // Warm-up on other ids: the code paths and the cache, unmeasured.
    for (const spare of picked.spare.slice(0, 5)) {
      const a = await get(agent, matchesUrl(spare.initiative));
      const b = await get(agent, suggestionsUrl(spare.organization));
      if (a.status !== 200 || b.status !== 200)
        throw new Error(`matching answered ${a.status} / ${b.status}: ${a.body.slice(0, 300)} ${b.body.slice(0, 300)}`);
    }
    const m = await sequential(
      agent,
      picked.initiatives.map((row) => ({ id: row.id, url: matchesUrl(row.id), count: countMatches })),
      HTTP_SECONDS / 2,
    );
    const s = await sequential(
      agent,
      picked.organizations.map((row) => ({ id: row.id, url: suggestionsUrl(row.id), count: countSuggestions })),
      HTTP_SECONDS / 2,
    );
    const matches = summarise(m.timed, picked.initiatives.length, m.cut);
    const suggestions = summarise(s.timed, picked.organizations.length, s.cut);
    const line = (name: string, r: LatencySummary) =>
      say(
        `  ${name.padEnd(12)} ${r.requests} of ${r.planned} requests${r.cutShort ? ' (CUT SHORT: out of time)' : ''}: median ${ms(r.p50)}, p90 ${ms(r.p90)}, p99 ${ms(r.p99)}, max ${ms(r.max)}; ` +
          `${fmt(r.meanItems, 1)} items, ${fmt(r.meanBytes / 1024, 1)} KiB per answer${r.errors ? `; ${r.errors} errors` : ''}`,
      );
    line('matches', matches);
    line('suggestions', suggestions);

    // The SQL alone, for a subset of the same ids: the repository's statements through a pg
    // client (the app runs the two rankings of /matches at the same time, on two connections), and
    // the exhaustive reference for the same ids, whose answers must be the same.
    const times = {
      counterparts: [] as number[],
      fittingI: [] as number[],
      parallel: [] as number[],
      fittingO: [] as number[],
    };
    const reference = { counterparts: [] as number[], fittingI: [] as number[], fittingO: [] as number[] };
    let compared = 0;
    let identical = 0;
    const check = (pruned: { id: string; score: number }[], full: { id: string; score: number }[]) => {
      compared++;
      if (sameAnswer(pruned, full)) identical++;
    };
    for (const row of picked.initiatives.slice(0, SQL_SAMPLE)) {
      const a = await counterpartsOf(db, row.id);
      const b = await fittingFor(db, row.organizationId, row.id);
      times.counterparts.push(a.ms);
      times.fittingI.push(b.ms);
      const t = performance.now();
      await Promise.all([counterpartsOf(db, row.id), fittingFor(db2, row.organizationId, row.id)]);
      times.parallel.push(performance.now() - t);
      const fullA = await counterpartsOf(db, row.id, true);
      const fullB = await fittingFor(db, row.organizationId, row.id, true);
      reference.counterparts.push(fullA.ms);
      reference.fittingI.push(fullB.ms);
      check(a.result, fullA.result);
      check(b.result, fullB.result);
    }
    for (const row of picked.organizations.slice(0, SQL_SAMPLE)) {
      const a = await fittingFor(db, row.id, null);
      const full = await fittingFor(db, row.id, null, true);
      times.fittingO.push(a.ms);
      reference.fittingO.push(full.ms);
      check(a.result, full.result);
    }
    const sql = {
      counterparts: sqlSummary(times.counterparts),
      fittingForInitiative: sqlSummary(times.fittingI),
      matchesParallel: sqlSummary(times.parallel),
      fittingForOrganization: sqlSummary(times.fittingO),
    };
    const exhaustive = {
      counterparts: sqlSummary(reference.counterparts),
      fittingForInitiative: sqlSummary(reference.fittingI),
      fittingForOrganization: sqlSummary(reference.fittingO),
      compared,
      identical,
    };
    say(
      `  SQL alone (pg client, first ${SQL_SAMPLE} ids): counterparts median ${ms(sql.counterparts.p50)} (max ${ms(sql.counterparts.max)}), fittingInitiatives for an initiative ${ms(sql.fittingForInitiative.p50)} (max ${ms(sql.fittingForInitiative.max)}), ` +
        `both at once ${ms(sql.matchesParallel.p50)}; for an organisation ${ms(sql.fittingForOrganization.p50)} (max ${ms(sql.fittingForOrganization.max)})`,
    );
    say(
      `  scoring every candidate instead (the reference): counterparts ${ms(exhaustive.counterparts.p50)}, fittingInitiatives ${ms(exhaustive.fittingForInitiative.p50)} and ${ms(exhaustive.fittingForOrganization.p50)} (medians); ` +
        `answers identical to the pruned ranking: ${identical} of ${compared}`,
    );

    // Typical: the id of median latency.
    const typicalOf = (timed: Timed[]) =>
      [...timed].filter((t) => t.status === 200).sort((a, b) => a.ms - b.ms)[Math.floor(timed.length / 2)]?.id ??
      timed[0]?.id;
    const typicalInitiative = typicalOf(m.timed) ?? picked.initiatives[0].id;
    const typicalOrganization = typicalOf(s.timed) ?? picked.organizations[0].id;
    const initiativeOrg =
      picked.initiatives.find((row) => row.id === typicalInitiative)?.organizationId ??
      picked.initiatives[0].organizationId;
    const requests = [
      {
        title: `counterparts (organisations) for initiative ${typicalInitiative} (GET /api/v1/initiatives/${typicalInitiative}/matches)`,
        run: () => counterpartsOf(db, typicalInitiative),
      },
      {
        title: `fittingInitiatives for that initiative, of organisation ${initiativeOrg} (the same request)`,
        run: () => fittingFor(db, initiativeOrg, typicalInitiative),
      },
      {
        title: `fittingInitiatives for organisation ${typicalOrganization} (GET /api/v1/organizations/${typicalOrganization}/suggestions)`,
        run: () => fittingFor(db, typicalOrganization, null),
      },
    ];
    const plans: MatchingResults['plans'] = [];
    const planTexts: string[] = [];
    for (const r of requests) {
      await r.run(); // warm the cache, as under load
      const { statements } = await r.run();
      const explained: StatementPlan[] = [];
      for (const [i, statement] of statements.entries()) {
        const e = await explain(db, statement);
        const role =
          i === 0
            ? 'the seeker'
            : i === statements.length - 1
              ? 'the page: factors and order of the chosen candidates'
              : `visit ${i}: the best of one combination of signals`;
        explained.push({ statement: role, executionMs: e.executionMs, rows: statement.rows, access: access(e.json) });
        planTexts.push(
          `=== ${r.title}, statement ${i + 1} of ${statements.length}: ${role}\n--- parameters: ${JSON.stringify(statement.params)}\n--- SQL:\n${statement.sql.trim()}\n\n--- EXPLAIN (ANALYZE, BUFFERS), warm:\n${e.text}\n`,
        );
      }
      plans.push({ request: r.title, statements: explained });
    }

    writePlans(options, plans, planTexts, { matches, suggestions, sql, exhaustive });
    for (const p of plans) {
      say(`  plan: ${p.request}:`);
      for (const st of p.statements) say(`    ${ms(st.executionMs)}, ${st.rows} rows: ${st.statement}; ${st.access}`);
    }

    const verdict = (id: string, title: string, r: LatencySummary, sqlP50: number) => {
      const valid = r.errors === 0 && r.requests > 0;
      return {
        id,
        title,
        p50: r.p50,
        p99: r.p99,
        sqlP50,
        ratio: r.p50 / sqlP50,
        goal: 'median < 30 ms and p99 < 100 ms',
        pass: valid && !r.cutShort && r.p50 < 30 && r.p99 < 100,
        valid,
        note: r.cutShort ? `cut short after ${r.requests} of ${r.planned} requests` : undefined,
      };
    };
    return {
      dataset: { initiativesSampled: picked.initiatives.length, organizationsSampled: picked.organizations.length },
      matches,
      suggestions,
      sql,
      exhaustive,
      typical: { initiativeId: typicalInitiative, organizationId: typicalOrganization },
      plans,
      verdicts: [
        verdict('matches', 'GET /initiatives/{id}/matches', matches, sql.matchesParallel.p50),
        verdict('suggestions', 'GET /organizations/{id}/suggestions', suggestions, sql.fittingForOrganization.p50),
      ],
      seconds: Math.round((Date.now() - started) / 1000),
    };
  } finally {
    agent.destroy();
    await Promise.all([db.end(), db2.end()]);
  }
}

function writePlans(
  options: { commit: string | null; datasetLine: string },
  plans: MatchingResults['plans'],
  texts: string[],
  figures: {
    matches: LatencySummary;
    suggestions: LatencySummary;
    sql: MatchingResults['sql'];
    exhaustive: MatchingResults['exhaustive'];
  },
): void {
  const lines: string[] = [];
  const { sql, exhaustive } = figures;
  lines.push(
    `Matching plans written by \`npm run bench\` (bench/matching.ts) on ${new Date().toISOString()}, commit ${options.commit ?? '?'}: ${options.datasetLine}.`,
  );
  lines.push(
    "The SQL is MatchingRepository's own (recorded while it ran), for the initiative and the organisation of median latency.",
  );
  lines.push(
    'A ranking reads the seeker, visits combinations of signals strongest first (src/matching/top-k.ts: each an',
  );
  lines.push(
    'index scan that intersects its signals, for initiatives one scan of the match-keys GIN index, stopping once no',
  );
  lines.push(
    'unvisited combination can beat the 20th score), then computes the factors and the final order of the chosen candidates.',
  );
  lines.push('');
  lines.push('STATEMENTS, TIMES AND INDEXES (from these plans)');
  for (const p of plans) {
    lines.push(`- ${p.request}`);
    for (const st of p.statements)
      lines.push(`    ${fmt(st.executionMs, 2)} ms, ${st.rows} rows: ${st.statement}; ${st.access}`);
  }
  lines.push('');
  lines.push('Figures of this run:');
  lines.push(
    `  GET matches: median ${fmt(figures.matches.p50, 1)} ms, p99 ${fmt(figures.matches.p99, 1)} ms (${figures.matches.requests} requests); SQL alone: counterparts ${fmt(sql.counterparts.p50, 1)} ms, fittingInitiatives ${fmt(sql.fittingForInitiative.p50, 1)} ms (medians)`,
  );
  lines.push(
    `  GET suggestions: median ${fmt(figures.suggestions.p50, 1)} ms, p99 ${fmt(figures.suggestions.p99, 1)} ms (${figures.suggestions.requests} requests); SQL alone: ${fmt(sql.fittingForOrganization.p50, 1)} ms (median)`,
  );
  lines.push(
    `  scoring every candidate instead: counterparts ${fmt(exhaustive.counterparts.p50, 1)} ms, fittingInitiatives ${fmt(exhaustive.fittingForInitiative.p50, 1)} ms (initiative) and ${fmt(exhaustive.fittingForOrganization.p50, 1)} ms (organisation); identical answers: ${exhaustive.identical} of ${exhaustive.compared}`,
  );
  lines.push('');
  writeFileSync(PLANS_FILE, `${lines.join('\n')}\n${texts.join('\n')}`);
}

export function printMatching(results: MatchingResults): void {
  const rows = [
    ['matching', 'requests', 'app median', 'app p99', 'SQL alone median', 'app/SQL median', 'goal', 'result'],
  ];
  for (const v of results.verdicts) {
    const r = v.id === 'matches' ? results.matches : results.suggestions;
    rows.push([
      v.title,
      `${r.requests}/${r.planned}`,
      ms(v.p50),
      ms(v.p99),
      ms(v.sqlP50),
      fmt(v.ratio, 2),
      v.goal,
      v.valid ? (v.pass ? 'PASS' : 'FAIL') : 'FAIL (errors)',
    ]);
  }
  say(`\n${table(rows, (c) => c === 0 || c >= 6)}`);
  say('');
  for (const v of results.verdicts)
    say(
      `  ${v.pass ? 'PASS' : 'FAIL'}  ${v.title}: median ${ms(v.p50)}, p99 ${ms(v.p99)} (${v.goal})${v.note ? `: ${v.note}` : ''}`,
    );
}
