/**
 * /office/delegations/new and /office/delegations/:id/edit (registry editors): a visit's dates,
 * direction, partner city or another place, purpose, areas, organisations of the city, people,
 * host, outcomes and whether the public sees it. An edit sends the version it loaded, so a save
 * over someone else's newer one is refused and said so (the server's 409, shown by the form).
 */
import { useState } from 'preact/hooks';
import { listAreas, listCities, listOrganizations } from '../../shared/api/client';
import { useApi } from '../../shared/hooks/use-api';
import { useForm } from '../../shared/hooks/use-form';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { Link, navigate } from '../../shared/router';
import { useSession } from '../../shared/session';
import {
  CheckboxGroup,
  FormError,
  PeriodFields,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  wholeNumberOrText,
} from '../../shared/ui/Form';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import {
  createDelegation,
  getDelegation,
  updateDelegation,
  DIRECTIONS,
  type Delegation,
  type DelegationInput,
} from './api';
import { useDelegationsMessages } from './i18n/messages';
import { RequireGrant } from '../../shared/ui/RequireGrant';

/** The city select's value for "another place". */
const OTHER = 'other';

const FIELDS = [
  'direction',
  'startsOn',
  'endsOn',
  'city',
  'place',
  'purpose',
  'language',
  'areas',
  'organizationIds',
  'peopleCount',
  'host',
  'outcomes',
  'isPublic',
] as const;

export function NewDelegationPage() {
  const dm = useDelegationsMessages();
  return (
    <RequireGrant grant="registry_editor" title={dm.form.newTitle} refusal={dm.staff.editorsOnly}>
      {() => (
        <FormPage title={dm.form.newTitle}>
          <DelegationForm />
        </FormPage>
      )}
    </RequireGrant>
  );
}

export function EditDelegationPage({ id }: { id: string }) {
  const dm = useDelegationsMessages();
  return (
    <RequireGrant grant="registry_editor" title={dm.form.editTitle} refusal={dm.staff.editorsOnly}>
      {() => <EditLoaded id={Number(id)} />}
    </RequireGrant>
  );
}

function EditLoaded({ id }: { id: number }) {
  const dm = useDelegationsMessages();
  const visit = useApi((signal) => getDelegation(id, signal), [id]);
  return (
    <FormPage title={dm.form.editTitle}>
      {visit.error ? (
        <LoadError error={visit.error} onRetry={visit.reload} />
      ) : !visit.data ? (
        <Loading />
      ) : (
        <DelegationForm visit={visit.data} />
      )}
    </FormPage>
  );
}

function FormPage({ title, children }: { title: string; children: preact.ComponentChildren }) {
  const dm = useDelegationsMessages();
  useDocumentTitle(title);
  return (
    <div class="narrow">
      <p class="back-link">
        <Link href="/office/delegations">← {dm.form.back}</Link>
      </p>
      <PageHeading>{title}</PageHeading>
      {children}
    </div>
  );
}

