/**
 * Every route of the client's route table on a phone: at 320 and 390 CSS px each page reflows
 * with no horizontal scroll (WCAG 1.4.10, which axe does not check) and axe finds nothing; the
 * navigation is a menu that opens, reaches every link and closes by keyboard. Pages are visited as
 * the person they are for: signed out, a member, an organisation's owner or city staff, on the
 * demo data (`npm run demo`) with a published forum session and a partnership added.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import request from 'supertest';
import {
  DEMO_DOMAIN,
  DEMO_PASSWORD,
  seedDemoActivity,
  seedDemoConsultations,
  seedDemoData,
  seedDemoDelegations,
} from '../../scripts/demo-data';
import { logIn, type SignedIn } from '../support/accounts';
import { KRAKOW_REFERENCE_DATA } from '../support/test-app';
import { checkAccessibility, waitUntil } from './browser';
import { browserHarness, logInThroughForm } from './harness';

const harness = browserHarness();
const WIDTHS = [320, 390];
const NOT_FOUND = ['Page not found', 'Nie ma takiej strony'];
/** A test visits many pages, each twice, with axe: more than the usual minute on a slow machine. */
const LONG_TEST = 10 * 60_000;

type Who = 'visitor' | 'owner' | 'partner' | 'staff';
const EMAIL: Record<Exclude<Who, 'visitor'>, string> = {
  owner: `owner@${DEMO_DOMAIN}`,
  partner: `partner@${DEMO_DOMAIN}`,
  // An admin: city staff who also sees the admins' pages (the audit log, the roles) and holds
  // the registry editor role in the demo data (the registry's edit screens).
  staff: `admin@${DEMO_DOMAIN}`,
};

/** The route table's paths, read from the client's source: a new route fails here until it is visited. */
function routeTablePaths(): string[] {
  const source = readFileSync(resolve(__dirname, '..', '..', 'client', 'src', 'routes.tsx'), 'utf8');
  return [...source.matchAll(/path: '([^']+)'/g)].map((match) => match[1]);
}

interface Ids {
  organization: string;
  initiative: string;
  channel: string;
  partnership: string;
  edition: string;
  session: string;
  document: string;
  delegation: string;
  consultation: string;
}

