/**
 * Browser-test helpers: the system's Chromium driven by playwright-core (no browser download),
 * and an axe-core accessibility check.
 */
import { chromium, type Browser, type BrowserServer, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The Chromium the browser tests share (started once, by their global setup). */
export function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** The shared Chromium when the global setup started one, else a Chromium of this file's own. */
export function connectBrowser(): Promise<Browser> {
  const endpoint = process.env.CF_BROWSER_WS_ENDPOINT;
  if (endpoint) return chromium.connect(endpoint);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface AccessibilityViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

interface AxeResults {
  violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

/** The axe global once injected (typed here, as the tests' tsconfig has no DOM types). */
type AxeGlobal = { axe?: { run(options: object): Promise<AxeResults> } };

const AXE_OPTIONS = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  resultTypes: ['violations'],
};

/**
 * Runs axe-core on the page as it is (WCAG 2.1 A and AA, and best practices) and returns the
 * violations in a form that reads well in a failed expectation. The page's context must be
 * created with bypassCSP: true, as the app's CSP rightly refuses the injected script.
 */
export async function checkAccessibility(page: Page): Promise<AccessibilityViolation[]> {
  const injected = await page.evaluate(() => (globalThis as AxeGlobal).axe !== undefined);
  if (!injected) await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const results = await page.evaluate((options) => (globalThis as AxeGlobal).axe!.run(options), AXE_OPTIONS);
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact ?? null,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
  }));
}

/** Waits until a condition on the page holds (what a person would wait for), or fails saying what was last seen. */
export async function waitUntil<T>(
  read: () => T | Promise<T>,
  expected: (value: T) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!expected(last)) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await read();
  }
  return last;
}
