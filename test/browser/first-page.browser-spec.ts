/**
 * What a resident's browser downloads for the first page it opens: the home page, the cities and
 * their map, and a city page may cost at most 90 kB of gzipped JavaScript in total, everything that
 * page loads counted, the map included. Every other page is its own chunk, loaded when opened.
 */
import { gzipSync } from 'node:zlib';
import type { Page, Response } from 'playwright-core';
import { waitUntil } from './browser';
import { browserHarness, heading, waitForText } from './harness';

const BUDGET_BYTES = 90_000;

const harness = browserHarness();

/** Collects every script the page downloads, with its size gzipped (the server sends it plain). */
function recordScripts(page: Page): () => Promise<{ url: string; gzipped: number }[]> {
  const bodies: Promise<{ url: string; gzipped: number }>[] = [];
  page.on('response', (response: Response) => {
    if (response.request().resourceType() !== 'script') return;
    bodies.push(
      response.body().then((body) => ({ url: new URL(response.url()).pathname, gzipped: gzipSync(body).length })),
    );
  });
  return () => Promise.all(bodies);
}

const total = (scripts: { gzipped: number }[]) => scripts.reduce((sum, script) => sum + script.gzipped, 0);

describe('the first page a resident opens', () => {
  it('the home page loads at most 90 kB of gzipped JavaScript, and not the map', async () => {
    const { page } = await harness.newPage();
    const scripts = recordScripts(page);
    await page.goto('/');
    await waitForText(() => heading(page), 'Cooperation Forum');
    await page.getByRole('heading', { name: 'In figures' }).waitFor();
    const downloaded = await scripts();
    expect(downloaded.filter((script) => script.url.includes('WorldMap'))).toEqual([]);
    expect(total(downloaded)).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('the cities page with its map loads at most 90 kB of gzipped JavaScript', async () => {
    const { page } = await harness.newPage();
    const scripts = recordScripts(page);
    await page.goto('/cities');
    await waitForText(() => heading(page), 'Partner cities');
    const map = page.getByRole('group', { name: 'World map: Kraków and its partner cities' });
    await waitUntil(
      () => map.locator('[data-city-key]').count(),
      (n) => n === 31,
      'the 31 points of the map',
    );
    await waitForText(() => page.locator('.result-count').textContent(), '30 cities');

    const downloaded = await scripts();
    // The map is drawn, so its chunk is among them: the page really is all there.
    expect(downloaded.some((script) => script.url.includes('WorldMap'))).toBe(true);
    expect(total(downloaded)).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('a city page loads at most 90 kB of gzipped JavaScript, and not the map', async () => {
    const { page } = await harness.newPage({ language: 'pl' });
    const scripts = recordScripts(page);
    await page.goto('/cities/nuremberg');
    await waitForText(() => heading(page), 'Norymberga');
    await page.getByRole('heading', { name: 'Dokumenty' }).waitFor();

    const downloaded = await scripts();
    expect(downloaded.filter((script) => script.url.includes('WorldMap'))).toEqual([]);
    expect(total(downloaded)).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
