import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { AuthService } from '../../src/auth/auth.service';
import { PasswordHasher } from '../../src/auth/password-hasher';
import { User } from '../../src/users/entities/user.entity';
import type { TestApp } from './test-app';

export const PASSWORD = 'violet harbour lantern 42';

export interface OutboxRow {
  id: number;
  to_address: string;
  subject: string;
  text: string;
  template: string;
  status: string;
}

/** The newest mail of a kind sent to an address. */
export async function lastMail(t: TestApp, to: string, template?: string): Promise<OutboxRow> {
  const rows: OutboxRow[] = await t.dataSource.query(
    `SELECT * FROM mail_outbox WHERE to_address = $1 AND ($2::text IS NULL OR template = $2) ORDER BY id DESC LIMIT 1`,
    [to.toLowerCase(), template ?? null],
  );
  if (!rows.length) throw new Error(`no ${template ?? ''} mail to ${to}`);
  return rows[0];
}

/** The token of the link in a mail (it travels in the URL fragment). */
export function linkToken(mail: OutboxRow): string {
  const match = /#token=([A-Za-z0-9_-]+)/.exec(mail.text);
  if (!match) throw new Error(`no link token in: ${mail.text}`);
  return match[1];
}

export interface SignedIn {
  id: string;
  email: string;
  accessToken: string;
  /** The Cookie header carrying the refresh token. */
  refreshCookie: string;
  auth: { Authorization: string };
}

export function refreshCookieOf(response: request.Response): string {
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const cookie = cookies.find((c) => c.startsWith('cf_refresh='));
  if (!cookie) throw new Error('no refresh cookie set');
  return cookie.split(';')[0];
}

/** Signs up, verifies the address through the mailed link, and logs in. */
export async function signUp(
  t: TestApp,
  address: string,
  options: { displayName?: string; locale?: 'pl' | 'en'; password?: string; role?: 'moderator' | 'admin' } = {},
): Promise<SignedIn> {
  const api = request(t.app.getHttpServer());
  const password = options.password ?? PASSWORD;
  // Addresses are kept lower-case, as the server stores them.
  const email = address.toLowerCase();
  // Every test request comes from 127.0.0.1: start each sign-up with a fresh per-address mail budget.
  await clearAddressLimits(t);
  await api
    .post('/api/v1/auth/register')
    .send({ email, password, displayName: options.displayName ?? email.split('@')[0], locale: options.locale ?? 'en' })
    .expect(202);
  await api
    .post('/api/v1/auth/verify-email')
    .send({ token: linkToken(await lastMail(t, email, 'verify_email')) })
    .expect(200);
  if (options.role) await t.dataSource.query(`UPDATE users SET role = $2 WHERE email = $1`, [email, options.role]);
  return logIn(t, email, password);
}

export async function logIn(t: TestApp, email: string, password = PASSWORD): Promise<SignedIn> {
  const response = await request(t.app.getHttpServer())
    .post('/api/v1/auth/login')
    .send({ email, password })
    .expect(200);
  const me = await request(t.app.getHttpServer())
    .get('/api/v1/me')
    .set('Authorization', `Bearer ${response.body.accessToken}`)
    .expect(200);
  return {
    id: me.body.id,
    email,
    accessToken: response.body.accessToken,
    refreshCookie: refreshCookieOf(response),
    auth: { Authorization: `Bearer ${response.body.accessToken}` },
  };
}

/** Clears the per-address rate-limit buckets (all test requests share the loopback address). */
export async function clearAddressLimits(t: TestApp): Promise<void> {
  await t.dataSource.query(`DELETE FROM rate_limit_buckets WHERE key LIKE '%:address:%'`);
}

/**
 * Clears the per-person message counts (a file whose tests all post as the same few people would
 * otherwise share one window). Only where the count is in PostgreSQL: apps of the tests without Redis.
 */
export async function clearMessageLimits(t: TestApp): Promise<void> {
  await t.dataSource.query(`DELETE FROM rate_limit_buckets WHERE key LIKE 'messages:person:%'`);
}

/** A verified organisation owned by `owner` (created through the API, verified by `moderator`). */
export async function verifiedOrganization(
  t: TestApp,
  owner: SignedIn,
  moderator: SignedIn,
  body: Record<string, unknown> = {},
): Promise<{ id: string; name: string }> {
  const api = request(t.app.getHttpServer());
  const created = await api
    .post('/api/v1/organizations')
    .set(owner.auth)
    .send({
      name: 'Szkoła Podstawowa nr 7',
      type: 'school',
      cityKey: 'krakow',
      areas: ['education', 'youth'],
      languages: ['pl', 'en'],
      ...body,
    })
    .expect(201);
  await api.post(`/api/v1/organizations/${created.body.id}/verify`).set(moderator.auth).expect(200);
  return created.body;
}

/**
 * Many signed-in people quickly (a plenary's audience): accounts made directly, sessions through
 * the real AuthService. Named "<displayName> 0", "<displayName> 1", ...
 */
export async function signedInCrowd(t: TestApp, count: number, displayName: string): Promise<SignedIn[]> {
  const hash = await new PasswordHasher().hash('not used in this test');
  const users = t.dataSource.getRepository(User);
  const made: SignedIn[] = [];
  for (let i = 0; i < count; i++) {
    const user = await users.save(
      users.create({
        email: `${displayName.toLowerCase()}.${randomUUID()}@example.org`,
        passwordHash: hash,
        displayName: `${displayName} ${i}`,
        locale: 'en',
        emailVerifiedAt: new Date(),
      }),
    );
    const tokens = await t.app.get(AuthService).login(user, { ip: '127.0.0.1' });
    made.push({
      id: user.id,
      email: user.email!,
      accessToken: tokens.accessToken,
      refreshCookie: '',
      auth: { Authorization: `Bearer ${tokens.accessToken}` },
    });
  }
  return made;
}
