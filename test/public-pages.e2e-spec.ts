import request from 'supertest';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * What a resident without an account reads (issue 21, items 1, 2 and 6), against a real
 * PostgreSQL: every public output that names a partnership names only one every participating
 * organisation agreed to show; counts may count the others.
 */
describe('public pages and the consent rule', () => {
  let t: TestApp;
  const api = () => request(t.app.getHttpServer());
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    t.dataSource.query<T[]>(text, params);

  const organization = async (name: string, city: string, status = 'verified', hidden = false) => {
    const [row] = await sql<{ id: string }>(
      `INSERT INTO organizations (name, type, city_id, city_name, country, areas, languages, status, contact_email, hidden_at)
       SELECT $1, 'ngo', id, name, country, '{culture}', '{pl,en}', $3, 'contact@example.org', $4 FROM cities WHERE key = $2
       RETURNING id`,
      [name, city, status, hidden ? new Date() : null],
    );
    return row.id;
  };
  const initiative = async (
    organizationId: string,
    title: string,
    options: {
      status?: string;
      cities?: string[];
      goals?: string[];
      publishedAt?: string;
      forumEditionId?: string;
    } = {},
  ) => {
    const [row] = await sql<{ id: string }>(
      `INSERT INTO initiatives (organization_id, title, summary, kind, status, areas, target_cities, goals, published_at, forum_edition_id)
       VALUES ($1, $2, 'A summary of the initiative.', 'joint_project', $3::initiative_status, '{culture}', $4, $5,
               CASE WHEN $3::text = 'draft' THEN NULL ELSE coalesce($6::timestamptz, now()) END, $7)
       RETURNING id`,
      [
        organizationId,
        title,
        options.status ?? 'published',
        options.cities ?? [],
        options.goals ?? [],
        options.publishedAt ?? null,
        options.forumEditionId ?? null,
      ],
    );
    return row.id;
  };
  /** A partnership of these organisations (the first leads), each with its consent to show it. */
  const partnership = async (initiativeId: string, members: [string, boolean][], forumEditionId?: string) => {
    const [channel] = await sql<{ id: number }>(
      `INSERT INTO channels (kind, initiative_id, title) VALUES ('private', $1, 'partners') RETURNING id`,
      [initiativeId],
    );
    const [row] = await sql<{ id: string }>(
      `INSERT INTO partnerships (initiative_id, channel_id, forum_edition_id) VALUES ($1, $2, $3) RETURNING id`,
      [initiativeId, channel.id, forumEditionId ?? null],
    );
    for (const [index, [organizationId, consent]] of members.entries())
      await sql(
        `INSERT INTO partnership_members (partnership_id, organization_id, lead, public_consent) VALUES ($1, $2, $3, $4)`,
        [row.id, organizationId, index === 0, consent],
      );
    return row.id;
  };

  let editionId: string;
  let shown: string;
  let unshown: string;

  beforeAll(async () => {
    t = await startTestApp();
    const krakow = await organization('Fundacja Otwarta', 'krakow');
    const nuremberg = await organization('Verein Offen', 'nuremberg');
    const [edition] = await sql<{ id: string }>(
      `INSERT INTO forum_editions (year, theme_pl, theme_en, starts_on, ends_on, venue, status, outcomes_published_at, outcomes_summary)
       VALUES (2026, 'Temat', 'Theme', '2026-05-01', '2026-05-02', 'ICE Kraków', 'closed', now(), 'Two partnerships started.')
       RETURNING id`,
    );
    editionId = edition.id;
    const open = await initiative(krakow, 'Open choir exchange', {
      cities: ['nuremberg'],
      goals: ['youth_contacts'],
      forumEditionId: editionId,
    });
    const quiet = await initiative(nuremberg, 'Quiet archive project', {
      cities: ['nuremberg'],
      goals: ['youth_contacts'],
    });
    shown = await partnership(
      open,
      [
        [krakow, true],
        [nuremberg, true],
      ],
      editionId,
    );
    await organization('Verein Versteckt', 'nuremberg', 'verified', true);
    await organization('Verein Wartend', 'nuremberg', 'pending');
    await initiative(nuremberg, 'Draft about Nuremberg', {
      status: 'draft',
      cities: ['nuremberg'],
      goals: ['youth_contacts'],
    });
    await initiative(krakow, 'Danube heritage walks', { cities: ['budapest'], goals: ['central_european_heritage'] });
    for (const [starts, isPublic, purpose] of [
      [`${new Date().getFullYear()}-01-15`, true, 'Public visit on choirs'],
      [`${new Date().getFullYear()}-02-15`, false, 'Private visit on budgets'],
    ] as const)
      await sql(
        `INSERT INTO delegations (direction, starts_on, ends_on, city_id, purpose, people_count, is_public)
         VALUES ('incoming', $1::date, $1::date, (SELECT id FROM cities WHERE key = 'nuremberg'), $2, 4, $3)`,
        [starts, purpose, isPublic],
      );
    // The Nuremberg side agreed, Kraków's did not: nothing public names it.
    unshown = await partnership(
      quiet,
      [
        [nuremberg, true],
        [krakow, false],
      ],
      editionId,
    );
  });

  afterAll(() => t?.close());

  describe('a city network', () => {
    it('has its page: year joined, coordinator, the partner cities that belong and initiatives that involve them', async () => {
      const page = await api().get('/api/v1/networks/owhc').set('Accept-Language', 'en').expect(200);
      expect(page.body.network).toMatchObject({
        key: 'owhc',
        name: 'Organization of World Heritage Cities',
        namePl: 'Organizacja Miast Dziedzictwa Światowego',
        joinedYear: 1995,
        coordinator: 'department for culture and national heritage',
      });
      expect(page.body.cities.map((city: { key: string }) => city.key)).toEqual(['budapest']);
      expect(page.body.initiatives.map((i: { title: string }) => i.title)).toEqual(['Danube heritage walks']);
    });

    it('answers an unknown network with a 404 and a malformed key with a 400 that say so', async () => {
      expect((await api().get('/api/v1/networks/atlantis').expect(404)).body.message).toMatch(
        /no city network.*atlantis/,
      );
      expect((await api().get('/api/v1/networks/Not-A-Key').expect(400)).body.message).toMatch(/key must be a key/);
    });
  });

  describe('a goal', () => {
    it('says what it means and lists the initiatives and only the consented partnerships that serve it', async () => {
      const page = await api().get('/api/v1/goals/youth_contacts').set('Accept-Language', 'pl').expect(200);
      expect(page.body.goal).toMatchObject({ key: 'youth_contacts', scope: 'thematic' });
      expect(page.body.goal.namePl).toMatch(/młodzieżą Krakowa/);
      expect(page.body.goal.nameEn).toMatch(/youth/);
      const titles = page.body.initiatives.map((i: { title: string }) => i.title).sort();
      expect(titles).toEqual(['Open choir exchange', 'Quiet archive project']);
      expect(page.body.initiativesTotal).toBe(2);
      expect(page.body.partnerships.map((p: { id: string }) => p.id)).toEqual([shown]);
      expect(JSON.stringify(page.body.partnerships)).not.toContain(unshown);
      expect(page.text).not.toContain('Draft about Nuremberg');
    });

    it('names the partner cities in the countries of a geographic goal', async () => {
      const page = await api().get('/api/v1/goals/central_eastern_europe').expect(200);
      expect(page.body.goal.countries).toContain('DE');
      const keys = page.body.cities.map((city: { key: string }) => city.key);
      expect(keys).toEqual(expect.arrayContaining(['nuremberg', 'budapest']));
      expect(keys).not.toContain('rochester');
      await api().get('/api/v1/goals/world_peace').expect(404);
    });
  });

  describe("a partner city's page", () => {
    it('lists the verified organisations there, the listed initiatives that target it, its consented partnerships and public visits', async () => {
      const links = await api().get('/api/v1/cities/nuremberg/activity').set('Accept-Language', 'pl').expect(200);
      expect(links.body.organizations.map((o: { name: string }) => o.name)).toEqual(['Verein Offen']);
      expect(links.body.moreOrganizations).toBe(false);
      expect(links.body.initiatives.map((i: { title: string }) => i.title).sort()).toEqual([
        'Open choir exchange',
        'Quiet archive project',
      ]);
      expect(links.body.initiativesTotal).toBe(2);
      expect(links.body.partnerships.map((p: { id: string }) => p.id)).toEqual([shown]);
      expect(links.body.partnerships[0].channelId).toBeNull();
      expect(links.body.visits.map((v: { purpose: string }) => v.purpose)).toEqual(['Public visit on choirs']);
      for (const hidden of [
        'Verein Versteckt',
        'Verein Wartend',
        'Draft about Nuremberg',
        'Private visit on budgets',
        unshown,
      ])
        expect(links.text).not.toContain(hidden);
      // The networks it shares with Kraków are on the city itself.
      const budapest = await api().get('/api/v1/cities/budapest').expect(200);
      expect(budapest.body.networks.map((n: { key: string }) => n.key)).toEqual(['owhc']);
    });

    it('is a 404 for the home city or an unknown one', async () => {
      await api().get('/api/v1/cities/krakow/activity').expect(404);
      expect((await api().get('/api/v1/cities/atlantis/activity').expect(404)).body.message).toMatch(/atlantis/);
    });
  });

  describe('the home page', () => {
    it('gives the key figures (counting, never naming, every partnership), the coming edition and the newest initiatives', async () => {
      const before = await api().get('/api/v1/home').set('Accept-Language', 'en').expect(200);
      expect(before.body.figures).toEqual({
        partnerCities: 30,
        organizations: 2,
        initiatives: 3,
        partnerships: 2,
        delegationsThisYear: 1,
        year: new Date().getFullYear(),
      });
      expect(before.body.nextEdition).toBeNull();
      expect(before.body.newestInitiatives.map((i: { title: string }) => i.title)).toHaveLength(3);
      expect(before.text).not.toContain('Draft about Nuremberg');
      expect(before.text).not.toContain('partnerships/');

      const [next] = await sql<{ id: string }>(
        `INSERT INTO forum_editions (year, theme_pl, theme_en, starts_on, ends_on, venue, status)
         VALUES (2027, 'Miasta otwarte', 'Open cities', '2027-05-20', '2027-05-21', 'ICE Kraków', 'call_open') RETURNING id`,
      );
      await sql(
        `INSERT INTO forum_editions (year, theme_pl, theme_en, starts_on, ends_on, venue, status)
         VALUES (2028, 'Później', 'Later', '2028-05-20', '2028-05-21', 'ICE Kraków', 'planning')`,
      );
      const after = await api().get('/api/v1/home').expect(200);
      expect(after.body.nextEdition).toMatchObject({
        id: next.id,
        year: 2027,
        status: 'call_open',
        themeEn: 'Open cities',
      });
    });
  });

  describe('the forum outcomes', () => {
    it('name only the partnerships every organisation agreed to show, and count them all', async () => {
      const report = await api()
        .get(`/api/v1/forum/editions/${editionId}/outcomes`)
        .set('Accept-Language', 'en')
        .expect(200);
      expect(report.body.partnerships).toEqual([
        { id: shown, initiativeTitle: 'Open choir exchange', initiativeTitleLang: 'pl' },
      ]);
      expect(report.text).not.toContain('Quiet archive project');
      expect(report.text).not.toContain(unshown);
      expect(report.body.partnershipsStarted).toBe(2);
      const csv = await api().get(`/api/v1/forum/editions/${editionId}/outcomes.csv`).expect(200);
      expect(csv.text).toContain('partnerships_started,2');
      expect(csv.text).not.toContain('Quiet archive project');
    });

    it('stop naming a partnership once one organisation withdraws its consent', async () => {
      await sql(`UPDATE partnership_members SET public_consent = false WHERE partnership_id = $1 AND NOT lead`, [
        shown,
      ]);
      try {
        const report = await api().get(`/api/v1/forum/editions/${editionId}/outcomes`).expect(200);
        expect(report.body.partnerships).toEqual([]);
        expect(report.body.partnershipsStarted).toBe(2);
        // The partnership's own page closes to the public too: the same rule.
        await api().get(`/api/v1/partnerships/${shown}`).expect(404);
      } finally {
        await sql(`UPDATE partnership_members SET public_consent = true WHERE partnership_id = $1`, [shown]);
      }
      await api().get(`/api/v1/partnerships/${shown}`).expect(200);
    });
  });
});
