const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');

// Type checking is `npm run typecheck`'s job: here ts-jest only transpiles.
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] };
const common = { testEnvironment: 'node', transform };

// The browser tests drive Debian's Chromium. Where it is missing they are left out with one clear
// line, except in CI (CI=true), where .ci/run installs it and a missing browser is an error.
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const withBrowser = existsSync(CHROMIUM) || process.env.CI === 'true';
if (!withBrowser) {
  process.stderr.write(`Browser tests not run: no Chromium at ${CHROMIUM} (install it: apt-get install chromium).\n`);
}

// The tests of several instances need Redis (REDIS_URL, or 127.0.0.1:6379). Where none answers it is left
// out with one clear line, except in CI, where the machine runs Redis and it must pass.
const redis = new URL(process.env.REDIS_URL || 'redis://127.0.0.1:6379');
const probe = `require('net').connect(${Number(redis.port) || 6379}, ${JSON.stringify(redis.hostname)}).on('connect', () => process.exit(0)).on('error', () => process.exit(1))`;
const withRedis =
  spawnSync(process.execPath, ['-e', probe], { timeout: 3000 }).status === 0 || process.env.CI === 'true';
if (!withRedis) {
  process.stderr.write(
    `Tests of several instances not run: no Redis at ${redis.host} (install redis-server, or set REDIS_URL).\n`,
  );
}
/** The tests of several instances joined by Redis. */
const needRedis = ['realtime-instances', 'deployment-instances', 'shutdown', 'limits'];

/** Three kinds of tests, all run by `npm test`: unit (beside the code), integration and browser. */
module.exports = {
  // Global (jest ignores it per project): real databases, browsers and argon2 take their time.
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    { ...common, displayName: 'unit', roots: ['<rootDir>/src'], testMatch: ['**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.e2e-spec.ts'],
      testPathIgnorePatterns: withRedis ? [] : needRedis,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    withBrowser && {
      ...common,
      displayName: 'browser',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/browser/global-setup.ts',
      globalTeardown: '<rootDir>/test/browser/global-teardown.ts',
    },
  ].filter(Boolean),
};
