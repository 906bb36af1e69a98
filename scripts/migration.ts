/**
 * Schema tooling on a throwaway database (embedded PostgreSQL unless DATABASE_URL is set):
 *   migration.ts generate <Name>  writes migrations/<timestamp>-<Name>.ts from the entities
 *   migration.ts check            fails when the entities and the migrations disagree, or a
 *                                 migration does not revert and apply again cleanly
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { embeddedClusterDir, ensureDatabase, openDatabaseServer } from '../src/database/database-server';

const root = resolve(__dirname, '..');

async function main(): Promise<number> {
  const [command, name] = process.argv.slice(2);
  if (command !== 'check' && !(command === 'generate' && name && /^[A-Za-z][A-Za-z0-9]*$/.test(name))) {
    console.error('usage: migration.ts check | migration.ts generate <PascalCaseName>');
    return 2;
  }
  const server = await openDatabaseServer({
    databaseUrl: process.env.DATABASE_URL,
    clusterDir: embeddedClusterDir(resolve(root, process.env.DATA_DIR || '.data', 'tooling')),
  });
  const scratch = `schema_scratch_${process.pid}`;
  const admin = new Client({ connectionString: server.urlFor('postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${scratch}`);
    await ensureDatabase(server.urlFor('postgres'), scratch);
    const url = server.urlFor(scratch);
    // TypeORM reads the schema with several statements at once on one connection: in pg's
    // pipeline mode that is what the protocol allows (otherwise pg warns of concurrent queries).
    const dataSource = new DataSource(dataSourceOptions(url, { extra: { max: 2, pipeline: true } }));
    await dataSource.initialize();
    await dataSource.runMigrations();
    const pending = await dataSource.driver.createSchemaBuilder().log();
    if (command === 'check' && pending.upQueries.length === 0) {
      // Every migration must also revert cleanly, and apply again after that.
      const applied = dataSource.migrations.length;
      for (let i = 0; i < applied; i++) await dataSource.undoLastMigration({ transaction: 'each' });
      await dataSource.runMigrations({ transaction: 'each' });
    }
    await dataSource.destroy();
    if (command === 'check') {
      if (pending.upQueries.length === 0) {
        console.log('migration check: the migrations match the entities, and revert and apply again cleanly');
        return 0;
      }
      console.error('migration check: the entities and the migrations disagree; a migration would run:');
      for (const query of pending.upQueries) console.error(`  ${query.query}`);
      console.error('Run `npm run migration:generate -- <Name>`, review the file and commit it.');
      return 1;
    }
    const result = spawnSync(
      process.execPath,
      [
        require.resolve('typeorm/cli-ts-node-commonjs.js'),
        'migration:generate',
        join('migrations', name),
        '-d',
        'src/database/data-source.ts',
        '--pretty',
      ],
      { cwd: root, stdio: 'inherit', env: { ...process.env, DATABASE_URL: url } },
    );
    if (result.status === 0) dedupeSharedEnums(name);
    return result.status ?? 1;
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    await server.stop();
  }
}

/**
 * TypeORM generates `CREATE TYPE` once per column when several tables share an enum (and one
 * `DROP TYPE` per column in down()). Keep the first creation and the last drop.
 */
function dedupeSharedEnums(name: string): void {
  const file = readdirSync(join(root, 'migrations')).find((f) => f.endsWith(`-${name}.ts`));
  if (!file) return;
  const path = join(root, 'migrations', file);
  const statement = /\n {8}await queryRunner\.query\(`\s*(CREATE|DROP) TYPE "public"\."(\w+)"[^`]*`\);/g;
  const source = readFileSync(path, 'utf8');
  const creates = new Set<string>();
  const lastDrop = new Map<string, number>();
  for (const match of source.matchAll(statement)) if (match[1] === 'DROP') lastDrop.set(match[2], match.index);
  const deduped = source.replace(statement, (whole, verb: string, type: string, offset: number) => {
    if (verb === 'CREATE') {
      if (creates.has(type)) return `\n        // ${type} is shared by several tables: created once above.`;
      creates.add(type);
      return whole;
    }
    return lastDrop.get(type) === offset
      ? whole
      : `\n        // ${type} is still used by another table: dropped below.`;
  });
  if (deduped !== source) {
    writeFileSync(path, deduped);
    console.log(`${file}: removed the repeated CREATE/DROP TYPE of shared enums`);
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
