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

/** Three kinds of tests, all run by `npm test`: unit (beside the code), integration and browser. */
module.exports = {
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    { ...common, displayName: 'unit', roots: ['<rootDir>/src'], testMatch: ['**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      testTimeout: 30000,
    },
    withBrowser && {
      ...common,
      displayName: 'browser',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      testTimeout: 60000,
    },
  ].filter(Boolean),
};
