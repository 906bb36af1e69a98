/**
 * The details of an organisation, to create one or to edit it: name and type, city (Kraków, a
 * partner city, or any other), areas, working languages, website, description and contact; a
 * school's level, pupils' ages and subjects, and the roles and funding programmes it brings to a
 * joint project (matching ranks by them).
 */
import { useMemo, useState } from 'preact/hooks';
import {
  PARTNER_ROLES,
  PUPIL_AGE,
  SCHOOL_LEVELS,
  SCHOOL_SUBJECTS,
} from '../../../../../src/organizations/organizations.constants';
import {
  getHomeCity,
  listAreas,
  listCities,
  listOrganizationTypes,
  type OrganizationDetail,
  type OrganizationInput,
} from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n/i18n';
import { useApi } from '../../../shared/hooks/use-api';
import { useForm } from '../../../shared/hooks/use-form';
import { CheckboxGroup, FormError, SelectField, SubmitButton, TextAreaField, TextField } from '../../../shared/ui/Form';
import { LoadError, Loading } from '../../../shared/ui/LoadError';
import { chosenLanguages, COMMON_LANGUAGES, languageChoices } from '../../../shared/languages';

const OTHER_CITY = '_other';
const FIELDS = [
  'name',
  'type',
  'cityKey',
  'city',
  'country',
  'areas',
  'languages',
  'website',
  'description',
  'descriptionLanguage',
  'contactEmail',
  'contactPhone',
  'schoolLevels',
  'pupilAgeMin',
  'pupilAgeMax',
  'subjects',
  'partnerRoles',
  'fundingProgrammes',
] as const;

interface Values {
  name: string;
  type: string;
  /** A city key, OTHER_CITY, or '' before a choice. */
  cityChoice: string;
  cityName: string;
  country: string;
  areas: string[];
  languages: string[];
  otherLanguages: string;
  website: string;
  description: string;
  descriptionLanguage: string;
  contactEmail: string;
  contactPhone: string;
  schoolLevels: string[];
  pupilAgeMin: string;
  pupilAgeMax: string;
  subjects: string[];
  partnerRoles: string[];
  /** As typed: comma-separated. */
  fundingProgrammes: string;
}

function valuesOf(organization: OrganizationDetail | undefined, interfaceLanguage: string): Values {
  const languages = organization?.languages ?? [];
  return {
    name: organization?.name ?? '',
    type: organization?.type ?? '',
    cityChoice: organization ? (organization.city.key ?? OTHER_CITY) : '',
    cityName: organization && !organization.city.key ? organization.city.name : '',
    country: organization && !organization.city.key ? organization.city.country : '',
    areas: organization?.areas ?? [],
    ...languageChoices(languages),
    website: organization?.website ?? '',
    description: organization?.description ?? '',
    descriptionLanguage: organization?.descriptionLanguage ?? interfaceLanguage,
    contactEmail: organization?.contactEmail ?? '',
    contactPhone: organization?.contactPhone ?? '',
    schoolLevels: organization?.schoolLevels ?? [],
    pupilAgeMin: organization?.pupilAgeMin?.toString() ?? '',
    pupilAgeMax: organization?.pupilAgeMax?.toString() ?? '',
    subjects: organization?.subjects ?? [],
    partnerRoles: organization?.partnerRoles ?? [],
    fundingProgrammes: (organization?.fundingProgrammes ?? []).join(', '),
  };
}

/** An age as typed: a number when it is one (the server says what is wrong otherwise), else null. */
function age(value: string): number | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : Number(trimmed);
}

/**
 * The request body. An empty optional field is left out of a new organisation; when editing it is
 * sent as null, which clears it (an empty string would fail validation).
 */
function inputOf(values: Values, editing: boolean): OrganizationInput {
  const optional = (value: string) =>
    value.trim() ? value.trim() : editing ? (null as unknown as undefined) : undefined;
  const city =
    values.cityChoice === OTHER_CITY
      ? { city: values.cityName.trim(), country: values.country.trim().toUpperCase() }
      : values.cityChoice
        ? { cityKey: values.cityChoice }
        : {};
  return {
    name: values.name.trim(),
    type: values.type,
    ...city,
    areas: values.areas,
    languages: chosenLanguages(values.languages, values.otherLanguages),
    website: optional(values.website),
    description: editing ? values.description : optional(values.description),
    descriptionLanguage: values.descriptionLanguage,
    contactEmail: optional(values.contactEmail),
    contactPhone: optional(values.contactPhone),
    // A school's profile only for a school; choosing another kind clears it.
    // The checkboxes offer only the API's values (SCHOOL_LEVELS, SCHOOL_SUBJECTS, PARTNER_ROLES: the server's own lists).
    schoolLevels: (values.type === 'school' ? values.schoolLevels : []) as OrganizationInput['schoolLevels'],
    subjects: (values.type === 'school' ? values.subjects : []) as OrganizationInput['subjects'],
    ...(values.type === 'school' && (values.pupilAgeMin.trim() || values.pupilAgeMax.trim())
      ? { pupilAgeMin: age(values.pupilAgeMin), pupilAgeMax: age(values.pupilAgeMax) }
      : editing
        ? { pupilAgeMin: null, pupilAgeMax: null }
        : {}),
    partnerRoles: values.partnerRoles as OrganizationInput['partnerRoles'],
    fundingProgrammes: [
      ...new Set(
        values.fundingProgrammes
          .split(',')
          .map((programme) => programme.trim())
          .filter(Boolean),
      ),
    ],
  };
}

