/**
 * Builds what changed, and only that: `npm start`, `npm test`, `npm run demo` and `npm run build`
 * all come through here.
 *
 *   node scripts/build.js [server|client|all] [--check]
 *
 * Three steps, each skipped when a SHA-256 of its inputs' contents (paths and bytes, so neither
 * mtimes nor the checkout's age matter) equals the one stored beside its output by its last
 * successful run:
 *
 * - server: TypeScript of src, migrations and scripts into dist/, incremental (tsc's build info
 *   in dist/), then removes the outputs of sources that no longer exist (a deleted migration
 *   must not linger in dist/migrations);
 * - api types: the server's OpenAPI document (openapi.json) and the client's types generated
 *   from it (client/src/shared/api/schema.d.ts); its input is the server's output;
 * - client: type-checks client/ against those types and bundles it with Vite into client/dist.
 *
 * `--check` changes nothing: it prints what would be built and exits 1 when anything would.
 */
'use strict';

const { createHash } = require('node:crypto');
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } = require('node:fs');
const { dirname, join, relative, sep } = require('node:path');

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'node_modules', '.bin');

/** Files and folders (all files below) whose contents decide a step's output; paths from the root. */
const STEPS = {
  server: {
    inputs: ['src', 'migrations', 'scripts', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'],
    // Tests beside the code are not part of the build (tsconfig.build.json leaves them out).
    ignore: (path) => path.endsWith('.spec.ts'),
    stamp: 'dist/.build-inputs',
    outputs: ['dist/src/main.js'],
  },
  apiTypes: {
    inputs: ['dist/src', 'dist/scripts/export-openapi.js', 'package-lock.json'],
    ignore: (path) => path.endsWith('.map'),
    stamp: 'dist/.api-types-inputs',
    outputs: ['openapi.json', 'client/src/shared/api/schema.d.ts'],
  },
  client: {
    // The client also imports from the server the socket protocol, the status sets (*.constants.ts)
    // and the notifications' wording.
    inputs: ['client', 'src', 'package-lock.json'],
    ignore: (path) =>
      path === join('client', 'dist') ||
      (path.startsWith(`src${sep}`) &&
        /\.[a-z]+$/.test(path) &&
        !path.endsWith('.constants.ts') &&
        path !== join('src', 'realtime', 'protocol.ts') &&
        path !== join('src', 'notifications', 'notification-texts.ts')),
    stamp: 'client/dist/.build-inputs',
    outputs: ['client/dist/index.html'],
  },
};

function filesUnder(root, path, ignore) {
  const full = join(root, path);
  if (!existsSync(full) || ignore(path)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full)
    .sort()
    .flatMap((name) => filesUnder(root, join(path, name), ignore));
}

/** The hash of a step's inputs: every file's path and contents, in a fixed order. */
function inputsHash(root, step) {
  const hash = createHash('sha256');
  for (const path of step.inputs.flatMap((input) => filesUnder(root, input, step.ignore))) {
    hash
      .update(path.split(sep).join('/'))
      .update('\0')
      .update(readFileSync(join(root, path)))
      .update('\0');
  }
  return hash.digest('hex');
}

/** Why a step must run, or null when its outputs are there and were built from these very inputs. */
function staleness(root, step, hash) {
  const missing = step.outputs.find((output) => !existsSync(join(root, output)));
  if (missing) return `${missing} is missing`;
  const stamp = join(root, step.stamp);
  if (!existsSync(stamp)) return 'never built here';
  return readFileSync(stamp, 'utf8').trim() === hash ? null : 'its inputs changed';
}

/** For each step: whether it is up to date, and why not. The server step runs first, so api types are judged after it. */
function plan(root = ROOT, names = Object.keys(STEPS)) {
  return names.map((name) => {
    const hash = inputsHash(root, STEPS[name]);
    return { name, hash, reason: staleness(root, STEPS[name], hash) };
  });
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`build: ${[command, ...args].join(' ')} failed\n`);
    process.exit(result.status ?? 1);
  }
}

/** Deletes what dist/ holds for sources that are gone (tsc never deletes an output). */
function pruneServerOutputs() {
  for (const top of ['src', 'migrations', 'scripts']) {
    for (const path of filesUnder(ROOT, join('dist', top), () => false)) {
      const source = relative('dist', path).replace(/\.js(\.map)?$/, '.ts');
      if (/\.js(\.map)?$/.test(path) && !existsSync(join(ROOT, source))) rmSync(join(ROOT, path));
    }
  }
}

const ACTIONS = {
  server() {
    // Without a stamp the outputs cannot be trusted: build everything again.
    if (!existsSync(join(ROOT, STEPS.server.stamp))) rmSync(join(ROOT, 'dist'), { recursive: true, force: true });
    run(join(BIN, 'tsc'), ['-p', 'tsconfig.build.json']);
    pruneServerOutputs();
  },
  apiTypes() {
    run(process.execPath, ['dist/scripts/export-openapi.js', 'openapi.json']);
    run(join(BIN, 'openapi-typescript'), ['openapi.json', '-o', 'client/src/shared/api/schema.d.ts']);
  },
  client() {
    run(join(BIN, 'tsc'), ['-p', 'client/tsconfig.json', '--noEmit']);
    run(join(BIN, 'vite'), ['build', '--config', 'client/vite.config.ts', '--logLevel', 'warn']);
  },
};

function main(args) {
  const check = args.includes('--check');
  const target = args.find((a) => !a.startsWith('--')) ?? 'all';
  const names = { server: ['server'], client: ['server', 'apiTypes', 'client'], all: Object.keys(STEPS) }[target];
  if (!names) {
    process.stderr.write(`build: unknown target ${target} (server, client or all)\n`);
    process.exit(2);
  }
  let pending = 0;
  for (const name of names) {
    // Judged one after another: a step's inputs may be the output of the one before.
    const [{ hash, reason }] = plan(ROOT, [name]);
    if (!reason) {
      process.stdout.write(`build: ${name} up to date\n`);
      continue;
    }
    pending += 1;
    process.stdout.write(`build: ${name} ${check ? 'would be built' : 'building'} (${reason})\n`);
    if (check) continue;
    ACTIONS[name]();
    const stamp = join(ROOT, STEPS[name].stamp);
    mkdirSync(dirname(stamp), { recursive: true });
    // The inputs as they were when the step started: a file changed during the build is built next time.
    writeFileSync(stamp, `${hash}\n`);
  }
  if (check && pending) process.exit(1);
}

module.exports = { STEPS, plan, inputsHash };

if (require.main === module) main(process.argv.slice(2));
