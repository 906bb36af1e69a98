/**
 * `npm start` builds only what changed (scripts/build.js): a step runs when the contents of its
 * inputs differ from those of its last build, whatever the files' times.
 *
 * `npm test` has just built everything, so a build now must find nothing to do. What a change
 * does is checked in a copy of the inputs and outputs (fresh files with new times), with the same
 * script's `--check`, which changes nothing.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';

const ROOT = join(__dirname, '..');

function build(root: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('the build', () => {
  it('builds nothing when nothing changed since the last build', () => {
    const outputs = ['dist/src/main.js', 'openapi.json', 'client/src/shared/api/schema.d.ts', 'client/dist/index.html'];
    const before = outputs.map((path) => statSync(join(ROOT, path)).mtimeMs);

    const { status, output } = build(ROOT);

    expect(status).toBe(0);
    expect(output).toContain('build: server up to date');
    expect(output).toContain('build: apiTypes up to date');
    expect(output).toContain('build: client up to date');
    expect(output).not.toContain('building');
    expect(outputs.map((path) => statSync(join(ROOT, path)).mtimeMs)).toEqual(before);
  });

  describe('in a fresh copy of the inputs and outputs', () => {
    let copy: string;
    const inCopy = (path: string) => join(copy, path);

    beforeAll(() => {
      copy = mkdtempSync(join(tmpdir(), 'cooperation-forum-build-'));
      const leaveOut = new Set(['node_modules', '.git', '.data', 'coverage', 'bench', 'test', 'docs']);
      // A plain copy: every file gets a new modification time.
      cpSync(ROOT, copy, {
        recursive: true,
        filter: (path) => !leaveOut.has(relative(ROOT, path).split(sep)[0]),
      });
    });

    afterAll(() => rmSync(copy, { recursive: true, force: true }));

    it('finds everything up to date: what counts is the contents, not the files’ times', () => {
      const { status, output } = build(copy, '--check');
      expect(output).not.toContain('would be built');
      expect(status).toBe(0);
    });

    it('rebuilds the server (not the client) when a server source changes, and nothing once it is back', () => {
      const source = inCopy('src/common/icalendar.ts');
      const original = readFileSync(source, 'utf8');
      appendFileSync(source, '\n// changed\n');

      const changed = build(copy, '--check');
      expect(changed.status).toBe(1);
      expect(changed.output).toContain('build: server would be built (its inputs changed)');
      expect(changed.output).toContain('build: client up to date');

      writeFileSync(source, original);
      expect(build(copy, '--check')).toMatchObject({ status: 0 });
    });

    it('rebuilds the client (not the server) when a client source changes', () => {
      const source = inCopy('client/index.html');
      const original = readFileSync(source, 'utf8');
      appendFileSync(source, '\n<!-- changed -->\n');

      const changed = build(copy, '--check');
      expect(changed.status).toBe(1);
      expect(changed.output).toContain('build: server up to date');
      expect(changed.output).toContain('build: client would be built (its inputs changed)');

      writeFileSync(source, original);
    });

    it('rebuilds the server when a source file is added, and when an output is missing', () => {
      writeFileSync(inCopy('src/new-module.ts'), 'export const added = true;\n');
      expect(build(copy, '--check').output).toContain('build: server would be built (its inputs changed)');
      rmSync(inCopy('src/new-module.ts'));

      rmSync(inCopy('client/dist/index.html'));
      expect(build(copy, '--check').output).toContain(
        'build: client would be built (client/dist/index.html is missing)',
      );
    });
  });
});
