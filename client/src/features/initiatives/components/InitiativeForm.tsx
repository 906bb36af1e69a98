/**
 * An initiative's details, to create one (a draft) or to edit it: kind, title, summary, the
 * Markdown description, what it is about (areas, goals), whom it is for (cities, countries,
 * partners sought, languages), dates, funding and co-organisers. The server checks every value;
 * its messages are shown by the fields, in the reader's language where they are known.
 */
import { useMemo, useState } from 'preact/hooks';
import { INITIATIVE_KINDS, type InitiativeDetail, type InitiativeInput, type Vocabulary } from '../api';
import { useInitiativesI18n } from '../i18n/messages';
import { withInitiativeErrors } from '../errors';
import { useForm, type FormState } from '../../../shared/hooks/use-form';
import {
  CheckboxGroup,
  FieldShell,
  FormError,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from '../../../shared/ui/Form';
import { LoadError, Loading } from '../../../shared/ui/LoadError';
import { chosenLanguages, COMMON_LANGUAGES, languageChoices, typedCodes } from '../../../shared/languages';
import { GroupedChoices } from './ChoiceGroups';
import { CoOrganizerPicker, type CoOrganizer } from './CoOrganizerPicker';
import { useVocabulary } from './use-vocabulary';

const FIELDS = [
  'organizationId',
  'kind',
  'title',
  'summary',
  'body',
  'areas',
  'goals',
  'targetCities',
  'targetCountries',
  'soughtOrgTypes',
  'languages',
  'startsOn',
  'endsOn',
  'fundingProgramme',
  'coOrganizerIds',
  'language',
  'translations.pl.title',
  'translations.pl.summary',
  'translations.en.title',
  'translations.en.summary',
] as const;

/** The languages a second-language version may be in: the interface's. */
const VERSION_LANGUAGES = ['pl', 'en'] as const;
type VersionLanguage = (typeof VERSION_LANGUAGES)[number];
type Versions = Record<VersionLanguage, { title: string; summary: string }>;

interface Values {
  organizationId: string;
  kind: string;
  /** The language the title, summary and body are written in. */
  language: string;
  title: string;
  summary: string;
  versions: Versions;
  body: string;
  areas: string[];
  goals: string[];
  targetCities: string[];
  /** Countries ticked in the list (those of Kraków and the partner cities). */
  targetCountries: string[];
  otherCountries: string;
  soughtOrgTypes: string[];
  languages: string[];
  otherLanguages: string;
  startsOn: string;
  endsOn: string;
  fundingProgramme: string;
  coOrganizers: CoOrganizer[];
}

function valuesOf(
  initiative: InitiativeDetail | undefined,
  organizationId: string,
  listedCountries: readonly string[],
  interfaceLanguage: string,
): Values {
  const countries = initiative?.targetCountries ?? [];
  const languages = initiative?.languages ?? [];
  // Editors get the texts as written (`source`); title and summary are the reader's version.
  const source = initiative?.source;
  const version = (code: VersionLanguage) => ({
    title: source?.translations[code]?.title ?? '',
    summary: source?.translations[code]?.summary ?? '',
  });
  return {
    organizationId: initiative?.organization.id ?? organizationId,
    kind: initiative?.kind ?? '',
    language: initiative?.language ?? interfaceLanguage,
    title: source?.title ?? initiative?.title ?? '',
    summary: source?.summary ?? initiative?.summary ?? '',
    versions: { pl: version('pl'), en: version('en') },
    body: initiative?.body ?? '',
    areas: initiative?.areas ?? [],
    goals: initiative?.goals ?? [],
    targetCities: initiative?.targetCities ?? [],
    targetCountries: countries.filter((code) => listedCountries.includes(code)),
    otherCountries: countries.filter((code) => !listedCountries.includes(code)).join(', '),
    soughtOrgTypes: initiative?.soughtOrgTypes ?? [],
    ...languageChoices(languages),
    startsOn: initiative?.startsOn ?? '',
    endsOn: initiative?.endsOn ?? '',
    fundingProgramme: initiative?.fundingProgramme ?? '',
    coOrganizers: (initiative?.coOrganizers ?? []).map(({ id, name }) => ({ id, name })),
  };
}

/**
 * The request body. An empty optional field is left out of a new initiative; when editing it is
 * sent as null, which clears it (an empty date would fail validation).
 */
function inputOf(values: Values, editing: boolean): InitiativeInput {
  const optional = (value: string) =>
    value.trim() ? value.trim() : editing ? (null as unknown as undefined) : undefined;
  return {
    organizationId: values.organizationId,
    kind: values.kind as InitiativeInput['kind'],
    language: values.language,
    title: values.title.trim(),
    summary: values.summary.trim(),
    // Every version but the original's language; an empty one is none (the server drops it).
    translations: Object.fromEntries(
      VERSION_LANGUAGES.filter((code) => code !== values.language).map((code) => [
        code,
        { title: values.versions[code].title.trim(), summary: values.versions[code].summary.trim() },
      ]),
    ),
    body: values.body,
    areas: values.areas,
    goals: values.goals,
    targetCities: values.targetCities,
    targetCountries: [
      ...new Set([...values.targetCountries, ...typedCodes(values.otherCountries).map((code) => code.toUpperCase())]),
    ],
    soughtOrgTypes: values.soughtOrgTypes,
    languages: chosenLanguages(values.languages, values.otherLanguages),
    startsOn: optional(values.startsOn),
    endsOn: optional(values.endsOn),
    fundingProgramme: optional(values.fundingProgramme),
    coOrganizerIds: values.coOrganizers.map((organization) => organization.id),
  };
}

interface InitiativeFormProps {
  initiative?: InitiativeDetail;
  /** For a new initiative: the organisations the reader may post for, and the one chosen first. */
  organizations?: readonly { id: string; name: string }[];
  organizationId?: string;
  submitLabel: string;
  save: (input: InitiativeInput) => Promise<InitiativeDetail>;
  onSaved: (initiative: InitiativeDetail) => void;
}

export function InitiativeForm(props: InitiativeFormProps) {
  const vocabulary = useVocabulary();
  if (vocabulary.error) return <LoadError error={vocabulary.error} onRetry={vocabulary.reload} />;
  if (!vocabulary.data) return <Loading />;
  return <InitiativeFields {...props} vocabulary={vocabulary.data} />;
}

function InitiativeFields({
  initiative,
  organizations,
  organizationId,
  submitLabel,
  save,
  onSaved,
  vocabulary,
}: InitiativeFormProps & { vocabulary: Vocabulary }) {
  const { t, locale, language, areaName, organizationTypeName, languageName, countryName, placeName, langOf } =
    useInitiativesI18n();
  const editing = initiative !== undefined;
  const sorted = <T extends { label: string }>(options: T[]) =>
    options.sort((a, b) => a.label.localeCompare(b.label, locale));

  const countryCodes = useMemo(() => [...new Set(vocabulary.cities.map((city) => city.country))], [vocabulary]);
  const [values, setValues] = useState(() => valuesOf(initiative, organizationId ?? '', countryCodes, language));
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((previous) => ({ ...previous, [key]: value }));
  const setVersion = (code: VersionLanguage, key: 'title' | 'summary') => (value: string) =>
    setValues((previous) => ({
      ...previous,
      versions: { ...previous.versions, [code]: { ...previous.versions[code], [key]: value } },
    }));

  const form = withInitiativeErrors(
    useForm(() => save(inputOf(values, editing)), { fields: FIELDS, onSuccess: onSaved }),
    t,
  );

  const options = useMemo(
    () => ({
      kinds: INITIATIVE_KINDS.map((kind) => ({ value: kind, label: t.kind[kind] })),
      areas: sorted(vocabulary.areas.map((key) => ({ value: key, label: areaName(key) }))),
      types: sorted(vocabulary.organizationTypes.map((key) => ({ value: key, label: organizationTypeName(key) }))),
      // Kraków first, then the partner cities by name.
      cities: [
        { value: vocabulary.home.key, label: placeName(vocabulary.home) },
        ...sorted(
          vocabulary.cities
            .filter((city) => city.key !== vocabulary.home.key)
            .map((city) => ({ value: city.key, label: `${placeName(city)} (${countryName(city.country)})` })),
        ),
      ],
      countries: sorted(countryCodes.map((code) => ({ value: code, label: countryName(code) }))),
      languages: COMMON_LANGUAGES.map((code) => ({ value: code, label: languageName(code) })),
      textLanguages: [...new Set([...COMMON_LANGUAGES, values.language])].map((code) => ({
        value: code,
        label: languageName(code),
      })),
      goals: (['thematic', 'geographic'] as const).map((scope) => ({
        key: scope,
        legend: scope === 'thematic' ? t.form.thematicGoals : t.form.geographicGoals,
        options: vocabulary.goals
          .filter((goal) => goal.scope === scope)
          .map((goal) => ({ value: goal.key, label: language === 'pl' ? goal.namePl : goal.nameEn })),
      })),
    }),
    [vocabulary, language, values.language],
  );

  return (
    <form ref={form.formRef} class="form initiative-form" noValidate onSubmit={form.onSubmit}>
      <FormError form={form} />
      {!editing && organizations && (
        <SelectField
          id="initiative-organization"
          field="organizationId"
          form={form}
          label={t.form.organization}
          value={values.organizationId}
          onValue={set('organizationId')}
          options={organizations.map((organization) => ({ value: organization.id, label: organization.name }))}
          placeholder={values.organizationId ? undefined : t.form.chooseOrganization}
        />
      )}
      <SelectField
        id="initiative-kind"
        field="kind"
        form={form}
        label={t.form.kind}
        value={values.kind}
        onValue={set('kind')}
        options={options.kinds}
        placeholder={t.form.chooseKind}
      />
      <SelectField
        id="initiative-language"
        field="language"
        form={form}
        label={t.form.textLanguage}
        hint={t.form.textLanguageHint}
        value={values.language}
        onValue={set('language')}
        options={options.textLanguages}
      />
      {/* No maxLength: a longer title is kept as typed and the server says by how much to shorten it. */}
      <TextField
        id="initiative-title"
        field="title"
        form={form}
        label={t.form.title}
        hint={t.form.titleHint(values.title.trim().length)}
        type="text"
        lang={langOf(values.language)}
        value={values.title}
        onValue={set('title')}
      />
      <TextAreaField
        id="initiative-summary"
        field="summary"
        form={form}
        label={t.form.summary}
        hint={t.form.summaryHint(values.summary.trim().length)}
        rows={3}
        lang={langOf(values.language)}
        value={values.summary}
        onValue={set('summary')}
      />
      {VERSION_LANGUAGES.filter((code) => code !== values.language).map((code) => (
        <fieldset class="form__group" key={code}>
          <legend>{t.form.version(code)}</legend>
          <p class="hint">{t.form.versionHint(code)}</p>
          <TextField
            id={`initiative-title-${code}`}
            field={`translations.${code}.title`}
            form={form}
            label={t.form.versionTitle(code)}
            optional
            type="text"
            lang={langOf(code)}
            value={values.versions[code].title}
            onValue={setVersion(code, 'title')}
          />
          <TextAreaField
            id={`initiative-summary-${code}`}
            field={`translations.${code}.summary`}
            form={form}
            label={t.form.versionSummary(code)}
            optional
            rows={3}
            lang={langOf(code)}
            value={values.versions[code].summary}
            onValue={setVersion(code, 'summary')}
          />
        </fieldset>
      ))}
      <TextAreaField
        id="initiative-body"
        field="body"
        form={form}
        label={t.form.body}
        hint={t.form.bodyHint}
        optional
        rows={10}
        maxLength={20000}
        lang={langOf(values.language)}
        value={values.body}
        onValue={set('body')}
        class="initiative-form__body"
      />
      <CheckboxGroup
        id="initiative-areas"
        field="areas"
        form={form}
        legend={t.form.areas}
        options={options.areas}
        values={values.areas}
        onValues={set('areas')}
      />
      <GroupedChoices
        id="initiative-goals"
        field="goals"
        form={form}
        legend={t.form.goals}
        groups={options.goals}
        values={values.goals}
        onValues={set('goals')}
      />
      <CheckboxGroup
        id="initiative-cities"
        field="targetCities"
        form={form}
        legend={t.form.targetCities}
        hint={t.form.targetCitiesHint}
        options={options.cities}
        values={values.targetCities}
        onValues={set('targetCities')}
      />
      <CheckboxGroup
        id="initiative-countries"
        field="targetCountries"
        form={form}
        legend={t.form.targetCountries}
        options={options.countries}
        values={values.targetCountries}
        onValues={set('targetCountries')}
      >
        <OtherCodes
          id="initiative-countries-other"
          label={t.form.otherCountries}
          hint={t.form.otherCountriesHint}
          value={values.otherCountries}
          onValue={set('otherCountries')}
        />
      </CheckboxGroup>
      <CheckboxGroup
        id="initiative-types"
        field="soughtOrgTypes"
        form={form}
        legend={t.form.soughtOrgTypes}
        options={options.types}
        values={values.soughtOrgTypes}
        onValues={set('soughtOrgTypes')}
      />
      <CheckboxGroup
        id="initiative-languages"
        field="languages"
        form={form}
        legend={t.form.languages}
        options={options.languages}
        values={values.languages}
        onValues={set('languages')}
      >
        <OtherCodes
          id="initiative-languages-other"
          label={t.form.otherLanguages}
          hint={t.form.otherLanguagesHint}
          value={values.otherLanguages}
          onValue={set('otherLanguages')}
        />
      </CheckboxGroup>
      <fieldset class="form__group">
        <legend>{t.form.dates}</legend>
        <DateField
          id="initiative-starts-on"
          field="startsOn"
          label={t.form.startsOn}
          form={form}
          value={values.startsOn}
          onValue={set('startsOn')}
        />
        <DateField
          id="initiative-ends-on"
          field="endsOn"
          label={t.form.endsOn}
          form={form}
          value={values.endsOn}
          onValue={set('endsOn')}
        />
      </fieldset>
      <TextField
        id="initiative-funding"
        field="fundingProgramme"
        form={form}
        label={t.form.fundingProgramme}
        hint={t.form.fundingProgrammeHint}
        optional
        type="text"
        maxLength={200}
        value={values.fundingProgramme}
        onValue={set('fundingProgramme')}
      />
      <CoOrganizerPicker
        form={form}
        organizationId={values.organizationId}
        values={values.coOrganizers}
        onValues={set('coOrganizers')}
      />
      <div class="form__actions">
        <SubmitButton form={form}>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}

function OtherCodes({
  id,
  label,
  hint,
  value,
  onValue,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onValue: (value: string) => void;
}) {
  const { m } = useInitiativesI18n();
  return (
    <div class="field">
      <label for={id}>
        {label}
        <span class="field__optional"> ({m.form.optional})</span>
      </label>
      <p id={`${id}-hint`} class="hint">
        {hint}
      </p>
      <input
        id={id}
        type="text"
        spellcheck={false}
        autocomplete="off"
        aria-describedby={`${id}-hint`}
        value={value}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
    </div>
  );
}

function DateField({
  id,
  field,
  label,
  form,
  value,
  onValue,
}: {
  id: string;
  field: string;
  label: string;
  form: FormState;
  value: string;
  onValue: (value: string) => void;
}) {
  return (
    <FieldShell id={id} label={label} error={form.fieldError(field)} optional>
      {(described) => (
        <input
          {...described}
          type="date"
          name={field}
          value={value}
          onInput={(event) => onValue(event.currentTarget.value)}
        />
      )}
    </FieldShell>
  );
}
