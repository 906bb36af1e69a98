import request from 'supertest';
import { AuditService } from '../src/audit/audit.service';
import { signUp, type SignedIn } from './support/accounts';
import { startTestApp, type TestApp } from './support/test-app';

/** The audit log screen's API: filters, newest first, keyset pages, and the streamed CSV. */
describe('the audit log', () => {
  let t: TestApp;
  const api = () => request(t.app.getHttpServer());
  let admin: SignedIn;
  let moderator: SignedIn;
  let other: SignedIn;

  /** An entry written as the services write them, then dated (the log's time is the database's now()). */
  const entry = async (
    actor: SignedIn | null,
    action: string,
    target: [string, string],
    at: string,
    reason: string | null = null,
  ) => {
    await t.app
      .get(AuditService)
      .record({ actorId: actor?.id ?? null, action, targetType: target[0], targetId: target[1], reason });
    await t.dataSource.query(`UPDATE audit_log SET created_at = $1 WHERE id = (SELECT max(id) FROM audit_log)`, [at]);
  };

  beforeAll(async () => {
    t = await startTestApp({ seed: false });
    admin = await signUp(t, 'audit-admin@example.org', { role: 'admin', displayName: 'Anna Admin' });
    moderator = await signUp(t, 'audit-moderator@example.org', { role: 'moderator', displayName: 'Marek Moderator' });
    other = await signUp(t, 'audit-other@example.org', { role: 'moderator' });
    await entry(moderator, 'organization.verify', ['organization', 'org-1'], '2026-11-01T09:00:00Z');
    await entry(moderator, 'organization.reject', ['organization', 'org-2'], '2026-11-15T23:30:00Z', 'Duplicate');
    await entry(other, 'initiative.publish', ['initiative', 'ini-1'], '2026-11-20T10:00:00Z');
    await entry(null, 'initiative.archive', ['initiative', 'ini-1'], '2026-11-21T02:00:00Z');
    await entry(moderator, 'organization.verify', ['organization', 'org-3'], '2026-11-30T12:00:00Z');
  });

  afterAll(() => t?.close());

  const list = async (query: string) => {
    const res = await api().get(`/api/v1/audit-log?${query}`).set(admin.auth).expect(200);
    return res.body as { items: { action: string; targetId: string; actorEmail: string | null }[]; nextCursor: string };
  };

  it('filters by person (their address, in any case), newest first, and names them', async () => {
    const page = await list('person=AUDIT-Moderator@example.org');
    expect(page.items.map((item) => item.targetId)).toEqual(['org-3', 'org-2', 'org-1']);
    expect(page.items[0]).toEqual(
      expect.objectContaining({ actorEmail: 'audit-moderator@example.org', actorName: 'Marek Moderator' }),
    );
  });

  it('filters by action, by object and by a date range whose last day counts whole', async () => {
    expect((await list('action=organization.verify')).items.map((item) => item.targetId)).toEqual(['org-3', 'org-1']);
    expect((await list('targetType=initiative&targetId=ini-1')).items.map((item) => item.action)).toEqual([
      'initiative.archive',
      'initiative.publish',
    ]);
    // 2026-11-15 23:30 UTC is within "to 2026-11-15", taken as the whole day.
    expect((await list('from=2026-11-01&to=2026-11-15')).items.map((item) => item.targetId)).toEqual([
      'org-2',
      'org-1',
    ]);
    const system = (await list('action=initiative.archive')).items[0];
    expect(system.actorEmail).toBeNull();
  });

  it('pages by keyset: every entry once, newest first, and no cursor after the last page', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(`limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((item) => item.targetId + ':' + item.action));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([
      'org-3:organization.verify',
      'ini-1:initiative.archive',
      'ini-1:initiative.publish',
      'org-2:organization.reject',
      'org-1:organization.verify',
    ]);
  });

  it('lists the actions that occur, for the filter', async () => {
    const res = await api().get('/api/v1/audit-log/actions').set(admin.auth).expect(200);
    expect(res.body.items).toEqual([
      'initiative.archive',
      'initiative.publish',
      'organization.reject',
      'organization.verify',
    ]);
  });

  it('exports the filtered log as CSV, newest first, across many batches, with formulas defused', async () => {
    // More entries than one batch of the stream (500), so the export reads on by keyset.
    await t.dataSource.query(
      `INSERT INTO audit_log (actor_id, action, target_type, target_id, reason, created_at)
       SELECT $1, 'organization.hide', 'organization', 'bulk-' || n, CASE WHEN n = 1 THEN '=HYPERLINK("x"), said "no"' END,
              timestamptz '2026-10-01' + n * interval '1 minute'
         FROM generate_series(1, 1203) AS n`,
      [other.id],
    );
    const res = await api()
      .get('/api/v1/audit-log/export.csv?action=organization.hide')
      .set(admin.auth)
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => done(null, text));
      })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = (res.body as string).trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,created_at,actor_email,actor_name,action,target_type,target_id,reason,details');
    expect(lines).toHaveLength(1 + 1203);
    expect(lines[1]).toContain(',audit-other@example.org,');
    expect(lines[1]).toContain(',bulk-1203,');
    // The oldest last; a reason a spreadsheet would run is quoted and defused.
    expect(lines[1203]).toContain(`,bulk-1,"'=HYPERLINK(""x""), said ""no""",`);
  });

  it('is for admins only, and a bad filter is a 400 that names it', async () => {
    await api().get('/api/v1/audit-log').set(moderator.auth).expect(403);
    await api().get('/api/v1/audit-log/export.csv').set(moderator.auth).expect(403);
    await api().get('/api/v1/audit-log/export.csv').expect(401);
    const bad = await api().get('/api/v1/audit-log?person=not-an-address').set(admin.auth).expect(400);
    expect(bad.body.message).toContain('person must be an e-mail address');
    const badDate = await api().get('/api/v1/audit-log/export.csv?from=yesterday').set(admin.auth).expect(400);
    expect(badDate.body.message).toContain('from must be a date');
  });
});
