/**
 * The matching benchmark: GET /api/v1/initiatives/{id}/matches (the top 20 counterpart
 * organisations and complementary initiatives) and GET /api/v1/organizations/{id}/suggestions,
 * one request at a time against the real app, over 200 different published initiatives and 200
 * different verified organisations of the data set. Goals: median < 30 ms and p99 < 100 ms.
 *
 * Besides the app's latency it measures the server's SQL alone: the statements of
 * MatchingRepository (taken from that class itself, as bench/search.ts does for the search, so the
 * text cannot drift), run with the same parameters through a plain pg client, for a subset of the
 * same ids. It writes their EXPLAIN (ANALYZE, BUFFERS) plans for a typical initiative and
 * organisation (the ones of median latency) to docs/perf/matching-plans.txt, with a note on which
 * indexes the candidate UNION goes through, and measures on a throwaway index set (created in a
 * transaction that is rolled back, invisible to the app) what the missing indexes would change.
 *
 * Knobs: BENCH_MATCHING_SECONDS (120): the time allowed to the 400 requests (half to each endpoint;
 * a slow endpoint is cut short, and says so), BENCH_MATCHING_SQL_SAMPLE (10 per endpoint).
 */
import { writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { MatchingRepository } from '../src/matching/matching.repository';
import { fmt, median, ms, percentile, ROOT, say, table, type Running } from './common';

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

/** Indexes that the candidate UNION could use but the migrations do not create (tried on a throwaway basis). */
const MISSING_INDEXES: { name: string; sql: string; why: string }[] = [
  { name: 'bench_organizations_type_idx', sql: 'CREATE INDEX bench_organizations_type_idx ON organizations (type)', why: 'counterparts: o.type = ANY(i.sought_org_types)' },
  { name: 'bench_organizations_areas_idx', sql: 'CREATE INDEX bench_organizations_areas_idx ON organizations USING gin (areas)', why: 'counterparts: o.areas && i.areas' },
  { name: 'bench_organizations_country_idx', sql: 'CREATE INDEX bench_organizations_country_idx ON organizations (country)', why: 'counterparts: o.country = ANY(i.target_countries)' },
  { name: 'bench_initiatives_organization_city_idx', sql: 'CREATE INDEX bench_initiatives_organization_city_idx ON initiatives (organization_city)', why: 'fittingInitiatives: j.organization_city = ANY(s.target_cities)' },
];

interface Statement {
  sql: string;
  params: unknown[];
}

/** Runs the repository's own SQL builders and keeps what they would send. */
async function statements(work: (repository: MatchingRepository) => Promise<unknown>): Promise<Statement[]> {
  const sent: Statement[] = [];
  const recorder = {
    query: async (sql: string, params: unknown[]) => {
      sent.push({ sql, params });
      return [];
    },
  } as unknown as DataSource;
  await work(new MatchingRepository(recorder));
  return sent;
}

const counterpartsOf = async (initiativeId: string) => (await statements((r) => r.counterparts(initiativeId, undefined, PAGE + 1)))[0];
const fittingFor = async (organizationId: string, initiativeId: string | null) => (await statements((r) => r.fittingInitiatives(organizationId, initiativeId, undefined, PAGE + 1)))[0];

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
    await db.query(`SELECT id FROM organizations WHERE status = 'verified' AND hidden_at IS NULL ORDER BY md5(id::text) LIMIT $1`, [SAMPLE + 10])
  ).rows as { id: string }[];
  return {
    initiatives: initiatives.slice(0, SAMPLE),
    organizations: organizations.slice(0, SAMPLE),
    spare: initiatives.slice(SAMPLE).map((row, i) => ({ initiative: row.id, organization: organizations[SAMPLE + i]?.id ?? organizations[0].id })),
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
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }));
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.end();
  });
}

/** One request at a time, until all are done or the time is up. */
async function sequential(agent: Agent, urls: { id: string; url: string; count: (body: unknown) => number }[], seconds: number): Promise<{ timed: Timed[]; cut: boolean }> {
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
  return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? NaN };
}

async function timeQuery(db: Client, statement: Statement): Promise<number> {
  const started = performance.now();
  await db.query(statement.sql, statement.params);
  return performance.now() - started;
}

