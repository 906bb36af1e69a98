/**
 * /saved-searches: my saved searches (each with a link to its results and a way to delete it),
 * and a form to save a new one from filters chosen here. Each newly published initiative that
 * matches one of them brings a notification.
 */
import { useState } from 'preact/hooks';
import { listAreas, listCities, listOrganizationTypes } from '../../shared/api/client';
import {
  createSavedSearch,
  deleteSavedSearch,
  INITIATIVE_KINDS,
  listGoals,
  listSavedSearches,
  savedFiltersOf,
  searchQueryOf,
  type SavedFilters,
  type SavedSearch,
} from '../partnerships/api';
import { ConfirmAction } from '../../shared/ui/ConfirmAction';
import { FieldShell, FormError, FormStatus, SubmitButton, TextField } from '../../shared/ui/Form';
import type { FormState } from '../../shared/hooks/use-form';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { RequireSignIn } from '../../shared/ui/RequireSignIn';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { useLiveMessages } from './i18n/messages';
import { Link } from '../../shared/router';
import { useApi } from '../../shared/hooks/use-api';
import { useLiveForm } from './use-live-form';

export function SavedSearchesPage() {
  const t = useLiveMessages();
  return <RequireSignIn title={t.savedSearches.title}>{() => <SavedSearches />}</RequireSignIn>;
}

/** The names of what the filters hold (areas, goals, types, cities), for the form and for describing searches. */
function useVocabulary() {
  return useApi(async (signal) => {
    const [areas, goals, types, cities] = await Promise.all([
      listAreas(signal),
      listGoals(signal),
      listOrganizationTypes(signal),
      listCities({}, signal),
    ]);
    return { areas: areas.items, goals: goals.items, types: types.items, cities: cities.items };
  }, []);
}
type Vocabulary = ReturnType<typeof useVocabulary>;

function SavedSearches() {
  const t = useLiveMessages();
  useDocumentTitle(t.savedSearches.title);
  const searches = useApi((signal) => listSavedSearches(signal), []);
  const vocabulary = useVocabulary();
  const [notice, setNotice] = useState<string>();
  return (
    <div class="saved-searches">
      <PageHeading>{t.savedSearches.title}</PageHeading>
      <p class="lead">{t.savedSearches.intro}</p>
      <FormStatus message={notice} />
      {searches.error ? (
        <LoadError error={searches.error} onRetry={searches.reload} />
      ) : !searches.data ? (
        <Loading />
      ) : !searches.data.items.length ? (
        <p class="muted">{t.savedSearches.empty}</p>
      ) : (
        <ul class="saved-search-list">
          {searches.data.items.map((search) => (
            <SavedSearchItem
              key={search.id}
              search={search}
              vocabulary={vocabulary}
              onDeleted={() => {
                setNotice(t.savedSearches.deleted);
                searches.reload();
              }}
            />
          ))}
        </ul>
      )}
      <NewSavedSearch
        vocabulary={vocabulary}
        onSaved={(name) => {
          setNotice(t.savedSearches.saved(name));
          searches.reload();
        }}
      />
    </div>
  );
}

/** The filters of a search in words, in the reader's language where the vocabulary is known. */
function useFilterWords(vocabulary: Vocabulary): (filters: SavedFilters) => string[] {
  const t = useLiveMessages();
  const { language, areaName, organizationTypeName, countryName, languageName, placeName } = useI18n();
  const goal = (key: string) => vocabulary.data?.goals.find((known) => known.key === key);
  const city = (key: string) => vocabulary.data?.cities.find((known) => known.key === key);
  return (filters) => {
    const words: string[] = [];
    if (filters.q) words.push(`${t.savedSearches.q}: ${filters.q}`);
    if (filters.area) words.push(`${t.savedSearches.area}: ${areaName(filters.area)}`);
    if (filters.goal) {
      const known = goal(filters.goal);
      words.push(
        `${t.savedSearches.goal}: ${known ? (language === 'pl' ? known.namePl : known.nameEn) : filters.goal.replace(/_/g, ' ')}`,
      );
    }
    if (filters.kind) words.push(`${t.savedSearches.kind}: ${t.initiativeKind[filters.kind]}`);
    if (filters.city) {
      const known = city(filters.city);
      words.push(`${t.savedSearches.city}: ${known ? placeName(known) : filters.city}`);
    }
    if (filters.country) words.push(`${t.savedSearches.country}: ${countryName(filters.country)}`);
    if (filters.orgType) words.push(`${t.savedSearches.orgType}: ${organizationTypeName(filters.orgType)}`);
    if (filters.lang) words.push(`${t.savedSearches.lang}: ${languageName(filters.lang)}`);
    return words;
  };
}

function SavedSearchItem({
  search,
  vocabulary,
  onDeleted,
}: {
  search: SavedSearch;
  vocabulary: Vocabulary;
  onDeleted: () => void;
}) {
  const t = useLiveMessages();
  const { formatDate } = useI18n();
  const describe = useFilterWords(vocabulary);
  const words = describe(search.filters);
  const query = searchQueryOf(search.filters);
  return (
    <li class="saved-search">
      <h2 class="saved-search__name">{search.name}</h2>
      <ul class="tags">
        {words.length ? words.map((word) => <li key={word}>{word}</li>) : <li>{t.savedSearches.noFilters}</li>}
      </ul>
      <p class="muted">
        {t.savedSearches.created}: <time dateTime={search.createdAt}>{formatDate(search.createdAt.slice(0, 10))}</time>
      </p>
      <div class="actions">
        <Link href={query ? `/initiatives?${query}` : '/initiatives'} class="button-link">
          {t.savedSearches.show}
          <span class="visually-hidden">: {search.name}</span>
        </Link>
        <ConfirmAction
          label={
            <>
              {t.savedSearches.delete}
              <span class="visually-hidden">: {search.name}</span>
            </>
          }
          question={t.savedSearches.deleteQuestion(search.name)}
          confirmLabel={t.savedSearches.deleteConfirm}
          action={() => deleteSavedSearch(search.id)}
          onDone={onDeleted}
          danger
        />
      </div>
    </li>
  );
}

