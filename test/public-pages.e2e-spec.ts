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
