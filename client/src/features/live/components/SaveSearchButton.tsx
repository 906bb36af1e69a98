/**
 * "Save this search", for the initiatives search page: asks for a name (one is suggested) and
 * saves the filters; the reader is then told when a newly published initiative matches them.
 * Only the filters a saved search keeps are sent (q, area, goal, kind, city, country, orgType,
 * lang); a sort order or a page cursor is left out.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { createSavedSearch, savedFiltersOf } from '../../partnerships/api';
import { currentPath, loginHref, useSession } from '../../../shared/session';
import { useI18n } from '../../../shared/i18n/i18n';
import { useLiveMessages } from '../i18n/messages';
import { Link } from '../../../shared/router';
import { useLiveForm } from '../use-live-form';
import { FormError, FormStatus, SubmitButton, TextField } from '../../../shared/ui/Form';

export function SaveSearchButton({ filters }: { filters: Record<string, unknown> }) {
  const t = useLiveMessages();
  const session = useSession();
  if (session.status === 'restoring') return null;
  if (!session.user) {
    return (
      <p class="save-search">
        <Link href={loginHref(currentPath())}>{t.savedSearches.logIn}</Link>
      </p>
    );
  }
  return <SaveSearchForm filters={filters} />;
}

function SaveSearchForm({ filters }: { filters: Record<string, unknown> }) {
  const t = useLiveMessages();
  const { m, formatDate } = useI18n();
  const [asking, setAsking] = useState(false);
  const [name, setName] = useState('');
  const [saved, setSaved] = useState<string>();
  const opener = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  const form = useLiveForm(() => createSavedSearch(name.trim(), savedFiltersOf(filters)), {
    fields: ['name'],
    onSuccess: (search) => {
      setSaved(search.name);
      setAsking(false);
    },
  });
  useEffect(() => {
    if (asking) document.getElementById('save-search-name')?.focus();
    else if (wasAsking.current && !saved) opener.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  const start = () => {
    const q = typeof filters.q === 'string' ? filters.q.trim() : '';
    setName(q || t.savedSearches.defaultName(formatDate(new Date().toISOString().slice(0, 10))));
    setSaved(undefined);
    setAsking(true);
  };

  return (
    <div class="save-search">
      {!asking ? (
        <button type="button" ref={opener} class="button-secondary" onClick={start}>
          {t.savedSearches.button}
        </button>
      ) : (
        <form ref={form.formRef} class="form save-search__form" noValidate onSubmit={form.onSubmit}>
          <FormError form={form} />
          <TextField
            id="save-search-name"
            field="name"
            form={form}
            label={t.savedSearches.name}
            hint={t.savedSearches.nameHint}
            value={name}
            onValue={setName}
            type="text"
            maxLength={100}
          />
          <div class="form__actions">
            <SubmitButton form={form}>{t.savedSearches.save}</SubmitButton>
            <button type="button" onClick={() => setAsking(false)}>
              {m.common.cancel}
            </button>
          </div>
        </form>
      )}
      <FormStatus focus={Boolean(saved)}>
        {saved && (
          <p>
            {t.savedSearches.saved(saved)} <Link href="/saved-searches">{t.savedSearches.manage}</Link>
          </p>
        )}
      </FormStatus>
    </div>
  );
}
