import request from 'supertest';
import type { Readable } from 'node:stream';
import { CURSOR_BATCH, CURSOR_NAME } from '../src/open-data/open-data.repository';
import { OpenDataService } from '../src/open-data/open-data.service';
import { startTestApp, type TestApp } from './support/test-app';

/** RFC 4180 as csv-stringify writes it: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** A JSON value as the CSV writes it: a text a spreadsheet would run as a formula starts with an apostrophe. */
const asCsv = (value: unknown): string => {
  if (value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = Array.isArray(value) ? value.join('; ') : (value as string);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
};

interface Catalogue {
  license: { name: string; url: string };
  publisher: { name: { pl: string; en: string } };
  modified: string | null;
  datasets: {
    key: string;
    title: { pl: string; en: string };
    modified: string | null;
    columns: string[];
    distributions: { format: string; downloadURL: string }[];
  }[];
}

describe('open data', () => {
  let t: TestApp;
  const api = () => request(t.app.getHttpServer());
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    t.dataSource.query<T[]>(text, params);
  const path = (url: string) => new URL(url).pathname;
  let catalogue: Catalogue;

  const organization = async (name: string, status: string, hidden = false, city = 'krakow') => {
    const [row] = await sql<{ id: string }>(
      `INSERT INTO organizations (name, type, city_id, city_name, country, areas, languages, status, contact_email, hidden_at)
       SELECT $1, 'ngo', id, name, country, '{culture}', '{pl,en}', $2, 'private.person@example.org', $3 FROM cities WHERE key = $4
       RETURNING id`,
      [name, status, hidden ? new Date() : null, city],
    );
    return row.id;
  };
  const initiative = async (organizationId: string, title: string, status: string) => {
    const [row] = await sql<{ id: string }>(
      `INSERT INTO initiatives (organization_id, title, summary, kind, status, areas, target_cities, published_at)
       VALUES ($1, $2, 'A summary.', 'joint_project', $3::initiative_status, '{culture}', '{nuremberg}', CASE WHEN $3::text = 'draft' THEN NULL ELSE now() END)
       RETURNING id`,
      [organizationId, title, status],
    );
    return row.id;
  };
  const partnership = async (initiativeId: string, members: [string, boolean][]) => {
    const [channel] = await sql<{ id: number }>(
      `INSERT INTO channels (kind, initiative_id, title) VALUES ('private', $1, 'partners') RETURNING id`,
      [initiativeId],
    );
    const [row] = await sql<{ id: string }>(
      `INSERT INTO partnerships (initiative_id, channel_id) VALUES ($1, $2) RETURNING id`,
      [initiativeId, channel.id],
    );
    for (const [index, [organizationId, consent]] of members.entries())
      await sql(
        `INSERT INTO partnership_members (partnership_id, organization_id, lead, public_consent) VALUES ($1, $2, $3, $4)`,
        [row.id, organizationId, index === 0, consent],
      );
    return row.id;
  };

  beforeAll(async () => {
    t = await startTestApp();
    const [user] = await sql<{ id: string }>(
      `INSERT INTO users (email, password_hash, display_name) VALUES ('proposer@example.org', 'x', 'Prywatna Osoba') RETURNING id`,
    );
    const verified = await organization('Fundacja Otwarta', 'verified');
    // In a partner city: the statistic of partnerships by partner city counts its partnership.
    const partner = await organization('Verein Offen', 'verified', false, 'nuremberg');
    await organization('Pending NGO', 'pending');
    await organization('Hidden NGO', 'verified', true);
    await organization('=HYPERLINK("http://evil.example","click")', 'verified');
    const published = await initiative(verified, 'Published initiative', 'published');
    // A goal for the statistic of initiatives by goal to count.
    await sql(`UPDATE initiatives SET goals = '{youth_contacts}' WHERE id = $1`, [published]);
    await initiative(verified, 'Draft initiative', 'draft');
    const shown = await initiative(verified, 'Shared project', 'in_progress');
    const unshown = await initiative(partner, 'Quiet project', 'in_progress');
    await partnership(shown, [
      [verified, true],
      [partner, true],
    ]);
    await partnership(unshown, [
      [partner, true],
      [verified, false],
    ]);
    for (const [year, status] of [
      [2026, 'closed'],
      [2027, 'planning'],
    ] as const) {
      const [edition] = await sql<{ id: string }>(
        `INSERT INTO forum_editions (year, theme_pl, theme_en, starts_on, ends_on, venue, status, outcomes_published_at, outcomes_summary)
         VALUES ($1::int, 'Temat', 'Theme', make_date($1::int, 5, 1), make_date($1::int, 5, 2), 'ICE Kraków', $2::forum_edition_status,
                 CASE WHEN $2::text = 'closed' THEN timestamptz '2026-06-01T10:00:00Z' END, CASE WHEN $2::text = 'closed' THEN 'Summary' END)
         RETURNING id`,
        [year, status],
      );
      await sql(
        `INSERT INTO forum_sessions (edition_id, organization_id, proposed_by, kind, title, join_code, abstract, language, status, room, starts_at, ends_at, capacity)
         VALUES ($1, $2, $3, 'workshop', $4, $5, 'Abstract.', 'pl', 'accepted', 'A', make_date($6::int, 5, 1) + time '10:00', make_date($6::int, 5, 1) + time '11:00', 20)`,
        [edition.id, verified, user.id, `Session ${year}`, `ABC${year - 2020}XY`.slice(0, 6), year],
      );
    }
    // A closed consultation, with a comment by the same private person and a response to it.
    const [consultation] = await sql<{ id: string }>(
      `INSERT INTO consultations (subject, status, title_pl, title_en, description_pl, description_en, opens_at, closes_at)
       VALUES ('goals', 'published', 'Konsultacje', 'Consultation', 'Opis.', 'Description.', now() - interval '10 days', now() - interval '1 day')
       RETURNING id`,
    );
    const [section] = await sql<{ id: number }>(
      `INSERT INTO consultation_sections (consultation_id, position, goal_id, heading_pl, heading_en)
       SELECT $1, 1, id, name_pl, name_en FROM goals ORDER BY scope, position LIMIT 1 RETURNING id`,
      [consultation.id],
    );
    const [remark] = await sql<{ id: string }>(
      `INSERT INTO consultation_comments (consultation_id, section_id, author_id, body, language) VALUES ($1, $2, $3, 'Uwaga mieszkańca.', 'pl') RETURNING id`,
      [consultation.id, section.id, user.id],
    );
    const [response] = await sql<{ id: number }>(
      `INSERT INTO consultation_responses (consultation_id, body_pl, body_en) VALUES ($1, 'Dziękujemy.', 'Thank you.') RETURNING id`,
      [consultation.id],
    );
    await sql(`INSERT INTO consultation_response_comments (response_id, comment_id) VALUES ($1, $2)`, [
      response.id,
      remark.id,
    ]);
    // Visits: two public ones to Nuremberg in 2026, a private one there (counted nowhere public), and a
    // public one to a place that is not a partner city, its host a person's name.
    for (const [starts, city, place, people, isPublic] of [
      ['2026-03-10', 'nuremberg', null, 5, true],
      ['2026-09-01', 'nuremberg', null, 3, true],
      ['2026-10-01', 'nuremberg', null, 7, false],
      ['2025-05-05', null, 'Brussels, European Committee of the Regions', 2, true],
    ] as const)
      await sql(
        `INSERT INTO delegations (direction, starts_on, ends_on, city_id, place, purpose, people_count, host, is_public)
         VALUES (CASE WHEN $2::text IS NULL THEN 'outgoing' ELSE 'incoming' END::delegation_direction, $1::date, $1::date,
                 (SELECT id FROM cities WHERE key = $2::text), $3, 'Talks on school exchanges', $4, 'Prywatna Osoba', $5)`,
        [starts, city, place, people, isPublic],
      );
    catalogue = (await api().get('/api/v1/open-data').expect(200)).body as Catalogue;
  });

  afterAll(() => t?.close());

  it('lists every public dataset with its licence, its titles in both languages and a true last change', async () => {
    expect(catalogue.datasets.map((dataset) => dataset.key)).toEqual([
      'partner-cities',
      'city-documents',
      'networks',
      'goals',
      'organizations',
      'initiatives',
      'partnerships',
      'delegations',
      'forum-agenda',
      'forum-outcomes',
      'consultations',
      'consultation-comments',
      'consultation-responses',
      // The statistics of /statistics are datasets too.
      'initiatives-by-area',
      'initiatives-by-goal',
      'initiatives-by-kind',
      'initiatives-by-city',
      'partnerships-by-city',
      'forum-editions',
      'delegations-by-direction',
    ]);
    expect(catalogue.license).toEqual({ name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' });
    expect(catalogue.publisher.name).toEqual({ pl: 'Urząd Miasta Krakowa', en: 'City of Kraków' });
    for (const dataset of catalogue.datasets) {
      expect(dataset.title.pl).not.toEqual(dataset.title.en);
      expect(dataset.distributions.map((d) => d.format)).toEqual(['CSV', 'JSON']);
    }
    const byKey = Object.fromEntries(catalogue.datasets.map((dataset) => [dataset.key, dataset]));
    // The outcomes were published on 1 June 2026: that, not the time of the request, is their last change.
    expect(byKey['forum-outcomes'].modified).toBe('2026-06-01T10:00:00.000Z');
    // Reference data never edited records no time: null, not a made-up "now".
    expect(byKey.goals.modified).toBeNull();
    // A statistic is computed at each request: its last change is that of the data it counts.
    expect(byKey['initiatives-by-area'].modified).toBe(byKey.initiatives.modified);
    expect(byKey['initiatives-by-area'].modified).not.toBeNull();
    expect(byKey['delegations-by-direction'].modified).toBe(byKey.delegations.modified);
    await sql(`UPDATE goals SET edited_at = '2026-03-04T05:06:07Z' WHERE key = (SELECT min(key) FROM goals)`);
    const again = (await api().get('/api/v1/open-data').expect(200)).body as Catalogue;
    expect(again.datasets.find((dataset) => dataset.key === 'goals')!.modified).toBe('2026-03-04T05:06:07.000Z');
  });

  it('answers every URL of the catalogue, and each CSV carries the rows of its JSON, row for row', async () => {
    for (const dataset of catalogue.datasets) {
      const [csvUrl, jsonUrl] = dataset.distributions.map((d) => path(d.downloadURL));
      const csv = await api()
        .get(csvUrl)
        .buffer(true)
        .parse((res, done) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => done(null, text));
        });
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      const json = await api().get(jsonUrl).expect(200);
      expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
      const rows = json.body as Record<string, unknown>[];
      const [header, ...cells] = parseCsv(csv.body as string);
      expect(header).toEqual(dataset.columns);
      expect({ dataset: dataset.key, rows: rows.length > 0 }).toEqual({ dataset: dataset.key, rows: true });
      expect(cells).toEqual(rows.map((row) => dataset.columns.map((column) => asCsv(row[column]))));
    }
  });

  it('carries each statistic with the rows the statistics page shows', async () => {
    for (const key of ['initiatives-by-area', 'forum-editions', 'delegations-by-direction']) {
      const statistic = (await api().get(`/api/v1/statistics/${key}`).expect(200)).body as { rows: unknown[] };
      const open = await api().get(`/api/v1/open-data/${key}.json`).expect(200);
      expect(statistic.rows.length).toBeGreaterThan(0);
      expect(open.body).toEqual(statistic.rows);
    }
  });

  it('publishes the reference data with the derived terms of each document', async () => {
    const cities = (await api().get('/api/v1/open-data/partner-cities.json').expect(200)).body as { key: string }[];
    expect(cities).toHaveLength(30);
    expect(cities.map((city) => city.key)).not.toContain('krakow');
    const documents = (await api().get('/api/v1/open-data/city-documents.json').expect(200)).body as Record<
      string,
      unknown
    >[];
    const city = (await api().get('/api/v1/cities/nuremberg').expect(200)).body as {
      documents: { id: number; inForce: boolean; nextExpiryOn: string | null; noticeDeadlineOn: string | null }[];
    };
    for (const document of city.documents)
      expect(documents.find((row) => row.id === document.id)).toEqual(
        expect.objectContaining({
          city_key: 'nuremberg',
          in_force: document.inForce,
          next_expiry_on: document.nextExpiryOn,
          notice_deadline_on: document.noticeDeadlineOn,
        }),
      );
    const networks = (await api().get('/api/v1/open-data/networks.json').expect(200)).body as unknown[];
    expect(networks).toHaveLength(8);
    const goals = (await api().get('/api/v1/open-data/goals.json').expect(200)).body as unknown[];
    expect(goals).toHaveLength(18);
  });

  it('never shows a draft, a private partnership, an unverified or hidden organisation, an unpublished agenda or a personal address', async () => {
    const text = async (key: string) => (await api().get(`/api/v1/open-data/${key}.json`).expect(200)).text;
    const organizations = await text('organizations');
    expect(organizations).toContain('Fundacja Otwarta');
    expect(organizations).not.toContain('Pending NGO');
    expect(organizations).not.toContain('Hidden NGO');
    const initiatives = await text('initiatives');
    expect(initiatives).toContain('Published initiative');
    expect(initiatives).not.toContain('Draft initiative');
    const partnerships = JSON.parse(await text('partnerships')) as {
      initiative_title: string;
      organizations: string[];
    }[];
    expect(partnerships).toEqual([
      expect.objectContaining({
        initiative_title: 'Shared project',
        organizations: ['Fundacja Otwarta', 'Verein Offen'],
      }),
    ]);
    const agenda = await text('forum-agenda');
    expect(agenda).toContain('Session 2026');
    expect(agenda).not.toContain('Session 2027');
    const outcomes = JSON.parse(await text('forum-outcomes')) as { forum_year: number }[];
    expect(outcomes.map((row) => row.forum_year)).toEqual([2026]);
    for (const dataset of catalogue.datasets) {
      const all = await text(dataset.key);
      expect(all).not.toContain('@example.org');
      expect(all).not.toContain('Prywatna Osoba');
    }
  });

  it('counts the public visits of delegations as the public sees them, without the private visit or anything personal', async () => {
    const rows = (await api().get('/api/v1/open-data/delegations.json').expect(200)).body as Record<string, unknown>[];
    expect(rows).toEqual([
      {
        year: 2025,
        direction: 'outgoing',
        city_key: null,
        city_name: null,
        city_name_pl: null,
        visits: 1,
        people: 2,
      },
      {
        year: 2026,
        direction: 'incoming',
        city_key: 'nuremberg',
        city_name: 'Nuremberg',
        city_name_pl: 'Norymberga',
        visits: 2,
        people: 8,
      },
    ]);
    // The same counts as the public page of visits.
    const summary = (await api().get('/api/v1/delegations/summary').expect(200)).body as {
      counts: { year: number; direction: string; city: { key: string } | null; visits: number; people: number }[];
    };
    expect(
      summary.counts
        .map((count) => [count.year, count.direction, count.city?.key ?? null, count.visits, count.people])
        .sort(),
    ).toEqual(rows.map((row) => [row.year, row.direction, row.city_key, row.visits, row.people]).sort());
    // Making a visit private takes it out of the counts, and dates the dataset.
    await sql(
      `UPDATE delegations SET is_public = false, updated_at = '2027-01-02T03:04:05Z' WHERE starts_on = '2026-09-01'`,
    );
    const after = (await api().get('/api/v1/open-data/delegations.json').expect(200)).body as { people: number }[];
    expect(after.map((row) => row.people)).toEqual([2, 5]);
    const dated = (await api().get('/api/v1/open-data').expect(200)).body as Catalogue;
    expect(dated.datasets.find((dataset) => dataset.key === 'delegations')!.modified).toBe('2027-01-02T03:04:05.000Z');
  });

  it('neutralises a cell a spreadsheet would run as a formula', async () => {
    const csv = (await api().get('/api/v1/open-data/organizations.csv').expect(200)).text;
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    // A negative number is a number, not a formula.
    expect((await api().get('/api/v1/open-data/partner-cities.csv').expect(200)).text).toMatch(/,-5\.98,/);
    // The JSON keeps the value as written: no spreadsheet runs it.
    expect((await api().get('/api/v1/open-data/organizations.json').expect(200)).text).toContain('=HYPERLINK');
  });

  it('streams a large dataset from a cursor: the first rows leave before the last are read', async () => {
    const [org] = await sql<{ id: string }>(`SELECT id FROM organizations WHERE name = 'Fundacja Otwarta'`);
    await sql(
      `INSERT INTO initiatives (organization_id, title, summary, kind, status, areas, published_at)
       SELECT $1, 'Bulk initiative ' || n, repeat('A long summary. ', 25), 'event', 'published', '{culture}', now()
         FROM generate_series(1, 5000) n`,
      [org.id],
    );
    // Over HTTP: sent in chunks, with no length known in advance, and every row there.
    const res = await api().get('/api/v1/open-data/initiatives.csv').expect(200);
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.headers['content-length']).toBeUndefined();
    expect(parseCsv(res.text).length).toBe(1 + 5000 + 3);

    // While a reader has taken only the first bytes, the cursor is still open on the database:
    // a download built in memory would have finished its query before the first byte.
    const stream: Readable = t.app.get(OpenDataService).download('initiatives', 'csv');
    const first = await new Promise<Buffer>((resolve) => stream.once('data', resolve));
    stream.pause();
    expect(first.toString('utf8')).toMatch(/^id,title,summary/);
    const open = async () =>
      Number(
        (
          await sql<{ n: string }>(
            `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE $1`,
            [`FETCH ${CURSOR_BATCH} FROM ${CURSOR_NAME}`],
          )
        )[0].n,
      );
    expect(await open()).toBe(1);
    const fetched = await sql<{ n: string }>(
      `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction'`,
    );
    expect(Number(fetched[0].n)).toBe(1);
    // A reader that goes away ends the transaction and frees the connection.
    stream.destroy();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const idle = await sql<{ n: string }>(
      `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction'`,
    );
    expect(Number(idle[0].n)).toBe(0);
  });

  it('answers a dataset that does not exist with a 404 and an unknown format with a 400, naming what exists', async () => {
    const missing = await api().get('/api/v1/open-data/delegates.csv').expect(404);
    expect(missing.body.message).toContain('partner-cities');
    const format = await api().get('/api/v1/open-data/goals.xlsx').expect(400);
    expect(format.body.message).toContain('goals.csv');
    await api().get('/api/v1/open-data/..%2Fetc.csv').expect(400);
  });
});
