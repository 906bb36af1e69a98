import { useEffect, useRef, useState } from 'preact/hooks';
import { listOrganizations, type Organization } from '../../../shared/api/client';
import { useInitiativesI18n } from '../i18n/messages';
import type { FormState } from '../../../shared/hooks/use-form';
import { ExplainedText } from '../../../shared/ui/Form';

const SEARCH_DELAY_MS = 300;

export interface CoOrganizer {
  id: string;
  name: string;
}

interface CoOrganizerPickerProps {
  form: FormState;
  /** The organisation posting the initiative: not its own co-organiser. */
  organizationId: string;
  values: readonly CoOrganizer[];
  onValues: (values: CoOrganizer[]) => void;
}

/**
 * Co-organisers are verified organisations, found by name in the directory: the reader types,
 * the matches are listed with "Add" buttons, and the chosen ones with "Remove" buttons.
 */
export function CoOrganizerPicker({ form, organizationId, values, onValues }: CoOrganizerPickerProps) {
  const { t, m } = useInitiativesI18n();
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<Organization[]>();
  const chosenList = useRef<HTMLUListElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const error = form.fieldError('coOrganizerIds');

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setMatches(undefined);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      listOrganizations({ q, limit: 8 }, controller.signal).then(
        (page) => setMatches(page.items),
        () => setMatches([]),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  const offered = (matches ?? []).filter(
    (organization) => organization.id !== organizationId && !values.some((chosen) => chosen.id === organization.id),
  );
  return (
    <fieldset
      class={`checkbox-group co-organizers${error ? ' field--invalid' : ''}`}
      id="initiative-co-organizers"
      aria-describedby={`initiative-co-organizers-hint${error ? ' initiative-co-organizers-error' : ''}`}
    >
      <legend>
        {t.form.coOrganizers}
        <span class="field__optional"> ({m.form.optional})</span>
      </legend>
      <p id="initiative-co-organizers-hint" class="hint">
        {t.form.coOrganizersHint}
      </p>
      {error && (
        <p id="initiative-co-organizers-error" class="field-error">
          <span class="visually-hidden">{m.form.errorPrefix} </span>
          <ExplainedText explained={error} />
        </p>
      )}
      {values.length === 0 ? (
        <p class="muted">{t.form.noCoOrganizers}</p>
      ) : (
        <ul class="co-organizers__chosen" ref={chosenList}>
          {values.map((organization, index) => (
            <li key={organization.id}>
              <span>{organization.name}</span>
              <button
                type="button"
                class="button-secondary"
                onClick={() => {
                  onValues(values.filter((chosen) => chosen.id !== organization.id));
                  // Focus stays in the list (the next one's button), or goes back to the search.
                  window.setTimeout(() => {
                    const buttons = chosenList.current?.querySelectorAll<HTMLButtonElement>('button');
                    const next = buttons?.[Math.min(index, buttons.length - 1)];
                    (next ?? searchBox.current)?.focus();
                  });
                }}
              >
                {t.form.remove}
                <span class="visually-hidden"> {organization.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="field">
        <label for="initiative-co-organizer-search">{t.form.coOrganizerSearch}</label>
        <input
          id="initiative-co-organizer-search"
          ref={searchBox}
          type="search"
          autocomplete="off"
          spellcheck={false}
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
          // Enter searches here; it must not send the whole form.
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.preventDefault();
          }}
        />
      </div>
      <p class="visually-hidden" role="status">
        {matches ? t.form.coOrganizerResults(offered.length) : ''}
      </p>
      {offered.length > 0 && (
        <ul class="co-organizers__matches">
          {offered.map((organization) => (
            <li key={organization.id}>
              <span>{organization.name}</span>
              <button
                type="button"
                class="button-secondary"
                onClick={() => {
                  onValues([...values, { id: organization.id, name: organization.name }]);
                  setQuery('');
                  searchBox.current?.focus();
                }}
              >
                {t.form.add}
                <span class="visually-hidden"> {organization.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
