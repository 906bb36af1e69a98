/**
 * What every browser test file sets up: the real app listening with the built client (its own
 * database, as the tests read and write it directly), the one Chromium all files share (started
 * by global-setup.ts), fresh per-address limits before each test, and a check after each test that no page
 * reported an error (a script error, a CSP violation, a failed request) it did not expect.
 * Call browserHarness() at the top level of a test file, before its own hooks.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import request from 'supertest';
import { clearAddressLimits, PASSWORD } from '../support/accounts';
import { startTestApp, type TestApp } from '../support/test-app';
import { checkAccessibility, connectBrowser, waitUntil } from './browser';

export type Language = 'pl' | 'en';

/** The build to serve: CLIENT_DIR (a build of one's own), else client/dist. */
const CLIENT_DIR = resolve(__dirname, '..', '..', process.env.CLIENT_DIR ?? 'client/dist');

export interface PageOptions {
  language?: Language;
  /** Only for injecting axe-core: other pages keep the CSP, so a violation shows up as an error. */
  bypassCSP?: boolean;
}

export interface BrowserHarness {
  readonly t: TestApp;
  /** How many addresses address() has given: a number for unique names in a test. */
  readonly serial: number;
  api: () => ReturnType<typeof request>;
  /** A unique address for each person of each test. */
  address: (name: string) => string;
  /** The browser logs a failed request as a console error; a test that causes one on purpose says so. */
  expectFailedRequests: (status: number) => void;
  /** Page errors a test causes on purpose (going offline makes requests fail): not errors then. */
  expectErrors: (pattern: RegExp) => void;
  /** A new visitor (own cookies and storage) whose browser prefers the given language. */
  newPage: (options?: PageOptions) => Promise<{ page: Page; context: BrowserContext }>;
  /** A new visitor on a page. */
  visit: (path: string, options?: PageOptions) => Promise<Page>;
}

export function browserHarness(): BrowserHarness {
  let t: TestApp | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  let pageErrors: string[] = [];
  let expectedErrors: RegExp[] = [];
  let serial = 0;

  beforeAll(async () => {
    if (!existsSync(resolve(CLIENT_DIR, 'index.html')))
      throw new Error(`The web client is not built in ${CLIENT_DIR}: run \`npm run build\` first`);
    t = await startTestApp({ listen: true, config: { clientDir: CLIENT_DIR } });
    browser = await connectBrowser();
  });

  beforeEach(async () => {
    // Every request comes from 127.0.0.1: each test starts with fresh per-address limits.
    await clearAddressLimits(harness.t);
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    const errors = pageErrors.filter((error) => !expectedErrors.some((pattern) => pattern.test(error)));
    pageErrors = [];
    expectedErrors = [];
    expect(errors).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const harness: BrowserHarness = {
    get t() {
      if (!t) throw new Error('the app is not started yet (browserHarness starts it in beforeAll)');
      return t;
    },
    get serial() {
      return serial;
    },
    api: () => request(harness.t.app.getHttpServer()),
    address(name) {
      serial += 1;
      return `${name}.${serial}.${Date.now().toString(36)}@example.org`;
    },
    expectFailedRequests(status) {
      expectedErrors.push(new RegExp(`status of ${status}`));
    },
    expectErrors(pattern) {
      expectedErrors.push(pattern);
    },
    async newPage(options = {}) {
      const context = await browser!.newContext({
        baseURL: harness.t.baseUrl,
        locale: options.language === 'pl' ? 'pl-PL' : 'en-GB',
        bypassCSP: options.bypassCSP ?? false,
        viewport: { width: 1280, height: 900 },
        acceptDownloads: true,
      });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') pageErrors.push(`console error: ${message.text()}`);
      });
      return { page, context };
    },
    async visit(path, options = {}) {
      const { page } = await harness.newPage(options);
      await page.goto(path);
      return page;
    },
  };
  return harness;
}

/** A download's content (the browser is shared over a connection, so there is no local file to read). */
export async function downloadedText(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

export const accountNav = (page: Page, language: Language = 'en') =>
  page.getByRole('navigation', { name: language === 'pl' ? 'Twoje konto' : 'Your account' });

export async function waitForText(read: () => Promise<string | null>, text: string): Promise<void> {
  await waitUntil(read, (value) => value?.trim() === text, `"${text}"`);
}

export async function expectNoAccessibilityViolations(page: Page): Promise<void> {
  const violations = await checkAccessibility(page);
  // On failure the diff names the page, each rule and the elements that break it.
  expect({ page: new URL(page.url()).pathname, violations }).toEqual({
    page: new URL(page.url()).pathname,
    violations: [],
  });
}

/** Fills the login form (on the page already) in the given language and sends it. */
export async function logInThroughForm(
  page: Page,
  email: string,
  password = PASSWORD,
  language: Language = 'en',
): Promise<void> {
  await page.getByLabel(language === 'pl' ? 'Adres e-mail' : 'E-mail address').fill(email);
  await page.getByLabel(language === 'pl' ? 'Hasło' : 'Password', { exact: true }).fill(password);
  await page
    .locator('main')
    .getByRole('button', { name: language === 'pl' ? 'Zaloguj się' : 'Log in' })
    .click();
}
