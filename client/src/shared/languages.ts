/**
 * Working languages on the organisation and initiative forms: the common ones are boxes to tick,
 * the others are typed as ISO 639-1 codes ("ro, bg").
 */

/** Polish, English and the languages of the partner cities. */
export const COMMON_LANGUAGES: readonly string[] = [
  'pl',
  'en',
  'de',
  'fr',
  'es',
  'it',
  'pt',
  'nl',
  'uk',
  'cs',
  'sk',
  'hu',
  'lt',
  'hr',
  'he',
  'ar',
  'ja',
  'zh',
];

/** Codes typed in a free-text field, separated by commas, semicolons or spaces. */
export function typedCodes(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((code) => code.trim())
    .filter(Boolean);
}

/** A stored list of languages as the form shows it: the ticked boxes and the typed rest. */
export function languageChoices(languages: readonly string[]): { languages: string[]; otherLanguages: string } {
  return {
    languages: languages.filter((code) => COMMON_LANGUAGES.includes(code)),
    otherLanguages: languages.filter((code) => !COMMON_LANGUAGES.includes(code)).join(', '),
  };
}

/** The form's boxes and typed codes as one list, each language once. */
export function chosenLanguages(ticked: readonly string[], typed: string): string[] {
  return [...new Set([...ticked, ...typedCodes(typed).map((code) => code.toLowerCase())])];
}
