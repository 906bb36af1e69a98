import type { BrowserServer } from 'playwright-core';
import databaseSetup from '../support/global-setup';
import { launchBrowserServer } from './browser';

declare global {
  var __cfBrowserServer: BrowserServer | undefined;
}

/**
 * The browser tests' global setup: the tests' PostgreSQL (shared with the integration tests), and
 * one Chromium for every browser test file, which each connects to (CF_BROWSER_WS_ENDPOINT)
 * instead of starting its own; each visitor still gets a fresh context (own cookies, storage).
 */
export default async function globalSetup(): Promise<void> {
  await databaseSetup();
  if (globalThis.__cfBrowserServer) return;
  const server = await launchBrowserServer();
  globalThis.__cfBrowserServer = server;
  process.env.CF_BROWSER_WS_ENDPOINT = server.wsEndpoint();
}
