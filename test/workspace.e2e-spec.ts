import request from 'supertest';
import type { Socket } from 'socket.io-client';
import { ask, collect, connect, connected, during } from './support/sockets';
import { clearAddressLimits, signUp, verifiedOrganization, type SignedIn } from './support/accounts';
import { startTestApp, type TestApp } from './support/test-app';

/** A tiny but real PDF's first bytes, and text that pretends to be something else. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
const HTML = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');

describe('partnership workspace: files, tasks, diary, calendar and access', () => {
  let t: TestApp;
  const api = () => request(t.app.getHttpServer());
  let n = 0;
  const email = (name: string) => `${name}.${++n}@example.org`;
  let moderator: SignedIn;
  let krakow: SignedIn;
  let nuremberg: SignedIn;
  let outsider: SignedIn;
  let partnershipId: string;
  let otherPartnershipId: string;
  let krakowOrgId: string;
  let nurembergOrgId: string;

  const upload = (who: SignedIn, name: string, content: Buffer, id = partnershipId) =>
    api()
      .post(`/api/v1/partnerships/${id}/files`)
      .query({ name })
      .set(who.auth)
      .set('content-type', 'application/octet-stream')
      .send(content);
  const fileCount = async () =>
    (
      await t.dataSource.query<{ count: number }[]>(
        `SELECT count(*)::int AS count FROM partnership_files WHERE partnership_id = $1`,
        [partnershipId],
      )
    )[0].count;

  /** A published initiative of `lead`'s organisation, and `partner`'s interest in it accepted: a partnership. */
  const partnership = async (lead: SignedIn, leadOrg: string, partner: SignedIn, partnerOrg: string) => {
    const created = (
      await api()
        .post('/api/v1/initiatives')
        .set(lead.auth)
        .send({
          organizationId: leadOrg,
          title: `Pupil exchange ${++n}`,
          summary: 'A summary long enough to pass.',
          kind: 'partner_search',
          areas: ['education'],
          languages: ['pl', 'en'],
        })
        .expect(201)
    ).body;
    await api().post(`/api/v1/initiatives/${created.id}/submit`).set(lead.auth).expect(200);
    await api().post(`/api/v1/initiatives/${created.id}/publish`).set(moderator.auth).send({}).expect(200);
    const interest = (
      await api()
        .post(`/api/v1/initiatives/${created.id}/interests`)
        .set(partner.auth)
        .send({ organizationId: partnerOrg, message: 'We would love to take part in this.' })
        .expect(201)
    ).body;
    const accepted = await api().post(`/api/v1/interests/${interest.id}/accept`).set(lead.auth).send({}).expect(200);
    return accepted.body.partnershipId as string;
  };

  beforeAll(async () => {
    t = await startTestApp({ listen: true });
    moderator = await signUp(t, email('moderator'), { role: 'moderator' });
    krakow = await signUp(t, email('krakow'));
    nuremberg = await signUp(t, email('nuremberg'), { displayName: 'Anna Schmidt' });
    outsider = await signUp(t, email('outsider'));
    await clearAddressLimits(t);
    const krakowOrg = await verifiedOrganization(t, krakow, moderator, { name: 'SP 7 Kraków' });
    const nurembergOrg = await verifiedOrganization(t, nuremberg, moderator, {
      name: 'Peter-Vischer-Schule',
      cityKey: 'nuremberg',
    });
    krakowOrgId = krakowOrg.id;
    nurembergOrgId = nurembergOrg.id;
    const outsiderOrg = await verifiedOrganization(t, outsider, moderator, { name: 'Lviv Lyceum', cityKey: 'lviv' });
    partnershipId = await partnership(krakow, krakowOrg.id, nuremberg, nurembergOrg.id);
    otherPartnershipId = await partnership(outsider, outsiderOrg.id, krakow, krakowOrg.id);
  });
  afterAll(() => t.close());

  describe('files', () => {
    it('shares a file with the partners, served as an attachment of the type its content has', async () => {
      const uploaded = await upload(nuremberg, 'Projektplan Ü.pdf', PDF).expect(201);
      expect(uploaded.body).toMatchObject({
        name: 'Projektplan Ü.pdf',
        contentType: 'application/pdf',
        size: PDF.length,
        uploadedByName: 'Anna Schmidt',
      });
      const list = await api().get(`/api/v1/partnerships/${partnershipId}/files`).set(krakow.auth).expect(200);
      expect(list.body.items.map((f: { name: string }) => f.name)).toContain('Projektplan Ü.pdf');
      expect(list.body.maxBytes).toBe(10 * 1024 * 1024);
      const download = await api()
        .get(`/api/v1/partnerships/${partnershipId}/files/${uploaded.body.id}`)
        .set(krakow.auth)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.headers['content-disposition']).toMatch(/^attachment; /);
      expect(download.headers['content-disposition']).toContain("filename*=UTF-8''Projektplan%20%C3%9C.pdf");
      expect(download.headers['x-content-type-options']).toBe('nosniff');
      expect(Buffer.compare(download.body as Buffer, PDF)).toBe(0);
    });

    it('stores the type the content has, not the one the name or the client claims', async () => {
      const png = await upload(krakow, 'poster.png', PNG).expect(201);
      expect(png.body.contentType).toBe('image/png');
      const csv = await upload(krakow, 'pupils.csv', Buffer.from('name;age\nOla;12\n')).expect(201);
      expect(csv.body.contentType).toBe('text/csv');
    });

    it('refuses forbidden types, a content that does not match its name, and files too large, storing nothing', async () => {
      const before = await fileCount();
      const html = await upload(krakow, 'page.html', HTML).expect(400);
      expect(html.body.message).toMatch(/not accepted.*Accepted: PDF/);
      expect(html.body.fields.name[0]).toMatch(/pdf, png/);
      await upload(krakow, 'notes.txt', HTML).expect(400); // markup dressed as text
      await upload(krakow, 'poster.png', PDF).expect(400); // a PDF named as a picture
      await upload(krakow, 'programme.exe', Buffer.from('MZ\x90\x00\x03')).expect(400);
      await upload(krakow, 'empty.pdf', Buffer.alloc(0)).expect(400);
      const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
      PDF.copy(big);
      const tooLarge = await upload(krakow, 'huge.pdf', big).expect(413);
      expect(tooLarge.body.message).toMatch(/larger than 10 MB/);
      await api()
        .post(`/api/v1/partnerships/${partnershipId}/files`)
        .query({ name: 'x.pdf' })
        .set(krakow.auth)
        .send({ not: 'a file' })
        .expect(400);
      const noName = await upload(krakow, '', PDF).expect(400);
      expect(noName.body.fields.name).toBeDefined();
      expect(await fileCount()).toBe(before);
    });

    it('refuses members of other organisations, and ids from another partnership', async () => {
      const file = (await upload(krakow, 'budget.pdf', PDF).expect(201)).body;
      const before = await fileCount();
      await api().get(`/api/v1/partnerships/${partnershipId}/files`).set(outsider.auth).expect(404);
      await api().get(`/api/v1/partnerships/${partnershipId}/files/${file.id}`).set(outsider.auth).expect(404);
      await api().get(`/api/v1/partnerships/${partnershipId}/files/${file.id}`).expect(401);
      await upload(outsider, 'intrusion.pdf', PDF).expect(404);
      await api().delete(`/api/v1/partnerships/${partnershipId}/files/${file.id}`).set(outsider.auth).expect(404);
      // Kraków is in the other partnership too, but the file is not in that one.
      await api().get(`/api/v1/partnerships/${otherPartnershipId}/files/${file.id}`).set(krakow.auth).expect(404);
      expect(await fileCount()).toBe(before);
    });

    it('deletes a file for the partners, recorded in the audit log', async () => {
      const file = (await upload(nuremberg, 'draft.txt', Buffer.from('first draft')).expect(201)).body;
      await api().delete(`/api/v1/partnerships/${partnershipId}/files/${file.id}`).set(krakow.auth).expect(204);
      await api().get(`/api/v1/partnerships/${partnershipId}/files/${file.id}`).set(nuremberg.auth).expect(404);
      const audit = await t.dataSource.query<{ action: string; actor_id: string }[]>(
        `SELECT action, actor_id FROM audit_log WHERE target_id = $1`,
        [file.id],
      );
      expect(audit).toEqual([{ action: 'partnership_file.delete', actor_id: krakow.id }]);
    });
  });

  describe('tasks and milestones', () => {
    const taskCount = async () =>
      (
        await t.dataSource.query<{ count: number }[]>(
          `SELECT count(*)::int AS count FROM partnership_tasks WHERE partnership_id = $1`,
          [partnershipId],
        )
      )[0].count;

    it('adds a task owned by a partner’s member, and marks it done', async () => {
      const people = await api().get(`/api/v1/partnerships/${partnershipId}/people`).set(krakow.auth).expect(200);
      expect(people.body.items.map((p: { id: string }) => p.id).sort()).toEqual([krakow.id, nuremberg.id].sort());
      const task = await api()
        .post(`/api/v1/partnerships/${partnershipId}/tasks`)
        .set(krakow.auth)
        .send({ title: 'Book the coach', ownerId: nuremberg.id, dueDate: '2027-03-05' })
        .expect(201);
      expect(task.body).toMatchObject({
        kind: 'task',
        title: 'Book the coach',
        ownerId: nuremberg.id,
        ownerName: 'Anna Schmidt',
        dueDate: '2027-03-05',
        state: 'open',
      });
      await api()
        .post(`/api/v1/partnerships/${partnershipId}/tasks`)
        .set(nuremberg.auth)
        .send({ kind: 'milestone', title: 'Exchange week in Kraków', dueDate: '2027-05-10' })
        .expect(201);
      const done = await api()
        .patch(`/api/v1/partnerships/${partnershipId}/tasks/${task.body.id}`)
        .set(nuremberg.auth)
        .send({ state: 'done' })
        .expect(200);
      expect(done.body).toMatchObject({ state: 'done', ownerId: nuremberg.id, dueDate: '2027-03-05' });
      const list = await api().get(`/api/v1/partnerships/${partnershipId}/tasks`).set(krakow.auth).expect(200);
      expect(list.body.items.map((x: { title: string; state: string }) => [x.title, x.state])).toEqual([
        ['Exchange week in Kraków', 'open'],
        ['Book the coach', 'done'],
      ]);
    });

    it('refuses an owner outside the partnership, an impossible date or kind, and changes nothing', async () => {
      const before = await taskCount();
      const foreign = await api()
        .post(`/api/v1/partnerships/${partnershipId}/tasks`)
        .set(krakow.auth)
        .send({ title: 'Spy', ownerId: outsider.id })
        .expect(400);
      expect(foreign.body.fields.ownerId[0]).toMatch(/member of one of the partnership/);
      const date = await api()
        .post(`/api/v1/partnerships/${partnershipId}/tasks`)
        .set(krakow.auth)
        .send({ title: 'Leap day', dueDate: '2027-02-30' })
        .expect(400);
      expect(date.body.fields.dueDate[0]).toMatch(/YYYY-MM-DD/);
      await api()
        .post(`/api/v1/partnerships/${partnershipId}/tasks`)
        .set(krakow.auth)
        .send({ title: 'Odd', kind: 'epic' })
        .expect(400);
      await api().post(`/api/v1/partnerships/${partnershipId}/tasks`).set(krakow.auth).send({ title: '' }).expect(400);
      expect(await taskCount()).toBe(before);

      const task = (
        await api()
          .post(`/api/v1/partnerships/${partnershipId}/tasks`)
          .set(krakow.auth)
          .send({ title: 'Write the report', ownerId: krakow.id })
          .expect(201)
      ).body;
      await api()
        .patch(`/api/v1/partnerships/${partnershipId}/tasks/${task.id}`)
        .set(krakow.auth)
        .send({ ownerId: outsider.id, title: 'Hijacked' })
        .expect(400);
      await api()
        .patch(`/api/v1/partnerships/${partnershipId}/tasks/${task.id}`)
        .set(krakow.auth)
        .send({ dueDate: '31.12.2027' })
        .expect(400);
      const unchanged = await api().get(`/api/v1/partnerships/${partnershipId}/tasks`).set(krakow.auth).expect(200);
      expect(unchanged.body.items.find((x: { id: string }) => x.id === task.id)).toMatchObject({
        title: 'Write the report',
        ownerId: krakow.id,
        dueDate: null,
      });
    });

    it('keeps other organisations out of the tasks', async () => {
      const task = (
        await api()
          .post(`/api/v1/partnerships/${partnershipId}/tasks`)
          .set(nuremberg.auth)
          .send({ title: 'Private plan' })
          .expect(201)
      ).body;
      await api().get(`/api/v1/partnerships/${partnershipId}/tasks`).set(outsider.auth).expect(404);
      await api()
        .post(`/api/v1/partnerships/${partnershipId}/tasks`)
        .set(outsider.auth)
        .send({ title: 'Intrusion' })
        .expect(404);
      await api()
        .patch(`/api/v1/partnerships/${partnershipId}/tasks/${task.id}`)
        .set(outsider.auth)
        .send({ state: 'done' })
        .expect(404);
      // Kraków belongs to the other partnership as well; the task is not in that one.
      await api()
        .patch(`/api/v1/partnerships/${otherPartnershipId}/tasks/${task.id}`)
        .set(krakow.auth)
        .send({ state: 'done' })
        .expect(404);
      await api().delete(`/api/v1/partnerships/${partnershipId}/tasks/${task.id}`).set(outsider.auth).expect(404);
      await api().delete(`/api/v1/partnerships/${partnershipId}/tasks/${task.id}`).set(nuremberg.auth).expect(204);
    });
  });

  describe('the project diary', () => {
    const consent = (who: SignedIn, entryId: string, organizationId: string, value: boolean) =>
      api()
        .post(`/api/v1/partnerships/${partnershipId}/diary/${entryId}/consent`)
        .set(who.auth)
        .send({ organizationId, public: value });
    const publicTitles = async () =>
      (await api().get(`/api/v1/partnerships/${partnershipId}/diary/public`).expect(200)).body.items.map(
        (e: { title: string }) => e.title,
      );

    it('shows an entry publicly only once every organisation agrees, and hides it when one withdraws', async () => {
      // The partnership's page is public once both agree to show it (the existing consent).
      await api()
        .post(`/api/v1/partnerships/${partnershipId}/consent`)
        .set(krakow.auth)
        .send({ organizationId: krakowOrgId, public: true })
        .expect(200);
      await api()
        .post(`/api/v1/partnerships/${partnershipId}/consent`)
        .set(nuremberg.auth)
        .send({ organizationId: nurembergOrgId, public: true })
        .expect(200);
      const entry = (
        await api()
          .post(`/api/v1/partnerships/${partnershipId}/diary`)
          .set(nuremberg.auth)
          .send({ title: 'Our first video call', body: 'Pupils met online and planned the visit.', lang: 'en' })
          .expect(201)
      ).body;
      // Its language goes with it, so a page in another language marks the text (lang attribute).
      expect(entry).toMatchObject({ public: false, authorName: 'Anna Schmidt', lang: 'en' });
      expect(await publicTitles()).not.toContain('Our first video call');

      const one = await consent(nuremberg, entry.id, nurembergOrgId, true).expect(200);
      expect(one.body.public).toBe(false);
      expect(one.body.consents).toEqual([
        expect.objectContaining({ organizationId: krakowOrgId, consented: false }),
        expect.objectContaining({ organizationId: nurembergOrgId, consented: true }),
      ]);
      expect(await publicTitles()).not.toContain('Our first video call');
      // Nobody consents for an organisation they do not run.
      await consent(nuremberg, entry.id, krakowOrgId, true).expect(403);
      await consent(outsider, entry.id, krakowOrgId, true).expect(404);
      expect(await publicTitles()).not.toContain('Our first video call');

      const both = await consent(krakow, entry.id, krakowOrgId, true).expect(200);
      expect(both.body.public).toBe(true);
      expect(await publicTitles()).toContain('Our first video call');
      const shown = (await api().get(`/api/v1/partnerships/${partnershipId}/diary/public`).expect(200)).body.items;
      expect(shown.find((e: { id: string }) => e.id === entry.id)).toMatchObject({ lang: 'en', consents: [] });

      await consent(krakow, entry.id, krakowOrgId, false).expect(200);
      expect(await publicTitles()).not.toContain('Our first video call');
      const audit = await t.dataSource.query<{ action: string }[]>(
        `SELECT action FROM audit_log WHERE target_id = $1 ORDER BY id`,
        [entry.id],
      );
      expect(audit.map((a) => a.action)).toEqual([
        'diary_entry.consent',
        'diary_entry.consent',
        'diary_entry.withdraw_consent',
      ]);
    });

    it('keeps the diary of others’ partnerships private, and refuses an empty entry', async () => {
      await api().get(`/api/v1/partnerships/${partnershipId}/diary`).set(outsider.auth).expect(404);
      await api()
        .post(`/api/v1/partnerships/${partnershipId}/diary`)
        .set(outsider.auth)
        .send({ title: 'Intrusion', body: 'Not mine to write.' })
        .expect(404);
      await api()
        .post(`/api/v1/partnerships/${partnershipId}/diary`)
        .set(krakow.auth)
        .send({ title: ' ', body: 'x' })
        .expect(400);
      const language = await api()
        .post(`/api/v1/partnerships/${partnershipId}/diary`)
        .set(krakow.auth)
        .send({ title: 'Wizyta', body: 'Uczniowie przyjechali.', lang: 'polish' })
        .expect(400);
      expect(language.body.fields.lang[0]).toMatch(/ISO 639-1/);
      // The other partnership is not public: its diary is not either.
      await api().get(`/api/v1/partnerships/${otherPartnershipId}/diary/public`).expect(404);
    });
  });

  describe('the calendar', () => {
    it('gives the members the dated tasks and milestones as iCalendar, in their language', async () => {
      await api()
        .post(`/api/v1/partnerships/${partnershipId}/tasks`)
        .set(krakow.auth)
        .send({ kind: 'milestone', title: 'Final report sent', dueDate: '2027-06-30' })
        .expect(201);
      const ics = await api()
        .get(`/api/v1/partnerships/${partnershipId}/calendar.ics`)
        .set(krakow.auth)
        .set('accept-language', 'pl')
        .expect(200);
      expect(ics.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(ics.text).toContain('BEGIN:VCALENDAR');
      expect(ics.text).toContain('DTSTART;VALUE=DATE:20270630');
      expect(ics.text).toContain('SUMMARY:Kamień milowy: Final report sent');
      await api().get(`/api/v1/partnerships/${partnershipId}/calendar.ics`).set(outsider.auth).expect(404);
      await api().get(`/api/v1/partnerships/${partnershipId}/calendar.ics`).expect(401);
    });
  });

  describe('removing an organisation', () => {
    let sockets: Socket[] = [];
    afterEach(() => {
      sockets.forEach((s) => s.close());
      sockets = [];
    });

    it('takes away its people’s workspace, channel and sockets at once', async () => {
      // A partnership of its own, so that the tests above keep theirs.
      const lead = await signUp(t, email('lead'));
      const partner = await signUp(t, email('partner'));
      await clearAddressLimits(t);
      const leadOrg = await verifiedOrganization(t, lead, moderator, { name: 'Gimnazjum Kraków' });
      const partnerOrg = await verifiedOrganization(t, partner, moderator, {
        name: 'Leuven College',
        cityKey: 'leuven',
      });
      const id = await partnership(lead, leadOrg.id, partner, partnerOrg.id);
      const channelId = (await api().get(`/api/v1/partnerships/${id}`).set(partner.auth).expect(200)).body.channelId;
      const file = (await upload(partner, 'plan.pdf', PDF, id).expect(201)).body;

      const open = async (who: SignedIn) => {
        const socket = connect(t.baseUrl!, who.accessToken);
        sockets.push(socket);
        await connected(socket);
        expect(await ask(socket, 'channel:join', { channelId })).toMatchObject({ ok: true });
        return socket;
      };
      const leadSocket = await open(lead);
      const partnerSocket = await open(partner);
      const before = collect(partnerSocket, 'message:new', 1);
      await ask(leadSocket, 'message:send', {
        channelId,
        clientId: 'a1b2c3d4-0000-4000-8000-000000000001',
        body: 'Hello partners',
      });
      expect((await before)[0]).toMatchObject({ body: 'Hello partners' });

      // Only the lead's editors (or the partner's own owners) may remove it; the lead stays.
      await api().delete(`/api/v1/partnerships/${id}/organizations/${leadOrg.id}`).set(lead.auth).expect(400);
      await api().delete(`/api/v1/partnerships/${id}/organizations/${partnerOrg.id}`).set(outsider.auth).expect(404);
      await api().delete(`/api/v1/partnerships/${id}/organizations/${partnerOrg.id}`).set(lead.auth).expect(204);
      await api().delete(`/api/v1/partnerships/${id}/organizations/${partnerOrg.id}`).set(lead.auth).expect(404);

      const after = during(partnerSocket, 'message:new', 600);
      await ask(leadSocket, 'message:send', {
        channelId,
        clientId: 'a1b2c3d4-0000-4000-8000-000000000002',
        body: 'After you left',
      });
      expect(await after).toEqual([]);
      expect(await ask(partnerSocket, 'channel:join', { channelId })).toMatchObject({ ok: false });
      await api().get(`/api/v1/channels/${channelId}/messages`).set(partner.auth).expect(404);
      await api().get(`/api/v1/partnerships/${id}/files/${file.id}`).set(partner.auth).expect(404);
      await api().get(`/api/v1/partnerships/${id}/tasks`).set(partner.auth).expect(404);
      await api().get(`/api/v1/partnerships/${id}/diary`).set(partner.auth).expect(404);
      // The lead keeps it all.
      await api().get(`/api/v1/partnerships/${id}/files/${file.id}`).set(lead.auth).expect(200);
      const audit = await t.dataSource.query<{ action: string }[]>(
        `SELECT action FROM audit_log WHERE target_id = $1`,
        [id],
      );
      expect(audit).toEqual([{ action: 'partnership.remove_organization' }]);
    });
  });

  // A second app in this process takes over passport's registry (logins), so this runs last and
  // uses tokens issued before it started.
  describe('several instances', () => {
    it('serves from a second instance a file the first one stored', async () => {
      const file = (await upload(nuremberg, 'minutes.pdf', PDF).expect(201)).body;
      const other = await startTestApp({ seed: false, database: t.database });
      try {
        const download = await request(other.app.getHttpServer())
          .get(`/api/v1/partnerships/${partnershipId}/files/${file.id}`)
          .set(krakow.auth)
          .buffer(true)
          .parse((res, done) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => done(null, Buffer.concat(chunks)));
          })
          .expect(200);
        expect(download.headers['content-type']).toBe('application/pdf');
        expect(Buffer.compare(download.body as Buffer, PDF)).toBe(0);
      } finally {
        await other.close();
      }
    });
  });
});
