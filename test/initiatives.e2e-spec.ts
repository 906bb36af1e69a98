import request from 'supertest';
import { INITIATIVE_STATUSES, TRANSITIONS, type InitiativeAction } from '../src/initiatives/initiatives.constants';
import { InitiativesService } from '../src/initiatives/initiatives.service';
import { clearAddressLimits, lastMail, signUp, verifiedOrganization, type SignedIn } from './support/accounts';
import { startTestApp, type TestApp } from './support/test-app';

describe('initiatives', () => {
  let t: TestApp;
  const api = () => request(t.app.getHttpServer());
  let n = 0;
  const email = (name: string) => `${name}.${++n}@example.org`;
  let moderator: SignedIn;
  let admin: SignedIn;
  let owner: SignedIn;
  let organization: { id: string };

  const draft = (overrides: Record<string, unknown> = {}) => ({
    organizationId: organization.id,
    title: 'Partner school wanted for a climate exchange',
    summary: 'Our primary school in Kraków seeks a partner school for pupil exchanges on climate and the environment.',
    body: 'We plan **two visits** a year.',
    kind: 'partner_search',
    areas: ['education', 'environment'],
    goals: [],
    targetCities: ['nuremberg'],
    targetCountries: ['DE'],
    soughtOrgTypes: ['school'],
    languages: ['pl', 'de', 'en'],
    startsOn: '2027-03-01',
    endsOn: '2027-06-30',
    fundingProgramme: 'Erasmus+',
    ...overrides,
  });
  const create = async (by: SignedIn = owner, overrides: Record<string, unknown> = {}) =>
    (await api().post('/api/v1/initiatives').set(by.auth).send(draft(overrides)).expect(201)).body;
  const publish = async (by: SignedIn = owner, overrides: Record<string, unknown> = {}) => {
    const initiative = await create(by, overrides);
    await api().post(`/api/v1/initiatives/${initiative.id}/submit`).set(by.auth).expect(200);
    await api().post(`/api/v1/initiatives/${initiative.id}/publish`).set(moderator.auth).send({}).expect(200);
    return initiative;
  };
  const statusOf = async (id: string) =>
    (await t.dataSource.query(`SELECT status FROM initiatives WHERE id = $1`, [id]))[0].status;

  beforeAll(async () => {
    t = await startTestApp();
    moderator = await signUp(t, email('moderator'), { role: 'moderator' });
    admin = await signUp(t, email('admin'), { role: 'admin' });
    owner = await signUp(t, email('owner'), { locale: 'pl' });
    organization = await verifiedOrganization(t, owner, moderator);
    const [{ key }] = await t.dataSource.query(
      `SELECT key FROM goals WHERE scope = 'thematic' ORDER BY position LIMIT 1`,
    );
    goal = key;
  });
  let goal: string;
  beforeEach(() => clearAddressLimits(t));
  afterAll(() => t.close());

  describe('creating', () => {
    it('lets an editor of a verified organisation create a draft that only insiders see', async () => {
      const initiative = await create(owner, { goals: [goal] });
      expect(initiative).toMatchObject({
        status: 'draft',
        title: 'Partner school wanted for a climate exchange',
        kind: 'partner_search',
        goals: [goal],
        organization: { id: organization.id, cityKey: 'krakow' },
        bodyHtml: '<p>We plan <strong>two visits</strong> a year.</p>\n',
        canEdit: true,
        actions: ['submit'],
      });
      await api().get(`/api/v1/initiatives/${initiative.id}`).expect(404);
      const stranger = await signUp(t, email('stranger'));
      await api().get(`/api/v1/initiatives/${initiative.id}`).set(stranger.auth).expect(404);
      await api().get(`/api/v1/initiatives/${initiative.id}`).set(moderator.auth).expect(200);
    });

    it('refuses organisations that are not verified, and people who are not its editors', async () => {
      const pendingOwner = await signUp(t, email('pending'));
      const pending = (
        await api()
          .post('/api/v1/organizations')
          .set(pendingOwner.auth)
          .send({ name: 'Pending NGO', type: 'ngo', cityKey: 'krakow', areas: ['culture'], languages: ['pl'] })
          .expect(201)
      ).body;
      const res = await api()
        .post('/api/v1/initiatives')
        .set(pendingOwner.auth)
        .send(draft({ organizationId: pending.id }))
        .expect(403);
      expect(res.body.message).toMatch(/Only verified organisations/);
      const member = await signUp(t, email('member'));
      await t.dataSource.query(
        `INSERT INTO organization_members (organization_id, user_id, role) VALUES ($1, $2, 'member')`,
        [organization.id, member.id],
      );
      await api().post('/api/v1/initiatives').set(member.auth).send(draft()).expect(403);
      const outsider = await signUp(t, email('outsider'));
      await api().post('/api/v1/initiatives').set(outsider.auth).send(draft()).expect(403);
      await api().post('/api/v1/initiatives').send(draft()).expect(401);
    });

    it.each([
      [{ title: 'x'.repeat(141) }, 'title', /3 to 140/],
      [{ summary: 'x'.repeat(501) }, 'summary', /10 to 500/],
      [{ kind: 'party' }, 'kind', /kind must be one of/],
      [{ areas: ['astrology'] }, 'areas', /unknown value\(s\) astrology/],
      [{ goals: ['world_peace'] }, 'goals', /unknown value\(s\) world_peace/],
      [{ targetCities: ['atlantis'] }, 'targetCities', /unknown value\(s\) atlantis/],
      [{ soughtOrgTypes: ['pirate_ship'] }, 'soughtOrgTypes', /unknown value/],
      [{ targetCountries: ['Germany'] }, 'targetCountries', /ISO 3166/],
      [{ languages: ['klingon'] }, 'languages', /ISO 639-1/],
      [{ startsOn: '2027-02-30' }, 'startsOn', /YYYY-MM-DD/],
      [{ startsOn: '2027-06-01', endsOn: '2027-05-01' }, 'endsOn', /not be before startsOn/],
      [{ status: 'published' }, 'status', /not a known/],
      [{ coOrganizerIds: ['00000000-0000-4000-8000-000000000000'] }, 'coOrganizerIds', /verified organisations/],
    ])('refuses %j with a 400 naming %s, and stores nothing', async (change, field, message) => {
      const before = (await t.dataSource.query(`SELECT count(*)::int AS n FROM initiatives`))[0].n;
      const res = await api().post('/api/v1/initiatives').set(owner.auth).send(draft(change)).expect(400);
      expect((res.body.fields?.[field] ?? []).join(' ')).toMatch(message);
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM initiatives`))[0].n).toBe(before);
    });

    it('renders stored XSS payloads inert', async () => {
      const initiative = await publish(owner, {
        body: '<script>alert(1)</script> <img src=x onerror=alert(1)> [a](javascript:alert(1))',
      });
      const { body } = await api().get(`/api/v1/initiatives/${initiative.id}`).expect(200);
      const tags: string[] = body.bodyHtml.match(/<[^>]+>/g) ?? [];
      expect(tags.every((tag) => /^<\/?(p|a|strong|em|ul|ol|li|br|code|pre|blockquote|h3|h4|hr)\b/.test(tag))).toBe(
        true,
      );
      expect(body.bodyHtml).toContain('&lt;script&gt;');
    });
  });

  describe('workflow', () => {
    it('goes draft, submitted, changes requested, submitted, published, in progress, completed, archived, with history and notices', async () => {
      const initiative = await create();
      const id = initiative.id;
      await api().post(`/api/v1/initiatives/${id}/submit`).set(owner.auth).expect(200);
      const noComment = await api()
        .post(`/api/v1/initiatives/${id}/request-changes`)
        .set(moderator.auth)
        .send({})
        .expect(400);
      expect(noComment.body.fields.comment[0]).toMatch(/say what should change/);
      await api()
        .post(`/api/v1/initiatives/${id}/request-changes`)
        .set(moderator.auth)
        .send({ comment: 'Please name the partner city precisely.' })
        .expect(200);
      const seen = await api().get(`/api/v1/initiatives/${id}`).set(owner.auth).expect(200);
      expect(seen.body).toMatchObject({
        status: 'changes_requested',
        statusComment: 'Please name the partner city precisely.',
        canEdit: true,
        actions: ['submit'],
      });
      expect((await lastMail(t, owner.email, 'initiative_changes_requested')).text).toContain(
        'Please name the partner city precisely.',
      );

      await api()
        .patch(`/api/v1/initiatives/${id}`)
        .set(owner.auth)
        .send({ targetCities: ['nuremberg', 'leipzig'] })
        .expect(200);
      await api().post(`/api/v1/initiatives/${id}/submit`).set(owner.auth).expect(200);
      await api().post(`/api/v1/initiatives/${id}/publish`).set(moderator.auth).send({}).expect(200);
      expect((await lastMail(t, owner.email, 'initiative_published')).subject).toMatch(/została opublikowana/);
      const published = await api().get(`/api/v1/initiatives/${id}`).expect(200);
      expect(published.body).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
      expect(published.body).not.toHaveProperty('history');

      await api().post(`/api/v1/initiatives/${id}/start`).set(owner.auth).expect(200);
      await api().post(`/api/v1/initiatives/${id}/complete`).set(owner.auth).expect(200);
      await api().post(`/api/v1/initiatives/${id}/archive`).set(owner.auth).send({}).expect(200);

      const history = (await api().get(`/api/v1/initiatives/${id}`).set(owner.auth).expect(200)).body.history;
      expect(history.map((h: { from: string; to: string }) => `${h.from}>${h.to}`)).toEqual([
        'draft>submitted',
        'submitted>changes_requested',
        'changes_requested>submitted',
        'submitted>published',
        'published>in_progress',
        'in_progress>completed',
        'completed>archived',
      ]);
      expect(history[1]).toMatchObject({
        actorId: moderator.id,
        comment: 'Please name the partner city precisely.',
        at: expect.any(String),
      });
      const audit = await api().get(`/api/v1/audit-log?targetId=${id}`).set(admin.auth).expect(200);
      expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual([
        'initiative.publish',
        'initiative.request-changes',
      ]);
    });

    it('rejects with a reason the authors see', async () => {
      const initiative = await create();
      await api().post(`/api/v1/initiatives/${initiative.id}/submit`).set(owner.auth).expect(200);
      await api()
        .post(`/api/v1/initiatives/${initiative.id}/reject`)
        .set(moderator.auth)
        .send({ comment: 'Commercial advertising is not allowed.' })
        .expect(200);
      const seen = await api().get(`/api/v1/initiatives/${initiative.id}`).set(owner.auth).expect(200);
      expect(seen.body).toMatchObject({
        status: 'rejected',
        statusComment: 'Commercial advertising is not allowed.',
        canEdit: false,
        actions: [],
      });
      await api().get(`/api/v1/initiatives/${initiative.id}`).expect(404);
    });

    it('allows every transition only from the states that make sense (409 otherwise)', async () => {
      const initiative = await create();
      const actors: Record<string, SignedIn> = { editor: owner, staff: moderator, editor_or_staff: owner };
      for (const status of INITIATIVE_STATUSES) {
        for (const action of Object.keys(TRANSITIONS) as InitiativeAction[]) {
          const rule = TRANSITIONS[action];
          await t.dataSource.query(`UPDATE initiatives SET status = $2 WHERE id = $1`, [initiative.id, status]);
          const res = await api()
            .post(`/api/v1/initiatives/${initiative.id}/${action}`)
            .set(actors[rule.by].auth)
            .send({ comment: 'A comment of some length' });
          const expected = rule.from.includes(status) ? 200 : 409;
          expect({ status, action, code: res.status }).toEqual({ status, action, code: expected });
          expect(await statusOf(initiative.id)).toBe(expected === 200 ? rule.to : status);
        }
      }
    });

    it('lets only staff moderate and only editors run their own initiative', async () => {
      const initiative = await create();
      await api().post(`/api/v1/initiatives/${initiative.id}/submit`).set(owner.auth).expect(200);
      await api().post(`/api/v1/initiatives/${initiative.id}/publish`).set(owner.auth).send({}).expect(403);
      await api().post(`/api/v1/initiatives/${initiative.id}/publish`).set(moderator.auth).send({}).expect(200);
      await api().post(`/api/v1/initiatives/${initiative.id}/start`).set(moderator.auth).expect(403);
      expect(await statusOf(initiative.id)).toBe('published');
    });

    it('lets one of two moderators win when both publish at once', async () => {
      const initiative = await create();
      await api().post(`/api/v1/initiatives/${initiative.id}/submit`).set(owner.auth).expect(200);
      const other = await signUp(t, email('moderator2'), { role: 'moderator' });
      const results = await Promise.all(
        [moderator, other].map((m) => api().post(`/api/v1/initiatives/${initiative.id}/publish`).set(m.auth).send({})),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(
        (
          await t.dataSource.query(
            `SELECT count(*)::int AS n FROM initiative_transitions WHERE initiative_id = $1 AND to_status = 'published'`,
            [initiative.id],
          )
        )[0].n,
      ).toBe(1);
    });
  });

  describe('object-level access', () => {
    it('refuses editors of another organisation, and leaves the initiative unchanged', async () => {
      const initiative = await create();
      const otherOwner = await signUp(t, email('other-owner'));
      await verifiedOrganization(t, otherOwner, moderator, { name: 'Other school' });
      const before = await t.dataSource.query(`SELECT * FROM initiatives WHERE id = $1`, [initiative.id]);
      await api()
        .patch(`/api/v1/initiatives/${initiative.id}`)
        .set(otherOwner.auth)
        .send({ title: 'Hijacked title here' })
        .expect(404);
      for (const action of ['submit', 'start', 'complete', 'archive']) {
        const res = await api().post(`/api/v1/initiatives/${initiative.id}/${action}`).set(otherOwner.auth).send({});
        expect([403, 404]).toContain(res.status);
      }
      const published = await publish();
      await api()
        .patch(`/api/v1/initiatives/${published.id}`)
        .set(otherOwner.auth)
        .send({ title: 'Hijacked title here' })
        .expect(403);
      await api().post(`/api/v1/initiatives/${published.id}/archive`).set(otherOwner.auth).send({}).expect(403);
      expect(await t.dataSource.query(`SELECT * FROM initiatives WHERE id = $1`, [initiative.id])).toEqual(before);
      expect(await statusOf(published.id)).toBe('published');
    });
  });

  describe('search', () => {
    let searchOwner: SignedIn;
    let ngo: { id: string };
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      searchOwner = await signUp(t, email('search-owner'));
      ngo = await verifiedOrganization(t, searchOwner, moderator, {
        name: 'Fundacja Współpracy',
        type: 'ngo',
        cityKey: 'krakow',
        areas: ['culture'],
      });
      const make = async (key: string, overrides: Record<string, unknown>) => {
        ids[key] = (await publish(searchOwner, { organizationId: ngo.id, goals: [], ...overrides })).id;
      };
      await make('krakow', {
        title: 'Dni Krakowa w Norymberdze',
        summary: 'Festiwal kultury: współpraca teatrów z Krakowa i Norymbergi.',
        kind: 'event',
        areas: ['culture'],
        targetCities: ['nuremberg'],
        targetCountries: ['DE'],
        languages: ['pl', 'de'],
      });
      await make('lviv', {
        title: 'Youth exchange with Lviv',
        summary: 'Summer camp for young volunteers from Kraków and Lviv.',
        kind: 'exchange',
        areas: ['youth', 'social'],
        targetCities: ['lviv'],
        targetCountries: ['UA'],
        soughtOrgTypes: ['ngo'],
        languages: ['uk', 'en'],
      });
      await make('chamber', {
        title: 'Economic mission to Milan',
        summary: 'Chambers of commerce plan a trade mission; body mentions współpraca.',
        body: 'Współpraca gospodarcza.',
        kind: 'study_visit',
        areas: ['economy'],
        targetCities: ['milan'],
        targetCountries: ['IT'],
        soughtOrgTypes: ['chamber'],
        languages: ['it', 'en'],
        goals: [goal],
      });
    });

    const search = (query: Record<string, string>) =>
      api()
        .get('/api/v1/initiatives')
        .query({ org: ngo.id, ...query });
    const keysOf = (items: { id: string }[]) =>
      items.map((item) => Object.keys(ids).find((key) => ids[key] === item.id)).sort();

    it('finds by text whatever the case and diacritics, and by prefix', async () => {
      expect(keysOf((await search({ q: 'krakow' }).expect(200)).body.items)).toEqual(['krakow', 'lviv']);
      expect(keysOf((await search({ q: 'wspolpraca' }).expect(200)).body.items)).toEqual(['chamber', 'krakow']);
      expect(keysOf((await search({ q: 'WSPÓŁP' }).expect(200)).body.items)).toEqual(['chamber', 'krakow']);
      expect(keysOf((await search({ q: 'norymb' }).expect(200)).body.items)).toEqual(['krakow']);
      expect((await search({ q: '&|!():*' }).expect(200)).body.items).toHaveLength(3);
    });

    it('finds by prefix the words of a text as soon as it is written or edited, quotes and all', async () => {
      const fresh = await publish(searchOwner, {
        organizationId: ngo.id,
        title: "Zebrafishology summer school: O'Brien's lab",
        summary: 'Visits to a zoology lab.',
      });
      expect((await search({ q: 'zebrafish' }).expect(200)).body.items.map((i: { id: string }) => i.id)).toEqual([
        fresh.id,
      ]);
      expect((await search({ q: 'brien' }).expect(200)).body.items.map((i: { id: string }) => i.id)).toEqual([
        fresh.id,
      ]);
      expect((await search({ q: 'quokkolog' }).expect(200)).body.items).toEqual([]);
      await api()
        .patch(`/api/v1/initiatives/${fresh.id}`)
        .set(searchOwner.auth)
        .send({ body: 'Now with quokkology field trips.' })
        .expect(200);
      expect((await search({ q: 'quokkolog' }).expect(200)).body.items.map((i: { id: string }) => i.id)).toEqual([
        fresh.id,
      ]);
      // Two typed words: both must match, each as a prefix.
      expect((await search({ q: 'zebra quokk' }).expect(200)).body.items.map((i: { id: string }) => i.id)).toEqual([
        fresh.id,
      ]);
      expect((await search({ q: 'zebra krakow' }).expect(200)).body.items).toEqual([]);
      await t.dataSource.query(`DELETE FROM initiatives WHERE id = $1`, [fresh.id]);
    });

    it('still finds a prefix of more words than it spells out', async () => {
      // 70 words begin with "zqx": more than search_words_query() expands, so the prefix stays one.
      const many = Array.from({ length: 70 }, (_, i) => `zqx${String(i).padStart(2, '0')}`).join(' ');
      const wide = await publish(searchOwner, {
        organizationId: ngo.id,
        title: 'A glossary of made-up words',
        summary: 'Made-up words for a test.',
        body: many,
      });
      const [{ query }] = await t.dataSource.query(`SELECT search_words_query(ARRAY['zqx'])::text AS query`);
      expect(query).toBe(`'zqx':*`);
      expect((await search({ q: 'zqx' }).expect(200)).body.items.map((i: { id: string }) => i.id)).toEqual([wide.id]);
      expect((await search({ q: 'zqx6' }).expect(200)).body.items.map((i: { id: string }) => i.id)).toEqual([wide.id]);
      await t.dataSource.query(`DELETE FROM initiatives WHERE id = $1`, [wide.id]);
    });

    it('ranks a match in the title above one in the summary, and both above one in the body alone', async () => {
      // Five body occurrences outweighed one title occurrence when the body was ranked too; now a
      // match in the body alone comes after every title or summary match, newest first among them.
      const inBody = await publish(searchOwner, {
        organizationId: ngo.id,
        title: 'Open-air weekend',
        summary: 'Performers from both cities meet in the old town.',
        body: 'Teatr, teatr, teatr: teatr uliczny i teatr lalek.',
      });
      const inSummary = await publish(searchOwner, {
        organizationId: ngo.id,
        title: 'Street art weekend',
        summary: 'Theatre groups (teatr uliczny) from both cities perform together.',
      });
      const inTitle = await publish(searchOwner, {
        organizationId: ngo.id,
        title: 'Teatr uliczny bez granic',
        summary: 'Street performers from Kraków and Lviv meet for a week.',
      });
      const res = await search({ q: 'teatr' }).expect(200);
      const ours = [inTitle.id, inSummary.id, inBody.id];
      expect(res.body.items.map((i: { id: string }) => i.id).filter((id: string) => ours.includes(id))).toEqual(ours);
      await t.dataSource.query(`DELETE FROM initiatives WHERE id = ANY($1)`, [[inBody.id, inSummary.id, inTitle.id]]);
    });

    it.each([
      [{ area: 'youth' }, ['lviv']],
      [{ goal: 'GOAL' }, ['chamber']],
      [{ kind: 'event' }, ['krakow']],
      [{ city: 'milan' }, ['chamber']],
      [{ country: 'ua' }, ['lviv']],
      [{ orgType: 'chamber' }, ['chamber']],
      [{ lang: 'de' }, ['krakow']],
    ])('filters by %j', async (filter, expected) => {
      const query = Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, v === 'GOAL' ? goal : v]));
      expect(keysOf((await search(query).expect(200)).body.items)).toEqual(expected);
    });

    it('counts facets over all matches', async () => {
      const res = await search({}).expect(200);
      expect(res.body.total).toBe(3);
      expect(res.body.facets.kind).toEqual(
        expect.arrayContaining([
          { value: 'event', count: 1 },
          { value: 'exchange', count: 1 },
          { value: 'study_visit', count: 1 },
        ]),
      );
      expect(res.body.facets.area).toEqual(
        expect.arrayContaining([
          { value: 'culture', count: 1 },
          { value: 'youth', count: 1 },
          { value: 'economy', count: 1 },
        ]),
      );
      expect(res.body.facets.city).toEqual(
        expect.arrayContaining([
          { value: 'nuremberg', count: 1 },
          { value: 'lviv', count: 1 },
          { value: 'milan', count: 1 },
        ]),
      );
      expect(res.body.facets.goal).toEqual([{ value: goal, count: 1 }]);
      const narrowed = await search({ area: 'youth' }).expect(200);
      expect(narrowed.body.facets.kind).toEqual([{ value: 'exchange', count: 1 }]);
    });

    it('orders each facet by count, then by key', async () => {
      const extra = await publish(searchOwner, {
        organizationId: ngo.id,
        title: 'Youth culture exchange',
        kind: 'exchange',
        areas: ['youth', 'culture'],
      });
      const res = await search({}).expect(200);
      expect(res.body.total).toBe(4);
      expect(res.body.facets.area).toEqual([
        { value: 'culture', count: 2 },
        { value: 'youth', count: 2 },
        { value: 'economy', count: 1 },
        { value: 'social', count: 1 },
      ]);
      expect(res.body.facets.kind).toEqual([
        { value: 'exchange', count: 2 },
        { value: 'event', count: 1 },
        { value: 'study_visit', count: 1 },
      ]);
      await t.dataSource.query(`DELETE FROM initiatives WHERE id = $1`, [extra.id]);
    });

    it.each([
      [{ area: 'astrology' }, /area has unknown value/],
      [{ city: 'atlantis' }, /city has unknown value/],
      [{ kind: 'party' }, /kind must be one of/],
      [{ sort: 'random' }, /sort must be relevance or newest/],
      [{ lang: 'xx' }, /lang must be/],
      [{ limit: '500' }, /limit must be at most 100/],
      [{ cursor: 'bm90LWEtY3Vyc29y' }, /cursor must be the cursor of a previous page/],
      [{ colour: 'red' }, /colour is not a known parameter/],
    ])('refuses %j with a 400', async (query, message) => {
      expect((await api().get('/api/v1/initiatives').query(query).expect(400)).body.message).toMatch(message);
    });

    it('shows drafts only to staff, and to members with their organisation', async () => {
      const draftOne = await create(searchOwner, { organizationId: ngo.id, title: 'Unpublished draft idea' });
      await api().get('/api/v1/initiatives?status=draft').expect(403);
      await api().get(`/api/v1/initiatives?status=draft&org=${ngo.id}`).set(owner.auth).expect(403);
      const mine = await api().get(`/api/v1/initiatives?status=draft&org=${ngo.id}`).set(searchOwner.auth).expect(200);
      expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([draftOne.id]);
      const staff = await api().get('/api/v1/initiatives?status=draft').set(moderator.auth).expect(200);
      expect(staff.body.items.map((i: { id: string }) => i.id)).toContain(draftOne.id);
      expect((await search({ q: 'unpublished' }).expect(200)).body.items).toEqual([]);
    });

    it('pages with a stable cursor: no duplicates or gaps while new initiatives are published', async () => {
      const pager = await signUp(t, email('pager'));
      const org = await verifiedOrganization(t, pager, moderator, { name: 'Pager NGO', type: 'ngo' });
      const original: string[] = [];
      for (let i = 0; i < 12; i++)
        original.push((await publish(pager, { organizationId: org.id, title: `Paged initiative number ${i}` })).id);
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const res = await api()
          .get('/api/v1/initiatives')
          .query({ org: org.id, limit: 5, ...(cursor && { cursor }) })
          .expect(200);
        seen.push(...res.body.items.map((i: { id: string }) => i.id));
        cursor = res.body.nextCursor ?? undefined;
        // Someone publishes while we page.
        await publish(pager, { organizationId: org.id, title: 'Published while paging' });
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      expect([...seen].sort()).toEqual([...original].sort());
      expect(seen).toEqual([...original].reverse());
    });

    it('suggests similar published initiatives before submitting', async () => {
      const mine = await create(owner, {
        title: 'Youth exchange with Lviv volunteers',
        summary: 'Another summer camp idea for young people from Lviv.',
      });
      const res = await api().get(`/api/v1/initiatives/${mine.id}/similar`).set(owner.auth).expect(200);
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.length).toBeLessThanOrEqual(5);
      expect(res.body.items[0]).toMatchObject({ id: ids.lviv, similarity: expect.any(Number) });
      expect(res.body.items.map((i: { id: string }) => i.id)).not.toContain(mine.id);
    });
  });

  describe('reports and moderation', () => {
    it('takes one report per user and item, even when sent twice at once', async () => {
      const initiative = await publish();
      const reporter = await signUp(t, email('reporter'));
      const results = await Promise.all(
        [1, 2, 3].map(() =>
          api()
            .post('/api/v1/reports')
            .set(reporter.auth)
            .send({ targetType: 'initiative', targetId: initiative.id, reason: 'spam' }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
      expect(
        (await t.dataSource.query(`SELECT count(*)::int AS n FROM reports WHERE target_id = $1`, [initiative.id]))[0].n,
      ).toBe(1);
      await api()
        .post('/api/v1/reports')
        .send({ targetType: 'initiative', targetId: initiative.id, reason: 'spam' })
        .expect(401);
      await api()
        .post('/api/v1/reports')
        .set(reporter.auth)
        .send({ targetType: 'initiative', targetId: initiative.id, reason: 'boring' })
        .expect(400);
    });

    it('hides an item at three reports from distinct users, until a moderator restores it', async () => {
      const initiative = await publish(owner, { title: 'Reported initiative about tourism' });
      const reporters = await Promise.all([1, 2, 3].map((i) => signUp(t, email(`flagger${i}`))));
      const results = await Promise.all(
        reporters.map((r) =>
          api().post('/api/v1/reports').set(r.auth).send({
            targetType: 'initiative',
            targetId: initiative.id,
            reason: 'offensive',
            comment: 'Not appropriate',
          }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
      await api().get(`/api/v1/initiatives/${initiative.id}`).expect(404);
      expect(
        (await api().get('/api/v1/initiatives').query({ q: 'Reported initiative' }).expect(200)).body.items,
      ).toEqual([]);
      const mine = await api().get(`/api/v1/initiatives/${initiative.id}`).set(owner.auth).expect(200);
      expect(mine.body.hidden).toBe(true);

      const queue = await api().get('/api/v1/moderation/queue').set(moderator.auth).expect(200);
      const item = queue.body.items.find((i: { targetId: string }) => i.targetId === initiative.id);
      expect(item).toMatchObject({ kind: 'reported', hidden: true, title: 'Reported initiative about tourism' });
      expect(item.reports).toHaveLength(3);

      await api()
        .post(`/api/v1/moderation/initiative/${initiative.id}/restore`)
        .set(owner.auth)
        .send({ reason: 'mine' })
        .expect(403);
      const restored = await api()
        .post(`/api/v1/moderation/initiative/${initiative.id}/restore`)
        .set(moderator.auth)
        .send({ reason: 'Reviewed: the content is fine.' })
        .expect(200);
      expect(restored.body).toEqual({ hidden: false, resolvedReports: 3 });
      await api().get(`/api/v1/initiatives/${initiative.id}`).expect(200);
      const audit = await api().get(`/api/v1/audit-log?targetId=${initiative.id}`).set(admin.auth).expect(200);
      expect(audit.body.items.map((e: { action: string; actorId: string | null }) => [e.action, e.actorId])).toEqual(
        expect.arrayContaining([
          ['initiative.auto_hide', null],
          ['initiative.restore', moderator.id],
        ]),
      );
    });

    it('hides with three simultaneous reports too', async () => {
      const initiative = await publish(owner, { title: 'Concurrently reported initiative' });
      const reporters = await Promise.all([1, 2, 3].map((i) => signUp(t, email(`burst${i}`))));
      await Promise.all(
        reporters.map((r) =>
          api()
            .post('/api/v1/reports')
            .set(r.auth)
            .send({ targetType: 'initiative', targetId: initiative.id, reason: 'spam' })
            .expect(201),
        ),
      );
      expect(
        (
          await t.dataSource.query(`SELECT hidden_at IS NOT NULL AS hidden FROM initiatives WHERE id = $1`, [
            initiative.id,
          ])
        )[0].hidden,
      ).toBe(true);
    });

    it('lets moderators hide an organisation with a reason', async () => {
      const someone = await signUp(t, email('org-hidden'));
      const org = await verifiedOrganization(t, someone, moderator, { name: 'To be hidden', type: 'ngo' });
      await api().post(`/api/v1/moderation/organization/${org.id}/hide`).set(moderator.auth).send({}).expect(400);
      await api()
        .post(`/api/v1/moderation/organization/${org.id}/hide`)
        .set(moderator.auth)
        .send({ reason: 'Impersonates a city unit.' })
        .expect(200);
      await api().get(`/api/v1/organizations/${org.id}`).expect(404);
      await api().get(`/api/v1/organizations/${org.id}`).set(someone.auth).expect(200);
    });

    it('queues submitted initiatives and pending organisations, oldest first', async () => {
      const submitted = await create();
      await api().post(`/api/v1/initiatives/${submitted.id}/submit`).set(owner.auth).expect(200);
      const queue = await api().get('/api/v1/moderation/queue').set(moderator.auth).expect(200);
      const kinds = queue.body.items.map((i: { kind: string }) => i.kind);
      expect(kinds).toContain('initiative_submitted');
      // Its title with the language it is written in, so the queue can mark it.
      const { language } = (await api().get(`/api/v1/initiatives/${submitted.id}`).set(owner.auth).expect(200)).body;
      expect(queue.body.items.find((i: { targetId: string }) => i.targetId === submitted.id)).toMatchObject({
        titleLang: language,
      });
      const since = queue.body.items.map((i: { since: string }) => i.since);
      expect([...since].sort()).toEqual(since);
      await api().get('/api/v1/moderation/queue').set(owner.auth).expect(403);
    });
  });

  describe('archiving', () => {
    it('warns the owners a week ahead, once, then archives ended and untouched initiatives', async () => {
      const archiver = await signUp(t, email('archiver'), { locale: 'en' });
      const org = await verifiedOrganization(t, archiver, moderator, { name: 'Archive NGO', type: 'ngo' });
      const ending = await publish(archiver, {
        organizationId: org.id,
        title: 'Ending soon',
        startsOn: '2026-01-01',
        endsOn: '2026-12-01',
      });
      const stale = await publish(archiver, {
        organizationId: org.id,
        title: 'Untouched for a year',
        startsOn: null,
        endsOn: null,
      });
      const fresh = await publish(archiver, {
        organizationId: org.id,
        title: 'Fresh and ongoing',
        startsOn: null,
        endsOn: null,
      });
      await t.dataSource.query(`UPDATE initiatives SET updated_at = '2025-11-25' WHERE id = $1`, [stale.id]);
      const job = t.app.get(InitiativesService);

      const warnings = async () =>
        (
          await t.dataSource.query(
            `SELECT text FROM mail_outbox WHERE to_address = $1 AND template = 'initiative_archive_warning' ORDER BY id`,
            [archiver.email],
          )
        ).map((m: { text: string }) => m.text);

      // 20 November: the untouched one is a week from its year; the ending one is not due yet.
      await job.archiveStale('2026-11-20');
      expect(await warnings()).toEqual([expect.stringContaining('"Untouched for a year"')]);
      // 25 November: the ending one (ends 1 December) is a week away; nobody is told twice.
      await job.archiveStale('2026-11-25');
      await job.archiveStale('2026-11-26');
      expect(await warnings()).toEqual([
        expect.stringContaining('"Untouched for a year"'),
        expect.stringContaining('"Ending soon"'),
      ]);
      expect(await statusOf(ending.id)).toBe('published');
      expect(await statusOf(stale.id)).toBe('archived');

      await job.archiveStale('2026-12-02');
      expect(await statusOf(ending.id)).toBe('archived');
      expect(await statusOf(fresh.id)).toBe('published');
      const [transition] = await t.dataSource.query(
        `SELECT actor_id, comment FROM initiative_transitions WHERE initiative_id = $1 AND to_status = 'archived'`,
        [ending.id],
      );
      expect(transition).toEqual({ actor_id: null, comment: 'archived automatically' });
    });
  });
});
