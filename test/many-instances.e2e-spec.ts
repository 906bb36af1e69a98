import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource, type EntityManager } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { runMigrationsExclusively } from '../src/database/migrate';
import { DailyJobs } from '../src/jobs/daily-jobs.service';
import { NotificationsService } from '../src/notifications/notifications.service';
import { ReferenceDataImporter } from '../src/registry/reference-data/reference-data.importer';
import { ReferenceDataRepository } from '../src/registry/reference-data/reference-data.repository';
import { signUp, type SignedIn } from './support/accounts';
import { createEmptyDatabase, type TestDatabase } from './support/database';
import { KRAKOW_REFERENCE_DATA, startTestApp, type TestApp } from './support/test-app';

/**
 * Several instances of the app on one database (app objects in this process; the deployment test
 * runs real processes): migrations and the reference data are applied once, however many
 * instances start together, and each daily job runs once per day of the city, whichever instance
 * looks and whenever.
 */
describe('several instances on one database', () => {
  describe('starting together on an empty database', () => {
    let database: TestDatabase;
    const sources: DataSource[] = [];

    beforeAll(async () => {
      // The importer's report goes to Nest's console logger here (there is no app): not wanted in the test log.
      Logger.overrideLogger(['error']);
      database = await createEmptyDatabase();
      for (let i = 0; i < 3; i++) sources.push(new DataSource(dataSourceOptions(database.url, { extra: { max: 3 } })));
      await Promise.all(sources.map((source) => source.initialize()));
    });
    afterAll(async () => {
      await Promise.all(sources.map((source) => source.destroy()));
      await database?.drop();
    });

    it('applies every migration once, and the others wait and find none pending', async () => {
      const applied = await Promise.all(sources.map((source) => runMigrationsExclusively(source)));
      const all = sources[0].migrations.map((migration) => migration.name).sort();
      // One instance applied them all; the others found nothing to do.
      expect(applied.map((names) => names.length).sort((a, b) => a - b)).toEqual([0, 0, all.length]);
      expect([...applied.flat()].sort()).toEqual(all);
      const rows = await sources[0].query<{ name: string }[]>('SELECT name FROM migrations ORDER BY name');
      expect(rows.map((row) => row.name).sort()).toEqual(all);
    });

    it('imports the reference data once: the later imports find every record unchanged', async () => {
      const reports = await Promise.all(
        sources.map((source) =>
          new ReferenceDataImporter(new ReferenceDataRepository(source)).importFile(KRAKOW_REFERENCE_DATA),
        ),
      );
      const inserted = reports.map((report) => report.cities.inserted).sort((a, b) => a - b);
      expect(inserted[0]).toBe(0);
      expect(inserted[1]).toBe(0);
      expect(inserted[2]).toBeGreaterThan(0);
      const [{ cities }] = await sources[0].query<{ cities: number }[]>('SELECT count(*)::int AS cities FROM cities');
      expect(cities).toBe(inserted[2]);
    });
  });

  describe('daily jobs', () => {
    let a: TestApp;
    let b: TestApp;
    let c: TestApp;
    let anna: SignedIn;
    // Times in the city's zone (Europe/Warsaw, UTC+1 in December).
    const at = (local: string) => new Date(`${local}+01:00`);

    beforeAll(async () => {
      a = await startTestApp();
      b = await startTestApp({ seed: false, database: a.database });
      // The third logs only fatal errors: a job fails on it on purpose.
      c = await startTestApp({ seed: false, database: a.database, config: { logLevel: 'fatal' } });
      anna = await signUp(a, `anna.${randomUUID()}@example.org`, { displayName: 'Anna' });
      await request(a.app.getHttpServer())
        .put('/api/v1/me/notification-preferences')
        .set(anna.auth)
        .send({ items: [{ kind: 'forum', delivery: 'digest' }] })
        .expect(200);
    });
    afterAll(async () => {
      await c?.close();
      await b?.close();
      await a?.close();
    });

    const forumNews = (app: TestApp, title: string) =>
      app.app.get(NotificationsService).notify({
        userIds: [anna.id],
        kind: 'forum',
        event: 'session_place',
        params: { subject: { pl: { text: title, lang: 'pl' }, en: { text: title, lang: 'pl' } } },
        link: '/forum',
      });
    const digests = async () =>
      (
        await a.dataSource.query<{ text: string }[]>(
          `SELECT text FROM mail_outbox WHERE to_address = $1 AND template = 'digest' ORDER BY id`,
          [anna.email],
        )
      ).map((mail) => mail.text);
    const runs = (job: string) =>
      a.dataSource.query<{ period: string; outcome: Record<string, number> }[]>(
        'SELECT period, outcome FROM job_runs WHERE job = $1 ORDER BY period',
        [job],
      );

    it('sends the daily digest once a day, whichever instance looks and when', async () => {
      await forumNews(a, 'Agenda published');
      // Before 07:00 nothing is due.
      expect((await a.app.get(DailyJobs).runDue(at('2026-12-07T06:59:00')))['notification-digest']).toBe('not-due');

      // Two instances look at the same moment: one runs the job, the other finds it running or done.
      const [first, second] = await Promise.all([
        a.app.get(DailyJobs).runDue(at('2026-12-07T07:00:20')),
        b.app.get(DailyJobs).runDue(at('2026-12-07T07:00:40')),
      ]);
      expect([first['notification-digest'], second['notification-digest']].filter((x) => x === 'ran')).toHaveLength(1);
      expect(await digests()).toHaveLength(1);
      expect((await digests())[0]).toContain('Agenda published');

      // News after the run waits for tomorrow's digest, though a third instance looks at 07:40.
      await forumNews(b, 'Room changed');
      expect((await c.app.get(DailyJobs).runDue(at('2026-12-07T07:40:00')))['notification-digest']).toBe('already-ran');
      expect(await digests()).toHaveLength(1);

      // The next day's run, by whichever instance looks first, sends it.
      expect((await c.app.get(DailyJobs).runDue(at('2026-12-08T07:01:00')))['notification-digest']).toBe('ran');
      expect(await a.app.get(DailyJobs).runDue(at('2026-12-08T07:02:00'))).toMatchObject({
        'notification-digest': 'already-ran',
      });
      const sent = await digests();
      expect(sent).toHaveLength(2);
      expect(sent[1]).toContain('Room changed');
      expect(await runs('notification-digest')).toEqual([
        { period: '2026-12-07', outcome: { digests: 1 } },
        { period: '2026-12-08', outcome: { digests: 1 } },
      ]);
    });

    it('records no run when a job fails, so another instance runs it', async () => {
      let attempts = 0;
      const flaky = {
        name: `test-flaky-${randomUUID()}`,
        dueAt: '03:00',
        run: async (manager: EntityManager) => {
          attempts++;
          // The work is in the run's transaction: written, then undone with it when the job fails.
          await manager.query(`INSERT INTO audit_log (action, target_type, target_id) VALUES ('test.job', 'job', $1)`, [
            String(attempts),
          ]);
          if (attempts === 1) throw new Error('the mail server is down');
          return { attempts };
        },
      };
      c.app.get(DailyJobs).register(flaky);
      b.app.get(DailyJobs).register(flaky);
      expect((await c.app.get(DailyJobs).runDue(at('2026-12-09T03:00:00')))[flaky.name]).toBe('failed');
      expect(await runs(flaky.name)).toEqual([]);
      expect((await b.app.get(DailyJobs).runDue(at('2026-12-09T03:05:00')))[flaky.name]).toBe('ran');
      expect(await runs(flaky.name)).toEqual([{ period: '2026-12-09', outcome: { attempts: 2 } }]);
      const written = await a.dataSource.query<{ target_id: string }[]>(
        `SELECT target_id FROM audit_log WHERE action = 'test.job' ORDER BY id`,
      );
      expect(written.map((row) => row.target_id)).toEqual(['2']);
    });
  });
});
