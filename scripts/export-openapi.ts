/**
 * Writes the server's OpenAPI document (openapi.json), from which the web client's types are
 * generated: the client is type-checked against the API it talks to, so the two cannot drift.
 * Builds the app without connecting to a database.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createApp, createOpenApiDocument } from '../src/app.factory';
import { loadConfig } from '../src/config/app-config';

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? 'openapi.json');
  // No Redis either: the document needs no rooms, and an open Redis client would keep the build from ending.
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn', REDIS_URL: '' });
  const app = await createApp(config, 'postgres://unused/unused', {
    connect: false,
  });
  writeFileSync(out, `${JSON.stringify(createOpenApiDocument(app), null, 2)}\n`);
  await app.close();
  process.stdout.write(`OpenAPI document written to ${out}\n`);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
