import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { signUp, verifiedOrganization, type SignedIn } from './support/accounts';
import { createEmptyDatabase, type TestDatabase } from './support/database';
import {
  asTestApp,
  healthy,
  logged,
  sharedSecret,
  startInstance,
  stopInstance,
  type Instance,
} from './support/instances';
import { ask, collect, connect, connected } from './support/sockets';
import { KRAKOW_REFERENCE_DATA } from './support/test-app';

interface ImportReport {
  report: Record<string, { inserted: number; updated: number } | number>;
}

/**
 * docker-compose.yml's topology without Docker: one PostgreSQL server (the tests' own, a new
 * empty database on it), Redis, and three real instances (`node dist/src/main.js`) with one
 * token key, started at the same moment, as a first `docker compose up` starts them. Left out
 * (with a line saying so) where no Redis runs, except in CI; see jest.config.js.
 */
describe('three instances started together on an empty database', () => {
  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  let database: TestDatabase;
  let dataSource: DataSource;
  let instances: Instance[] = [];
  const sockets: Socket[] = [];

  beforeAll(async () => {
    database = await createEmptyDatabase();
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
      // A stream of this run's own, so that parallel runs never hear each other.
      REDIS_STREAM: `cooperation-forum-test:${randomUUID()}`,
      JWT_SECRET: sharedSecret(),
    };
    instances = await Promise.all(['one', 'two', 'three'].map((name) => startInstance(name, env)));
    await Promise.all(instances.map((instance) => healthy(instance)));
    dataSource = new DataSource(dataSourceOptions(database.url, { extra: { max: 2 } }));
    await dataSource.initialize();
  }, 240_000);
  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    await Promise.all(instances.map((instance) => stopInstance(instance)));
    await dataSource?.destroy();
    await database?.drop();
  });

  it('applies the migrations once and imports the reference data once', async () => {
    const migrations = readdirSync(join(__dirname, '..', 'dist', 'migrations')).filter((file) => file.endsWith('.js'));
    const applied = instances.map((instance) => {
      const line = instance.output.find((text) => /^applied \d+ migration/.test(text));
      return line ? Number(/^applied (\d+)/.exec(line)![1]) : 0;
    });
    expect(applied.sort((a, b) => a - b)).toEqual([0, 0, migrations.length]);
    const [{ count }] = await dataSource.query<{ count: number }[]>('SELECT count(*)::int AS count FROM migrations');
    expect(count).toBe(migrations.length);

    // One instance inserted the reference data; the two others found every record unchanged.
    const reports = instances.map((instance) => logged<ImportReport>(instance, 'reference data imported'));
    for (const report of reports) expect(report).toHaveLength(1);
    const inserted = reports.map(([{ report }]) =>
      Object.values(report).reduce<number>(
        (sum, value) => sum + (typeof value === 'object' && 'inserted' in value ? value.inserted : 0),
        0,
      ),
    );
    expect(inserted.filter((n) => n > 0)).toHaveLength(1);
    const cities = (JSON.parse(readFileSync(KRAKOW_REFERENCE_DATA, 'utf8')) as { partner_cities: unknown[] })
      .partner_cities.length;
    const [stored] = await dataSource.query<{ count: number }[]>('SELECT count(*)::int AS count FROM cities');
    // The partner cities and the home city, each once.
    expect(stored.count).toBe(cities + 1);
  });

  it('delivers what a client on one instance sends to a client on another (Redis)', async () => {
    const first = asTestApp(instances[0].url, dataSource);
    const moderator = await signUp(first, `moderator.${randomUUID()}@example.org`, { role: 'moderator' });
    const anna: SignedIn = await signUp(first, `anna.${randomUUID()}@example.org`, { displayName: 'Anna' });
    const boris: SignedIn = await signUp(first, `boris.${randomUUID()}@example.org`, { displayName: 'Boris' });
    const school = await verifiedOrganization(first, anna, moderator);
    await verifiedOrganization(first, boris, moderator, { name: 'Lviv Youth Council', type: 'ngo', cityKey: 'lviv' });
    const api = request(instances[1].url);
    const initiative = (
      await api
        .post('/api/v1/initiatives')
        .set(anna.auth)
        .send({
          organizationId: school.id,
          title: 'Across three instances',
          summary: 'A discussion spread over the instances of a deployment.',
          kind: 'exchange',
          areas: ['education'],
          languages: ['pl'],
        })
        .expect(201)
    ).body as { id: string };
    await api.post(`/api/v1/initiatives/${initiative.id}/submit`).set(anna.auth).expect(200);
    const { channelId } = (
      await request(instances[2].url)
        .post(`/api/v1/initiatives/${initiative.id}/publish`)
        .set(moderator.auth)
        .send({})
        .expect(200)
    ).body as { channelId: number };

    const annaOnOne = connect(instances[0].url, anna.accessToken);
    const borisOnThree = connect(instances[2].url, boris.accessToken);
    sockets.push(annaOnOne, borisOnThree);
    await Promise.all([connected(annaOnOne), connected(borisOnThree)]);
    expect(await ask(annaOnOne, 'channel:join', { channelId })).toMatchObject({ ok: true, presence: 1 });
    expect(await ask(borisOnThree, 'channel:join', { channelId })).toMatchObject({ ok: true, presence: 2 });
    const received = collect(annaOnOne, 'message:new', 1);
    const ack = await ask(borisOnThree, 'message:send', {
      channelId,
      body: 'Hello from the third instance',
      clientId: randomUUID(),
    });
    expect(ack.ok).toBe(true);
    expect(await received).toEqual([ack.message]);
  });
});