function DelegationForm({ visit }: { visit?: Delegation }) {
  const dm = useDelegationsMessages();
  const { placeName, areaName } = useI18n();
  const session = useSession();
  const cities = useApi((signal) => listCities({}, signal), []);
  const areas = useApi((signal) => listAreas(signal), []);
  const [direction, setDirection] = useState<string>(visit?.direction ?? 'incoming');
  const [startsOn, setStartsOn] = useState(visit?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(visit?.endsOn ?? '');
  const [city, setCity] = useState(visit ? (visit.city?.key ?? OTHER) : '');
  const [place, setPlace] = useState(visit?.place ?? '');
  const [purpose, setPurpose] = useState(visit?.purpose ?? '');
  const [language, setLanguage] = useState<string>(visit?.language ?? 'pl');
  const [chosenAreas, setAreas] = useState<string[]>(visit?.areas ?? []);
  const [organizationIds, setOrganizationIds] = useState<string[]>(visit?.organizationIds ?? []);
  const [people, setPeople] = useState(visit ? String(visit.peopleCount) : '');
  const [host, setHost] = useState(visit?.host ?? '');
  const [outcomes, setOutcomes] = useState(visit?.outcomes ?? '');
  const [isPublic, setIsPublic] = useState(visit?.isPublic ?? false);
  const partnerCity = city && city !== OTHER ? city : undefined;
  const organizations = useApi(
    (signal) =>
      partnerCity ? listOrganizations({ city: partnerCity, limit: 100 }, signal) : Promise.resolve(undefined),
    [partnerCity],
  );
  const form = useForm(
    () => {
      const body: DelegationInput = {
        direction: direction as DelegationInput['direction'],
        startsOn,
        endsOn,
        city: partnerCity ?? null,
        place: partnerCity ? null : place.trim() || null,
        purpose,
        language: language as 'pl' | 'en',
        areas: chosenAreas,
        // Only the organisations of the city chosen now (a city changed leaves the others behind).
        organizationIds: organizationIds.filter(
          (id) =>
            organizations.data?.items.some((organization) => organization.id === id) ??
            visit?.organizationIds.includes(id),
        ),
        peopleCount: wholeNumberOrText(people),
        host: host.trim() || null,
        outcomes: outcomes.trim() || null,
        isPublic,
      };
      return visit ? updateDelegation(visit.id, { ...body, version: visit.version }) : createDelegation(body);
    },
    {
      fields: FIELDS,
      onSuccess: () => {
        session.showNotice({ kind: 'delegationSaved', path: '/office/delegations' });
        navigate(`/office/delegations?year=${startsOn.slice(0, 4)}`);
      },
    },
  );
  if (cities.error) return <LoadError error={cities.error} onRetry={cities.reload} />;
  if (!cities.data || !areas.data) return <Loading />;
  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate>
      <FormError form={form} />
      <SelectField
        id="visit-direction"
        field="direction"
        form={form}
        label={dm.form.direction}
        value={direction}
        onValue={setDirection}
        options={DIRECTIONS.map((value) => ({ value, label: dm.direction[value] }))}
      />
      <PeriodFields
        form={form}
        start={{
          id: 'visit-starts-on',
          field: 'startsOn',
          label: dm.form.startsOn,
          value: startsOn,
          onValue: setStartsOn,
        }}
        end={{ id: 'visit-ends-on', field: 'endsOn', label: dm.form.endsOn, value: endsOn, onValue: setEndsOn }}
      />
      <SelectField
        id="visit-city"
        field="city"
        form={form}
        label={dm.form.city}
        placeholder="—"
        value={city}
        onValue={setCity}
        options={[
          ...cities.data.items.map((item) => ({ value: item.key, label: placeName(item) })),
          { value: OTHER, label: dm.form.otherPlace },
        ]}
      />
      {city === OTHER && (
        <TextField
          id="visit-place"
          field="place"
          form={form}
          type="text"
          label={dm.form.place}
          hint={dm.form.placeHint}
          lang={language}
          maxLength={200}
          value={place}
          onValue={setPlace}
        />
      )}
      <SelectField
        id="visit-language"
        field="language"
        form={form}
        label={dm.form.language}
        value={language}
        onValue={setLanguage}
        options={(['pl', 'en'] as const).map((value) => ({ value, label: dm.form.languages[value] }))}
      />
      <TextAreaField
        id="visit-purpose"
        field="purpose"
        form={form}
        label={dm.form.purpose}
        rows={3}
        maxLength={2000}
        lang={language}
        value={purpose}
        onValue={setPurpose}
      />
      <TextField
        id="visit-people"
        field="peopleCount"
        form={form}
        type="number"
        min={1}
        max={10000}
        label={dm.form.people}
        value={people}
        onValue={setPeople}
      />
      <CheckboxGroup
        id="visit-areas"
        field="areas"
        form={form}
        legend={dm.form.areas}
        options={areas.data.items.map((key) => ({ value: key, label: areaName(key) }))}
        values={chosenAreas}
        onValues={setAreas}
      />
      {organizations.data && organizations.data.items.length > 0 && (
        <CheckboxGroup
          id="visit-organizations"
          field="organizationIds"
          form={form}
          legend={dm.form.organizations}
          options={organizations.data.items.map((organization) => ({
            value: organization.id,
            label: organization.name,
          }))}
          values={organizationIds}
          onValues={setOrganizationIds}
        />
      )}
      <TextField
        id="visit-host"
        field="host"
        form={form}
        type="text"
        label={dm.form.host}
        hint={dm.form.hostHint}
        optional
        lang={language}
        maxLength={300}
        value={host}
        onValue={setHost}
      />
      <TextAreaField
        id="visit-outcomes"
        field="outcomes"
        form={form}
        label={dm.form.outcomes}
        optional
        rows={3}
        maxLength={4000}
        lang={language}
        value={outcomes}
        onValue={setOutcomes}
      />
      <div class="field field--checkbox">
        <input
          id="visit-public"
          type="checkbox"
          checked={isPublic}
          onChange={(event) => setIsPublic(event.currentTarget.checked)}
        />
        <label for="visit-public">{dm.form.isPublic}</label>
      </div>
      <SubmitButton form={form}>{dm.form.save}</SubmitButton>
    </form>
  );
}
