import request from 'supertest';
import { startTestApp, type TestApp } from './support/test-app';

describe('public registry API', () => {
  let t: TestApp;
  const api = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('GET /api/v1/cities', () => {
    it('lists the 30 partner cities, not the home city, with their public fields', async () => {
      const res = await api().get('/api/v1/cities').expect(200);
      expect(res.body.total).toBe(30);
      expect(res.body.items).toHaveLength(30);
      expect(res.body.items.map((c: { key: string }) => c.key)).not.toContain('krakow');
      const nuremberg = res.body.items.find((c: { key: string }) => c.key === 'nuremberg');
      expect(nuremberg).toEqual({
        key: 'nuremberg',
        name: 'Nuremberg',
        namePl: 'Norymberga',
        country: 'DE',
        lat: 49.45,
        lon: 11.08,
        relationship: 'twin',
        status: 'active',
        areas: expect.arrayContaining(['education', 'youth', 'culture']),
        inEurope: true,
      });
    });

    it('counts the tiers as the city documents do: 4 twin, 2 honorary twin, 20 partner, 4 informal', async () => {
      const count = async (relationship: string) =>
        (await api().get('/api/v1/cities').query({ relationship }).expect(200)).body.total;
      expect(await count('twin')).toBe(4);
      expect(await count('honorary_twin')).toBe(2);
      expect(await count('partner')).toBe(20);
      expect(await count('informal')).toBe(4);
    });

    it('lists twin cities first', async () => {
      const res = await api().get('/api/v1/cities').expect(200);
      expect(res.body.items.slice(0, 4).map((c: { relationship: string }) => c.relationship)).toEqual([
        'twin',
        'twin',
        'twin',
        'twin',
      ]);
    });

    it('filters by country (case-insensitive), status and area', async () => {
      const germany = await api().get('/api/v1/cities?country=de').expect(200);
      expect(germany.body.items.map((c: { key: string }) => c.key).sort()).toEqual([
        'frankfurt',
        'leipzig',
        'nuremberg',
      ]);
      const inactive = await api().get('/api/v1/cities?status=inactive').expect(200);
      expect(inactive.body.items.map((c: { key: string }) => c.key)).toEqual(
        expect.arrayContaining(['cusco', 'fez', 'gothenburg', 'zagreb']),
      );
      expect(inactive.body.items.every((c: { status: string }) => c.status === 'inactive')).toBe(true);
      const diaspora = await api().get('/api/v1/cities?area=diaspora').expect(200);
      expect(diaspora.body.total).toBeGreaterThan(0);
      expect(diaspora.body.items.every((c: { areas: string[] }) => c.areas.includes('diaspora'))).toBe(true);
    });

    it('combines filters', async () => {
      const res = await api().get('/api/v1/cities?relationship=partner&country=FR').expect(200);
      expect(res.body.items.map((c: { key: string }) => c.key).sort()).toEqual(['bordeaux', 'orleans']);
    });

    it('finds cities by text whatever the case and diacritics, in either language', async () => {
      const byPolish = await api().get('/api/v1/cities').query({ q: 'norymberga' }).expect(200);
      expect(byPolish.body.items.map((c: { key: string }) => c.key)).toEqual(['nuremberg']);
      const withoutDiacritics = await api().get('/api/v1/cities').query({ q: 'kijow' }).expect(200);
      expect(withoutDiacritics.body.items.map((c: { key: string }) => c.key)).toEqual(['kyiv']);
      const withDiacritics = await api().get('/api/v1/cities').query({ q: 'PÉCS' }).expect(200);
      expect(withDiacritics.body.items.map((c: { key: string }) => c.key)).toEqual(['pecs']);
      const wildcard = await api().get('/api/v1/cities').query({ q: '%' }).expect(200);
      expect(wildcard.body.total).toBe(0);
    });

    it.each([
      ['relationship', 'sister', /relationship must be one of: twin, honorary_twin, partner, informal/],
      ['status', 'sleeping', /status must be one of/],
      ['country', 'Germany', /country must be a two-letter ISO 3166 code/],
      ['area', 'astronomy', /area has unknown value\(s\) astronomy; allowed: culture, education/],
      ['area', 'Not a key!', /^area must be an area key/],
      ['colour', 'red', /colour is not a known parameter/],
    ])('rejects %s=%s with a 400 that names the parameter', async (name, value, message) => {
      const res = await api()
        .get('/api/v1/cities')
        .query({ [name]: value })
        .expect(400);
      expect(res.body.statusCode).toBe(400);
      expect(res.body.message).toMatch(message);
      expect(res.body.requestId).toEqual(expect.any(String));
    });

    it('rejects a repeated parameter and an overlong text', async () => {
      const repeated = await api().get('/api/v1/cities?relationship=twin&relationship=partner').expect(400);
      expect(repeated.body.message).toMatch(/relationship/);
      const long = await api()
        .get('/api/v1/cities')
        .query({ q: 'x'.repeat(101) })
        .expect(400);
      expect(long.body.message).toMatch(/q must be at most 100 characters/);
    });
  });

  describe('GET /api/v1/cities/{key}', () => {
    it('gives Rochester its agreement with the next expiry and the notice deadline', async () => {
      const res = await api().get('/api/v1/cities/rochester?on=2026-11-21').expect(200);
      expect(res.body).toMatchObject({
        key: 'rochester',
        relationship: 'partner',
        country: 'US',
        factsOn: '2026-11-21',
      });
      expect(res.body.documents).toEqual([
        {
          id: expect.any(Number),
          version: 1,
          source: null,
          kind: 'partnership_agreement',
          title: 'Umowa o współpracy',
          signedOn: '1973-07-18',
          signedOnPrecision: 'day',
          validFrom: null,
          validUntil: null,
          term: 'fixed_auto_renew',
          termYears: 5,
          renewalYears: 5,
          noticeMonths: 6,
          areas: [],
          inForce: true,
          nextExpiryOn: '2028-07-18',
          noticeDeadlineOn: '2028-01-18',
        },
      ]);
    });

    it('computes the facts for today when no date is given', async () => {
      const res = await api().get('/api/v1/cities/rochester').expect(200);
      expect(res.body.factsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(res.body.documents[0].noticeDeadlineOn).toMatch(/-01-18$/);
    });

    it('shows the Vienna joint statement as expired on 2009-07-01', async () => {
      const res = await api().get('/api/v1/cities/vienna?on=2026-11-21').expect(200);
      const statement = res.body.documents.find((d: { signedOn: string }) => d.signedOn === '2005-07-01');
      expect(statement).toMatchObject({
        signedOn: '2005-07-01',
        term: 'fixed',
        termYears: 4,
        validUntil: '2009-07-01',
        inForce: false,
        nextExpiryOn: null,
      });
    });

    it('lists documents in date order, with partial and unknown dates said as such', async () => {
      const milan = await api().get('/api/v1/cities/milan').expect(200);
      expect(milan.body.documents.map((d: { signedOn: string }) => d.signedOn)).toEqual([
        '2001-07-09',
        '2003-06-01',
        '2003-06-10',
      ]);
      expect(milan.body.documents[1]).toMatchObject({ kind: 'sectoral_agreement', signedOnPrecision: 'month' });
      const vilnius = await api().get('/api/v1/cities/vilnius').expect(200);
      const last = vilnius.body.documents[vilnius.body.documents.length - 1];
      expect(last).toMatchObject({ kind: 'sectoral_agreement', signedOn: null, signedOnPrecision: null });
    });

    it('gives a city the networks it shares with the home city', async () => {
      const budapest = await api().get('/api/v1/cities/budapest').expect(200);
      expect(budapest.body.networks).toEqual([
        expect.objectContaining({ key: 'owhc', name: 'Organization of World Heritage Cities', joinedYear: 1995 }),
      ]);
    });

    it('answers 404 for an unknown city and for the home city', async () => {
      const res = await api().get('/api/v1/cities/atlantis').expect(404);
      expect(res.body.message).toBe('There is no partner city with the key "atlantis"');
      await api().get('/api/v1/cities/krakow').expect(404);
    });

    it('answers 400 for a malformed key or date', async () => {
      const key = await api().get('/api/v1/cities/Not%20A%20Key').expect(400);
      expect(key.body.message).toMatch(/^key must be a city key/);
      const date = await api().get('/api/v1/cities/rochester?on=2026-02-30').expect(400);
      expect(date.body.message).toBe('on must be a date written YYYY-MM-DD, for example 2026-11-21');
    });
  });

  describe('networks, goals, principles, areas, home city', () => {
    it('lists the 8 networks with the year joined and the coordinating department', async () => {
      const res = await api().get('/api/v1/networks').expect(200);
      expect(res.body.total).toBe(8);
      expect(res.body.items[0]).toEqual(
        expect.objectContaining({
          key: 'eurocities',
          name: 'EUROCITIES',
          joinedYear: 1990,
          coordinator: 'department for city strategy and development',
        }),
      );
    });

    it('lists the 15 thematic and 3 geographic goals in both languages', async () => {
      const all = await api().get('/api/v1/goals').expect(200);
      expect(all.body.total).toBe(18);
      const thematic = await api().get('/api/v1/goals?scope=thematic').expect(200);
      expect(thematic.body.total).toBe(15);
      const geographic = await api().get('/api/v1/goals?scope=geographic').expect(200);
      expect(geographic.body.items.map((g: { key: string }) => g.key)).toEqual([
        'eu_priority',
        'central_eastern_europe',
        'worldwide_brand',
      ]);
      expect(geographic.body.items[1]).toMatchObject({
        namePl: expect.stringContaining('Europie Środkowo-Wschodniej'),
        countries: expect.arrayContaining(['UA', 'LT']),
      });
      await api().get('/api/v1/goals?scope=galactic').expect(400);
    });

    it('lists the 9 principles, the areas and the home city', async () => {
      expect((await api().get('/api/v1/principles').expect(200)).body.total).toBe(9);
      const areas = await api().get('/api/v1/areas').expect(200);
      expect(areas.body.items).toEqual(expect.arrayContaining(['culture', 'education', 'diaspora']));
      expect(areas.body.total).toBe(23);
      const home = await api().get('/api/v1/home-city').expect(200);
      expect(home.body).toMatchObject({ key: 'krakow', name: 'Kraków', country: 'PL', lat: 50.06, lon: 19.94 });
    });
  });

  describe('the platform', () => {
    it('reports the database in /health', async () => {
      const res = await api().get('/health').expect(200);
      expect(res.body).toMatchObject({ status: 'ok', database: { status: 'up' } });
    });

    it('documents every route in OpenAPI', async () => {
      const res = await api().get('/api/docs-json').expect(200);
      expect(Object.keys(res.body.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/cities',
          '/api/v1/cities/{key}',
          '/api/v1/networks',
          '/api/v1/goals',
          '/health',
        ]),
      );
      const cityList = res.body.paths['/api/v1/cities'].get;
      expect(cityList.parameters.map((p: { name: string }) => p.name).sort()).toEqual([
        'area',
        'country',
        'q',
        'relationship',
        'status',
      ]);
      await api().get('/api/docs').expect(200).expect('content-type', /html/);
    });

    it('answers unknown API paths with a JSON 404 and echoes the request id', async () => {
      const res = await api().get('/api/v1/nowhere').set('x-request-id', 'trace-123').expect(404);
      expect(res.headers['x-request-id']).toBe('trace-123');
      expect(res.body).toMatchObject({
        statusCode: 404,
        message: 'There is nothing at GET /api/v1/nowhere',
        requestId: 'trace-123',
      });
    });
  });
});
