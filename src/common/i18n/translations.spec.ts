import { BadRequestException } from '@nestjs/common';
import { checkTranslations, versionFor } from './translations';

describe('second-language versions', () => {
  const initiative = { title: 'Wymiana szkół', summary: 'Uczniowie badają klimat.' };

  it("give the reader's version when it exists, else the original, with its language", () => {
    const translations = { en: { title: 'School exchange' } };
    expect(versionFor(initiative, 'pl', translations, 'title', 'en')).toEqual({
      value: 'School exchange',
      lang: 'en',
      original: false,
    });
    expect(versionFor(initiative, 'pl', translations, 'summary', 'en')).toEqual({
      value: 'Uczniowie badają klimat.',
      lang: 'pl',
      original: true,
    });
    expect(versionFor(initiative, 'pl', translations, 'title', 'pl')).toEqual({
      value: 'Wymiana szkół',
      lang: 'pl',
      original: true,
    });
    // An original in German: a Polish reader gets the Polish version, an English one the German original.
    const german = { title: 'Schulaustausch', summary: 'Schüler erforschen das Klima.' };
    expect(versionFor(german, 'de', { pl: { title: 'Wymiana szkół' } }, 'title', 'pl').lang).toBe('pl');
    expect(versionFor(german, 'de', { pl: { title: 'Wymiana szkół' } }, 'title', 'en').lang).toBe('de');
  });

  it('refuse a version in the original language and drop empty ones', () => {
    expect(() => checkTranslations({ pl: { title: 'Inny tytuł' } }, 'pl')).toThrow(BadRequestException);
    expect(
      checkTranslations<{ title: string; summary: string }>(
        { en: { title: '', summary: 'A summary' }, pl: { title: '' } },
        'pl',
      ),
    ).toEqual({
      en: { summary: 'A summary' },
    });
    // An empty version in the original's language is no version: nothing to refuse.
    expect(checkTranslations({ pl: { title: '' }, en: { title: 'Exchange' } }, 'pl')).toEqual({
      en: { title: 'Exchange' },
    });
  });
});
