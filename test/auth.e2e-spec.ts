import { createHmac } from 'node:crypto';
import request from 'supertest';
import { Lifecycle } from '../src/lifecycle/lifecycle';
import { clearAddressLimits, lastMail, linkToken, logIn, PASSWORD, refreshCookieOf, signUp } from './support/accounts';
import { startTestApp, type TestApp } from './support/test-app';

describe('accounts and sessions', () => {
  let t: TestApp;
  const api = () => request(t.app.getHttpServer());
  let n = 0;
  const email = (name = 'user') => `${name}.${++n}@example.org`;

  beforeAll(async () => {
    t = await startTestApp({ seed: false });
  });
  afterAll(() => t.close());

  beforeEach(() => clearAddressLimits(t));

  describe('sign-up and e-mail verification', () => {
    it('signs up, mails a single-use link, and lets the person in only once verified', async () => {
      const address = email('anna');
      const registered = await api()
        .post('/api/v1/auth/register')
        .send({ email: address.toUpperCase(), password: PASSWORD, displayName: 'Anna Kowalska', locale: 'pl' })
        .expect(202);
      expect(registered.body.message).toMatch(/Check your e-mail/);

      const mail = await lastMail(t, address, 'verify_email');
      expect(mail.subject).toBe('Potwierdź adres e-mail');
      expect(mail.text).toContain('Dzień dobry Anna Kowalska');
      expect(mail.text).toMatch(/http:\/\/localhost:3000\/verify-email#token=/);

      const early = await api().post('/api/v1/auth/login').send({ email: address, password: PASSWORD }).expect(403);
      expect(early.body.message).toMatch(/Confirm your e-mail address first/);

      const token = linkToken(mail);
      await api().post('/api/v1/auth/verify-email').send({ token }).expect(200);
      const again = await api().post('/api/v1/auth/verify-email').send({ token }).expect(400);
      expect(again.body.message).toMatch(/invalid, already used or expired/);

      const login = await api().post('/api/v1/auth/login').send({ email: address, password: PASSWORD }).expect(200);
      expect(login.body).toEqual({ accessToken: expect.any(String), expiresIn: 900 });
      const cookie = ([] as string[]).concat(login.headers['set-cookie']).find((c) => c.startsWith('cf_refresh='))!;
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/Secure/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(cookie).toMatch(/Path=\/api\/v1\/auth/);

      const me = await api().get('/api/v1/me').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
      expect(me.body).toMatchObject({
        email: address,
        displayName: 'Anna Kowalska',
        locale: 'pl',
        role: 'member',
        emailVerified: true,
      });
    });

    it('stores an argon2id hash, never the password', async () => {
      const address = email();
      await signUp(t, address);
      const [row] = await t.dataSource.query(`SELECT password_hash FROM users WHERE email = $1`, [address]);
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(row.password_hash).not.toContain(PASSWORD);
    });

    it('expires a verification link after 24 hours', async () => {
      const address = email();
      await api()
        .post('/api/v1/auth/register')
        .send({ email: address, password: PASSWORD, displayName: 'Late', locale: 'en' })
        .expect(202);
      await t.dataSource.query(
        `UPDATE email_tokens SET expires_at = now() - interval '1 second' WHERE user_id = (SELECT id FROM users WHERE email = $1)`,
        [address],
      );
      await api()
        .post('/api/v1/auth/verify-email')
        .send({ token: linkToken(await lastMail(t, address, 'verify_email')) })
        .expect(400);
    });

    it.each([
      [{ password: 'too short' }, 'password', /at least 12 characters/],
      [{ password: '123456789012' }, 'password', /too common/],
      [{ password: 'x'.repeat(129) }, 'password', /at most 128 characters/],
      [{ email: 'not-an-address' }, 'email', /e-mail address/],
      [{ locale: 'de' }, 'locale', /locale must be pl or en/],
      [{ role: 'admin' }, 'role', /role is not a known parameter or field/],
      [{ emailVerifiedAt: '2026-01-01' }, 'emailVerifiedAt', /not a known/],
    ])('refuses %j with a 400 that names %s, and creates no account', async (change, field, message) => {
      const address = email('refused');
      const res = await api()
        .post('/api/v1/auth/register')
        .send({ email: address, password: PASSWORD, displayName: 'X', locale: 'en', ...change })
        .expect(400);
      expect(res.body.fields[field].join(' ')).toMatch(message);
      if (field === 'password') expect(res.body.code).toMatch(/^password_(too_short|too_long|common)$/);
      expect(await t.dataSource.query(`SELECT id FROM users WHERE email = $1`, [address])).toEqual([]);
    });

    it('answers a sign-up for a taken address the same way, and tells the owner instead', async () => {
      const address = email('taken');
      await signUp(t, address);
      const res = await api()
        .post('/api/v1/auth/register')
        .send({ email: address, password: 'another fine passphrase', displayName: 'Intruder', locale: 'en' })
        .expect(202);
      expect(res.body.message).toMatch(/Check your e-mail/);
      expect((await lastMail(t, address)).template).toBe('account_exists');
      expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [address])).toEqual([
        { n: 1 },
      ]);
    });
  });

  describe('access tokens', () => {
    let user: Awaited<ReturnType<typeof signUp>>;
    let secret: string;
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const forge = (header: object, payload: object, key = secret) => {
      const unsigned = `${b64(header)}.${b64(payload)}`;
      return `${unsigned}.${createHmac('sha256', key).update(unsigned).digest('base64url')}`;
    };
    const valid = () => {
      const [, payload] = user.accessToken.split('.');
      return JSON.parse(Buffer.from(payload, 'base64url').toString());
    };

    beforeAll(async () => {
      user = await signUp(t, email('tokens'));
      [{ value: secret }] = await t.dataSource.query(`SELECT value FROM instance_secrets WHERE name = 'jwt'`);
    });

    it('accepts its own token', async () => {
      await api()
        .get('/api/v1/me')
        .set('Authorization', `Bearer ${forge({ alg: 'HS256', typ: 'JWT' }, valid())}`)
        .expect(200);
    });

    it.each([
      ['alg none', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(valid())}.`],
      ['a bad signature', () => forge({ alg: 'HS256', typ: 'JWT' }, valid(), 'not the secret')],
      ['another algorithm', () => forge({ alg: 'HS512', typ: 'JWT' }, valid())],
      ['a wrong audience', () => forge({ alg: 'HS256', typ: 'JWT' }, { ...valid(), aud: 'someone-else' })],
      ['a wrong issuer', () => forge({ alg: 'HS256', typ: 'JWT' }, { ...valid(), iss: 'someone-else' })],
      [
        'an expired exp',
        () => forge({ alg: 'HS256', typ: 'JWT' }, { ...valid(), iat: 1_700_000_000, exp: 1_700_000_900 }),
      ],
      [
        'a validly signed token without exp (it would never expire)',
        () => {
          const { exp: _exp, ...rest } = valid();
          return forge({ alg: 'HS256', typ: 'JWT' }, rest);
        },
      ],
      ['no token at all', () => ''],
    ])('refuses %s with 401', async (_name, token) => {
      const res = await api().get('/api/v1/me').set('Authorization', `Bearer ${token()}`).expect(401);
      expect(res.body.message).toMatch(/Log in/);
    });

    it('lasts 15 minutes', () => {
      const { iat, exp, aud, iss } = valid();
      expect(exp - iat).toBe(900);
      expect({ aud, iss }).toEqual({ aud: 'cooperation-forum', iss: 'cooperation-forum' });
    });
  });

  describe('refresh tokens and sessions', () => {
    it('rotates the refresh token, and a reused one revokes the whole family', async () => {
      const user = await signUp(t, email('rotate'));
      const first = await api().post('/api/v1/auth/refresh').set('Cookie', user.refreshCookie).expect(200);
      const rotated = refreshCookieOf(first);
      expect(rotated).not.toBe(user.refreshCookie);
      await api().get('/api/v1/me').set('Authorization', `Bearer ${first.body.accessToken}`).expect(200);

      // The old token again: someone replayed it. The family is revoked, including the new token.
      await api().post('/api/v1/auth/refresh').set('Cookie', user.refreshCookie).expect(401);
      await api().post('/api/v1/auth/refresh').set('Cookie', rotated).expect(401);
      await api().get('/api/v1/me').set('Authorization', `Bearer ${first.body.accessToken}`).expect(401);
      const [session] = await t.dataSource.query(`SELECT revoked_reason FROM sessions WHERE user_id = $1`, [user.id]);
      expect(session.revoked_reason).toBe('refresh_token_reuse');
    });

    it('stores refresh tokens hashed', async () => {
      const user = await signUp(t, email('hashed'));
      const token = user.refreshCookie.split('=')[1];
      const rows = await t.dataSource.query(
        `SELECT token_hash FROM refresh_tokens rt JOIN sessions s ON s.id = rt.session_id WHERE s.user_id = $1`,
        [user.id],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].token_hash).not.toContain(token);
      expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('logs out: the session is revoked, its access token and refresh token stop working', async () => {
      const user = await signUp(t, email('logout'));
      await api().post('/api/v1/auth/logout').set(user.auth).set('Cookie', user.refreshCookie).expect(204);
      await api().get('/api/v1/me').set(user.auth).expect(401);
      await api().post('/api/v1/auth/refresh').set('Cookie', user.refreshCookie).expect(401);
    });

    it('lists my sessions and signs out another one', async () => {
      const address = email('devices');
      const laptop = await signUp(t, address);
      const phone = await logIn(t, address);
      const list = await api().get('/api/v1/me/sessions').set(laptop.auth).expect(200);
      expect(list.body.items).toHaveLength(2);
      expect(list.body.items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
      const other = list.body.items.find((s: { current: boolean }) => !s.current);
      await api().delete(`/api/v1/me/sessions/${other.id}`).set(laptop.auth).expect(204);
      await api().get('/api/v1/me').set(phone.auth).expect(401);
      await api().get('/api/v1/me').set(laptop.auth).expect(200);
    });

    it("cannot sign out someone else's session", async () => {
      const a = await signUp(t, email('a'));
      const b = await signUp(t, email('b'));
      const [bSession] = await t.dataSource.query(`SELECT id FROM sessions WHERE user_id = $1`, [b.id]);
      await api().delete(`/api/v1/me/sessions/${bSession.id}`).set(a.auth).expect(404);
      await api().get('/api/v1/me').set(b.auth).expect(200);
    });
  });

  describe('failed logins', () => {
    it('blocks an account after 5 failures with 429 and Retry-After, even with the right password', async () => {
      const address = email('guessed');
      await signUp(t, address);
      for (let i = 0; i < 5; i++)
        await api().post('/api/v1/auth/login').send({ email: address, password: 'wrong password guess' }).expect(401);
      const blocked = await api().post('/api/v1/auth/login').send({ email: address, password: PASSWORD }).expect(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(900);
      expect(blocked.body.message).toMatch(/Too many attempts/);
    });

    it('blocks an address after 20 failures across accounts', async () => {
      const spray = () =>
        api()
          .post('/api/v1/auth/login')
          .set('X-Forwarded-For', '203.0.113.7')
          .send({ email: `${email('nobody')}`, password: 'wrong password guess' });
      // trustProxy is off, so every request counts for the same (loopback) address: the one we test.
      await t.dataSource.query(`DELETE FROM rate_limit_buckets WHERE key LIKE 'login-failures:address:%'`);
      for (let i = 0; i < 20; i++) await spray().expect(401);
      await spray().expect(429);
      await t.dataSource.query(`DELETE FROM rate_limit_buckets WHERE key LIKE 'login-failures:address:%'`);
    });

    it('limits mail-sending requests from one address to 10 an hour', async () => {
      for (let i = 0; i < 10; i++)
        await api()
          .post('/api/v1/auth/password-reset')
          .send({ email: email('flood') })
          .expect(202);
      const res = await api()
        .post('/api/v1/auth/password-reset')
        .send({ email: email('flood') })
        .expect(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('answers an unknown account and a wrong password alike', async () => {
      const known = await api()
        .post('/api/v1/auth/login')
        .send({ email: (await signUp(t, email('alike'))).email, password: 'wrong password guess' })
        .expect(401);
      const unknown = await api()
        .post('/api/v1/auth/login')
        .send({ email: email('ghost'), password: 'wrong password guess' })
        .expect(401);
      expect(unknown.body.message).toBe(known.body.message);
    });

    it('refuses a malformed login with 400', async () => {
      const res = await api().post('/api/v1/auth/login').send({ email: 'nope', password: 1 }).expect(400);
      expect(Object.keys(res.body.fields).sort()).toEqual(['email', 'password']);
    });
  });

  describe('password and e-mail changes', () => {
    it('resets a forgotten password by a single-use link and signs out every session', async () => {
      const address = email('forgot');
      const user = await signUp(t, address);
      await api().post('/api/v1/auth/password-reset').send({ email: address }).expect(202);
      // The link is sent after the answer (so that it takes as long as for an unknown address).
      await t.app.get(Lifecycle).settled();
      const token = linkToken(await lastMail(t, address, 'password_reset'));

      const weak = await api()
        .post('/api/v1/auth/password-reset/confirm')
        .send({ token, password: 'password1234' })
        .expect(400);
      expect(weak.body.fields.password[0]).toMatch(/too common/);
      // The refused attempt did not spend the link.
      await api()
        .post('/api/v1/auth/password-reset/confirm')
        .send({ token, password: 'quiet river morning tea' })
        .expect(200);
      await api()
        .post('/api/v1/auth/password-reset/confirm')
        .send({ token, password: 'another river morning' })
        .expect(400);

      await api().get('/api/v1/me').set(user.auth).expect(401);
      await api().post('/api/v1/auth/login').send({ email: address, password: PASSWORD }).expect(401);
      await logIn(t, address, 'quiet river morning tea');
      expect((await lastMail(t, address)).template).toBe('password_changed');
    });

    it('answers a reset request for an unknown address the same way and sends nothing', async () => {
      const address = email('unknown');
      const res = await api().post('/api/v1/auth/password-reset').send({ email: address }).expect(202);
      expect(res.body.message).toMatch(/Check your e-mail/);
      await t.app.get(Lifecycle).settled();
      expect(await t.dataSource.query(`SELECT id FROM mail_outbox WHERE to_address = $1`, [address])).toEqual([]);
    });

    it('changes the password only with the current one, signs out other sessions and tells the address', async () => {
      const address = email('change');
      const user = await signUp(t, address, { locale: 'pl' });
      const other = await logIn(t, address);
      const wrong = await api()
        .post('/api/v1/me/password')
        .set(user.auth)
        .send({ currentPassword: 'not my password', newPassword: 'sunny meadow of clover' })
        .expect(400);
      expect(wrong.body.fields.currentPassword).toEqual(['currentPassword is not right']);
      await api()
        .post('/api/v1/me/password')
        .set(user.auth)
        .send({ currentPassword: PASSWORD, newPassword: 'sunny meadow of clover' })
        .expect(200);
      await api().get('/api/v1/me').set(user.auth).expect(200);
      await api().get('/api/v1/me').set(other.auth).expect(401);
      const notice = await lastMail(t, address);
      expect(notice).toMatchObject({ template: 'password_changed', subject: 'Hasło zostało zmienione' });
    });

    it('changes the e-mail address with the current password, a link to the new one and a notice to the old one', async () => {
      const address = email('old');
      const user = await signUp(t, address);
      const newAddress = email('new');
      await api()
        .post('/api/v1/me/email')
        .set(user.auth)
        .send({ currentPassword: 'wrong one here', newEmail: newAddress })
        .expect(400);
      await api()
        .post('/api/v1/me/email')
        .set(user.auth)
        .send({ currentPassword: PASSWORD, newEmail: newAddress })
        .expect(202);
      expect((await lastMail(t, address)).template).toBe('email_change_notice');
      await api()
        .post('/api/v1/auth/confirm-email-change')
        .send({ token: linkToken(await lastMail(t, newAddress, 'email_change_confirm')) })
        .expect(200);
      expect((await api().get('/api/v1/me').set(user.auth).expect(200)).body.email).toBe(newAddress);
      await logIn(t, newAddress);
    });
  });
});