/** Each route of the table: the address to open and who opens it. */
function visits(ids: Ids): Record<string, { url: string; as: Who }> {
  return {
    '/': { url: '/', as: 'visitor' },
    '/cities': { url: '/cities', as: 'visitor' },
    '/cities/:cityKey': { url: '/cities/nuremberg', as: 'visitor' },
    '/networks/:networkKey': { url: '/networks/owhc', as: 'visitor' },
    '/goals/:goalKey': { url: '/goals/youth_contacts', as: 'visitor' },
    '/cities/:cityKey/edit': { url: '/cities/nuremberg/edit', as: 'staff' },
    '/cities/:cityKey/documents/new': { url: '/cities/nuremberg/documents/new', as: 'staff' },
    '/cities/:cityKey/documents/:documentId/edit': {
      url: `/cities/nuremberg/documents/${ids.document}/edit`,
      as: 'staff',
    },
    '/staff': { url: '/staff', as: 'staff' },
    '/login': { url: '/login', as: 'visitor' },
    '/register': { url: '/register', as: 'visitor' },
    '/verify-email': { url: '/verify-email', as: 'visitor' },
    '/password-reset': { url: '/password-reset', as: 'visitor' },
    '/confirm-email': { url: '/confirm-email', as: 'visitor' },
    '/account': { url: '/account', as: 'owner' },
    '/open-data': { url: '/open-data', as: 'visitor' },
    '/statistics': { url: '/statistics', as: 'visitor' },
    '/organizations': { url: '/organizations', as: 'visitor' },
    '/organizations/new': { url: '/organizations/new', as: 'owner' },
    '/organizations/:id': { url: `/organizations/${ids.organization}`, as: 'owner' },
    '/organizations/:id/edit': { url: `/organizations/${ids.organization}/edit`, as: 'owner' },
    '/organizations/:id/members': { url: `/organizations/${ids.organization}/members`, as: 'owner' },
    '/my-organizations': { url: '/my-organizations', as: 'owner' },
    '/invitations/accept': { url: '/invitations/accept', as: 'owner' },
    '/moderation/organizations': { url: '/moderation/organizations', as: 'staff' },
    '/moderation': { url: '/moderation', as: 'staff' },
    '/audit-log': { url: '/audit-log', as: 'staff' },
    '/deadlines': { url: '/deadlines', as: 'staff' },
    '/delegations': { url: '/delegations', as: 'visitor' },
    '/office/delegations': { url: '/office/delegations', as: 'staff' },
    '/office/dormancy': { url: '/office/dormancy', as: 'staff' },
    '/office/delegations/new': { url: '/office/delegations/new', as: 'staff' },
    '/office/delegations/:id/edit': { url: `/office/delegations/${ids.delegation}/edit`, as: 'staff' },
    '/consultations': { url: '/consultations', as: 'visitor' },
    '/consultations/:id': { url: `/consultations/${ids.consultation}`, as: 'owner' },
    '/office/consultations': { url: '/office/consultations', as: 'staff' },
    '/office/consultations/:id': { url: `/office/consultations/${ids.consultation}`, as: 'staff' },
    '/initiatives': { url: '/initiatives', as: 'visitor' },
    '/initiatives/new': { url: '/initiatives/new', as: 'owner' },
    '/initiatives/:id': { url: `/initiatives/${ids.initiative}`, as: 'owner' },
    '/initiatives/:id/edit': { url: `/initiatives/${ids.initiative}/edit`, as: 'owner' },
    '/my-initiatives': { url: '/my-initiatives', as: 'owner' },
    '/initiatives/:id/discussion': { url: `/initiatives/${ids.initiative}/discussion`, as: 'owner' },
    '/channels/:id': { url: `/channels/${ids.channel}`, as: 'owner' },
    '/saved-searches': { url: '/saved-searches', as: 'owner' },
    '/initiatives/:id/partners': { url: `/initiatives/${ids.initiative}/partners`, as: 'owner' },
    '/interests': { url: '/interests', as: 'partner' },
    '/partnerships': { url: '/partnerships', as: 'partner' },
    '/partnerships/:id': { url: `/partnerships/${ids.partnership}`, as: 'partner' },
    '/forum': { url: '/forum', as: 'visitor' },
    '/forum/admin': { url: '/forum/admin', as: 'staff' },
    '/forum/my': { url: '/forum/my', as: 'partner' },
    '/forum/editions/:editionId': { url: `/forum/editions/${ids.edition}`, as: 'visitor' },
    '/forum/editions/:editionId/agenda': { url: `/forum/editions/${ids.edition}/agenda`, as: 'partner' },
    '/forum/editions/:editionId/propose': { url: `/forum/editions/${ids.edition}/propose`, as: 'owner' },
    '/forum/editions/:editionId/my': { url: `/forum/editions/${ids.edition}/my`, as: 'partner' },
    '/forum/editions/:editionId/outcomes': { url: `/forum/editions/${ids.edition}/outcomes`, as: 'visitor' },
    '/forum/sessions/:sessionId': { url: `/forum/sessions/${ids.session}`, as: 'partner' },
    '/forum/sessions/:sessionId/projector': { url: `/forum/sessions/${ids.session}/projector`, as: 'visitor' },
  };
}

let ids: Ids;
const accounts = {} as Record<Exclude<Who, 'visitor'>, SignedIn>;

