/**
 * On a session's page, for its proposers and staff: the title and description in the other of
 * Polish and English (the server refuses a version in the session's own language).
 */
import { useState } from 'preact/hooks';
import { setSessionTranslations, type ForumSession } from '../api';
import { useForumMessages } from '../i18n/messages';
import { useI18n } from '../../../shared/i18n/i18n';
import { FormError, FormStatus, SubmitButton, TextAreaField, TextField } from '../../../shared/ui/Form';
import { useForumForm } from './common';

const VERSION_LANGUAGES = ['pl', 'en'] as const;
type Source = NonNullable<ForumSession['source']>;

export function SessionTranslations({
  session,
  source,
  onSaved,
}: {
  session: ForumSession;
  source: Source;
  onSaved: () => void;
}) {
  const fm = useForumMessages();
  const { langOf } = useI18n();
  const codes = VERSION_LANGUAGES.filter((code) => code !== session.language);
  const [versions, setVersions] = useState(() =>
    Object.fromEntries(
      codes.map((code) => [
        code,
        { title: source.translations[code]?.title ?? '', abstract: source.translations[code]?.abstract ?? '' },
      ]),
    ),
  );
  const [news, setNews] = useState<string>();
  const fields = codes.flatMap((code) => [`translations.${code}.title`, `translations.${code}.abstract`]);
  const form = useForumForm(
    () =>
      setSessionTranslations(
        session.id,
        Object.fromEntries(
          codes.map((code) => [code, { title: versions[code].title.trim(), abstract: versions[code].abstract.trim() }]),
        ),
      ),
    {
      fields,
      onSuccess() {
        setNews(fm.versionsSaved);
        onSaved();
      },
    },
  );
  const set = (code: string, key: 'title' | 'abstract') => (value: string) => {
    setNews(undefined);
    setVersions((previous) => ({ ...previous, [code]: { ...previous[code], [key]: value } }));
  };
  if (codes.length === 0) return null;
  return (
    <section aria-labelledby="session-versions">
      <h2 id="session-versions">{fm.versionsHeading}</h2>
      <p class="hint">{fm.versionsIntro}</p>
      <form ref={form.formRef} class="form form--secondary" noValidate onSubmit={form.onSubmit}>
        <FormError form={form} />
        {codes.map((code) => (
          <div key={code}>
            <TextField
              id={`session-title-${code}`}
              field={`translations.${code}.title`}
              form={form}
              label={fm.versionTitle(code)}
              optional
              type="text"
              lang={langOf(code)}
              value={versions[code].title}
              onValue={set(code, 'title')}
            />
            <TextAreaField
              id={`session-abstract-${code}`}
              field={`translations.${code}.abstract`}
              form={form}
              label={fm.versionAbstract(code)}
              optional
              rows={5}
              maxLength={4000}
              lang={langOf(code)}
              value={versions[code].abstract}
              onValue={set(code, 'abstract')}
            />
          </div>
        ))}
        <div class="form__actions">
          <SubmitButton form={form}>{fm.saveVersions}</SubmitButton>
        </div>
        <FormStatus message={news} />
      </form>
    </section>
  );
}