interface OrganizationFormProps {
  organization?: OrganizationDetail;
  submitLabel: string;
  save: (input: OrganizationInput) => Promise<OrganizationDetail>;
  onSaved: (organization: OrganizationDetail) => void;
}

export function OrganizationForm({ organization, submitLabel, save, onSaved }: OrganizationFormProps) {
  const { m, locale, language, placeName, areaName, organizationTypeName, languageName, countryName, langOf } =
    useI18n();
  const [values, setValues] = useState(() => valuesOf(organization, language));
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((previous) => ({ ...previous, [key]: value }));

  const types = useApi((signal) => listOrganizationTypes(signal), []);
  const areas = useApi((signal) => listAreas(signal), []);
  const cities = useApi((signal) => listCities({}, signal), []);
  const home = useApi((signal) => getHomeCity(signal), []);

  const form = useForm(() => save(inputOf(values, organization !== undefined)), { fields: FIELDS, onSuccess: onSaved });

  const typeOptions = useMemo(
    () =>
      (types.data?.items ?? [])
        .map((key) => ({ value: key, label: organizationTypeName(key) }))
        .sort((a, b) => a.label.localeCompare(b.label, locale)),
    [types.data, locale],
  );
  const areaOptions = useMemo(
    () =>
      (areas.data?.items ?? [])
        .map((key) => ({ value: key, label: areaName(key) }))
        .sort((a, b) => a.label.localeCompare(b.label, locale)),
    [areas.data, locale],
  );
  const cityOptions = useMemo(() => {
    const partners = (cities.data?.items ?? [])
      .map((city) => ({ value: city.key, label: `${placeName(city)} (${countryName(city.country)})` }))
      .sort((a, b) => a.label.localeCompare(b.label, locale));
    // The home city first: most organisations are from Kraków.
    const homeOption = home.data ? [{ value: home.data.key, label: placeName(home.data) }] : [];
    return [...homeOption, ...partners, { value: OTHER_CITY, label: m.organizationForm.otherCity }];
  }, [cities.data, home.data, locale]);
  const languageOptions = useMemo(
    () => COMMON_LANGUAGES.map((code) => ({ value: code, label: languageName(code) })),
    [locale],
  );

  const loadError = types.error ?? areas.error ?? cities.error ?? home.error;
  if (loadError)
    return (
      <LoadError error={loadError} onRetry={() => [types, areas, cities, home].forEach((state) => state.reload())} />
    );
  if (!types.data || !areas.data || !cities.data || !home.data) return <Loading />;

  return (
    <form ref={form.formRef} class="form organization-form" noValidate onSubmit={form.onSubmit}>
      <FormError form={form} />
      <TextField
        id="org-name"
        field="name"
        form={form}
        label={m.organizationForm.name}
        type="text"
        autocomplete="organization"
        maxLength={200}
        value={values.name}
        onValue={set('name')}
      />
      <SelectField
        id="org-type"
        field="type"
        form={form}
        label={m.organizationForm.type}
        value={values.type}
        onValue={set('type')}
        options={typeOptions}
        placeholder={m.organizationForm.chooseType}
      />
      <SelectField
        id="org-city"
        field="cityKey"
        form={form}
        label={m.organizationForm.city}
        hint={m.organizationForm.cityHint}
        value={values.cityChoice}
        onValue={set('cityChoice')}
        options={cityOptions}
        placeholder={m.organizationForm.chooseCity}
      />
      {values.cityChoice === OTHER_CITY && (
        <div class="form__group">
          <TextField
            id="org-city-name"
            field="city"
            form={form}
            label={m.organizationForm.cityName}
            type="text"
            maxLength={120}
            value={values.cityName}
            onValue={set('cityName')}
          />
          <TextField
            id="org-country"
            field="country"
            form={form}
            label={m.organizationForm.country}
            hint={m.organizationForm.countryHint}
            type="text"
            autocomplete="country"
            maxLength={2}
            spellcheck={false}
            class="field--short"
            value={values.country}
            onValue={set('country')}
          />
        </div>
      )}
      <CheckboxGroup
        id="org-areas"
        field="areas"
        form={form}
        legend={m.organizationForm.areas}
        options={areaOptions}
        values={values.areas}
        onValues={set('areas')}
      />
      <CheckboxGroup
        id="org-languages"
        field="languages"
        form={form}
        legend={m.organizationForm.languages}
        options={languageOptions}
        values={values.languages}
        onValues={set('languages')}
      >
        <div class="field">
          <label for="org-languages-other">
            {m.organizationForm.otherLanguages}
            <span class="field__optional"> ({m.form.optional})</span>
          </label>
          <p id="org-languages-other-hint" class="hint">
            {m.organizationForm.otherLanguagesHint}
          </p>
          <input
            id="org-languages-other"
            type="text"
            spellcheck={false}
            aria-describedby="org-languages-other-hint"
            value={values.otherLanguages}
            onInput={(event) => set('otherLanguages')(event.currentTarget.value)}
          />
        </div>
      </CheckboxGroup>
      {values.type === 'school' && (
        <fieldset class="form__group">
          <legend>{m.organizationForm.school}</legend>
          <p class="hint">{m.organizationForm.schoolHint}</p>
          <CheckboxGroup
            id="org-school-levels"
            field="schoolLevels"
            form={form}
            legend={m.organizationForm.schoolLevels}
            options={SCHOOL_LEVELS.map((level) => ({ value: level, label: m.organizationForm.schoolLevel[level] }))}
            values={values.schoolLevels}
            onValues={set('schoolLevels')}
          />
          <TextField
            id="org-pupil-age-min"
            field="pupilAgeMin"
            form={form}
            label={m.organizationForm.pupilAgeMin}
            hint={m.organizationForm.pupilAgesHint}
            optional
            type="number"
            min={PUPIL_AGE.min}
            max={PUPIL_AGE.max}
            step={1}
            class="field--short"
            value={values.pupilAgeMin}
            onValue={set('pupilAgeMin')}
          />
          <TextField
            id="org-pupil-age-max"
            field="pupilAgeMax"
            form={form}
            label={m.organizationForm.pupilAgeMax}
            optional
            type="number"
            min={PUPIL_AGE.min}
            max={PUPIL_AGE.max}
            step={1}
            class="field--short"
            value={values.pupilAgeMax}
            onValue={set('pupilAgeMax')}
          />
          <CheckboxGroup
            id="org-subjects"
            field="subjects"
            form={form}
            legend={m.organizationForm.subjects}
            options={SCHOOL_SUBJECTS.map((subject) => ({ value: subject, label: m.organizationForm.subject[subject] }))}
            values={values.subjects}
            onValues={set('subjects')}
          />
        </fieldset>
      )}
      <fieldset class="form__group">
        <legend>{m.organizationForm.projects}</legend>
        <CheckboxGroup
          id="org-partner-roles"
          field="partnerRoles"
          form={form}
          legend={m.organizationForm.partnerRoles}
          options={PARTNER_ROLES.map((role) => ({ value: role, label: m.organizationForm.partnerRole[role] }))}
          values={values.partnerRoles}
          onValues={set('partnerRoles')}
        />
        <TextField
          id="org-funding-programmes"
          field="fundingProgrammes"
          form={form}
          label={m.organizationForm.fundingProgrammes}
          hint={m.organizationForm.fundingProgrammesHint}
          optional
          type="text"
          value={values.fundingProgrammes}
          onValue={set('fundingProgrammes')}
        />
      </fieldset>
      <TextField
        id="org-website"
        field="website"
        form={form}
        label={m.organizationForm.website}
        hint={m.organizationForm.websiteHint}
        optional
        type="url"
        autocomplete="url"
        spellcheck={false}
        value={values.website}
        onValue={set('website')}
      />
      <TextAreaField
        id="org-description"
        field="description"
        form={form}
        label={m.organizationForm.description}
        hint={m.organizationForm.descriptionHint}
        optional
        rows={8}
        maxLength={10000}
        lang={langOf(values.descriptionLanguage)}
        value={values.description}
        onValue={set('description')}
      />
      <SelectField
        id="org-description-language"
        field="descriptionLanguage"
        form={form}
        label={m.organizationForm.descriptionLanguage}
        value={values.descriptionLanguage}
        onValue={set('descriptionLanguage')}
        options={[...new Set([...COMMON_LANGUAGES, values.descriptionLanguage])].map((code) => ({
          value: code,
          label: languageName(code),
        }))}
      />
      <fieldset class="form__group">
        <legend>{m.organizationForm.contact}</legend>
        <p class="hint">{m.organizationForm.contactHint}</p>
        <TextField
          id="org-contact-email"
          field="contactEmail"
          form={form}
          label={m.organizationForm.contactEmail}
          optional
          type="email"
          autocomplete="work email"
          spellcheck={false}
          value={values.contactEmail}
          onValue={set('contactEmail')}
        />
        <TextField
          id="org-contact-phone"
          field="contactPhone"
          form={form}
          label={m.organizationForm.contactPhone}
          optional
          type="tel"
          autocomplete="work tel"
          value={values.contactPhone}
          onValue={set('contactPhone')}
        />
      </fieldset>
      <div class="form__actions">
        <SubmitButton form={form}>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
