import { LANGUAGES, useI18n, type Language } from '../i18n/i18n';

// Each language is named in itself, so a reader who does not understand the current one still finds theirs.
const NAMES: Record<Language, string> = { pl: 'Polski', en: 'English' };

export function LanguageSwitch() {
  const { language, setLanguage, m } = useI18n();
  return (
    <div class="language-switch" role="group" aria-label={m.app.languageLabel}>
      {LANGUAGES.map((option) => (
        <button type="button" key={option} lang={option} aria-pressed={option === language} onClick={() => setLanguage(option)}>
          {NAMES[option]}
        </button>
      ))}
    </div>
  );
}