beforeAll(async () => {
  const t = harness.t;
  await seedDemoData(t.dataSource, KRAKOW_REFERENCE_DATA);
  await seedDemoActivity(t.dataSource);
  await seedDemoDelegations(t.dataSource);
  await seedDemoConsultations(t.dataSource);
  for (const who of ['owner', 'partner', 'staff'] as const) accounts[who] = await logIn(t, EMAIL[who], DEMO_PASSWORD);
  const api = () => request(t.app.getHttpServer());
  const one = async (sql: string, parameters: unknown[]): Promise<string> => {
    const rows = await t.dataSource.query<{ id: string }[]>(sql, parameters);
    if (!rows[0]) throw new Error(`no row for ${sql}`);
    return String(rows[0].id);
  };
  const ownedBy = (email: string) =>
    one(
      `SELECT o.id FROM organizations o JOIN organization_members m ON m.organization_id = o.id
       JOIN users u ON u.id = m.user_id
       WHERE u.email = $1 AND m.role = 'owner' AND o.status = 'verified' ORDER BY o.name LIMIT 1`,
      [email],
    );
  const organization = await ownedBy(EMAIL.owner);
  const initiative = await one(
    `SELECT i.id FROM initiatives i JOIN organization_members m ON m.organization_id = i.organization_id
     JOIN users u ON u.id = m.user_id WHERE u.email = $1 AND i.status = 'published' ORDER BY i.title LIMIT 1`,
    [EMAIL.owner],
  );
  const channel = await one(`SELECT id FROM channels WHERE initiative_id = $1 LIMIT 1`, [initiative]);

  // A partnership: the partner's school is interested, the initiative's owner accepts.
  const interest = await api()
    .post(`/api/v1/initiatives/${initiative}/interests`)
    .set(accounts.partner.auth)
    .send({ organizationId: await ownedBy(EMAIL.partner), message: 'Our school would like to take part.' })
    .expect(201);
  const accepted = await api()
    .post(`/api/v1/interests/${interest.body.id}/accept`)
    .set(accounts.owner.auth)
    .send({})
    .expect(200);
  // Its workspace holds a file with a long name, a task and a diary entry: lists that must reflow too.
  const workspace = `/api/v1/partnerships/${accepted.body.partnershipId}`;
  await api()
    .post(`${workspace}/files`)
    .query({ name: 'Programme of the exchange, with the timetable of every day and the contacts.txt' })
    .set(accounts.partner.auth)
    .set('content-type', 'application/octet-stream')
    .send(Buffer.from('Day 1: arrival\nDay 2: school\n'))
    .expect(201);
  await api()
    .post(`${workspace}/tasks`)
    .set(accounts.partner.auth)
    .send({ kind: 'milestone', title: 'Visit of the pupils', dueDate: '2027-03-05', ownerId: accounts.partner.id })
    .expect(201);
  await api()
    .post(`${workspace}/diary`)
    .set(accounts.partner.auth)
    .send({ title: 'Our first video call', body: 'The pupils met online and planned the visit.', lang: 'en' })
    .expect(201);

  // A published session of the demo edition: proposed, placed by staff, the agenda published.
  const edition = await one(`SELECT id FROM forum_editions ORDER BY year DESC LIMIT 1`, []);
  const proposed = await api()
    .post(`/api/v1/forum/editions/${edition}/sessions`)
    .set(accounts.owner.auth)
    .send({
      organizationId: organization,
      kind: 'workshop',
      title: 'Twinning schools: how to start a partnership with a school in Nuremberg',
      abstract: 'A workshop on starting school partnerships with twin cities, with examples from Kraków.',
      areas: ['education'],
      speakers: ['Anna Kowalska'],
      language: 'en',
      partnerCities: ['nuremberg'],
    })
    .expect(201);
  const starts = await one(`SELECT starts_on::text AS id FROM forum_editions WHERE id = $1`, [edition]);
  await api()
    .post(`/api/v1/forum/sessions/${proposed.body.id}/accept`)
    .set(accounts.staff.auth)
    .send({ room: 'Sala A', startsAt: `${starts}T10:00:00+02:00`, endsAt: `${starts}T11:30:00+02:00`, capacity: 40 })
    .expect(200);
  await api().post(`/api/v1/forum/editions/${edition}/advance`).set(accounts.staff.auth).expect(200);

  ids = {
    organization,
    initiative,
    channel,
    partnership: String(accepted.body.partnershipId),
    edition,
    session: String(proposed.body.id),
    document: await one(
      `SELECT d.id FROM city_documents d JOIN cities c ON c.id = d.city_id WHERE c.key = 'nuremberg' ORDER BY d.id LIMIT 1`,
      [],
    ),
    delegation: await one(`SELECT id FROM delegations ORDER BY starts_on DESC LIMIT 1`, []),
    consultation: await one(`SELECT id FROM consultations LIMIT 1`, []),
  };
});

/** A visitor's page, signed in as `who` (through the form, as a person would) unless a visitor. */
async function pageAs(who: Who): Promise<Page> {
  const { page } = await harness.newPage({ bypassCSP: true });
  await page.setViewportSize({ width: WIDTHS[0], height: 800 });
  if (who === 'visitor') return page;
  await page.goto('/login');
  await logInThroughForm(page, EMAIL[who], DEMO_PASSWORD);
  await waitUntil(
    () => page.locator('.account-nav__name').count(),
    (n) => n === 1,
    'the name in the header',
  );
  return page;
}

/** The page is there: its heading shown, nothing still loading. */
async function settled(page: Page, url: string): Promise<void> {
  await waitUntil(
    () =>
      page.evaluate(
        `(() => {
          const heading = document.querySelector('h1');
          return Boolean(heading && heading.textContent.trim()) && !document.querySelector('.loading');
        })()`,
      ),
    (ready) => ready === true,
    `${url} to be shown`,
  );
}

/** The forum's participant screens, designed for the phone first. */
const PHONE_FIRST = [
  '/forum/editions/:editionId/agenda',
  '/forum/editions/:editionId/my',
  '/forum/sessions/:sessionId',
];

