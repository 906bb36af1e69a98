import request from 'supertest';
import { clearAddressLimits, lastMail, linkToken, signUp, type SignedIn } from './support/accounts';
import { startTestApp, type TestApp } from './support/test-app';

const school = (overrides: Record<string, unknown> = {}) => ({
  name: 'Szkoła Podstawowa nr 7',
  type: 'school',
  cityKey: 'krakow',
  areas: ['education', 'youth'],
  languages: ['pl', 'en'],
  website: 'https://sp7.example.org',
  description: 'We seek a **partner school** in Nuremberg.',
  contactEmail: 'sekretariat@sp7.example.org',
  ...overrides,
});

describe('organisations', () => {
  let t: TestApp;
  const api = () => request(t.app.getHttpServer());
  let n = 0;
  const email = (name: string) => `${name}.${++n}@example.org`;
  let moderator: SignedIn;
  let admin: SignedIn;

  const createOrganization = async (owner: SignedIn, body = school()) =>
    (await api().post('/api/v1/organizations').set(owner.auth).send(body).expect(201)).body;
  const verified = async (owner: SignedIn, body = school()) => {
    const organization = await createOrganization(owner, body);
    await api().post(`/api/v1/organizations/${organization.id}/verify`).set(moderator.auth).expect(200);
    return organization;
  };
  const snapshot = async (id: string) => ({
    organization: await t.dataSource.query(
      `SELECT name, status, areas, website, description_md FROM organizations WHERE id = $1`,
      [id],
    ),
    members: await t.dataSource.query(
      `SELECT user_id, role FROM organization_members WHERE organization_id = $1 ORDER BY user_id`,
      [id],
    ),
    invitations: await t.dataSource.query(
      `SELECT email, accepted_at, revoked_at FROM organization_invitations WHERE organization_id = $1 ORDER BY id`,
      [id],
    ),
  });

  beforeAll(async () => {
    t = await startTestApp();
    moderator = await signUp(t, email('moderator'), { role: 'moderator' });
    admin = await signUp(t, email('admin'), { role: 'admin' });
  });
  beforeEach(() => clearAddressLimits(t));
  afterAll(() => t.close());

  describe('creating and verifying', () => {
    it('creates a pending organisation owned by its creator, visible only to its members and staff', async () => {
      const owner = await signUp(t, email('owner'));
      const organization = await createOrganization(owner);
      expect(organization).toMatchObject({
        name: 'Szkoła Podstawowa nr 7',
        type: 'school',
        city: { key: 'krakow', name: 'Kraków', country: 'PL', relationship: 'home' },
        status: 'pending',
        verified: false,
        myRole: 'owner',
        descriptionHtml: '<p>We seek a <strong>partner school</strong> in Nuremberg.</p>\n',
      });
      await api().get(`/api/v1/organizations/${organization.id}`).expect(404);
      const stranger = await signUp(t, email('stranger'));
      await api().get(`/api/v1/organizations/${organization.id}`).set(stranger.auth).expect(404);
      await api().get(`/api/v1/organizations/${organization.id}`).set(moderator.auth).expect(200);
    });

    it('accepts any other city with its country', async () => {
      const owner = await signUp(t, email('poznan'));
      const organization = await createOrganization(
        owner,
        school({ cityKey: undefined, city: 'Poznań', country: 'pl' }),
      );
      expect(organization.city).toEqual({ key: null, name: 'Poznań', namePl: null, country: 'PL', relationship: null });
    });

    it('lets a moderator verify, tells the owners in their language and writes the audit log', async () => {
      const owner = await signUp(t, email('verified'), { locale: 'pl' });
      const organization = await createOrganization(owner);
      const res = await api().post(`/api/v1/organizations/${organization.id}/verify`).set(moderator.auth).expect(200);
      expect(res.body).toMatchObject({ status: 'verified', verified: true });
      const mail = await lastMail(t, owner.email, 'organization_verified');
      expect(mail.subject).toBe('Organizacja Szkoła Podstawowa nr 7 została zweryfikowana');
      const [entry] = await t.dataSource.query(
        `SELECT actor_id, action, target_type, target_id FROM audit_log WHERE target_id = $1`,
        [organization.id],
      );
      expect(entry).toEqual({
        actor_id: moderator.id,
        action: 'organization.verify',
        target_type: 'organization',
        target_id: organization.id,
      });
      await api().post(`/api/v1/organizations/${organization.id}/verify`).set(moderator.auth).expect(409);
    });

    it('rejects with a reason that the owners read, and lets them ask again', async () => {
      const owner = await signUp(t, email('rejected'));
      const organization = await createOrganization(owner);
      const noReason = await api()
        .post(`/api/v1/organizations/${organization.id}/reject`)
        .set(moderator.auth)
        .send({})
        .expect(400);
      expect(noReason.body.fields.reason).toBeDefined();
      await api()
        .post(`/api/v1/organizations/${organization.id}/reject`)
        .set(moderator.auth)
        .send({ reason: 'Not found in the KRS register.' })
        .expect(200);
      expect((await lastMail(t, owner.email, 'organization_rejected')).text).toContain(
        'Not found in the KRS register.',
      );
      const seen = await api().get(`/api/v1/organizations/${organization.id}`).set(owner.auth).expect(200);
      expect(seen.body).toMatchObject({ status: 'rejected', statusReason: 'Not found in the KRS register.' });
      await api().post(`/api/v1/organizations/${organization.id}/request-verification`).set(owner.auth).expect(200);
      const queue = await api().get('/api/v1/moderation/organizations').set(moderator.auth).expect(200);
      expect(queue.body.map((o: { id: string }) => o.id)).toContain(organization.id);
    });

    it('lets only staff verify, reject or see the queue', async () => {
      const owner = await signUp(t, email('self'));
      const organization = await createOrganization(owner);
      await api().post(`/api/v1/organizations/${organization.id}/verify`).set(owner.auth).expect(403);
      await api()
        .post(`/api/v1/organizations/${organization.id}/reject`)
        .set(owner.auth)
        .send({ reason: 'no' })
        .expect(403);
      await api().get('/api/v1/moderation/organizations').set(owner.auth).expect(403);
      await api().get('/api/v1/moderation/organizations').expect(401);
      expect((await snapshot(organization.id)).organization[0].status).toBe('pending');
    });

    it.each([
      [{ type: 'spaceport' }, 'type', /unknown value\(s\) spaceport/],
      [{ areas: ['astrology'] }, 'areas', /unknown value\(s\) astrology/],
      [{ languages: ['xx'] }, 'languages', /ISO 639-1/],
      [{ cityKey: 'atlantis' }, 'cityKey', /key of the home city or a partner city/],
      [{ cityKey: undefined }, 'city', /city is required when cityKey is not given/],
      [{ website: 'javascript:alert(1)' }, 'website', /https:\/\//],
      [{ status: 'verified' }, 'status', /not a known/],
      [{ ownerId: '00000000-0000-4000-8000-000000000000' }, 'ownerId', /not a known/],
      [{ name: '' }, 'name', /2 to 200/],
    ])('refuses %j with a 400 naming %s, and stores nothing', async (change, field, message) => {
      const owner = await signUp(t, email('invalid'));
      const res = await api().post('/api/v1/organizations').set(owner.auth).send(school(change)).expect(400);
      expect((res.body.fields?.[field] ?? []).join(' ')).toMatch(message);
      expect(await t.dataSource.query(`SELECT id FROM organizations WHERE created_by = $1`, [owner.id])).toEqual([]);
    });

    it('needs a signed-in user to create', async () => {
      await api().post('/api/v1/organizations').send(school()).expect(401);
    });
  });

  describe('public pages', () => {
    it('shows everyone the public fields, and members and contact details only to signed-in users', async () => {
      const owner = await signUp(t, email('public'), { displayName: 'Ewa Nowak' });
      const organization = await verified(owner, school({ contactPhone: '+48 12 000 00 00' }));
      const anonymous = await api().get(`/api/v1/organizations/${organization.id}`).expect(200);
      expect(anonymous.body).toMatchObject({
        name: 'Szkoła Podstawowa nr 7',
        verified: true,
        areas: ['education', 'youth'],
        languages: ['pl', 'en'],
      });
      expect(anonymous.body).not.toHaveProperty('members');
      expect(anonymous.body).not.toHaveProperty('contactEmail');
      expect(anonymous.body).not.toHaveProperty('contactPhone');
      expect(JSON.stringify(anonymous.body)).not.toContain('sekretariat@');

      const reader = await signUp(t, email('reader'));
      const signedIn = await api().get(`/api/v1/organizations/${organization.id}`).set(reader.auth).expect(200);
      expect(signedIn.body).toMatchObject({
        contactEmail: 'sekretariat@sp7.example.org',
        contactPhone: '+48 12 000 00 00',
        myRole: null,
      });
      expect(signedIn.body.members).toEqual([
        { userId: owner.id, displayName: 'Ewa Nowak', role: 'owner', since: expect.any(String) },
      ]);
      expect(signedIn.body).not.toHaveProperty('description');
    });

    it('clears optional fields with null', async () => {
      const owner = await signUp(t, email('clear'));
      const organization = await verified(owner);
      const res = await api()
        .patch(`/api/v1/organizations/${organization.id}`)
        .set(owner.auth)
        .send({ website: null, contactEmail: null })
        .expect(200);
      expect(res.body).toMatchObject({ website: null, contactEmail: null });
    });

    it('renders stored XSS payloads inert', async () => {
      const owner = await signUp(t, email('xss'));
      const payload =
        '<script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1)) <a href="javascript:alert(2)">y</a>';
      const organization = await verified(owner, school({ description: payload }));
      const res = await api().get(`/api/v1/organizations/${organization.id}`).expect(200);
      // What was typed shows as text; the only elements are the allowlisted ones, without handlers or script URLs.
      const tags: string[] = res.body.descriptionHtml.match(/<[^>]+>/g) ?? [];
      expect(tags.every((tag) => /^<\/?(p|a|strong|em|ul|ol|li|br|code|pre|blockquote|h3|h4|hr)\b/.test(tag))).toBe(
        true,
      );
      expect(tags.join('')).not.toMatch(/\son\w+=|javascript:/i);
      expect(res.body.descriptionHtml).toContain('&lt;script&gt;');
    });

    it('lists verified organisations with filters and a stable cursor', async () => {
      const owner = await signUp(t, email('lister'));
      for (const name of ['Alpha Lviv School', 'Beta Lviv School', 'Gamma Lviv School']) {
        await verified(owner, school({ name, cityKey: 'lviv', languages: ['uk', 'pl'] }));
      }
      await createOrganization(owner, school({ name: 'Delta Lviv School (pending)', cityKey: 'lviv' }));
      const first = await api().get('/api/v1/organizations?city=lviv&type=school&limit=2').expect(200);
      expect(first.body.items.map((o: { name: string }) => o.name)).toEqual(['Alpha Lviv School', 'Beta Lviv School']);
      const second = await api()
        .get(`/api/v1/organizations?city=lviv&type=school&limit=2&cursor=${first.body.nextCursor}`)
        .expect(200);
      expect(second.body.items.map((o: { name: string }) => o.name)).toEqual(['Gamma Lviv School']);
      expect(second.body.nextCursor).toBeNull();
      await api().get('/api/v1/organizations?status=pending').expect(403);
      const pending = await api().get('/api/v1/organizations?status=pending&city=lviv').set(moderator.auth).expect(200);
      expect(pending.body.items.map((o: { name: string }) => o.name)).toEqual(['Delta Lviv School (pending)']);
      await api().get('/api/v1/organizations?type=spaceport').expect(400);
      await api().get('/api/v1/organizations?cursor=!!!').expect(400);
    });
  });

  describe('members and invitations', () => {
    it('invites by e-mail; only the invited address can accept, once', async () => {
      const owner = await signUp(t, email('inviter'));
      const organization = await verified(owner);
      const inviteeAddress = email('invitee');
      await api()
        .post(`/api/v1/organizations/${organization.id}/invitations`)
        .set(owner.auth)
        .send({ email: inviteeAddress, role: 'editor' })
        .expect(201);
      const token = linkToken(await lastMail(t, inviteeAddress, 'organization_invitation'));

      const someoneElse = await signUp(t, email('someone'));
      const wrong = await api().post('/api/v1/invitations/accept').set(someoneElse.auth).send({ token }).expect(403);
      expect(wrong.body.message).toMatch(/sent to another e-mail address/);

      const invitee = await signUp(t, inviteeAddress);
      await api().post('/api/v1/invitations/accept').set(invitee.auth).send({ token }).expect(200);
      await api().post('/api/v1/invitations/accept').set(invitee.auth).send({ token }).expect(400);
      const page = await api().get(`/api/v1/organizations/${organization.id}`).set(invitee.auth).expect(200);
      expect(page.body.myRole).toBe('editor');
    });

    it('lets editors invite members but only owners invite owners', async () => {
      const owner = await signUp(t, email('owner2'));
      const organization = await verified(owner);
      const editor = await signUp(t, email('editor2'));
      await t.dataSource.query(
        `INSERT INTO organization_members (organization_id, user_id, role) VALUES ($1, $2, 'editor')`,
        [organization.id, editor.id],
      );
      await api()
        .post(`/api/v1/organizations/${organization.id}/invitations`)
        .set(editor.auth)
        .send({ email: email('x'), role: 'member' })
        .expect(201);
      await api()
        .post(`/api/v1/organizations/${organization.id}/invitations`)
        .set(editor.auth)
        .send({ email: email('y'), role: 'owner' })
        .expect(403);
    });

    it('always keeps an owner', async () => {
      const owner = await signUp(t, email('sole'));
      const organization = await verified(owner);
      const demote = await api()
        .patch(`/api/v1/organizations/${organization.id}/members/${owner.id}`)
        .set(owner.auth)
        .send({ role: 'editor' })
        .expect(409);
      expect(demote.body.message).toMatch(/keep at least one owner/);
      await api().delete(`/api/v1/organizations/${organization.id}/members/${owner.id}`).set(owner.auth).expect(409);
      expect((await snapshot(organization.id)).members).toEqual([{ user_id: owner.id, role: 'owner' }]);
    });

    it('transfers ownership, after which the former owner may leave', async () => {
      const owner = await signUp(t, email('handover'));
      const organization = await verified(owner);
      const successor = await signUp(t, email('successor'));
      await t.dataSource.query(
        `INSERT INTO organization_members (organization_id, user_id, role) VALUES ($1, $2, 'member')`,
        [organization.id, successor.id],
      );
      const members = await api()
        .post(`/api/v1/organizations/${organization.id}/transfer-ownership`)
        .set(owner.auth)
        .send({ userId: successor.id })
        .expect(200);
      expect(Object.fromEntries(members.body.map((m: { userId: string; role: string }) => [m.userId, m.role]))).toEqual(
        { [successor.id]: 'owner', [owner.id]: 'editor' },
      );
      await api().delete(`/api/v1/organizations/${organization.id}/members/${owner.id}`).set(owner.auth).expect(204);
    });

    it('keeps an owner when two owners demote each other at the same time', async () => {
      const a = await signUp(t, email('twin-a'));
      const organization = await verified(a);
      const b = await signUp(t, email('twin-b'));
      await t.dataSource.query(
        `INSERT INTO organization_members (organization_id, user_id, role) VALUES ($1, $2, 'owner')`,
        [organization.id, b.id],
      );
      const results = await Promise.all([
        api().patch(`/api/v1/organizations/${organization.id}/members/${b.id}`).set(a.auth).send({ role: 'member' }),
        api().patch(`/api/v1/organizations/${organization.id}/members/${a.id}`).set(b.auth).send({ role: 'member' }),
      ]);
      const owners = (await snapshot(organization.id)).members.filter((m: { role: string }) => m.role === 'owner');
      expect(owners).toHaveLength(1);
      expect(results.map((r) => r.status).sort()).toEqual([200, expect.any(Number)]);
    });
  });

  describe('object-level access: one organisation cannot touch another', () => {
    it('refuses every write of an editor of A on organisation B, and leaves B unchanged', async () => {
      const ownerA = await signUp(t, email('owner-a'));
      const organizationA = await verified(ownerA, school({ name: 'Organisation A' }));
      const ownerB = await signUp(t, email('owner-b'));
      const organizationB = await verified(ownerB, school({ name: 'Organisation B' }));
      const memberB = await signUp(t, email('member-b'));
      await t.dataSource.query(
        `INSERT INTO organization_members (organization_id, user_id, role) VALUES ($1, $2, 'member')`,
        [organizationB.id, memberB.id],
      );
      await api()
        .post(`/api/v1/organizations/${organizationB.id}/invitations`)
        .set(ownerB.auth)
        .send({ email: email('invited-b'), role: 'member' })
        .expect(201);
      const [invitationB] = await t.dataSource.query(
        `SELECT id FROM organization_invitations WHERE organization_id = $1`,
        [organizationB.id],
      );
      const editorA = await signUp(t, email('editor-a'));
      await t.dataSource.query(
        `INSERT INTO organization_members (organization_id, user_id, role) VALUES ($1, $2, 'editor')`,
        [organizationA.id, editorA.id],
      );
      const before = await snapshot(organizationB.id);
      const B = `/api/v1/organizations/${organizationB.id}`;

      const attempts: [string, () => request.Test][] = [
        ['edit', () => api().patch(B).set(editorA.auth).send({ name: 'Taken over' })],
        [
          'invite',
          () =>
            api()
              .post(`${B}/invitations`)
              .set(editorA.auth)
              .send({ email: email('mole'), role: 'owner' }),
        ],
        ['list invitations', () => api().get(`${B}/invitations`).set(editorA.auth)],
        ['revoke invitation', () => api().delete(`${B}/invitations/${invitationB.id}`).set(editorA.auth)],
        ['change a role', () => api().patch(`${B}/members/${memberB.id}`).set(editorA.auth).send({ role: 'owner' })],
        ['remove a member', () => api().delete(`${B}/members/${memberB.id}`).set(editorA.auth)],
        [
          'transfer ownership',
          () => api().post(`${B}/transfer-ownership`).set(editorA.auth).send({ userId: editorA.id }),
        ],
        ['ask for verification', () => api().post(`${B}/request-verification`).set(editorA.auth)],
        ['verify', () => api().post(`${B}/verify`).set(editorA.auth)],
        ['reject', () => api().post(`${B}/reject`).set(editorA.auth).send({ reason: 'sabotage' })],
      ];
      for (const [name, attempt] of attempts) {
        const res = await attempt();
        expect({ name, status: [403, 404].includes(res.status) }).toEqual({ name, status: true });
      }
      // A plain member of B cannot edit B either.
      await api().patch(B).set(memberB.auth).send({ name: 'Taken over' }).expect(403);
      expect(await snapshot(organizationB.id)).toEqual(before);
    });

    it('answers 404, not 403, for a pending organisation of others, and 400 for a malformed id', async () => {
      const owner = await signUp(t, email('hidden'));
      const organization = await createOrganization(owner);
      const other = await signUp(t, email('other'));
      await api()
        .patch(`/api/v1/organizations/${organization.id}`)
        .set(other.auth)
        .send({ name: 'Renamed' })
        .expect(404);
      const res = await api().get('/api/v1/organizations/not-a-uuid').expect(400);
      expect(res.body.message).toBe('id must be an id (UUID)');
    });
  });

  describe('the audit log', () => {
    it('is readable and filterable by admins only', async () => {
      const owner = await signUp(t, email('audited'));
      const organization = await createOrganization(owner);
      await api()
        .post(`/api/v1/organizations/${organization.id}/reject`)
        .set(moderator.auth)
        .send({ reason: 'Duplicate of an existing organisation.' })
        .expect(200);
      await api().get('/api/v1/audit-log').set(moderator.auth).expect(403);
      const res = await api().get(`/api/v1/audit-log?targetId=${organization.id}`).set(admin.auth).expect(200);
      expect(res.body.items).toEqual([
        expect.objectContaining({
          actorId: moderator.id,
          action: 'organization.reject',
          targetType: 'organization',
          targetId: organization.id,
          reason: 'Duplicate of an existing organisation.',
        }),
      ]);
      const byAction = await api()
        .get('/api/v1/audit-log?action=organization.reject&limit=1')
        .set(admin.auth)
        .expect(200);
      expect(byAction.body.items).toHaveLength(1);
      await api().get('/api/v1/audit-log?limit=1000').set(admin.auth).expect(400);
    });
  });
});
