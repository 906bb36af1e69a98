import { BadRequestException } from '@nestjs/common';
import { LOCALES, type Locale } from '../../users/users.constants';

/**
 * Second-language versions of a record's texts, stored beside the original in one `translations`
 * jsonb column: `{ "en": { "title": "...", "summary": "..." } }`. Keyed by an interface language
 * (Polish or English); never the original's own language (a CHECK constraint, `translationsCheck`).
 */
export type Translations<Fields> = Partial<Record<Locale, Partial<Fields>>>;

/** The version of one text a reader gets: theirs when it exists, else the original. */
export interface TextVersion<Value> {
  value: Value;
  /** ISO 639-1 language of `value`. */
  lang: string;
  /** `value` is the original, not a translation. */
  original: boolean;
}

/** The reader's version of `field`: the translation into their language when there is one, else the original. */
export function versionFor<Fields, Field extends keyof Fields>(
  original: Fields,
  originalLanguage: string,
  translations: Translations<Fields> | null | undefined,
  field: Field,
  reader: Locale,
): TextVersion<Fields[Field]> {
  const translated = reader === originalLanguage ? undefined : translations?.[reader]?.[field];
  if (translated === undefined || translated === null || isEmpty(translated)) {
    return { value: original[field], lang: originalLanguage, original: true };
  }
  return { value: translated, lang: reader, original: false };
}

/**
 * The version of `field` each interface language's reader gets (what a stored notification quotes:
 * it is read later, in whichever language its reader has then).
 */
export function versionsFor<Fields, Field extends keyof Fields>(
  original: Fields,
  originalLanguage: string,
  translations: Translations<Fields> | null | undefined,
  field: Field,
): Record<Locale, TextVersion<Fields[Field]>> {
  return {
    pl: versionFor(original, originalLanguage, translations, field, 'pl'),
    en: versionFor(original, originalLanguage, translations, field, 'en'),
  };
}

const isEmpty = (value: unknown) => (typeof value === 'string' || Array.isArray(value)) && value.length === 0;

/**
 * Checks translations given with the language of the original: a translation into the original's
 * own language is a 400. Returns them without empty versions, ready to store.
 */
export function checkTranslations<Fields extends object>(
  translations: Translations<Fields> | undefined,
  originalLanguage: string,
  field = 'translations',
): Translations<Fields> {
  const kept: Translations<Fields> = {};
  for (const language of LOCALES) {
    const version = translations?.[language];
    if (!version) continue;
    const filled = Object.fromEntries(
      Object.entries(version).filter(([, value]) => value !== undefined && value !== null && !isEmpty(value)),
    ) as Partial<Fields>;
    if (Object.keys(filled).length === 0) continue;
    if (language === originalLanguage) {
      const message = `${field}.${language} is in the original's language (${originalLanguage}): a second-language version must be in the other language`;
      throw new BadRequestException({ message, fields: { [`${field}.${language}`]: [message] } });
    }
    kept[language] = filled;
  }
  return kept;
}

/**
 * The database's guard of the same rule, for an entity's @Check: only interface languages as keys,
 * and never the original's language.
 */
export function translationsCheck(languageColumn: string, column = 'translations'): string {
  return `jsonb_typeof("${column}") = 'object' AND ("${column}" - ${LOCALES.map((l) => `'${l}'`).join(' - ')}) = '{}'::jsonb AND NOT ("${column}" ? "${languageColumn}")`;
}