/** Buttons, fields and link-buttons in the page's main part smaller than 44 x 44 CSS px. */
const smallTargets = (page: Page) =>
  page.evaluate(`[...document.querySelectorAll('main button, main select, main .button-link, main input:not([type=checkbox]):not([type=radio]):not([type=hidden])')]
    .filter((element) => element.getClientRects().length > 0)
    .map((element) => [element, element.getBoundingClientRect()])
    .filter(([, box]) => box.height < 44 || box.width < 44)
    .map(([element, box]) => (element.textContent.trim() || element.getAttribute('name') || element.tagName) + ' ' + Math.round(box.width) + 'x' + Math.round(box.height))`);

const horizontalOverflow = (page: Page) =>
  page.evaluate(`(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return null;
    // Name the elements that stick out, for the failure message.
    const wide = [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 1)
      .slice(0, 5)
      .map((element) => element.tagName.toLowerCase() + (element.className ? '.' + String(element.className).split(' ')[0] : ''));
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
  })()`);

describe('every page on a phone', () => {
  it('visits every route of the route table', () => {
    expect(Object.keys(visits({} as Ids)).sort()).toEqual(routeTablePaths().sort());
  });

  for (const who of ['visitor', 'owner', 'partner', 'staff'] as const) {
    it(
      `reflows at 320 and 390 px with nothing for axe, as ${who === 'visitor' ? 'a visitor' : `the ${who}`}`,
      async () => {
        const page = await pageAs(who);
        // Pages that ask for what is not there yet (an edition's outcomes before the forum) get a 404.
        harness.expectFailedRequests(404);
        const mine = Object.entries(visits(ids)).filter(([, visit]) => visit.as === who);
        expect(mine.length).toBeGreaterThan(0);
        for (const [route, { url }] of mine) {
          for (const width of WIDTHS) {
            await page.setViewportSize({ width, height: 800 });
            await page.goto(url);
            await settled(page, url);
            expect({ route, width, overflow: await horizontalOverflow(page) }).toEqual({
              route,
              width,
              overflow: null,
            });
            if (PHONE_FIRST.includes(route))
              expect({ route, width, small: await smallTargets(page) }).toEqual({ route, width, small: [] });
            const violations = await checkAccessibility(page);
            expect({ route, width, violations }).toEqual({ route, width, violations: [] });
          }
          const shown = await page.locator('h1').first().innerText();
          expect({ route, notFound: NOT_FOUND.includes(shown) }).toEqual({ route, notFound: false });
        }
      },
      LONG_TEST,
    );
  }

  for (const who of ['visitor', 'staff'] as const) {
    it(
      `has a menu that opens, reaches every link and closes by keyboard, as ${who === 'visitor' ? 'a visitor' : 'staff'}`,
      async () => {
        const page = await pageAs(who);
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 800 });
          await page.goto('/initiatives');
          await settled(page, '/initiatives');
          const button = page.getByRole('button', { name: 'Menu' });
          expect(await button.getAttribute('aria-expanded')).toBe('false');
          expect(await page.locator('#site-menu').isVisible()).toBe(false);

          // From the top of the page: the skip link, the site's name, then the menu button.
          await page.evaluate('document.activeElement && document.activeElement.blur()');
          await page.keyboard.press('Tab');
          await page.keyboard.press('Tab');
          await page.keyboard.press('Tab');
          expect(await button.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
          await page.keyboard.press('Enter');
          expect(await button.getAttribute('aria-expanded')).toBe('true');
          expect(await button.getAttribute('aria-controls')).toBe('site-menu');

          const links = await page
            .locator('#site-menu a, #site-menu button')
            .evaluateAll((elements) => elements.map((element) => element.textContent!.trim()));
          const reached: string[] = [];
          for (let i = 0; i < links.length; i++) {
            await page.keyboard.press('Tab');
            reached.push(
              await page.evaluate(
                `(() => { const e = document.activeElement; return e.closest('#site-menu') ? e.textContent.trim() : ''; })()`,
              ),
            );
          }
          expect(reached).toEqual(links);
          for (const link of await page.locator('#site-menu a, #site-menu button').all()) {
            const box = (await link.boundingBox())!;
            expect({ link: await link.innerText(), big: box.height >= 44 }).toEqual({
              link: await link.innerText(),
              big: true,
            });
          }

          await page.keyboard.press('Escape');
          expect(await button.getAttribute('aria-expanded')).toBe('false');
          expect(await page.locator('#site-menu').isVisible()).toBe(false);
          expect(await button.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
          expect(await horizontalOverflow(page)).toBeNull();
        }
        // A wide screen shows the navigation itself, no menu button.
        await page.setViewportSize({ width: 1280, height: 800 });
        expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
        expect(await page.locator('.main-nav').isVisible()).toBe(true);
      },
      LONG_TEST,
    );
  }
});
