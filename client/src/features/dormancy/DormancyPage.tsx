/**
 * /office/dormancy (registry editors): every partner city's activity on the platform in the last
 * 24 months, the quiet ones flagged as possibly dormant with their evidence; staff confirm (the
 * city's status becomes dormant), dismiss with a reason, or mark it for revival (a matching boost).
 */
import { useState } from 'preact/hooks';
import { api, unwrap } from '../../shared/api/client';
import type { components } from '../../shared/api/schema';
import { useApi } from '../../shared/hooks/use-api';
import { useForm } from '../../shared/hooks/use-form';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { ConfirmAction } from '../../shared/ui/ConfirmAction';
import { FormError, SubmitButton, TextField, wholeNumberOrText } from '../../shared/ui/Form';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { RequireGrant } from '../../shared/ui/RequireGrant';
import { useDelegationsMessages } from '../delegations/i18n/messages';
import { useDormancyMessages } from './i18n/messages';

type CityActivity = components['schemas']['CityActivityDto'];
type Kind = keyof CityActivity['activity'];
const KINDS: readonly Kind[] = [
  'initiatives',
  'organizations',
  'partnerships',
  'messages',
  'forumSessions',
  'meetings',
  'delegations',
];

export function DormancyPage() {
  const d = useDormancyMessages();
  const dm = useDelegationsMessages();
  // The register's editors keep the dormancy review too, so their refusal is the register's.
  return (
    <RequireGrant grant="registry_editor" title={d.title} refusal={dm.staff.editorsOnly}>
      {() => <Dormancy />}
    </RequireGrant>
  );
}

function Dormancy() {
  const { placeName, m } = useI18n();
  const d = useDormancyMessages();
  useDocumentTitle(d.title);
  const cities = useApi((signal) => unwrap(api.GET('/api/v1/dormancy', { signal })), []);
  if (cities.error) return <LoadError error={cities.error} onRetry={cities.reload} />;
  if (!cities.data) return <Loading />;
  const flagged = cities.data.items.filter((city) => city.flagged);
  const others = cities.data.items.filter((city) => !city.flagged);
  const row = (city: CityActivity) => (
    <li key={city.key} class="panel dormancy-city">
      <h3>{placeName(city)}</h3>
      <p>
        {city.status ? m.status[city.status as keyof typeof m.status] : m.status.none}
        {city.review && <> · {d.decision[city.review.decision]}</>}
        {city.review?.reason && (
          <>
            {' '}
            (<span class="dormancy-city__reason">{city.review.reason}</span>)
          </>
        )}
      </p>
      <ul class="tag-list" aria-label={d.evidence(placeName(city))}>
        {KINDS.map((kind) => (
          <li key={kind}>
            {d.kinds[kind]}: {city.activity[kind]}
          </li>
        ))}
      </ul>
      {city.flagged && <Decisions city={city} onDone={cities.reload} />}
    </li>
  );
  return (
    <div class="office dormancy">
      <PageHeading>{d.title}</PageHeading>
      <p class="lead">{d.intro(cities.data.windowMonths, cities.data.minimum)}</p>
      <h2>{d.flagged}</h2>
      {flagged.length ? <ul class="dormancy-list">{flagged.map(row)}</ul> : <p class="empty">{d.none}</p>}
      <h2>{d.others}</h2>
      <ul class="dormancy-list">{others.map(row)}</ul>
    </div>
  );
}

function Decisions({ city, onDone }: { city: CityActivity; onDone: () => void }) {
  const { placeName } = useI18n();
  const d = useDormancyMessages();
  const name = placeName(city);
  const path = { params: { path: { key: city.key } } };
  const [reason, setReason] = useState('');
  const [boost, setBoost] = useState('10');
  const dismiss = useForm(() => unwrap(api.POST('/api/v1/dormancy/{key}/dismiss', { ...path, body: { reason } })), {
    fields: ['reason'],
    onSuccess: onDone,
  });
  const revive = useForm(
    () =>
      unwrap(
        api.POST('/api/v1/dormancy/{key}/revive', {
          ...path,
          body: { boost: wholeNumberOrText(boost) },
        }),
      ),
    { fields: ['boost'], onSuccess: onDone },
  );
  return (
    <div class="dormancy-city__decisions">
      <ConfirmAction
        label={d.confirm(name)}
        question={d.confirmQuestion(name)}
        confirmLabel={d.confirmButton}
        action={() => unwrap(api.POST('/api/v1/dormancy/{key}/confirm', { ...path, body: {} }))}
        onDone={onDone}
      />
      <form ref={dismiss.formRef} class="form" noValidate onSubmit={dismiss.onSubmit}>
        <FormError form={dismiss} />
        <TextField
          id={`dismiss-${city.key}`}
          field="reason"
          form={dismiss}
          type="text"
          label={`${d.reason} (${name})`}
          maxLength={2000}
          value={reason}
          onValue={setReason}
        />
        <SubmitButton form={dismiss} class="button-secondary">
          {d.dismiss}
        </SubmitButton>
      </form>
      <form ref={revive.formRef} class="form" noValidate onSubmit={revive.onSubmit}>
        <FormError form={revive} />
        <TextField
          id={`boost-${city.key}`}
          field="boost"
          form={revive}
          type="number"
          min={1}
          max={20}
          label={`${d.boost} (${name})`}
          value={boost}
          onValue={setBoost}
        />
        <SubmitButton form={revive} class="button-secondary">
          {d.revive}
        </SubmitButton>
      </form>
    </div>
  );
}
