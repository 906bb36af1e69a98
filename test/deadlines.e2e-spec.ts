import request from 'supertest';
import { sha256 } from '../src/common/crypto';
import { DeadlinesService } from '../src/deadlines/deadlines.service';
import { DailyJobs } from '../src/jobs/daily-jobs.service';
import { signUp, type SignedIn } from './support/accounts';
import { startTestApp, type TestApp } from './support/test-app';

/** The deadlines of every partner city's documents in one place, over the Kraków reference data. */
describe('deadlines', () => {
  let t: TestApp;
  const api = () => request(t.app.getHttpServer());
  let admin: SignedIn;
  let staff: SignedIn;
  let moderator: SignedIn;
  let member: SignedIn;
  const grantRegistryEditor = (user: SignedIn) =>
    api().put(`/api/v1/staff/${user.id}/grants/registry_editor`).set(admin.auth).expect(204);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signUp(t, 'reminder-admin@example.org', { role: 'admin', displayName: 'Anna', locale: 'en' });
    staff = await signUp(t, 'deadlines-staff@example.org', { role: 'moderator' });
    moderator = await signUp(t, 'reminder-moderator@example.org', { role: 'moderator', locale: 'en' });
    member = await signUp(t, 'deadlines-member@example.org');
    await grantRegistryEditor(admin);
    await grantRegistryEditor(staff);
  });

  afterAll(() => t?.close());

  describe('the list', () => {
    it("lists Rochester's notice deadline and renewal in the default 24 months, soonest first", async () => {
      const res = await api().get('/api/v1/deadlines?on=2026-12-05').set(staff.auth).expect(200);
      expect(res.body.from).toBe('2026-12-05');
      expect(res.body.until).toBe('2028-12-05');
      expect(res.body.items).toEqual([
        expect.objectContaining({
          kind: 'notice',
          on: '2028-01-18',
          renewsOn: '2028-07-18',
          renewalYears: 5,
          noticeMonths: 6,
          city: { key: 'rochester', name: 'Rochester, NY', namePl: expect.any(String) },
          documentKind: 'partnership_agreement',
        }),
        expect.objectContaining({
          kind: 'renewal',
          on: '2028-07-18',
          city: expect.objectContaining({ key: 'rochester' }),
        }),
      ]);
    });

    it("finds a staff-added document's end in a chosen window, ordered among the others", async () => {
      const [{ id }] = await t.dataSource.query<{ id: number }[]>(`SELECT id FROM cities WHERE key = 'lviv'`);
      await t.dataSource.query(
        `INSERT INTO city_documents (city_id, kind, title, signed_on, term, term_years, valid_until)
         VALUES ($1, 'sectoral_agreement', 'Porozumienie o współpracy kulturalnej', '2024-05-01', 'fixed', 3, '2027-04-30')`,
        [id],
      );
      const res = await api().get('/api/v1/deadlines?on=2026-12-05&months=6').set(staff.auth).expect(200);
      expect(res.body.items.map((d: { kind: string; on: string }) => `${d.kind} ${d.on}`)).toEqual([
        'expiry 2027-04-30',
      ]);
      const wide = await api().get('/api/v1/deadlines?on=2026-12-05&months=24').set(staff.auth).expect(200);
      expect(wide.body.items.map((d: { on: string }) => d.on)).toEqual(['2027-04-30', '2028-01-18', '2028-07-18']);
    });

    it('is for registry editors only, and a bad window is a 400 that says what to send', async () => {
      await api().get('/api/v1/deadlines').set(member.auth).expect(403);
      const notEditor = await api().get('/api/v1/deadlines').set(moderator.auth).expect(403);
      expect(notEditor.body.message).toMatch(/registry editor role/);
      await api().get('/api/v1/deadlines/feed').set(moderator.auth).expect(403);
      await api().post('/api/v1/deadlines/feed').set(moderator.auth).expect(403);
      await api().delete('/api/v1/deadlines/feed').set(moderator.auth).expect(403);
      await api().get('/api/v1/deadlines').expect(401);
      const bad = await api().get('/api/v1/deadlines?months=0').set(staff.auth).expect(400);
      expect(bad.body.message).toContain('months must be 1 to 120');
      const badDate = await api().get('/api/v1/deadlines?on=2026-02-30').set(staff.auth).expect(400);
      expect(badDate.body.message).toMatch(/on/);
      const notNumber = await api().get('/api/v1/deadlines?months=two').set(staff.auth).expect(400);
      expect(notNumber.body.message).toMatch(/months must be/);
      const unknown = await api().get('/api/v1/deadlines?city=rochester').set(staff.auth).expect(400);
      expect(unknown.body.message).toContain('city is not a known parameter');
    });
  });

  describe('the daily reminder of notice deadlines', () => {
    let editor: SignedIn;
    // Times in the city's zone (Europe/Warsaw, UTC+1 in November).
    const at = (local: string) => new Date(`${local}+01:00`);
    const reminders = async (to: string) =>
      t.dataSource.query<{ subject: string; text: string }[]>(
        `SELECT subject, text FROM mail_outbox WHERE to_address = $1 AND template = 'deadline_reminder' ORDER BY id`,
        [to],
      );

    beforeAll(async () => {
      editor = await signUp(t, 'reminder-editor@example.org', { role: 'moderator', displayName: 'Ewa', locale: 'pl' });
      await grantRegistryEditor(editor);
    });

    it("mails registry editors 60 days before Rochester's notice deadline, each in their language, once", async () => {
      const jobs = t.app.get(DailyJobs);
      // 2027-11-18: the deadline (2028-01-18) is 61 days away, not yet.
      expect((await jobs.runDue(at('2027-11-18T06:30:00')))['deadline-reminders']).toBe('ran');
      expect(await reminders(admin.email)).toEqual([]);

      expect((await jobs.runDue(at('2027-11-19T06:31:00')))['deadline-reminders']).toBe('ran');
      const [english] = await reminders(admin.email);
      expect(english.subject).toBe('Notice deadline: Rochester, NY, 18 January 2028');
      expect(english.text).toContain('Hello Anna');
      expect(english.text).toContain('Partnership agreement');
      expect(english.text).toContain('Without notice by this day it renews on 18 July 2028 for another 5 years.');
      expect(english.text).toContain('/deadlines');
      const [polish] = await reminders(editor.email);
      expect(polish.subject).toMatch(/^Termin wypowiedzenia: .+, 18 stycznia 2028$/);
      expect(polish.text).toContain('Umowa o partnerstwie');
      expect(polish.text).toContain('przedłuży się 18 lipca 2028 na kolejne 5 lat');
      // Staff without the role, and members, are not reminded.
      expect(await reminders(moderator.email)).toEqual([]);
      expect(await reminders(member.email)).toEqual([]);

      // The next days' runs find the deadline reminded of already.
      expect((await jobs.runDue(at('2027-11-20T07:00:00')))['deadline-reminders']).toBe('ran');
      expect((await jobs.runDue(at('2027-12-20T07:00:00')))['deadline-reminders']).toBe('ran');
      expect(await reminders(admin.email)).toHaveLength(1);
      expect(await reminders(editor.email)).toHaveLength(1);
      const [{ outcome }] = await t.dataSource.query<{ outcome: { reminders: number } }[]>(
        `SELECT outcome FROM job_runs WHERE job = 'deadline-reminders' AND period = '2027-11-20'`,
      );
      expect(outcome.reminders).toBe(0);
    });
  });

  describe('the calendar feed', () => {
    const secretOf = (url: string) => new URL(url).pathname.split('/').pop()!;

    it('is created by staff, shown once, kept only as a hash, and serves the deadlines as iCalendar to anyone with the address', async () => {
      expect((await api().get('/api/v1/deadlines/feed').set(staff.auth).expect(200)).body).toEqual({
        active: false,
        createdAt: null,
      });
      const created = await api().post('/api/v1/deadlines/feed').set(staff.auth).expect(201);
      expect(created.body.url).toMatch(/\/api\/v1\/calendar-feeds\/[A-Za-z0-9_-]{43}$/);
      const secret = secretOf(created.body.url);
      const stored = await t.dataSource.query<{ secret_hash: string }[]>(
        `SELECT secret_hash FROM calendar_feeds WHERE user_id = $1`,
        [staff.id],
      );
      expect(stored).toEqual([{ secret_hash: sha256(secret) }]);
      expect((await api().get('/api/v1/deadlines/feed').set(staff.auth).expect(200)).body.active).toBe(true);

      // One feed a person: a second address needs the first revoked.
      const again = await api().post('/api/v1/deadlines/feed').set(staff.auth).expect(409);
      expect(again.body.message).toMatch(/revoke it first/);

      // A calendar app fetches it without signing in: today's deadlines, all day, in the owner's language.
      const feed = await api().get(`/api/v1/calendar-feeds/${secret}`).expect(200);
      expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
      expect(feed.headers['cache-control']).toBe('private, no-store');
      const list = await api().get('/api/v1/deadlines').set(staff.auth).expect(200);
      // Valid iCalendar: CRLF lines of at most 75 octets, one VEVENT with a UID per deadline, all-day dates.
      expect(feed.text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
      expect(feed.text.endsWith('END:VCALENDAR\r\n')).toBe(true);
      const lines = feed.text.split('\r\n').slice(0, -1);
      expect(lines.every((line) => Buffer.byteLength(line) <= 75 && !line.includes('\n'))).toBe(true);
      const events = feed.text.split('BEGIN:VEVENT').slice(1);
      expect(events).toHaveLength(list.body.items.length);
      for (const event of events) {
        expect(event).toMatch(/\r\nUID:deadline-\d+-(notice|renewal|expiry)-\d{4}-\d{2}-\d{2}@cooperation-forum\r\n/);
        expect(event).toMatch(/\r\nDTSTART;VALUE=DATE:\d{8}\r\nDTEND;VALUE=DATE:\d{8}\r\n/);
        expect(event).toContain('END:VEVENT');
      }
      const first = list.body.items[0] as { on: string; city: { name: string } };
      expect(feed.text).toContain(`DTSTART;VALUE=DATE:${first.on.replace(/-/g, '')}`);
      expect(feed.text).toContain('SUMMARY:Rochester\\, NY: last day to give notice');
      expect(feed.text).toContain('Give notice?');
    });

    it('is not an access token: it opens the feed and nothing else', async () => {
      await api().delete('/api/v1/deadlines/feed').set(staff.auth).expect(204);
      const secret = secretOf((await api().post('/api/v1/deadlines/feed').set(staff.auth).expect(201)).body.url);
      await api().get('/api/v1/deadlines').set('Authorization', `Bearer ${secret}`).expect(401);
      await api().get('/api/v1/me').set('Authorization', `Bearer ${secret}`).expect(401);
    });

    it('is revoked: the old address answers 404, and a new one works', async () => {
      await api().delete('/api/v1/deadlines/feed').set(staff.auth).expect(204);
      const old = secretOf((await api().post('/api/v1/deadlines/feed').set(staff.auth).expect(201)).body.url);
      await api().get(`/api/v1/calendar-feeds/${old}`).expect(200);
      await api().delete('/api/v1/deadlines/feed').set(staff.auth).expect(204);
      const gone = await api().get(`/api/v1/calendar-feeds/${old}`).expect(404);
      expect(gone.body.message).toMatch(/revoked/);
      expect((await api().get('/api/v1/deadlines/feed').set(staff.auth).expect(200)).body.active).toBe(false);

      const renewed = secretOf((await api().post('/api/v1/deadlines/feed').set(staff.auth).expect(201)).body.url);
      expect(renewed).not.toBe(old);
      await api().get(`/api/v1/calendar-feeds/${renewed}`).expect(200);
      await api().get(`/api/v1/calendar-feeds/${old}`).expect(404);
    });

    it('answers 404 to an address nobody was given, and 400 to one that is not a feed address', async () => {
      const unknown = await api()
        .get(`/api/v1/calendar-feeds/${'A'.repeat(43)}`)
        .expect(404);
      expect(unknown.body.message).toMatch(/No calendar feed has this address/);
      const malformed = await api().get('/api/v1/calendar-feeds/not-a-secret').expect(400);
      expect(malformed.body.message).toMatch(/calendar feed address/);
    });

    it("is for registry editors only, in the owner's language, and stops when the role is withdrawn or the person is no longer staff", async () => {
      await api().post('/api/v1/deadlines/feed').set(member.auth).expect(403);
      const polishEditor = await signUp(t, 'feed-editor@example.org', { role: 'moderator', locale: 'pl' });
      await grantRegistryEditor(polishEditor);
      const secret = secretOf((await api().post('/api/v1/deadlines/feed').set(polishEditor.auth).expect(201)).body.url);
      const polish = await api().get(`/api/v1/calendar-feeds/${secret}`).expect(200);
      expect(polish.text).toContain('ostatni dzień na wypowiedzenie');
      expect(polish.text).toContain('X-WR-CALNAME:Terminy umów miast partnerskich');
      await api().delete(`/api/v1/staff/${polishEditor.id}/grants/registry_editor`).set(admin.auth).expect(204);
      await api().get(`/api/v1/calendar-feeds/${secret}`).expect(404);

      const demoted = await signUp(t, 'feed-demoted@example.org', { role: 'moderator' });
      await grantRegistryEditor(demoted);
      const demotedSecret = secretOf(
        (await api().post('/api/v1/deadlines/feed').set(demoted.auth).expect(201)).body.url,
      );
      await api().get(`/api/v1/calendar-feeds/${demotedSecret}`).expect(200);
      await t.dataSource.query(`UPDATE users SET role = 'member' WHERE id = $1`, [demoted.id]);
      await api().get(`/api/v1/calendar-feeds/${demotedSecret}`).expect(404);
    });
  });

  // Last: a second app instance replaces the first's passport strategies (a process-wide registry),
  // so nothing that signs in runs after it.
  describe('two instances at once', () => {
    const reminders = async (to: string) =>
      t.dataSource.query<{ text: string }[]>(
        `SELECT text FROM mail_outbox WHERE to_address = $1 AND template = 'deadline_reminder' ORDER BY id`,
        [to],
      );
    it('sends once when two instances remind of the same deadline at the same moment', async () => {
      const other = await startTestApp({ seed: false, database: t.database });
      try {
        // A new agreement whose notice deadline falls in the window; both instances work on the same day.
        const [{ id }] = await t.dataSource.query<{ id: number }[]>(`SELECT id FROM cities WHERE key = 'bordeaux'`);
        await t.dataSource.query(
          `INSERT INTO city_documents (city_id, kind, signed_on, term, term_years, renewal_years, notice_months)
           VALUES ($1, 'sectoral_agreement', '2024-03-01', 'fixed_auto_renew', 4, 2, 3)`,
          [id],
        );
        const day = '2027-11-01'; // notice deadline 2027-12-01, renewal 2028-03-01
        const runs = await Promise.all(
          [t, other].map((app) =>
            app.dataSource.transaction((manager) => app.app.get(DeadlinesService).sendReminders(manager, day)),
          ),
        );
        // The three registry editors left (the admin, the staff member, Ewa), each reminded by one instance only.
        expect(runs[0] + runs[1]).toBe(3);
        const bordeaux = async (to: string) => (await reminders(to)).filter((mail) => mail.text.includes('Bordeaux'));
        expect(await bordeaux(admin.email)).toHaveLength(1);
        expect(await bordeaux(staff.email)).toHaveLength(1);
      } finally {
        await other.close();
      }
    });
  });
});