const EMPTY_FILTERS = { q: '', area: '', goal: '', kind: '', city: '', country: '', orgType: '', lang: '' };

function NewSavedSearch({ vocabulary, onSaved }: { vocabulary: Vocabulary; onSaved: (name: string) => void }) {
  const t = useLiveMessages();
  const { language, areaName, organizationTypeName, placeName } = useI18n();
  const [name, setName] = useState('');
  const [filters, setFilters] = useState(EMPTY_FILTERS);
  const form = useLiveForm(
    () =>
      createSavedSearch(
        name.trim(),
        savedFiltersOf({ ...filters, country: filters.country.toUpperCase(), lang: filters.lang.toLowerCase() }),
      ),
    {
      fields: [
        'name',
        'filters.q',
        'filters.area',
        'filters.goal',
        'filters.kind',
        'filters.city',
        'filters.country',
        'filters.orgType',
        'filters.lang',
      ],
      onSuccess: (saved) => {
        setName('');
        setFilters(EMPTY_FILTERS);
        onSaved(saved.name);
      },
    },
  );
  const set = (key: keyof typeof EMPTY_FILTERS) => (value: string) =>
    setFilters((current) => ({ ...current, [key]: value }));
  const any = [{ value: '', label: t.savedSearches.any }];
  const data = vocabulary.data;

  return (
    <section aria-labelledby="new-search-heading" class="panel">
      <h2 id="new-search-heading">{t.savedSearches.newHeading}</h2>
      <form ref={form.formRef} class="form" noValidate onSubmit={form.onSubmit}>
        <FormError form={form} />
        <TextField
          id="search-name"
          field="name"
          form={form}
          label={t.savedSearches.name}
          hint={t.savedSearches.nameHint}
          value={name}
          onValue={setName}
          type="text"
          maxLength={100}
        />
        <div class="form__group saved-search__filters">
          <TextField
            id="search-q"
            field="filters.q"
            form={form}
            label={t.savedSearches.q}
            optional
            value={filters.q}
            onValue={set('q')}
            type="text"
            maxLength={200}
          />
          <ChoiceField
            id="search-kind"
            field="filters.kind"
            form={form}
            label={t.savedSearches.kind}
            value={filters.kind}
            onValue={set('kind')}
            options={[...any, ...INITIATIVE_KINDS.map((kind) => ({ value: kind, label: t.initiativeKind[kind] }))]}
          />
          {data && (
            <>
              <ChoiceField
                id="search-area"
                field="filters.area"
                form={form}
                label={t.savedSearches.area}
                value={filters.area}
                onValue={set('area')}
                options={[...any, ...data.areas.map((area) => ({ value: area, label: areaName(area) }))]}
              />
              <ChoiceField
                id="search-goal"
                field="filters.goal"
                form={form}
                label={t.savedSearches.goal}
                value={filters.goal}
                onValue={set('goal')}
                options={[
                  ...any,
                  ...data.goals.map((goal) => ({
                    value: goal.key,
                    label: language === 'pl' ? goal.namePl : goal.nameEn,
                  })),
                ]}
              />
              <ChoiceField
                id="search-city"
                field="filters.city"
                form={form}
                label={t.savedSearches.city}
                value={filters.city}
                onValue={set('city')}
                options={[
                  { value: '', label: t.savedSearches.anyCity },
                  ...data.cities
                    .map((city) => ({ value: city.key, label: placeName(city) }))
                    .sort((a, b) => a.label.localeCompare(b.label)),
                ]}
              />
              <ChoiceField
                id="search-org-type"
                field="filters.orgType"
                form={form}
                label={t.savedSearches.orgType}
                value={filters.orgType}
                onValue={set('orgType')}
                options={[...any, ...data.types.map((type) => ({ value: type, label: organizationTypeName(type) }))]}
              />
            </>
          )}
          <TextField
            id="search-country"
            field="filters.country"
            form={form}
            label={t.savedSearches.country}
            optional
            value={filters.country}
            onValue={set('country')}
            type="text"
            maxLength={2}
            class="field--short"
          />
          <TextField
            id="search-lang"
            field="filters.lang"
            form={form}
            label={t.savedSearches.lang}
            optional
            value={filters.lang}
            onValue={set('lang')}
            type="text"
            maxLength={2}
            class="field--short"
          />
        </div>
        {vocabulary.error && <LoadError error={vocabulary.error} onRetry={vocabulary.reload} />}
        <div class="form__actions">
          <SubmitButton form={form}>{t.savedSearches.save}</SubmitButton>
        </div>
      </form>
    </section>
  );
}

interface ChoiceFieldProps {
  id: string;
  field: string;
  form: FormState;
  label: string;
  value: string;
  onValue: (value: string) => void;
  /** The first is "any" (an empty value): a filter may be left out. */
  options: readonly { value: string; label: string }[];
}

/** A filter chosen from a list, or none (unlike SelectField, it is not required). */
function ChoiceField({ id, field, form, label, value, onValue, options }: ChoiceFieldProps) {
  return (
    <FieldShell id={id} label={label} error={form.fieldError(field)}>
      {(described) => (
        <select {...described} name={field} value={value} onChange={(event) => onValue(event.currentTarget.value)}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
