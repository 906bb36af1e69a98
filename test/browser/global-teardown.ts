import databaseTeardown from '../support/global-teardown';

export default async function globalTeardown(): Promise<void> {
  const server = globalThis.__cfBrowserServer;
  globalThis.__cfBrowserServer = undefined;
  await server?.close();
  await databaseTeardown();
}
