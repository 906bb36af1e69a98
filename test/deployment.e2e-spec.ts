import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

const root = resolve(__dirname, '..');
const read = (path: string) => readFileSync(resolve(root, path), 'utf8');

interface ComposeService {
  image?: string;
  build?: string | { context: string };
  environment?: Record<string, string>;
  ports?: string[];
  expose?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] | string };
  stop_grace_period?: string;
  command?: string[];
}

/** Seconds of a compose duration such as "15s" or "1m30s". */
function seconds(duration: string): number {
  const match = /^(?:(\d+)m)?(?:(\d+)s)?$/.exec(duration);
  if (!match || duration === '') throw new Error(`not a duration: ${duration}`);
  return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
}

/**
 * docker-compose.yml as a city runs it. There is no Docker engine where the tests run, so the file
 * is read as Docker Compose reads it (YAML with merge keys; every key once) and its topology is
 * checked: what the instances share, what waits for what, what is published, where the secrets
 * come from.
 */
describe('docker-compose.yml', () => {
  const text = read('docker-compose.yml');
  const compose = parse(text, { merge: true, uniqueKeys: true, strict: true }) as {
    services: Record<string, ComposeService>;
    volumes: Record<string, unknown>;
  };
  const services = compose.services;
  const apps = Object.entries(services).filter(([, service]) => service.image === 'cooperation-forum:local');

  it('runs a proxy, two app instances, PostgreSQL and Redis', () => {
    expect(Object.keys(services).sort()).toEqual(['app-1', 'app-2', 'postgres', 'proxy', 'redis']);
    expect(apps.map(([name]) => name)).toEqual(['app-1', 'app-2']);
    expect(services.postgres.image).toMatch(/^postgres:\d+/);
    expect(services.redis.image).toMatch(/^redis:\d/);
    expect(services.proxy.image).toMatch(/^caddy:2/);
  });

  it('builds every instance from the Dockerfile, which starts the server (migrations under a lock, then listening)', () => {
    for (const [, app] of apps) expect(app.build).toBe('.');
    const dockerfile = read('Dockerfile');
    expect(dockerfile).toMatch(/^CMD \["node", "dist\/src\/main\.js"\]$/m);
    expect(dockerfile).toMatch(/^EXPOSE 3000$/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    // The server applies the migrations under an advisory lock before it listens, so instances
    // may start together (test/many-instances.e2e-spec.ts).
    const main = read('src/main.ts');
    expect(main.indexOf('runMigrationsExclusively(')).toBeGreaterThan(-1);
    expect(main.indexOf('runMigrationsExclusively(')).toBeLessThan(main.indexOf('.listen('));
  });

  it('gives every instance the same database, Redis, token key and settings', () => {
    const [[, first], ...others] = apps;
    for (const [, app] of others) expect(app.environment).toEqual(first.environment);
    const env = first.environment!;
    const database = new URL(env.DATABASE_URL.replace(/\$\{[^}]+\}/, 'secret'));
    expect(database.hostname).toBe('postgres');
    expect(database.port).toBe('5432');
    expect(database.username).toBe(services.postgres.environment!.POSTGRES_USER);
    expect(database.pathname).toBe(`/${services.postgres.environment!.POSTGRES_DB}`);
    expect(env.DATABASE_URL).toContain('${POSTGRES_PASSWORD:?');
    expect(services.postgres.environment!.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
    expect(env.REDIS_URL).toBe('redis://redis:6379');
    expect(env.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?[^}]+\}$/);
    expect(env.TRUST_PROXY).toBe('true');
    expect(env.PORT).toBe('3000');
    expect(env.PUBLIC_URL).toMatch(/^https:\/\//);
  });

  it('starts the instances once PostgreSQL and Redis are healthy, and checks their health', () => {
    expect(services.postgres.healthcheck?.test).toEqual(['CMD-SHELL', expect.stringContaining('pg_isready')]);
    expect(services.redis.healthcheck?.test).toEqual(['CMD-SHELL', expect.stringContaining('redis-cli ping')]);
    expect(services.postgres.volumes).toEqual(['postgres-data:/var/lib/postgresql/data']);
    expect(compose.volumes).toHaveProperty('postgres-data');
    for (const [, app] of apps) {
      expect(app.depends_on).toEqual({
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
      });
      expect((app.healthcheck!.test as string[]).join(' ')).toContain("fetch('http://127.0.0.1:3000/health')");
      // Docker waits longer than the instance's own bound before it kills it.
      expect(seconds(app.stop_grace_period!)).toBeGreaterThan(Number(app.environment!.SHUTDOWN_TIMEOUT_SECONDS));
    }
  });

  it('publishes only the proxy, which sends requests and sockets to every instance', () => {
    expect(services.proxy.ports).toEqual(['80:80', '443:443', '443:443/udp']);
    for (const [name, service] of Object.entries(services)) if (name !== 'proxy') expect(service.ports).toBeUndefined();
    for (const [, app] of apps) expect(app.expose).toEqual(['3000']);
    expect(services.proxy.environment!.APP_UPSTREAMS.split(' ')).toEqual(apps.map(([name]) => `${name}:3000`));
    expect(Object.keys(services.proxy.depends_on!).sort()).toEqual(apps.map(([name]) => name));
    expect(services.proxy.volumes).toContain('./deploy/Caddyfile:/etc/caddy/Caddyfile:ro');
    const caddyfile = read('deploy/Caddyfile');
    expect(caddyfile).toMatch(/reverse_proxy \{\$APP_UPSTREAMS[:}]/);
    expect(caddyfile).toMatch(/health_uri \/health/);
    expect(caddyfile).toMatch(/lb_policy cookie/);
    expect(caddyfile).toMatch(/lb_try_duration/);
  });

  it('takes its secrets from the environment or .env, and refuses to start without them', () => {
    const references = [...text.matchAll(/\$\{([A-Z_]+)(:[?-])?([^}]*)\}/g)].map(([, name, kind]) => ({ name, kind }));
    // Every variable is required (:?, which fails with a message) or has a default (:-).
    for (const reference of references) expect(reference).toEqual({ name: reference.name, kind: expect.any(String) });
    const required = [...new Set(references.filter((r) => r.kind === ':?').map((r) => r.name))].sort();
    expect(required).toEqual(['JWT_SECRET', 'POSTGRES_PASSWORD']);
    const example = read('.env.example');
    for (const name of new Set(references.map((r) => r.name))) expect(example).toMatch(new RegExp(`^${name}=$`, 'm'));
    // .env holds the secrets: never committed, never copied into an image.
    expect(read('.gitignore').split('\n')).toContain('.env');
    expect(read('.dockerignore').split('\n')).toContain('.env');
    expect(execFileSync('git', ['ls-files', '.env'], { cwd: root, encoding: 'utf8' })).toBe('');
  });
});
