import { useI18n } from '../i18n/i18n';

/**
 * "(original in Polish)" beside a text shown in a language other than the page's: the server
 * returns a text in the reader's language when a version exists, so a text in another language is
 * the original, untranslated.
 */
export function OriginalLanguage({ lang, block }: { lang: string | null | undefined; block?: boolean }) {
  const { m, language, languageName } = useI18n();
  if (!lang || lang === language) return null;
  const note = `(${m.common.originalIn(lang, languageName(lang))})`;
  return block ? <p class="original-language">{note}</p> : <span class="original-language"> {note}</span>;
}
