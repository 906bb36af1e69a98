import request from 'supertest';
import { MatchingRepository, type MatchCursor } from '../src/matching/matching.repository';
import { clearAddressLimits, signUp, verifiedOrganization, type SignedIn } from './support/accounts';
import { seededRandom } from './support/seeded-random';
import { startTestApp, type TestApp } from './support/test-app';

describe('matching and partnerships', () => {
  let t: TestApp;
  const api = () => request(t.app.getHttpServer());
  let n = 0;
  const email = (name: string) => `${name}.${++n}@example.org`;
  let moderator: SignedIn;
  let krakowOwner: SignedIn;
  let krakowSchool: { id: string };
  const orgs: Record<string, { id: string; owner: SignedIn }> = {};
  let schoolSearch: { id: string };

  const school = (name: string, extra: Record<string, unknown>) => ({
    name,
    type: 'school',
    areas: ['education'],
    languages: ['pl', 'en'],
    ...extra,
  });
  const publish = async (owner: SignedIn, body: Record<string, unknown>) => {
    const created = (
      await api()
        .post('/api/v1/initiatives')
        .set(owner.auth)
        .send({
          summary: 'A summary long enough to pass.',
          kind: 'partner_search',
          areas: ['education'],
          languages: ['pl', 'en'],
          ...body,
        })
        .expect(201)
    ).body;
    await api().post(`/api/v1/initiatives/${created.id}/submit`).set(owner.auth).expect(200);
    return (await api().post(`/api/v1/initiatives/${created.id}/publish`).set(moderator.auth).send({}).expect(200))
      .body;
  };
  const addOrg = async (key: string, body: Record<string, unknown>, verify = true) => {
    const owner = await signUp(t, email(key));
    if (verify) orgs[key] = { id: (await verifiedOrganization(t, owner, moderator, body)).id, owner };
    else
      orgs[key] = {
        id: (await api().post('/api/v1/organizations').set(owner.auth).send(body).expect(201)).body.id,
        owner,
      };
  };

  beforeAll(async () => {
    t = await startTestApp();
    moderator = await signUp(t, email('moderator'), { role: 'moderator' });
    // The boost is the registry's judgement: its editors set it.
    await t.dataSource.query(`INSERT INTO staff_role_grants (user_id, "grant") VALUES ($1, 'registry_editor')`, [
      moderator.id,
    ]);
    krakowOwner = await signUp(t, email('krakow'), { locale: 'en' });
    krakowSchool = await verifiedOrganization(
      t,
      krakowOwner,
      moderator,
      school('Szkoła Podstawowa nr 7', { cityKey: 'krakow' }),
    );
    await clearAddressLimits(t);
    await addOrg('nuremberg', school('Peter-Vischer-Schule', { cityKey: 'nuremberg', languages: ['de', 'en'] }));
    await addOrg('lviv', school('Lviv Lyceum 10', { cityKey: 'lviv', languages: ['uk', 'pl', 'en'] }));
    await addOrg('poznan', school('Liceum w Poznaniu', { city: 'Poznań', country: 'PL', languages: ['pl', 'en'] }));
    await addOrg(
      'leuvenPending',
      school('Sint-Pieterscollege (pending)', { cityKey: 'leuven', languages: ['nl', 'en'] }),
      false,
    );
    await clearAddressLimits(t);
    await addOrg('nurembergNgo', {
      name: 'Jugendring Nürnberg',
      type: 'ngo',
      cityKey: 'nuremberg',
      areas: ['youth'],
      languages: ['de'],
    });
    await addOrg('fiji', {
      name: 'Suva Sailing Club',
      type: 'business',
      city: 'Suva',
      country: 'FJ',
      areas: ['sport'],
      languages: ['en'],
    });
    schoolSearch = await publish(krakowOwner, {
      organizationId: krakowSchool.id,
      title: 'Partner schools wanted for pupil exchanges',
      soughtOrgTypes: ['school'],
    });
  });
  beforeEach(() => clearAddressLimits(t));
  afterAll(() => t.close());

  describe('counterparts', () => {
    it('puts schools in twin cities before schools in other partner cities, and those before schools elsewhere', async () => {
      const res = await api().get(`/api/v1/initiatives/${schoolSearch.id}/matches?lang=en`).expect(200);
      const names = res.body.organizations.map((m: { organization: { name: string } }) => m.organization.name);
      expect(names.slice(0, 3)).toEqual(['Peter-Vischer-Schule', 'Lviv Lyceum 10', 'Liceum w Poznaniu']);
      const scores = res.body.organizations.map((m: { score: number }) => m.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    });

    it('never suggests an unverified organisation, nor one with nothing in common, nor its own', async () => {
      const res = await api().get(`/api/v1/initiatives/${schoolSearch.id}/matches`).expect(200);
      const ids = res.body.organizations.map((m: { organization: { id: string } }) => m.organization.id);
      expect(ids).not.toContain(orgs.leuvenPending.id);
      expect(ids).not.toContain(orgs.fiji.id);
      expect(ids).not.toContain(krakowSchool.id);
    });

    it('gives the reasons in the viewer’s language, with codes', async () => {
      const en = await api().get(`/api/v1/initiatives/${schoolSearch.id}/matches?lang=en`).expect(200);
      const nuremberg = en.body.organizations.find(
        (m: { organization: { id: string } }) => m.organization.id === orgs.nuremberg.id,
      );
      expect(nuremberg.reasons).toEqual(
        expect.arrayContaining([
          { code: 'sought_type', text: 'school seeking a school' },
          { code: 'city_tier', text: "Nuremberg is Kraków's twin city" },
          { code: 'shared_areas', text: 'shares education' },
          { code: 'shared_languages', text: 'both work in English' },
        ]),
      );
      const pl = await api()
        .get(`/api/v1/initiatives/${schoolSearch.id}/matches`)
        .set('Accept-Language', 'pl-PL')
        .expect(200);
      const lviv = pl.body.organizations.find(
        (m: { organization: { id: string } }) => m.organization.id === orgs.lviv.id,
      );
      expect(lviv.reasons).toEqual(
        expect.arrayContaining([
          { code: 'city_tier', text: 'Lwów to miasto partnerskie Krakowa' },
          { code: 'shared_languages', text: 'obie organizacje pracują w językach: angielski i polski' },
        ]),
      );
    });

    it('lets city staff boost a partnership they want to revive', async () => {
      await api().put('/api/v1/cities/lviv/boost').set(krakowOwner.auth).send({ boost: 20 }).expect(403);
      await api().put('/api/v1/cities/lviv/boost').set(moderator.auth).send({ boost: 21 }).expect(400);
      await api().put('/api/v1/cities/atlantis/boost').set(moderator.auth).send({ boost: 5 }).expect(404);
      await api().put('/api/v1/cities/lviv/boost').set(moderator.auth).send({ boost: 20 }).expect(204);
      const res = await api().get(`/api/v1/initiatives/${schoolSearch.id}/matches?lang=en`).expect(200);
      expect(res.body.organizations[0].organization.name).toBe('Lviv Lyceum 10');
      expect(res.body.organizations[0].reasons).toContainEqual({
        code: 'city_boost',
        text: 'the city wants to revive its partnership with Lviv',
      });
      await api().put('/api/v1/cities/lviv/boost').set(moderator.auth).send({ boost: 0 }).expect(204);
    });

    it('orders equal scores by name, then id', async () => {
      await addOrg('nuremberg2', school('Albrecht-Dürer-Gymnasium', { cityKey: 'nuremberg', languages: ['de', 'en'] }));
      const res = await api().get(`/api/v1/initiatives/${schoolSearch.id}/matches`).expect(200);
      const names = res.body.organizations.map((m: { organization: { name: string } }) => m.organization.name);
      expect(names.slice(0, 2)).toEqual(['Albrecht-Dürer-Gymnasium', 'Peter-Vischer-Schule']);
      await api().get(`/api/v1/initiatives/${schoolSearch.id}/matches?organizationsCursor=bad`).expect(400);
    });
  });

  describe('what is sought', () => {
    const names = (body: { organizations: { organization: { name: string } }[] }) =>
      body.organizations.map((m) => m.organization.name);
    const reasonsOf = (
      body: { organizations: { organization: { name: string }; reasons: { code: string; text: string }[] }[] },
      name: string,
    ) => body.organizations.find((m) => m.organization.name === name)!.reasons;

    it('ranks every organisation of a sought type above any other, even one in the target city', async () => {
      const search = await publish(krakowOwner, {
        organizationId: krakowSchool.id,
        title: 'A school in Nuremberg, or any school',
        targetCities: ['nuremberg'],
        soughtOrgTypes: ['school'],
        areas: ['education', 'youth'],
        languages: ['de', 'pl', 'en'],
      });
      const res = await api().get(`/api/v1/initiatives/${search.id}/matches?lang=en`).expect(200);
      const ranked = names(res.body);
      // Jugendring is in the target city, a twin city, and shares youth and German: still below every school.
      const ngo = ranked.indexOf('Jugendring Nürnberg');
      expect(ngo).toBeGreaterThan(-1);
      for (const school of ['Peter-Vischer-Schule', 'Lviv Lyceum 10', 'Liceum w Poznaniu'])
        expect(ranked.indexOf(school)).toBeLessThan(ngo);
      // The target city is named once: its tier does not repeat it.
      const texts = reasonsOf(res.body, 'Peter-Vischer-Schule').map((r) => r.text);
      expect(texts).toEqual(expect.arrayContaining(['in a target city: Nuremberg', "Kraków's twin city"]));
      expect(texts.filter((text) => text.includes('Nuremberg'))).toHaveLength(1);
      const pl = await api().get(`/api/v1/initiatives/${search.id}/matches?lang=pl`).expect(200);
      expect(reasonsOf(pl.body, 'Peter-Vischer-Schule').map((r) => r.text)).toEqual(
        expect.arrayContaining(['w docelowym mieście: Norymberga', 'miasto bliźniacze Krakowa']),
      );
    });

    it('ranks a school seeking a school by level, pupils’ ages and subjects', async () => {
      await api()
        .patch(`/api/v1/organizations/${krakowSchool.id}`)
        .set(krakowOwner.auth)
        .send({ schoolLevels: ['primary'], pupilAgeMin: 7, pupilAgeMax: 15, subjects: ['science', 'languages'] })
        .expect(200);
      // Three schools in one city (the same place tier); alphabetically the worst fit comes first.
      const leuven = (name: string, profile: Record<string, unknown>) =>
        addOrg(
          name.replace(/[^A-Za-z]/g, '').toLowerCase(),
          school(name, { cityKey: 'leuven', languages: ['nl', 'en'], ...profile }),
        );
      await leuven('Athénée Royal', {
        schoolLevels: ['secondary'],
        pupilAgeMin: 16,
        pupilAgeMax: 19,
        subjects: ['history'],
      });
      await leuven('Collège Saint-Michel', {
        schoolLevels: ['secondary'],
        pupilAgeMin: 12,
        pupilAgeMax: 18,
        subjects: ['languages'],
      });
      await leuven('Zonnebloem Basisschool', {
        schoolLevels: ['primary'],
        pupilAgeMin: 6,
        pupilAgeMax: 12,
        subjects: ['science', 'languages'],
      });
      const search = await publish(krakowOwner, {
        organizationId: krakowSchool.id,
        title: 'A Leuven school for our pupils',
        targetCities: ['leuven'],
        soughtOrgTypes: ['school'],
      });
      const res = await api().get(`/api/v1/initiatives/${search.id}/matches?lang=en`).expect(200);
      const leuvenOrder = names(res.body).filter((name) =>
        ['Athénée Royal', 'Collège Saint-Michel', 'Zonnebloem Basisschool'].includes(name),
      );
      expect(leuvenOrder).toEqual(['Zonnebloem Basisschool', 'Collège Saint-Michel', 'Athénée Royal']);
      expect(reasonsOf(res.body, 'Zonnebloem Basisschool')).toEqual(
        expect.arrayContaining([
          { code: 'school_level', text: 'the same level: primary' },
          { code: 'pupil_ages', text: 'pupils of the same age (7–12)' },
          { code: 'shared_subjects', text: 'subjects in common: foreign languages and science' },
        ]),
      );
      const pl = await api().get(`/api/v1/initiatives/${search.id}/matches?lang=pl`).expect(200);
      expect(reasonsOf(pl.body, 'Collège Saint-Michel')).toEqual(
        expect.arrayContaining([
          { code: 'pupil_ages', text: 'uczniowie w tym samym wieku (12–15 lat)' },
          { code: 'shared_subjects', text: 'wspólne przedmioty: języki obce' },
        ]),
      );
      expect(reasonsOf(res.body, 'Athénée Royal').map((r) => r.code)).not.toContain('pupil_ages');
    });

    it('refuses a school profile that makes no sense, and changes nothing', async () => {
      const before = (await api().get(`/api/v1/organizations/${krakowSchool.id}`).set(krakowOwner.auth).expect(200))
        .body;
      const bad = async (body: Record<string, unknown>, message: RegExp) => {
        const res = await api()
          .patch(`/api/v1/organizations/${krakowSchool.id}`)
          .set(krakowOwner.auth)
          .send(body)
          .expect(400);
        expect(JSON.stringify(res.body.message)).toMatch(message);
      };
      await bad({ pupilAgeMin: 10 }, /pupilAgeMin and pupilAgeMax/);
      await bad({ pupilAgeMin: 15, pupilAgeMax: 10 }, /must not be above pupilAgeMax/);
      await bad({ pupilAgeMin: 1, pupilAgeMax: 10 }, /pupilAgeMin must be 3 to 99/);
      await bad(
        { schoolLevels: ['kindergarten'] },
        /schoolLevels must be one of: primary, secondary, vocational, higher/,
      );
      await bad({ subjects: ['alchemy'] }, /subjects must be one of/);
      await bad({ partnerRoles: ['boss'] }, /partnerRoles must be one of: lead_partner, partner, associate/);
      const after = (await api().get(`/api/v1/organizations/${krakowSchool.id}`).set(krakowOwner.auth).expect(200))
        .body;
      expect(after).toEqual(before);
      expect(after).toMatchObject({ schoolLevels: ['primary'], pupilAgeMin: 7, pupilAgeMax: 15 });
    });

    it('favours organisations ready for the role sought and experienced in the programme, until the call closes', async () => {
      await addOrg(
        'leadReady',
        school('Lyceum Ready to Lead', {
          cityKey: 'lviv',
          languages: ['uk', 'en'],
          partnerRoles: ['lead_partner', 'partner'],
          fundingProgrammes: ['Erasmus+'],
        }),
      );
      await addOrg(
        'notReady',
        school('Aaa Lyceum Associate Only', { cityKey: 'lviv', languages: ['uk', 'en'], partnerRoles: ['associate'] }),
      );
      const call = (callDeadline: string, title: string) =>
        publish(krakowOwner, {
          organizationId: krakowSchool.id,
          title,
          targetCities: ['lviv'],
          soughtOrgTypes: ['school'],
          soughtRole: 'lead_partner',
          fundingProgramme: 'Erasmus+ KA220-SCH',
          callDeadline,
        });
      const open = await call('2099-03-05', 'Erasmus+ partnership, lead partner wanted');
      const detail = await api().get(`/api/v1/initiatives/${open.id}`).expect(200);
      expect(detail.body).toMatchObject({ soughtRole: 'lead_partner', callDeadline: '2099-03-05' });
      const res = await api().get(`/api/v1/initiatives/${open.id}/matches?lang=en`).expect(200);
      const ranked = names(res.body);
      expect(ranked.indexOf('Lyceum Ready to Lead')).toBeLessThan(ranked.indexOf('Aaa Lyceum Associate Only'));
      expect(reasonsOf(res.body, 'Lyceum Ready to Lead')).toEqual(
        expect.arrayContaining([
          { code: 'partner_role', text: 'ready to be the lead partner' },
          { code: 'funding_programme', text: 'has worked with Erasmus+ KA220-SCH' },
        ]),
      );
      const pl = await api().get(`/api/v1/initiatives/${open.id}/matches?lang=pl`).expect(200);
      expect(reasonsOf(pl.body, 'Lyceum Ready to Lead')).toEqual(
        expect.arrayContaining([
          { code: 'partner_role', text: 'może być partnerem wiodącym' },
          { code: 'funding_programme', text: 'doświadczenie w programie Erasmus+ KA220-SCH' },
        ]),
      );
      const closed = await call('2020-01-31', 'Erasmus+ partnership of a closed call');
      const after = await api().get(`/api/v1/initiatives/${closed.id}/matches?lang=en`).expect(200);
      expect(reasonsOf(after.body, 'Lyceum Ready to Lead').map((r) => r.code)).not.toContain('funding_programme');
      await api()
        .post('/api/v1/initiatives')
        .set(krakowOwner.auth)
        .send({
          organizationId: krakowSchool.id,
          title: 'Bad role',
          summary: 'A summary long enough to pass.',
          kind: 'partner_search',
          areas: ['education'],
          languages: ['pl'],
          soughtRole: 'sponsor',
          callDeadline: '2027-02-30',
        })
        .expect(400);
    });

    it('tells an initiative which other members of its target cities’ networks could join', async () => {
      await t.dataSource.query(
        `INSERT INTO city_network_members (network_id, city_id)
         SELECT n.id, c.id FROM city_networks n, cities c WHERE n.key = 'owhc' AND c.key IN ('florence', 'budapest')
         ON CONFLICT DO NOTHING`,
      );
      await addOrg('florence', {
        name: 'Liceo Michelangiolo Firenze',
        type: 'school',
        cityKey: 'florence',
        areas: ['heritage'],
        languages: ['it', 'en'],
      });
      const search = await publish(krakowOwner, {
        organizationId: krakowSchool.id,
        title: 'Heritage schools of Budapest and Kraków',
        targetCities: ['budapest'],
        soughtOrgTypes: ['school'],
        areas: ['heritage'],
      });
      const en = await api().get(`/api/v1/initiatives/${search.id}/matches?lang=en`).expect(200);
      expect(en.body.networks).toEqual([
        {
          key: 'owhc',
          name: 'Organization of World Heritage Cities',
          targetCities: ['budapest'],
          otherMembers: [{ key: 'florence', name: 'Florence', country: 'IT' }],
        },
      ]);
      expect(reasonsOf(en.body, 'Liceo Michelangiolo Firenze')).toContainEqual({
        code: 'city_network',
        text: 'in the Organization of World Heritage Cities network, like Budapest',
      });
      const pl = await api().get(`/api/v1/initiatives/${search.id}/matches?lang=pl`).expect(200);
      expect(pl.body.networks[0]).toMatchObject({
        name: 'Organizacja Miast Dziedzictwa Światowego',
        otherMembers: [{ key: 'florence', name: 'Florencja' }],
      });
      expect(reasonsOf(pl.body, 'Liceo Michelangiolo Firenze')).toContainEqual({
        code: 'city_network',
        text: 'w sieci Organizacja Miast Dziedzictwa Światowego, tak jak Budapeszt',
      });
      // An initiative whose targets share no network is told of none.
      expect((await api().get(`/api/v1/initiatives/${schoolSearch.id}/matches`).expect(200)).body.networks).toEqual([]);
    });
  });

  describe('complementary initiatives and suggestions', () => {
    it('finds initiatives in the target cities that seek partners where this organisation is', async () => {
      const nurembergSearch = await publish(orgs.nuremberg.owner, {
        organizationId: orgs.nuremberg.id,
        title: 'Schule sucht Partnerschule in Krakau',
        targetCities: ['krakow'],
        soughtOrgTypes: ['school'],
        languages: ['de', 'pl', 'en'],
      });
      const targeted = await publish(krakowOwner, {
        organizationId: krakowSchool.id,
        title: 'Exchange with Nuremberg',
        targetCities: ['nuremberg'],
        soughtOrgTypes: ['school'],
      });
      const res = await api().get(`/api/v1/initiatives/${targeted.id}/matches?lang=en`).expect(200);
      const match = res.body.initiatives.find(
        (m: { initiative: { id: string } }) => m.initiative.id === nurembergSearch.id,
      );
      expect(match.reasons).toEqual(
        expect.arrayContaining([
          { code: 'target_city', text: 'in a target city: Nuremberg' },
          { code: 'sought_type', text: 'school seeking a school' },
        ]),
      );
      expect(res.body.initiatives[0].initiative.id).toBe(nurembergSearch.id);

      const suggestions = await api().get(`/api/v1/organizations/${krakowSchool.id}/suggestions?lang=en`).expect(200);
      expect(suggestions.body.initiatives.map((m: { initiative: { id: string } }) => m.initiative.id)).toContain(
        nurembergSearch.id,
      );
      expect(
        suggestions.body.initiatives.map(
          (m: { initiative: { organizationId: string } }) => m.initiative.organizationId,
        ),
      ).not.toContain(krakowSchool.id);
      // Seen from Kraków, the place that matched is Kraków itself: the Nuremberg school looks for partners there.
      const suggested = suggestions.body.initiatives.find(
        (m: { initiative: { id: string } }) => m.initiative.id === nurembergSearch.id,
      );
      expect(suggested.reasons[0]).toEqual({ code: 'target_city', text: 'looking for partners in Kraków' });
      const inPolish = await api().get(`/api/v1/organizations/${krakowSchool.id}/suggestions?lang=pl`).expect(200);
      expect(
        inPolish.body.initiatives.find((m: { initiative: { id: string } }) => m.initiative.id === nurembergSearch.id)
          .reasons[0],
      ).toEqual({ code: 'target_city', text: 'szuka partnerów w mieście Kraków' });
    });
  });

  describe('expressions of interest and partnerships', () => {
    it('takes one open interest per organisation and initiative, even sent twice at once', async () => {
      const owner = orgs.lviv.owner;
      const results = await Promise.all(
        [1, 2, 3].map(() =>
          api()
            .post(`/api/v1/initiatives/${schoolSearch.id}/interests`)
            .set(owner.auth)
            .send({ organizationId: orgs.lviv.id, message: 'Our lyceum would love to take part!' }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
      expect(
        (
          await t.dataSource.query(
            `SELECT count(*)::int AS n FROM interests WHERE initiative_id = $1 AND organization_id = $2`,
            [schoolSearch.id, orgs.lviv.id],
          )
        )[0].n,
      ).toBe(1);
      const incoming = await api().get('/api/v1/me/interests?direction=incoming').set(krakowOwner.auth).expect(200);
      expect(incoming.body.items).toContainEqual(
        expect.objectContaining({ organizationName: 'Lviv Lyceum 10', status: 'open' }),
      );
      const notified = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND kind = 'interest'`,
        [krakowOwner.id],
      );
      expect(notified[0].n).toBeGreaterThanOrEqual(1);
    });

    it('refuses interests from unverified organisations, for one’s own initiative, and from non-editors', async () => {
      await api()
        .post(`/api/v1/initiatives/${schoolSearch.id}/interests`)
        .set(orgs.leuvenPending.owner.auth)
        .send({ organizationId: orgs.leuvenPending.id, message: 'We are not verified yet.' })
        .expect(403);
      await api()
        .post(`/api/v1/initiatives/${schoolSearch.id}/interests`)
        .set(krakowOwner.auth)
        .send({ organizationId: krakowSchool.id, message: 'Interested in ourselves?' })
        .expect(400);
      await api()
        .post(`/api/v1/initiatives/${schoolSearch.id}/interests`)
        .set(orgs.poznan.owner.auth)
        .send({ organizationId: orgs.nuremberg.id, message: 'Not my organisation.' })
        .expect(403);
    });

    it('accepts into a partnership with a private channel only its members can use, and extends it', async () => {
      const [lvivInterest] = await t.dataSource.query(
        `SELECT id FROM interests WHERE initiative_id = $1 AND organization_id = $2`,
        [schoolSearch.id, orgs.lviv.id],
      );
      await api().post(`/api/v1/interests/${lvivInterest.id}/accept`).set(orgs.poznan.owner.auth).send({}).expect(404);
      const accepted = await api()
        .post(`/api/v1/interests/${lvivInterest.id}/accept`)
        .set(krakowOwner.auth)
        .send({ reply: 'Welcome aboard!' })
        .expect(200);
      expect(accepted.body).toMatchObject({
        status: 'accepted',
        reply: 'Welcome aboard!',
        partnershipId: expect.any(String),
      });
      await api().post(`/api/v1/interests/${lvivInterest.id}/decline`).set(krakowOwner.auth).send({}).expect(409);

      const partnership = await api()
        .get(`/api/v1/partnerships/${accepted.body.partnershipId}`)
        .set(orgs.lviv.owner.auth)
        .expect(200);
      expect(partnership.body).toMatchObject({ status: 'active', public: false, channelId: expect.any(Number) });
      expect(partnership.body.organizations.map((o: { name: string; lead: boolean }) => [o.name, o.lead])).toEqual([
        ['Szkoła Podstawowa nr 7', true],
        ['Lviv Lyceum 10', false],
      ]);
      const channelId = partnership.body.channelId;
      await api()
        .post(`/api/v1/channels/${channelId}/messages`)
        .set(orgs.lviv.owner.auth)
        .send({ body: 'Привіт, Краків!', clientId: 'lviv-first-message' })
        .expect(201);
      await api().get(`/api/v1/channels/${channelId}/messages`).set(krakowOwner.auth).expect(200);
      await api().get(`/api/v1/channels/${channelId}/messages`).set(orgs.poznan.owner.auth).expect(404);
      await api().get(`/api/v1/partnerships/${accepted.body.partnershipId}`).expect(404);
      // City staff see a partnership before it is public, but not a channel they could not open.
      const staffView = await api()
        .get(`/api/v1/partnerships/${accepted.body.partnershipId}`)
        .set(moderator.auth)
        .expect(200);
      expect(staffView.body).toMatchObject({ public: false, channelId: null });
      await api().get(`/api/v1/channels/${channelId}/messages`).set(moderator.auth).expect(404);

      // A second accepted interest extends the same partnership and its channel.
      const nurembergInterest = (
        await api()
          .post(`/api/v1/initiatives/${schoolSearch.id}/interests`)
          .set(orgs.nuremberg.owner.auth)
          .send({ organizationId: orgs.nuremberg.id, message: 'Wir möchten auch mitmachen.' })
          .expect(201)
      ).body;
      const second = await api()
        .post(`/api/v1/interests/${nurembergInterest.id}/accept`)
        .set(krakowOwner.auth)
        .send({})
        .expect(200);
      expect(second.body.partnershipId).toBe(accepted.body.partnershipId);
      await api().get(`/api/v1/channels/${channelId}/messages`).set(orgs.nuremberg.owner.auth).expect(200);
    });

    it('shows a partnership publicly once every participant agrees, and counts it per partner city', async () => {
      const [{ id }] = await t.dataSource.query(`SELECT id FROM partnerships WHERE initiative_id = $1`, [
        schoolSearch.id,
      ]);
      for (const [owner, organizationId] of [
        [krakowOwner, krakowSchool.id],
        [orgs.lviv.owner, orgs.lviv.id],
      ] as const) {
        await api()
          .post(`/api/v1/partnerships/${id}/consent`)
          .set(owner.auth)
          .send({ organizationId, public: true })
          .expect(200);
      }
      await api().get(`/api/v1/partnerships/${id}`).expect(404);
      await api()
        .post(`/api/v1/partnerships/${id}/consent`)
        .set(orgs.lviv.owner.auth)
        .send({ organizationId: orgs.nuremberg.id, public: true })
        .expect(403);
      await api()
        .post(`/api/v1/partnerships/${id}/consent`)
        .set(orgs.nuremberg.owner.auth)
        .send({ organizationId: orgs.nuremberg.id, public: true })
        .expect(200);
      const open = await api().get(`/api/v1/partnerships/${id}`).expect(200);
      expect(open.body).toMatchObject({ public: true, channelId: null });
      const listed = await api().get(`/api/v1/organizations/${orgs.lviv.id}/partnerships`).expect(200);
      expect(listed.body.items.map((p: { id: string }) => p.id)).toEqual([id]);
      const stats = await api().get('/api/v1/partnerships/stats').expect(200);
      const byCity = Object.fromEntries(
        stats.body.items.map((c: { cityKey: string; partnerships: number }) => [c.cityKey, c.partnerships]),
      );
      expect(byCity).toMatchObject({ lviv: 1, nuremberg: 1, bordeaux: 0 });
      expect(stats.body.items).toHaveLength(30);

      await api()
        .patch(`/api/v1/partnerships/${id}`)
        .set(orgs.lviv.owner.auth)
        .send({ status: 'completed' })
        .expect(400);
      await api()
        .patch(`/api/v1/partnerships/${id}`)
        .set(orgs.lviv.owner.auth)
        .send({ status: 'completed', outcomeNote: 'Two exchanges with 40 pupils.' })
        .expect(200);
      await api().patch(`/api/v1/partnerships/${id}`).set(orgs.lviv.owner.auth).send({ status: 'ended' }).expect(409);
    });

    it('lets the interested party withdraw, after which the owners cannot accept', async () => {
      const interest = (
        await api()
          .post(`/api/v1/initiatives/${schoolSearch.id}/interests`)
          .set(orgs.poznan.owner.auth)
          .send({ organizationId: orgs.poznan.id, message: 'Count us in, from Poznań.' })
          .expect(201)
      ).body;
      await api().post(`/api/v1/interests/${interest.id}/withdraw`).set(krakowOwner.auth).send({}).expect(404);
      await api().post(`/api/v1/interests/${interest.id}/withdraw`).set(orgs.poznan.owner.auth).send({}).expect(200);
      await api().post(`/api/v1/interests/${interest.id}/accept`).set(krakowOwner.auth).send({}).expect(409);
      const sent = await api().get('/api/v1/me/interests?direction=sent').set(orgs.poznan.owner.auth).expect(200);
      expect(sent.body.items[0]).toMatchObject({ id: interest.id, status: 'withdrawn' });
    });
  });

  describe('invitations from a match', () => {
    let project: { id: string };
    const interestRows = () =>
      t.dataSource.query(`SELECT count(*)::int AS n FROM interests WHERE initiative_id = $1`, [project.id]);
    const titlesOf = async (userId: string) =>
      (
        await t.dataSource.query(
          `SELECT payload->'title' AS title FROM notifications WHERE user_id = $1 AND kind = 'interest' ORDER BY id`,
          [userId],
        )
      ).map((row: { title: { pl: string; en: string } }) => row.title);

    beforeAll(async () => {
      project = await publish(krakowOwner, {
        organizationId: krakowSchool.id,
        title: 'Invitations: a school for a reading project',
        soughtOrgTypes: ['school'],
      });
    });

    it('invites an organisation from the matches; the invited side accepts into the partnership, and each side is told', async () => {
      const matches = await api().get(`/api/v1/initiatives/${project.id}/matches?lang=en`).expect(200);
      const poznan = matches.body.organizations.find(
        (m: { organization: { name: string } }) => m.organization.name === 'Liceum w Poznaniu',
      );
      const message = 'Would your pupils read with ours this spring?';
      const sent = await api()
        .post(`/api/v1/initiatives/${project.id}/invitations`)
        .set(krakowOwner.auth)
        .send({ organizationId: poznan.organization.id, message })
        .expect(201);
      expect(sent.body).toMatchObject({
        invitation: true,
        status: 'open',
        organizationName: 'Liceum w Poznaniu',
        message,
      });
      // One open invitation or interest per pair: a second invitation, or the invited side's interest, is a 409.
      const again = await api()
        .post(`/api/v1/initiatives/${project.id}/invitations`)
        .set(krakowOwner.auth)
        .send({ organizationId: orgs.poznan.id, message: 'Again, in case you missed it.' })
        .expect(409);
      expect(again.body.message).toMatch(/Liceum w Poznaniu already has an open invitation/);
      await api()
        .post(`/api/v1/initiatives/${project.id}/interests`)
        .set(orgs.poznan.owner.auth)
        .send({ organizationId: orgs.poznan.id, message: 'We are interested as well.' })
        .expect(409);
      expect((await interestRows())[0].n).toBe(1);
      expect(await titlesOf(orgs.poznan.owner.id)).toContainEqual({
        pl: 'Zaproszenie: Invitations: a school for a reading project',
        en: 'Invitation: Invitations: a school for a reading project',
      });

      const incoming = await api()
        .get('/api/v1/me/interests?direction=incoming')
        .set(orgs.poznan.owner.auth)
        .expect(200);
      expect(incoming.body.items).toContainEqual(expect.objectContaining({ id: sent.body.id, invitation: true }));
      const outgoing = await api().get('/api/v1/me/interests?direction=sent').set(krakowOwner.auth).expect(200);
      expect(outgoing.body.items).toContainEqual(expect.objectContaining({ id: sent.body.id, invitation: true }));

      // Neither the inviting side nor a third organisation answers it.
      await api().post(`/api/v1/interests/${sent.body.id}/accept`).set(krakowOwner.auth).send({}).expect(404);
      await api().post(`/api/v1/interests/${sent.body.id}/accept`).set(orgs.nuremberg.owner.auth).send({}).expect(404);
      const accepted = await api()
        .post(`/api/v1/interests/${sent.body.id}/accept`)
        .set(orgs.poznan.owner.auth)
        .send({ reply: 'Gladly!' })
        .expect(200);
      expect(accepted.body).toMatchObject({ status: 'accepted', partnershipId: expect.any(String) });
      const partnership = await api()
        .get(`/api/v1/partnerships/${accepted.body.partnershipId}`)
        .set(orgs.poznan.owner.auth)
        .expect(200);
      expect(partnership.body.organizations.map((o: { name: string; lead: boolean }) => [o.name, o.lead])).toEqual([
        ['Szkoła Podstawowa nr 7', true],
        ['Liceum w Poznaniu', false],
      ]);
      expect(await titlesOf(krakowOwner.id)).toContainEqual({
        pl: 'Liceum w Poznaniu przyjmuje zaproszenie: Invitations: a school for a reading project',
        en: 'Liceum w Poznaniu accepted the invitation: Invitations: a school for a reading project',
      });
      // The invited side sees who invites it.
      expect(incoming.body.items).toContainEqual(
        expect.objectContaining({ id: sent.body.id, initiativeOrganizationName: 'Szkoła Podstawowa nr 7' }),
      );
      // A partner already in the partnership is not invited again.
      const before = (await interestRows())[0].n;
      const partner = await api()
        .post(`/api/v1/initiatives/${project.id}/invitations`)
        .set(krakowOwner.auth)
        .send({ organizationId: orgs.poznan.id, message: 'Join us once more, please.' })
        .expect(409);
      expect(partner.body.message).toBe('Liceum w Poznaniu is already a partner in this initiative’s partnership.');
      expect((await interestRows())[0].n).toBe(before);
    });

    it('lets the invited side decline, and the inviting side be told', async () => {
      const sent = await api()
        .post(`/api/v1/initiatives/${project.id}/invitations`)
        .set(krakowOwner.auth)
        .send({ organizationId: orgs.lviv.id, message: 'Join our reading project?' })
        .expect(201);
      await api().post(`/api/v1/interests/${sent.body.id}/decline`).set(krakowOwner.auth).send({}).expect(404);
      await api()
        .post(`/api/v1/interests/${sent.body.id}/decline`)
        .set(orgs.lviv.owner.auth)
        .send({ reply: 'Not this year, sorry.' })
        .expect(200);
      await api().post(`/api/v1/interests/${sent.body.id}/accept`).set(orgs.lviv.owner.auth).send({}).expect(409);
      expect(await titlesOf(krakowOwner.id)).toContainEqual({
        pl: 'Lviv Lyceum 10 odrzuca zaproszenie: Invitations: a school for a reading project',
        en: 'Lviv Lyceum 10 declined the invitation: Invitations: a school for a reading project',
      });
    });

    it('refuses an invitation to oneself, to an unverified organisation, to an unknown initiative or by another organisation, and changes nothing', async () => {
      const before = (await interestRows())[0].n;
      const invite = (user: SignedIn, initiativeId: string, organizationId: string) =>
        api()
          .post(`/api/v1/initiatives/${initiativeId}/invitations`)
          .set(user.auth)
          .send({ organizationId, message: 'An invitation that should not go out.' });
      expect((await invite(krakowOwner, project.id, krakowSchool.id).expect(400)).body.message).toMatch(
        /initiative’s own organisation/,
      );
      expect((await invite(krakowOwner, project.id, orgs.leuvenPending.id).expect(400)).body.message).toMatch(
        /is not verified by the City yet/,
      );
      await invite(krakowOwner, '00000000-0000-4000-8000-000000000000', orgs.nuremberg.id).expect(404);
      await invite(krakowOwner, project.id, '00000000-0000-4000-8000-000000000000').expect(404);
      await invite(krakowOwner, project.id, 'not-an-id').expect(400);
      // An editor of another organisation cannot invite to this initiative.
      await invite(orgs.nuremberg.owner, project.id, orgs.fiji.id).expect(403);
      expect((await interestRows())[0].n).toBe(before);
    });

    it('limits how many invitations one person sends', async () => {
      await t.dataSource.query(
        `INSERT INTO rate_limit_buckets (key, count, reset_at) VALUES ($1, 20, now() + interval '1 hour')
         ON CONFLICT (key) DO UPDATE SET count = 20, reset_at = now() + interval '1 hour'`,
        [`invitations:user:${krakowOwner.id}`],
      );
      const before = (await interestRows())[0].n;
      const res = await api()
        .post(`/api/v1/initiatives/${project.id}/invitations`)
        .set(krakowOwner.auth)
        .send({ organizationId: orgs.nurembergNgo.id, message: 'One invitation too many today.' })
        .expect(429);
      expect(res.body.message).toMatch(/Try again in/);
      expect((await interestRows())[0].n).toBe(before);
      await t.dataSource.query(`DELETE FROM rate_limit_buckets WHERE key = $1`, [`invitations:user:${krakowOwner.id}`]);
    });
  });

  describe('saved searches', () => {
    it('tells the member when a newly published initiative matches, and only then', async () => {
      const saver = orgs.nurembergNgo.owner;
      await api()
        .post('/api/v1/saved-searches')
        .set(saver.auth)
        .send({ name: 'Bad', filters: { area: 'astrology' } })
        .expect(400);
      const saved = await api()
        .post('/api/v1/saved-searches')
        .set(saver.auth)
        .send({ name: 'Youth in Nuremberg', filters: { area: 'youth', city: 'nuremberg', q: 'sommer' } })
        .expect(201);
      expect(saved.body).toMatchObject({
        name: 'Youth in Nuremberg',
        filters: { area: 'youth', city: 'nuremberg', q: 'sommer' },
      });
      const before = async () =>
        (
          await t.dataSource.query(
            `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND kind = 'saved_search'`,
            [saver.id],
          )
        )[0].n;
      await publish(krakowOwner, {
        organizationId: krakowSchool.id,
        title: 'Sommerlager für Jugendliche',
        areas: ['youth'],
        targetCities: ['nuremberg'],
      });
      await publish(krakowOwner, {
        organizationId: krakowSchool.id,
        title: 'Sommerlager in Lviv',
        areas: ['youth'],
        targetCities: ['lviv'],
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await before()).toBe(1);
      const [notification] = await t.dataSource.query(
        `SELECT payload FROM notifications WHERE user_id = $1 AND kind = 'saved_search'`,
        [saver.id],
      );
      expect(notification.payload.title.en).toBe('New initiative: Sommerlager für Jugendliche');
      const list = await api().get('/api/v1/saved-searches').set(saver.auth).expect(200);
      expect(list.body.items).toHaveLength(1);
      await api().delete(`/api/v1/saved-searches/${saved.body.id}`).set(krakowOwner.auth).expect(404);
      await api().delete(`/api/v1/saved-searches/${saved.body.id}`).set(saver.auth).expect(204);
    });
  });

  describe('ranking by bounds (top-k.ts) on a larger generated set', () => {
    const next = seededRandom(7); // the same rows in every run
    const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
    const some = <T>(items: T[], max: number) => [
      ...new Set(Array.from({ length: Math.floor(next() * (max + 1)) }, () => pick(items))),
    ];

    let repository: MatchingRepository;
    let seekers: { initiativeId: string; organizationId: string }[];

    beforeAll(async () => {
      repository = t.app.get(MatchingRepository);
      const db = t.dataSource;
      const cities: { id: number; key: string; name: string; country: string }[] = await db.query(
        `SELECT id, key, name, country FROM cities`,
      );
      const types = ['school', 'ngo', 'university', 'business', 'chamber'];
      const areas = ['education', 'youth', 'culture', 'sport', 'science', 'tourism'];
      const languages = ['pl', 'en', 'de', 'uk', 'fr'];
      // Few distinct names and titles: many equal scores, ordered by name (title), then id.
      const names = ['Alpha', 'Beta', 'Gamma', 'Łódź Partners', 'Zeta'];
      const orgIds: string[] = [];
      for (let i = 0; i < 300; i++) {
        const city = next() < 0.15 ? null : pick(cities);
        const [row] = await db.query(
          `INSERT INTO organizations (name, type, city_id, city_name, country, areas, languages, status, last_active_at,
                                     school_levels, pupil_age_min, pupil_age_max, subjects, partner_roles, funding_programmes)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now() - make_interval(days => $9), $10, $11::int, $11::int + $12::int, $13, $14, $15) RETURNING id`,
          [
            pick(names),
            pick(types),
            city?.id ?? null,
            city?.name ?? 'Suva',
            city?.country ?? pick(['FJ', 'DE', 'UA']),
            some(areas, 3),
            some(languages, 2),
            next() < 0.9 ? 'verified' : 'pending',
            Math.floor(next() * 60),
            some(['primary', 'secondary', 'vocational'], 2),
            next() < 0.3 ? null : 5 + Math.floor(next() * 10),
            Math.floor(next() * 8),
            some(['languages', 'science', 'history', 'arts'], 3),
            some(['lead_partner', 'partner', 'associate'], 2),
            some(['Erasmus+', 'Horizon Europe', 'Interreg'], 1),
          ],
        );
        orgIds.push(row.id);
      }
      const initiativeRows: { id: string; organization_id: string }[] = [];
      for (let i = 0; i < 1500; i++) {
        const targets = some(cities, 2);
        const [row] = await db.query(
          `INSERT INTO initiatives (organization_id, title, summary, kind, status, areas, target_cities, target_countries, sought_org_types, languages, updated_at,
                                   sought_role, funding_programme, call_deadline)
           VALUES ($1, $2, 'Generated for the ranking test.', 'joint_project', $3, $4, $5, $6, $7, $8, now() - make_interval(days => $9), $10, $11, $12) RETURNING id, organization_id`,
          [
            pick(orgIds),
            pick(names),
            next() < 0.85 ? pick(['published', 'in_progress']) : 'draft',
            some(areas, 3),
            targets.map((c) => c.key),
            [...new Set(targets.map((c) => c.country))],
            some(types, 2),
            some(languages, 3),
            Math.floor(next() * 60),
            pick([null, 'lead_partner', 'partner', 'associate']),
            pick([null, 'Erasmus+ KA2', 'Horizon Europe', 'Interreg']),
            pick([null, '2020-01-01', '2099-01-01']),
          ],
        );
        initiativeRows.push(row);
      }
      await db.query(`UPDATE cities SET match_boost = 10 WHERE key = 'leipzig'`);
      // City networks with several members, so that the network factor is compared too.
      await db.query(
        `INSERT INTO city_network_members (network_id, city_id)
         SELECT n.id, c.id FROM city_networks n, cities c
          WHERE (n.key = 'hanse' AND c.key IN ('nuremberg', 'leipzig', 'lviv', 'bratislava')) OR (n.key = 'eurocities' AND c.key IN ('leipzig', 'milan', 'florence'))
         ON CONFLICT DO NOTHING`,
      );
      seekers = initiativeRows
        .filter((_, i) => i % 60 === 0)
        .map((row) => ({ initiativeId: row.id, organizationId: row.organization_id }));
    });
    afterAll(() => t.dataSource.query(`UPDATE cities SET match_boost = 0 WHERE key = 'leipzig'`));

    /** Three pages of 10 through the cursor, as the service pages. */
    async function pages<Row extends { score: number; id: string }>(
      fetch: (after: MatchCursor | undefined) => Promise<Row[]>,
      name: (row: Row) => string,
    ): Promise<Row[]> {
      const all: Row[] = [];
      let after: MatchCursor | undefined;
      for (let page = 0; page < 3; page++) {
        const rows = await fetch(after);
        all.push(...rows);
        if (rows.length < 10) break;
        const last = rows[rows.length - 1];
        after = { score: last.score, name: name(last), id: last.id };
      }
      return all;
    }

    it('gives exactly the answer of scoring every candidate, page after page', async () => {
      let nonEmpty = 0;
      for (const seeker of seekers) {
        const counterparts = (exhaustive: boolean) =>
          pages(
            (after) => repository.counterparts(seeker.initiativeId, after, 10, { exhaustive }),
            (row) => row.name,
          );
        const pruned = await counterparts(false);
        expect(pruned).toEqual(await counterparts(true));
        const fitting = (initiativeId: string | null, exhaustive: boolean) =>
          pages(
            (after) => repository.fittingInitiatives(seeker.organizationId, initiativeId, after, 10, { exhaustive }),
            (row) => row.title,
          );
        const forInitiative = await fitting(seeker.initiativeId, false);
        expect(forInitiative).toEqual(await fitting(seeker.initiativeId, true));
        const forOrganization = await fitting(null, false);
        expect(forOrganization).toEqual(await fitting(null, true));
        if (pruned.length >= 10 && forInitiative.length >= 10 && forOrganization.length >= 10) nonEmpty++;
        // Pages follow one another: no duplicates, scores never rise.
        for (const list of [pruned, forInitiative, forOrganization]) {
          expect(new Set(list.map((row) => row.id)).size).toBe(list.length);
          expect(list.map((row) => row.score)).toEqual([...list.map((row) => row.score)].sort((a, b) => b - a));
        }
      }
      expect(seekers.length).toBe(25);
      expect(nonEmpty).toBeGreaterThan(20); // the comparison is not between empty lists
    });

    it('keeps the copies of an organisation’s city, country and type on its initiatives current', async () => {
      const [initiative] = await t.dataSource.query(
        `SELECT id, organization_id FROM initiatives WHERE organization_city IS NOT NULL LIMIT 1`,
      );
      await t.dataSource.query(
        `UPDATE organizations SET city_id = NULL, city_name = 'Suva', country = 'FJ', type = 'chamber' WHERE id = $1`,
        [initiative.organization_id],
      );
      const [copy] = await t.dataSource.query(
        `SELECT organization_city, organization_country, organization_type FROM initiatives WHERE id = $1`,
        [initiative.id],
      );
      expect(copy).toEqual({ organization_city: null, organization_country: 'FJ', organization_type: 'chamber' });
      // Nobody can write a copy that disagrees with the organisation.
      await t.dataSource.query(
        `UPDATE initiatives SET organization_city = 'nuremberg', organization_country = 'DE' WHERE id = $1`,
        [initiative.id],
      );
      const [still] = await t.dataSource.query(
        `SELECT organization_city, organization_country FROM initiatives WHERE id = $1`,
        [initiative.id],
      );
      expect(still).toEqual({ organization_city: null, organization_country: 'FJ' });
    });
  });
});