// ---------------------------------------------------------------------------------------------
// Plans

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Total Time'?: number;
  Plans?: PlanNode[];
}

function descendants(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(descendants)];
}

function findAppend(node: PlanNode): PlanNode | null {
  if (node['Node Type'] === 'Append') return node;
  for (const child of node.Plans ?? []) {
    const found = findAppend(child);
    if (found) return found;
  }
  return null;
}

export interface BranchAccess {
  branch: string;
  access: string;
  rows: number | null;
  ms: number | null;
  indexed: boolean;
}

/** How each branch of the candidate UNION reads its table, from the JSON plan. */
function branchAccess(plan: PlanNode, table: string, labels: string[]): BranchAccess[] {
  const append = findAppend(plan);
  if (!append?.Plans) return [];
  return append.Plans.map((child, i) => {
    const nodes = descendants(child);
    const onTable = nodes.filter((n) => n['Relation Name'] === table || (n['Index Name'] && nodes.some((m) => m['Relation Name'] === table)));
    const indexes = [...new Set(nodes.filter((n) => n['Index Name']).map((n) => `${n['Node Type']} on ${n['Index Name']}`))];
    const seq = onTable.some((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === table);
    const access = [...(seq ? [`Seq Scan on ${table}`] : []), ...indexes].join(', ') || nodes.map((n) => n['Node Type']).join(' > ');
    return { branch: labels[i] ?? `branch ${i + 1}`, access, rows: child['Actual Rows'] ?? null, ms: child['Actual Total Time'] ?? null, indexed: !seq && indexes.length > 0 };
  });
}

async function explain(db: Client, statement: Statement): Promise<{ text: string; json: PlanNode; executionMs: number; planningMs: number; jit: boolean }> {
  await db.query(statement.sql, statement.params); // warm the cache, as under load
  const text = (await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, statement.params)).rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n');
  const [json] = (await db.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.sql}`, statement.params)).rows[0]['QUERY PLAN'] as { Plan: PlanNode; 'Execution Time': number; 'Planning Time': number; JIT?: unknown }[];
  return { text, json: json.Plan, executionMs: json['Execution Time'], planningMs: json['Planning Time'], jit: !!json.JIT || /^JIT:/m.test(text) };
}

const COUNTERPART_BRANCHES = ['sought type: o.type = ANY(i.sought_org_types)', 'areas: o.areas && i.areas', 'target city: c.key = ANY(i.target_cities), then o.city_id', 'target country: o.country = ANY(i.target_countries)'];
const FITTING_BRANCHES = [
  'j.target_cities @> {seeker city}',
  'j.target_countries @> {seeker country}',
  'j.sought_org_types @> {seeker type}',
  'j.organization_city = ANY(seeker initiative target_cities)',
  'j.areas && seeker areas',
];

// ---------------------------------------------------------------------------------------------

export interface IndexExperiment {
  indexes: string[];
  statement: string;
  ids: number;
  withoutMs: number;
  withMs: number;
  used: string[];
}

export interface MatchingResults {
  dataset: { initiativesSampled: number; organizationsSampled: number };
  matches: LatencySummary;
  suggestions: LatencySummary;
  sql: { counterparts: SqlTimes; fittingForInitiative: SqlTimes; matchesParallel: SqlTimes; fittingForOrganization: SqlTimes };
  typical: { initiativeId: string; organizationId: string };
  plans: { statement: string; executionMs: number; planningMs: number; jit: boolean; candidates: number | null; branches: BranchAccess[] }[];
  indexExperiment: IndexExperiment[];
  verdicts: { id: string; title: string; p50: number; p99: number; sqlP50: number; ratio: number; goal: string; pass: boolean; valid: boolean; note?: string }[];
  seconds: number;
}

export async function matchingBench(options: { url: string; app: Running; commit: string | null; datasetLine: string }): Promise<MatchingResults> {
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

    say(`\nMatching: ${picked.initiatives.length} published initiatives and ${picked.organizations.length} verified organisations, one request at a time (at most ${HTTP_SECONDS / 2} s per endpoint)`);
    // Warm-up on other ids: the code paths and the cache, unmeasured.
    for (const spare of picked.spare.slice(0, 5)) {
      const a = await get(agent, matchesUrl(spare.initiative));
      const b = await get(agent, suggestionsUrl(spare.organization));
      if (a.status !== 200 || b.status !== 200) throw new Error(`matching answered ${a.status} / ${b.status}: ${a.body.slice(0, 300)} ${b.body.slice(0, 300)}`);
    }
    const m = await sequential(agent, picked.initiatives.map((row) => ({ id: row.id, url: matchesUrl(row.id), count: countMatches })), HTTP_SECONDS / 2);
    const s = await sequential(agent, picked.organizations.map((row) => ({ id: row.id, url: suggestionsUrl(row.id), count: countSuggestions })), HTTP_SECONDS / 2);
    const matches = summarise(m.timed, picked.initiatives.length, m.cut);
    const suggestions = summarise(s.timed, picked.organizations.length, s.cut);
    const line = (name: string, r: LatencySummary) =>
      say(
        `  ${name.padEnd(12)} ${r.requests} of ${r.planned} requests${r.cutShort ? ' (CUT SHORT: out of time)' : ''}: median ${ms(r.p50)}, p90 ${ms(r.p90)}, p99 ${ms(r.p99)}, max ${ms(r.max)}; ` +
          `${fmt(r.meanItems, 1)} items, ${fmt(r.meanBytes / 1024, 1)} KiB per answer${r.errors ? `; ${r.errors} errors` : ''}`,
      );
    line('matches', matches);
    line('suggestions', suggestions);

    // The SQL alone, for a subset of the same ids: counterparts and fittingInitiatives as the app
    // sends them (the app runs the two of /matches at the same time, on two connections).
    const counterparts: number[] = [];
    const fittingI: number[] = [];
    const parallel: number[] = [];
    const fittingO: number[] = [];
    for (const row of picked.initiatives.slice(0, SQL_SAMPLE)) {
      const a = await counterpartsOf(row.id);
      const b = await fittingFor(row.organizationId, row.id);
      counterparts.push(await timeQuery(db, a));
      fittingI.push(await timeQuery(db, b));
      const t = performance.now();
      await Promise.all([db.query(a.sql, a.params), db2.query(b.sql, b.params)]);
      parallel.push(performance.now() - t);
    }
    for (const row of picked.organizations.slice(0, SQL_SAMPLE)) fittingO.push(await timeQuery(db, await fittingFor(row.id, null)));
    const sql = { counterparts: sqlSummary(counterparts), fittingForInitiative: sqlSummary(fittingI), matchesParallel: sqlSummary(parallel), fittingForOrganization: sqlSummary(fittingO) };
    say(
      `  SQL alone (pg client, first ${SQL_SAMPLE} ids): counterparts median ${ms(sql.counterparts.p50)} (max ${ms(sql.counterparts.max)}), fittingInitiatives for an initiative ${ms(sql.fittingForInitiative.p50)} (max ${ms(sql.fittingForInitiative.max)}), ` +
        `both at once ${ms(sql.matchesParallel.p50)}; for an organisation ${ms(sql.fittingForOrganization.p50)} (max ${ms(sql.fittingForOrganization.max)})`,
    );

    // Typical: the id of median latency.
    const typicalOf = (timed: Timed[]) => [...timed].filter((t) => t.status === 200).sort((a, b) => a.ms - b.ms)[Math.floor(timed.length / 2)]?.id ?? timed[0]?.id;
    const typicalInitiative = typicalOf(m.timed) ?? picked.initiatives[0].id;
    const typicalOrganization = typicalOf(s.timed) ?? picked.organizations[0].id;
    const initiativeOrg = picked.initiatives.find((row) => row.id === typicalInitiative)?.organizationId ?? picked.initiatives[0].organizationId;
    const planned: { title: string; statement: Statement; table: string; labels: string[] }[] = [
      { title: `counterparts (organisations) for initiative ${typicalInitiative}: GET /api/v1/initiatives/${typicalInitiative}/matches, first statement`, statement: await counterpartsOf(typicalInitiative), table: 'organizations', labels: COUNTERPART_BRANCHES },
      { title: `fittingInitiatives for that initiative (its organisation ${initiativeOrg}): the same request, second statement`, statement: await fittingFor(initiativeOrg, typicalInitiative), table: 'initiatives', labels: FITTING_BRANCHES },
      { title: `fittingInitiatives for organisation ${typicalOrganization}: GET /api/v1/organizations/${typicalOrganization}/suggestions`, statement: await fittingFor(typicalOrganization, null), table: 'initiatives', labels: FITTING_BRANCHES },
    ];
    const plans: MatchingResults['plans'] = [];
    const planTexts: string[] = [];
    for (const p of planned) {
      const e = await explain(db, p.statement);
      const branches = branchAccess(e.json, p.table, p.labels);
      const agg = descendants(e.json).find((n) => n['Node Type'] === 'Aggregate' && n.Plans?.some((c) => c['Node Type'] === 'Append'));
      plans.push({ statement: p.title, executionMs: e.executionMs, planningMs: e.planningMs, jit: e.jit, candidates: agg?.['Actual Rows'] ?? null, branches });
      planTexts.push(`=== ${p.title}\n--- parameters: ${JSON.stringify(p.statement.params)}\n--- SQL:\n${p.statement.sql.trim()}\n\n--- EXPLAIN (ANALYZE, BUFFERS), warm:\n${e.text}\n`);
    }

    // The missing indexes, on a throwaway basis: created in a transaction of db2 that is rolled
    // back, so neither the app nor db (which measures "without") ever sees them.
    const experiments: IndexExperiment[] = [];
    try {
      await db2.query('BEGIN');
      for (const index of MISSING_INDEXES) await db2.query(index.sql);
      const names = MISSING_INDEXES.map((i) => i.name);
      const cases: { statement: string; list: Statement[] }[] = [
        { statement: 'counterparts', list: await Promise.all(picked.initiatives.slice(0, 10).map((row) => counterpartsOf(row.id))) },
        { statement: 'fittingInitiatives (initiative)', list: await Promise.all(picked.initiatives.slice(0, 3).map((row) => fittingFor(row.organizationId, row.id))) },
        { statement: 'fittingInitiatives (organisation)', list: await Promise.all(picked.organizations.slice(0, 3).map((row) => fittingFor(row.id, null))) },
      ];
      for (const c of cases) {
        const without: number[] = [];
        const withIdx: number[] = [];
        // Alternating, so that the machine's drift weighs on both alike.
        for (const statement of c.list) {
          without.push(await timeQuery(db, statement));
          withIdx.push(await timeQuery(db2, statement));
          withIdx.push(await timeQuery(db2, statement));
          without.push(await timeQuery(db, statement));
        }
        const plan = (await db2.query(`EXPLAIN (FORMAT JSON) ${c.list[0].sql}`, c.list[0].params)).rows[0]['QUERY PLAN'][0].Plan as PlanNode;
        const used = [...new Set(descendants(plan).map((n) => n['Index Name']).filter((n): n is string => !!n && names.includes(n)))];
        experiments.push({ indexes: names, statement: c.statement, ids: c.list.length, withoutMs: median(without), withMs: median(withIdx), used });
      }
    } finally {
      await db2.query('ROLLBACK').catch(() => undefined);
    }
    for (const x of experiments) {
      say(`  throwaway indexes, ${x.statement} (${x.ids} ids): median ${ms(x.withoutMs)} without, ${ms(x.withMs)} with; used: ${x.used.join(', ') || 'none'}`);
    }

    writePlans(options, plans, planTexts, experiments, { matches, suggestions, sql });
    for (const p of plans) {
      say(`  plan: ${p.statement.split(':')[0]}: execution ${ms(p.executionMs)}, ${p.candidates ?? '?'} candidates${p.jit ? ', JIT compiled' : ''}`);
      for (const b of p.branches) say(`    ${b.indexed ? 'index' : 'NO INDEX'}  ${b.branch}: ${b.access} (${b.rows ?? '?'} rows, ${ms(b.ms)})`);
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
      typical: { initiativeId: typicalInitiative, organizationId: typicalOrganization },
      plans,
      indexExperiment: experiments,
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
  experiments: IndexExperiment[],
  figures: { matches: LatencySummary; suggestions: LatencySummary; sql: MatchingResults['sql'] },
): void {
  const lines: string[] = [];
  lines.push(`Matching plans written by \`npm run bench\` (bench/matching.ts) on ${new Date().toISOString()}, commit ${options.commit ?? '?'}: ${options.datasetLine}.`);
  lines.push('The SQL is MatchingRepository\'s own text (counterparts, fittingInitiatives), for the initiative and the organisation of median latency.');
  lines.push('');
  lines.push('WHICH INDEXES THE CANDIDATE UNION USES (from these plans)');
  for (const p of plans) {
    lines.push(`- ${p.statement.split(':')[0]}: ${p.candidates ?? '?'} candidates, execution ${fmt(p.executionMs, 1)} ms${p.jit ? ' (JIT compiled: the plan cost is above jit_above_cost)' : ''}`);
    for (const b of p.branches) lines.push(`    ${b.indexed ? 'index   ' : 'NO INDEX'}  ${b.branch}: ${b.access}; ${b.rows ?? '?'} rows in ${fmt(b.ms, 1)} ms`);
  }
  lines.push('');
  lines.push('Missing, and why: the migrations index organizations only by city_id (organizations_city_idx) and');
  lines.push('(status, created_at); there is no index on organizations.type, .areas or .country, so three of the four');
  lines.push('counterparts branches read all organisations. initiatives has GIN indexes on target_cities, target_countries,');
  lines.push('sought_org_types and areas, which the fittingInitiatives branches use, but nothing on organization_city, so the');
  lines.push('branch "j.organization_city = ANY(...)" reads the whole table, even for an organisation\'s suggestions, where the');
  lines.push('seeker has no target cities ({}) and the branch cannot find anything. Tried here on a throwaway basis (created in');
  lines.push('a transaction that is rolled back, so the app never sees them), alternating with and without:');
  for (const x of experiments) lines.push(`  ${x.statement} (${x.ids} ids): median ${fmt(x.withoutMs, 1)} ms without, ${fmt(x.withMs, 1)} ms with; used: ${x.used.join(', ') || 'none'}`);
  lines.push(`  indexes: ${MISSING_INDEXES.map((i) => `${i.sql.replace(/^CREATE INDEX bench_\w+ /, 'CREATE INDEX ')} (${i.why})`).join('; ')}`);
  lines.push('');
  lines.push('The indexes are not where the time goes: the branches are OR-ed signals, and "shares an area" or "seeks my type"');
  lines.push('alone makes a large part of the table a candidate, so every request joins, scores and sorts tens of thousands of');
  lines.push('rows (see "candidates" above) to return 21. Figures of this run:');
  lines.push(`  GET matches: median ${fmt(figures.matches.p50, 1)} ms, p99 ${fmt(figures.matches.p99, 1)} ms (${figures.matches.requests} requests); SQL alone: counterparts ${fmt(figures.sql.counterparts.p50, 1)} ms, fittingInitiatives ${fmt(figures.sql.fittingForInitiative.p50, 1)} ms (medians)`);
  lines.push(`  GET suggestions: median ${fmt(figures.suggestions.p50, 1)} ms, p99 ${fmt(figures.suggestions.p99, 1)} ms (${figures.suggestions.requests} requests); SQL alone: ${fmt(figures.sql.fittingForOrganization.p50, 1)} ms (median)`);
  lines.push('');
  writeFileSync(PLANS_FILE, `${lines.join('\n')}\n${texts.join('\n')}`);
}

export function printMatching(results: MatchingResults): void {
  const rows = [['matching', 'requests', 'app median', 'app p99', 'SQL alone median', 'app/SQL median', 'goal', 'result']];
  for (const v of results.verdicts) {
    const r = v.id === 'matches' ? results.matches : results.suggestions;
    rows.push([v.title, `${r.requests}/${r.planned}`, ms(v.p50), ms(v.p99), ms(v.sqlP50), fmt(v.ratio, 2), v.goal, v.valid ? (v.pass ? 'PASS' : 'FAIL') : 'FAIL (errors)']);
  }
  say(`\n${table(rows, (c) => c === 0 || c >= 6)}`);
  say('');
  for (const v of results.verdicts) say(`  ${v.pass ? 'PASS' : 'FAIL'}  ${v.title}: median ${ms(v.p50)}, p99 ${ms(v.p99)} (${v.goal})${v.note ? `: ${v.note}` : ''}`);
}
