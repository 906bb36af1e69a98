import { useSession } from '../session';
import { updateMe } from '../api/client';
import { LANGUAGES, loadMessages, useI18n, type Language } from '../i18n/i18n';

// Each language is named in itself, so a reader who does not understand the current one still finds theirs.
const NAMES: Record<Language, string> = { pl: 'Polski', en: 'English' };

function preloadOthers() {
  for (const language of LANGUAGES) void loadMessages(language).catch(() => undefined);
}

export function LanguageSwitch() {
  const { language, setLanguage, m } = useI18n();
  const session = useSession();
  const choose = (option: Language) => {
    setLanguage(option);
    // Signed in, the account takes the language too, so its e-mails come in it. Best effort: the
    // interface has switched whatever the answer, and the account page shows the saved language.
    if (session.user && session.user.locale !== option) {
      updateMe({ locale: option }).then(session.setUser, () => undefined);
    }
  };
  return (
    <div
      class="language-switch"
      role="group"
      aria-label={m.app.languageLabel}
      // The other language's texts are fetched as the pointer or focus comes near, ready for the click.
      onPointerEnter={preloadOthers}
      onFocusIn={preloadOthers}
    >
      {LANGUAGES.map((option) => (
        <button
          type="button"
          key={option}
          lang={option}
          aria-pressed={option === language}
          onClick={() => choose(option)}
        >
          {NAMES[option]}
        </button>
      ))}
    </div>
  );
}
