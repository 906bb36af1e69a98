import request from 'supertest';
import { parse } from 'csv-parse/sync';
import { startTestApp, type TestApp } from './support/test-app';

interface Row {
  period: string | null;
  category: string;
  namePl: string;
  nameEn: string;
  value: number;
}
interface Statistic {
  key: string;
  period: string | null;
  rows: Row[];
}

/** The rows as a map "period|category" → value, for comparing figures whatever their order. */
const figures = (rows: Row[]) =>
  Object.fromEntries(rows.map((row) => [`${row.period ?? ''}|${row.category}`, row.value]));

describe('statistics', () => {
  let t: TestApp;
  const api = () => request(t.app.getHttpServer());
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    t.dataSource.query<T[]>(text, params);
  const get = async (path: string): Promise<Statistic> => {
    const response = await api().get(path).expect(200);
    return response.body as Statistic;
  };

  const organization = async (name: string, city: string, status = 'verified', hidden = false) => {
    const [row] = await sql<{ id: string }>(
      `INSERT INTO organizations (name, type, city_id, city_name, country, areas, languages, status, contact_email, hidden_at)
       SELECT $1, 'ngo', id, name, country, '{culture}', '{pl,en}', $2, 'someone@example.org', $3 FROM cities WHERE key = $4
       RETURNING id`,
      [name, status, hidden ? new Date() : null, city],
    );
    return row.id;
  };
  const initiative = async (
    organizationId: string,
    status: string,
    publishedAt: string | null,
    fields: { kind?: string; areas?: string[]; goals?: string[]; cities?: string[]; hidden?: boolean } = {},
  ) => {
    const [row] = await sql<{ id: string }>(
      `INSERT INTO initiatives (organization_id, title, summary, kind, status, areas, goals, target_cities, published_at, hidden_at)
       VALUES ($1, 'An initiative', 'A summary.', $2::initiative_kind, $3::initiative_status, $4, $5, $6, $7, $8)
       RETURNING id`,
      [
        organizationId,
        fields.kind ?? 'joint_project',
        status,
        fields.areas ?? ['culture'],
        fields.goals ?? [],
        fields.cities ?? [],
        publishedAt,
        fields.hidden ? new Date() : null,
      ],
    );
    return row.id;
  };
  const partnership = async (initiativeId: string, members: [string, boolean][], editionId: string | null = null) => {
    const [channel] = await sql<{ id: number }>(
      `INSERT INTO channels (kind, initiative_id, title) VALUES ('private', $1, 'partners') RETURNING id`,
      [initiativeId],
    );
    const [row] = await sql<{ id: string }>(
      `INSERT INTO partnerships (initiative_id, channel_id, forum_edition_id) VALUES ($1, $2, $3) RETURNING id`,
      [initiativeId, channel.id, editionId],
    );
    for (const [index, [organizationId, consent]] of members.entries())
      await sql(
        `INSERT INTO partnership_members (partnership_id, organization_id, lead, public_consent) VALUES ($1, $2, $3, $4)`,
        [row.id, organizationId, index === 0, consent],
      );
  };
  const user = async (email: string) => {
    const [row] = await sql<{ id: string }>(
      `INSERT INTO users (email, password_hash, display_name) VALUES ($1, 'x', 'Someone') RETURNING id`,
      [email],
    );
    return row.id;
  };

  beforeAll(async () => {
    t = await startTestApp();
    const krakow = await organization('Fundacja Kraków', 'krakow');
    const nuremberg = await organization('Verein Nürnberg', 'nuremberg');
    const lviv = await organization('Lviv NGO', 'lviv');
    const pending = await organization('Pending NGO', 'krakow', 'pending');
    const hiddenOrganization = await organization('Hidden NGO', 'krakow', 'verified', true);

    // Counted: published in March 2024 (culture and education, two goals, Nuremberg and the home city).
    const first = await initiative(krakow, 'published', '2024-03-10T12:00:00Z', {
      areas: ['culture', 'education'],
      goals: ['youth_contacts', 'eu_priority'],
      cities: ['nuremberg', 'krakow'],
    });
    // Counted: in progress, published in August 2025, an exchange with Nuremberg and Lviv.
    const second = await initiative(nuremberg, 'in_progress', '2025-08-01T12:00:00Z', {
      kind: 'exchange',
      goals: ['youth_contacts'],
      cities: ['nuremberg', 'lviv'],
    });
    // Counted: archived, published at 23:30 UTC on New Year's Eve 2024, which is 00:30 on 1 January 2025 in
    // Kraków: counted in 2025, the city's year.
    await initiative(lviv, 'archived', '2024-12-31T23:30:00Z', { kind: 'event', areas: ['sport'] });
    // Not counted: a draft, one waiting for moderation, a rejected one, a hidden one, and the initiatives of
    // a pending and of a hidden organisation.
    await initiative(krakow, 'draft', null, { cities: ['nuremberg'] });
    await initiative(krakow, 'submitted', null, { cities: ['nuremberg'] });
    await initiative(krakow, 'rejected', null, { cities: ['nuremberg'] });
    await initiative(krakow, 'published', '2024-05-01T12:00:00Z', { cities: ['nuremberg'], hidden: true });
    await initiative(pending, 'published', '2024-05-01T12:00:00Z', { cities: ['nuremberg'] });
    await initiative(hiddenOrganization, 'published', '2024-05-01T12:00:00Z', { cities: ['nuremberg'] });

    // Partnerships: one shown (Kraków and Nuremberg both agreed), one not (Lviv did not agree).
    await partnership(first, [
      [krakow, true],
      [nuremberg, true],
    ]);
    await partnership(second, [
      [nuremberg, true],
      [lviv, false],
    ]);

    // Forum: 2027 with its agenda published; 2028 still being planned (not counted).
    const [edition] = await sql<{ id: string }>(
      `INSERT INTO forum_editions (year, theme_pl, theme_en, starts_on, ends_on, venue, status)
       VALUES (2027, 'Temat', 'Theme', '2027-05-10', '2027-05-11', 'ICE Kraków', 'agenda_published') RETURNING id`,
    );
    const [planned] = await sql<{ id: string }>(
      `INSERT INTO forum_editions (year, theme_pl, theme_en, starts_on, ends_on, venue, status)
       VALUES (2028, 'Temat', 'Theme', '2028-05-10', '2028-05-11', 'ICE Kraków', 'planning') RETURNING id`,
    );
    const [ann, bob, cleo, dan] = [
      await user('ann@example.org'),
      await user('bob@example.org'),
      await user('cleo@example.org'),
      await user('dan@example.org'),
    ];
    const session = async (editionId: string, code: string, status: string, hour: number) => {
      const [row] = await sql<{ id: string }>(
        `INSERT INTO forum_sessions (edition_id, organization_id, proposed_by, kind, title, join_code, abstract, language, status, room, starts_at, ends_at, capacity)
         VALUES ($1, $2, $3, 'workshop', 'A session', $4, 'Abstract.', 'pl', $5::forum_session_status,
                 CASE WHEN $5::text = 'accepted' THEN 'A' END,
                 CASE WHEN $5::text = 'accepted' THEN timestamptz '2027-05-10T00:00:00Z' + make_interval(hours => $6::int) END,
                 CASE WHEN $5::text = 'accepted' THEN timestamptz '2027-05-10T01:00:00Z' + make_interval(hours => $6::int) END, 20)
         RETURNING id`,
        [editionId, krakow, ann, code, status, hour],
      );
      return row.id;
    };
    const held = await session(edition.id, 'ABCDEF', 'accepted', 9);
    await session(edition.id, 'ABCDEG', 'accepted', 11);
    await session(edition.id, 'ABCDEH', 'proposed', 13);
    await session(planned.id, 'ABCDEJ', 'accepted', 15);
    // Confirmed: Ann (for the edition and a session: one person) and Bob; Cleo waits, Dan cancelled.
    for (const [who, sessionId, status] of [
      [ann, null, 'confirmed'],
      [ann, held, 'confirmed'],
      [bob, held, 'confirmed'],
      [cleo, held, 'waiting'],
      [dan, held, 'cancelled'],
    ] as const)
      await sql(
        `INSERT INTO forum_registrations (edition_id, session_id, user_id, status) VALUES ($1, $2, $3, $4::forum_registration_status)`,
        [edition.id, sessionId, who, status],
      );
    for (const status of ['visible', 'visible', 'pending', 'hidden'])
      await sql(
        `INSERT INTO qa_questions (session_id, author_id, body, status) VALUES ($1, $2, 'A question?', $3::qa_question_status)`,
        [held, bob, status],
      );
    const [slot] = await sql<{ id: number }>(
      `INSERT INTO meeting_slots (edition_id, starts_at, ends_at) VALUES ($1, '2027-05-10T12:00:00Z', '2027-05-10T12:20:00Z') RETURNING id`,
      [edition.id],
    );
    await sql(
      `INSERT INTO meetings (edition_id, slot_id, requester_id, invitee_id, status, table_no, requested_by)
       VALUES ($1, $2, $3, $4, 'accepted', 1, $5), ($1, $2, $3, $6, 'requested', NULL, $5)`,
      [edition.id, slot.id, krakow, nuremberg, ann, lviv],
    );
    const third = await initiative(krakow, 'draft', null);
    await partnership(third, [[krakow, false]], edition.id);

    // Visits: two public ones in 2024, one private (not counted).
    await sql(
      `INSERT INTO delegations (direction, starts_on, ends_on, city_id, place, purpose, people_count, is_public)
       VALUES ('incoming', '2024-05-02', '2024-05-04', (SELECT id FROM cities WHERE key = 'nuremberg'), NULL, 'A visit', 5, true),
              ('outgoing', '2024-11-20', '2024-11-21', NULL, 'Brussels', 'A visit', 2, true),
              ('incoming', '2024-06-01', '2024-06-01', NULL, 'Vienna', 'A private visit', 3, false)`,
    );
  });

  afterAll(() => t?.close());

  it('lists the statistics with their titles in Polish and English', async () => {
    const response = await api().get('/api/v1/statistics').expect(200);
    const items = response.body.items as { key: string; title: { pl: string; en: string }; csv: string }[];
    expect(items.map((item) => item.key)).toEqual([
      'initiatives-by-area',
      'initiatives-by-goal',
      'initiatives-by-kind',
      'initiatives-by-city',
      'partnerships-by-city',
      'forum-editions',
      'delegations-by-direction',
    ]);
    expect(items[0].title).toEqual({
      pl: 'Inicjatywy według obszaru współpracy',
      en: 'Initiatives by area of cooperation',
    });
    expect(items[0].csv).toBe('/api/v1/statistics/initiatives-by-area.csv');
    expect(response.body.columns).toEqual(['period', 'category', 'namePl', 'nameEn', 'value']);
  });

  it('counts public initiatives by area and year, in the city time zone, without drafts or hidden ones', async () => {
    const statistic = await get('/api/v1/statistics/initiatives-by-area');
    expect(statistic.period).toBe('year');
    expect(figures(statistic.rows)).toEqual({
      '2024|culture': 1,
      '2024|education': 1,
      '2025|culture': 1,
      '2025|sport': 1,
    });
    const culture = statistic.rows.find((row) => row.category === 'culture')!;
    expect([culture.namePl, culture.nameEn]).toEqual(['Kultura', 'Culture']);
  });

  it('counts by quarter when asked', async () => {
    const statistic = await get('/api/v1/statistics/initiatives-by-area?period=quarter');
    expect(statistic.period).toBe('quarter');
    expect(figures(statistic.rows)).toEqual({
      '2024-Q1|culture': 1,
      '2024-Q1|education': 1,
      '2025-Q1|sport': 1,
      '2025-Q3|culture': 1,
    });
  });

  it('counts by goal with the goal names of the reference data', async () => {
    const statistic = await get('/api/v1/statistics/initiatives-by-goal.json');
    expect(figures(statistic.rows)).toEqual({
      '2024|youth_contacts': 1,
      '2024|eu_priority': 1,
      '2025|youth_contacts': 1,
    });
    const goal = statistic.rows.find((row) => row.category === 'eu_priority')!;
    expect(goal.nameEn).toBe('The European Union is the privileged area of cooperation');
    expect(goal.namePl).toBe('Traktowanie Unii Europejskiej jako uprzywilejowanego obszaru współpracy');
  });

  it('counts by kind', async () => {
    const statistic = await get('/api/v1/statistics/initiatives-by-kind');
    expect(figures(statistic.rows)).toEqual({ '2024|joint_project': 1, '2025|exchange': 1, '2025|event': 1 });
    expect(statistic.rows.find((row) => row.category === 'exchange')).toMatchObject({
      namePl: 'Wymiana',
      nameEn: 'Exchange',
    });
  });

  it('counts by partner city, leaving out the home city', async () => {
    const statistic = await get('/api/v1/statistics/initiatives-by-city');
    expect(figures(statistic.rows)).toEqual({ '2024|nuremberg': 1, '2025|nuremberg': 1, '2025|lviv': 1 });
    expect(statistic.rows.find((row) => row.category === 'nuremberg')).toMatchObject({
      namePl: 'Norymberga',
      nameEn: 'Nuremberg',
    });
  });

  it('counts only the partnerships shown in public, per partner city', async () => {
    const statistic = await get('/api/v1/statistics/partnerships-by-city');
    expect(statistic.period).toBeNull();
    expect(figures(statistic.rows)).toEqual({ '|nuremberg': 1 });
  });

  it('gives the figures of each forum edition whose agenda is public', async () => {
    const statistic = await get('/api/v1/statistics/forum-editions');
    expect(statistic.rows.map((row) => [row.period, row.category, row.value])).toEqual([
      ['2027', 'participants', 2],
      ['2027', 'sessions', 2],
      ['2027', 'questions', 2],
      ['2027', 'meetings', 1],
      ['2027', 'partnerships', 1],
    ]);
    expect(statistic.rows[0]).toMatchObject({ namePl: 'Osoby zarejestrowane', nameEn: 'People registered' });
  });

  it('counts public visits by year or quarter and direction', async () => {
    expect(figures((await get('/api/v1/statistics/delegations-by-direction')).rows)).toEqual({
      '2024|incoming': 1,
      '2024|outgoing': 1,
    });
    expect(figures((await get('/api/v1/statistics/delegations-by-direction?period=quarter')).rows)).toEqual({
      '2024-Q2|incoming': 1,
      '2024-Q4|outgoing': 1,
    });
  });

  it('writes the CSV with the same rows as the JSON, by extension or by format', async () => {
    for (const key of ['initiatives-by-city', 'forum-editions', 'partnerships-by-city']) {
      const json = await get(`/api/v1/statistics/${key}`);
      for (const path of [`/api/v1/statistics/${key}.csv`, `/api/v1/statistics/${key}?format=csv`]) {
        const response = await api().get(path).expect(200);
        expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
        expect(response.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="${key}`));
        const [header, ...records]: string[][] = parse(response.text);
        expect(header).toEqual(['period', 'category', 'namePl', 'nameEn', 'value']);
        expect(records).toEqual(
          json.rows.map((row) => [row.period ?? '', row.category, row.namePl, row.nameEn, String(row.value)]),
        );
      }
    }
  });

  it('escapes a category name a spreadsheet would run as a formula', async () => {
    await sql(`UPDATE cities SET name = '=HYPERLINK("http://evil.example")' WHERE key = 'lviv'`);
    try {
      const response = await api().get('/api/v1/statistics/initiatives-by-city.csv').expect(200);
      expect(response.text).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    } finally {
      await sql(`UPDATE cities SET name = 'Lviv' WHERE key = 'lviv'`);
    }
  });

  it('answers an unknown statistic, format or period with a 4xx that says what is offered', async () => {
    const unknown = await api().get('/api/v1/statistics/initiatives-by-colour.csv').expect(404);
    expect(unknown.body.message).toContain('There is no statistic "initiatives-by-colour"');
    expect(unknown.body.message).toContain('initiatives-by-area');

    const format = await api().get('/api/v1/statistics/initiatives-by-area.xlsx').expect(400);
    expect(format.body.message).toBe(
      'The format "xlsx" is not offered; ask for initiatives-by-area.csv or initiatives-by-area.json',
    );
    const query = await api().get('/api/v1/statistics/initiatives-by-area?format=xml').expect(400);
    expect(query.body.message).toBe('format must be one of: json, csv');
    await api().get('/api/v1/statistics/initiatives-by-area.csv?format=json').expect(400);

    const period = await api().get('/api/v1/statistics/initiatives-by-area?period=month').expect(400);
    expect(period.body.message).toBe('period must be one of: year, quarter');
    const notOverTime = await api().get('/api/v1/statistics/partnerships-by-city?period=year').expect(400);
    expect(notOverTime.body.message).toBe('partnerships-by-city is not counted over time: leave out period');

    const malformed = await api().get('/api/v1/statistics/Initiatives%20by%20area').expect(400);
    expect(malformed.body.fields.file).toBeDefined();
    await api().get('/api/v1/statistics/initiatives-by-area?colour=red').expect(400);
  });

  it('needs no account, and what a person may not see stays out after a change', async () => {
    // Lviv agrees now: the second partnership is counted, for both of its cities.
    await sql(`UPDATE partnership_members SET public_consent = true`);
    const statistic = await get('/api/v1/statistics/partnerships-by-city');
    expect(figures(statistic.rows)).toEqual({ '|nuremberg': 2, '|lviv': 1 });
  });
});
