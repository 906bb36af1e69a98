import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * Every Polish text the product shows or sends is written for every reader (issue 19): impersonal
 * or neutral forms ("Twoje konto zostało założone", "Zalogowano jako..."), not a masculine-only
 * "zakładałeś", nor split forms ("zapisałeś(-aś)", "zalogowany(-a)"), which screen readers read
 * as noise. Read from the sources, so a string added to any Polish catalogue or mail template
 * is checked without a list to keep.
 */
const root = resolve(__dirname, '..', '..', '..');

/** Second-person past tense and conditional ("zakładałeś", "prosiłaś", "chciałbyś"), and "jesteś zapisany". */
const GENDERED: RegExp[] = [
  /\p{L}+(?:łeś|łaś|łbyś|łabyś)(?!\p{L})/gu,
  /\bjesteś\s+\p{L}+(?:ny|ty|ły|na|ta|ła)(?!\p{L})/giu,
];

function polishCatalogues(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return polishCatalogues(path);
    return entry.name === 'pl.ts' && dir.endsWith('i18n') ? [path] : [];
  });
}

/**
 * Each offending form with where it is, e.g. "client/src/features/forum/i18n/pl.ts:204: zapisałeś".
 * Comments are left out: they may quote the forms they forbid.
 */
function findings(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((line, index) => (/^\s*(?:\/\/|\/\*|\*)/.test(line) ? [] : [[line, index] as const]))
    .flatMap(([line, index]) =>
      GENDERED.flatMap((pattern) =>
        [...line.matchAll(pattern)].map((match) => `${relative(root, path)}:${index + 1}: ${match[0]}`),
      ),
    );
}

describe('Polish texts', () => {
  const catalogues = polishCatalogues(join(root, 'client', 'src'));
  const files = [
    ...catalogues,
    join(root, 'src', 'mail', 'mail-templates.ts'),
    join(root, 'src', 'notifications', 'notification-texts.ts'),
  ];

  it('finds every Polish catalogue of the web client', () => {
    // The shared catalogue and one per feature that has its own texts.
    expect(catalogues.map((path) => relative(root, path))).toEqual(
      expect.arrayContaining(['client/src/shared/i18n/pl.ts', 'client/src/features/forum/i18n/pl.ts']),
    );
  });

  it.each(files.map((path) => [relative(root, path), path]))(
    '%s has no masculine-only or split-gender form',
    (_name, path) => {
      expect(findings(path)).toEqual([]);
    },
  );

  it('would catch the forms it is meant to, and not neutral ones', () => {
    const caught = (text: string) => GENDERED.some((pattern) => text.match(pattern) !== null);
    expect(caught('Jeśli to nie Ty zakładałeś konto')).toBe(true);
    expect(caught('Nie zapisałeś(-aś) się jeszcze')).toBe(true);
    expect(caught('Czy chciałabyś dołączyć?')).toBe(true);
    expect(caught('Jesteś zalogowany(-a) jako Ala')).toBe(true);
    expect(caught('Twoje konto zostało założone')).toBe(false);
    expect(caught('Zalogowano jako Ala')).toBe(false);
    expect(caught('Nie masz jeszcze zapisu na żadną sesję.')).toBe(false);
  });
});
