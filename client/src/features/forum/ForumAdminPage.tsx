/**
 * /forum/admin (city staff): create an edition and move it through its stages; decide on the
 * session proposals (accept into a room and time with a capacity, or decline with a reason);
 * set the 1:1 meeting times; mark what started at the forum; publish the outcomes.
 * The edition shown is in the query string (?edition=id), the newest by default.
 */
import { useMemo, useState } from 'preact/hooks';
import {
  acceptSession,
  advanceEdition,
  createEdition,
  createSlots,
  declineSession,
  listEditions,
  listSessions,
  listSlots,
  markOrigin,
  nextStatus,
  publishOutcomes,
  SESSION_STATUSES,
  type Edition,
  type ForumSession,
  type SessionStatus,
} from './api';
import { ApiError } from '../../shared/api/client';
import { ConfirmAction } from '../../shared/ui/ConfirmAction';
import {
  CheckboxGroup,
  FormError,
  FormStatus,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from '../../shared/ui/Form';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { RequireSignIn } from '../../shared/ui/RequireSignIn';
import { useForumMessages } from './i18n/messages';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { Link, navigate, useLocation } from '../../shared/router';
import { useApi } from '../../shared/hooks/use-api';
import {
  EditionStatusBadge,
  editionDays,
  forumTimestamp,
  KindLabel,
  useForumForm,
  useForumFormat,
} from './components/common';

export function ForumAdminPage() {
  const fm = useForumMessages();
  return (
    <RequireSignIn title={fm.adminTitle} staff>
      {() => <Admin />}
    </RequireSignIn>
  );
}

function Admin() {
  const fm = useForumMessages();
  const format = useForumFormat();
  useDocumentTitle(fm.adminTitle);
  const { path, search } = useLocation();
  const editions = useApi((signal) => listEditions(signal), []);
  const items = editions.data?.items ?? [];
  const wanted = new URLSearchParams(search).get('edition');
  const edition = items.find((item) => item.id === wanted) ?? items[0];
  const show = (id: string) => navigate(`${path}?edition=${id}`, { replace: true });

  return (
    <div class="forum forum-admin">
      <PageHeading>{fm.adminTitle}</PageHeading>
      <p class="lead">{fm.adminIntro}</p>
      {editions.error ? (
        <LoadError error={editions.error} onRetry={editions.reload} />
      ) : !editions.data ? (
        <Loading />
      ) : (
        <>
          {edition && (
            <>
              <div class="field forum-admin__choice">
                <label for="admin-edition">{fm.editionChoice}</label>
                <select id="admin-edition" value={edition.id} onChange={(event) => show(event.currentTarget.value)}>
                  {items.map((item) => (
                    <option key={item.id} value={item.id}>
                      {fm.editionTitle(item.year, format.theme(item))}
                    </option>
                  ))}
                </select>
              </div>
              <EditionAdmin key={edition.id} edition={edition} onChanged={editions.reload} />
            </>
          )}
          <CreateEdition
            onCreated={(created) => {
              editions.reload();
              show(created.id);
            }}
          />
        </>
      )}
    </div>
  );
}

function EditionAdmin({ edition, onChanged }: { edition: Edition; onChanged: () => void }) {
  const fm = useForumMessages();
  const format = useForumFormat();
  const next = nextStatus(edition.status);
  const [news, setNews] = useState<string>();
  return (
    <>
      <section aria-labelledby="admin-stage">
        <h2 id="admin-stage">{fm.editionTitle(edition.year, format.theme(edition))}</h2>
        <p>
          {format.dates(edition)}, {edition.venue}. <Link href={`/forum/editions/${edition.id}`}>{fm.title}</Link>
          {' · '}
          <Link href={`/forum/editions/${edition.id}/agenda`}>{fm.agendaLink}</Link>
        </p>
        <h3>{fm.advanceHeading}</h3>
        <p>
          {fm.status}: <EditionStatusBadge status={edition.status} />
        </p>
        <FormStatus message={news} />
        {next ? (
          <ConfirmAction
            label={fm.advanceTo[next]}
            question={fm.advanceQuestion(fm.editionStatus[next])}
            confirmLabel={fm.advanceTo[next]}
            action={() => advanceEdition(edition.id)}
            onDone={() => {
              setNews(fm.advanced(fm.editionStatus[next]));
              onChanged();
            }}
          />
        ) : (
          <p class="muted">{fm.lastStatus}</p>
        )}
      </section>
      <Proposals edition={edition} />
      <Slots edition={edition} />
      <Origins edition={edition} />
      <PublishOutcomes edition={edition} onPublished={onChanged} />
    </>
  );
}

function Proposals({ edition }: { edition: Edition }) {
  const fm = useForumMessages();
  const [status, setStatus] = useState<SessionStatus>('proposed');
  const sessions = useApi((signal) => listSessions(edition.id, status, signal), [edition.id, status]);
  const [news, setNews] = useState<string>();
  return (
    <section aria-labelledby="admin-proposals">
      <h2 id="admin-proposals">{fm.proposalsHeading}</h2>
      <div class="forum-tabs" role="group" aria-label={fm.proposalsOfStatus}>
        {SESSION_STATUSES.map((value) => (
          <button key={value} type="button" aria-pressed={status === value} onClick={() => setStatus(value)}>
            {fm.proposalStatusTab[value]}
          </button>
        ))}
      </div>
      <FormStatus message={news} />
      {sessions.error ? (
        <LoadError error={sessions.error} onRetry={sessions.reload} />
      ) : !sessions.data ? (
        <Loading />
      ) : sessions.data.items.length === 0 ? (
        <p class="empty">{fm.noProposalsOfStatus}</p>
      ) : (
        <ul class="forum-proposals" aria-busy={sessions.loading ? 'true' : undefined}>
          {sessions.data.items.map((session) => (
            <li key={session.id}>
              <Proposal
                session={session}
                edition={edition}
                onDecided={(message) => {
                  setNews(message);
                  sessions.reload();
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Proposal({
  session,
  edition,
  onDecided,
}: {
  session: ForumSession;
  edition: Edition;
  onDecided: (news: string) => void;
}) {
  const fm = useForumMessages();
  const { areaName, languageName, langOf } = useI18n();
  const format = useForumFormat();
  const titleId = `proposal-${session.id}`;
  return (
    <article class="forum-proposal" aria-labelledby={titleId}>
      <h3 id={titleId}>
        <Link href={`/forum/sessions/${session.id}`} lang={langOf(session.titleLang)}>
          {session.title}
        </Link>
      </h3>
      <p class="forum-proposal__meta">
        {fm.proposedBy(session.organizationName)} · <KindLabel kind={session.kind} /> · {languageName(session.language)}
        {session.areas.length > 0 && <> · {session.areas.map(areaName).join(', ')}</>}
      </p>
      {session.speakers.length > 0 && (
        <p>
          {fm.speakers}: {session.speakers.join('; ')}
        </p>
      )}
      <p class="forum-abstract" lang={langOf(session.abstractLang)}>
        {session.abstract}
      </p>
      {session.status === 'accepted' && session.room && session.startsAt && session.endsAt && (
        <p class="forum-proposal__placement">
          {fm.placement(session.room, format.span(session.startsAt, session.endsAt))} · {fm.places}:{' '}
          {fm.placesTaken(session.confirmed, session.capacity ?? 0)}
        </p>
      )}
      {session.status === 'declined' && session.decisionReason && (
        <p class="forum-reason">
          {fm.decisionReason}: <span lang={langOf(session.decisionReasonLang)}>{session.decisionReason}</span>
        </p>
      )}
      {session.status === 'proposed' && (
        <div class="forum-decide">
          <AcceptForm
            session={session}
            edition={edition}
            onAccepted={(room) => onDecided(fm.accepted(session.title, room))}
          />
          <DeclineForm session={session} onDeclined={() => onDecided(fm.declined(session.title))} />
        </div>
      )}
    </article>
  );
}

function AcceptForm({
  session,
  edition,
  onAccepted,
}: {
  session: ForumSession;
  edition: Edition;
  onAccepted: (room: string) => void;
}) {
  const fm = useForumMessages();
  const format = useForumFormat();
  const days = editionDays(edition);
  const [values, setValues] = useState({
    room: '',
    day: days.length === 1 ? days[0] : '',
    start: '',
    end: '',
    capacity: '',
    qaModerated: false,
  });
  const set =
    <K extends keyof typeof values>(key: K) =>
    (value: (typeof values)[K]) =>
      setValues((previous) => ({ ...previous, [key]: value }));
  const id = (name: string) => `accept-${session.id}-${name}`;
  const form = useForumForm(
    () =>
      acceptSession(session.id, {
        room: values.room.trim(),
        // An incomplete day or time is sent as it is: the server names the field to fix.
        startsAt: values.day && values.start ? forumTimestamp(values.day, values.start) : '',
        endsAt: values.day && values.end ? forumTimestamp(values.day, values.end) : '',
        capacity: values.capacity === '' ? (undefined as unknown as number) : Number(values.capacity),
        qaModerated: values.qaModerated,
      }),
    {
      fields: ['room', 'startsAt', 'endsAt', 'capacity'],
      onSuccess: (accepted) => onAccepted(accepted.room ?? values.room),
    },
  );
  return (
    <form
      ref={form.formRef}
      class="form form--secondary forum-accept"
      noValidate
      onSubmit={form.onSubmit}
      aria-labelledby={id('heading')}
    >
      <h4 id={id('heading')}>{fm.acceptHeading}</h4>
      <FormError form={form} />
      <TextField
        id={id('room')}
        field="room"
        form={form}
        label={fm.room}
        type="text"
        maxLength={100}
        value={values.room}
        onValue={set('room')}
      />
      <SelectField
        id={id('day')}
        field="day"
        form={form}
        label={fm.day}
        value={values.day}
        onValue={set('day')}
        options={days.map((day) => ({ value: day, label: format.day(day) }))}
        placeholder={fm.chooseDay}
      />
      <div class="form__group">
        <TextField
          id={id('start')}
          field="startsAt"
          form={form}
          label={fm.startTime}
          type="time"
          value={values.start}
          onValue={set('start')}
          class="field--short"
        />
        <TextField
          id={id('end')}
          field="endsAt"
          form={form}
          label={fm.endTime}
          type="time"
          value={values.end}
          onValue={set('end')}
          class="field--short"
        />
        <TextField
          id={id('capacity')}
          field="capacity"
          form={form}
          label={fm.capacity}
          type="number"
          min={1}
          max={10000}
          value={values.capacity}
          onValue={set('capacity')}
          class="field--short"
        />
      </div>
      <div class="forum-checkbox">
        <input
          id={id('moderated')}
          type="checkbox"
          checked={values.qaModerated}
          onChange={(event) => set('qaModerated')(event.currentTarget.checked)}
        />
        <label for={id('moderated')}>{fm.moderateQuestions}</label>
      </div>
      <p class="hint">{fm.timesNote}</p>
      <div class="form__actions">
        <SubmitButton form={form}>{fm.acceptSubmit}</SubmitButton>
      </div>
    </form>
  );
}

function DeclineForm({ session, onDeclined }: { session: ForumSession; onDeclined: () => void }) {
  const fm = useForumMessages();
  const [reason, setReason] = useState('');
  const id = (name: string) => `decline-${session.id}-${name}`;
  const form = useForumForm(() => declineSession(session.id, reason.trim()), {
    fields: ['reason'],
    onSuccess: onDeclined,
  });
  return (
    <form
      ref={form.formRef}
      class="form form--secondary forum-decline"
      noValidate
      onSubmit={form.onSubmit}
      aria-labelledby={id('heading')}
    >
      <h4 id={id('heading')}>{fm.declineHeading}</h4>
      <FormError form={form} />
      <TextAreaField
        id={id('reason')}
        field="reason"
        form={form}
        label={fm.declineReason}
        hint={fm.declineReasonHint}
        rows={3}
        maxLength={2000}
        value={reason}
        onValue={setReason}
      />
      <div class="form__actions">
        <SubmitButton form={form} class="button-danger">
          {fm.declineSubmit}
        </SubmitButton>
      </div>
    </form>
  );
}

/** Consecutive slots of a length from a start to an end on one day. */
function slotsBetween(day: string, from: string, to: string, minutes: number): { startsAt: string; endsAt: string }[] {
  const toMinutes = (time: string) => {
    const [hours, mins] = time.split(':').map(Number);
    return hours * 60 + mins;
  };
  const asTime = (total: number) =>
    `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
  if (!day || !/^\d\d:\d\d$/.test(from) || !/^\d\d:\d\d$/.test(to) || !(minutes > 0)) return [];
  const slots = [];
  for (let start = toMinutes(from); start + minutes <= toMinutes(to) && slots.length < 200; start += minutes) {
    slots.push({ startsAt: forumTimestamp(day, asTime(start)), endsAt: forumTimestamp(day, asTime(start + minutes)) });
  }
  return slots;
}

function Slots({ edition }: { edition: Edition }) {
  const fm = useForumMessages();
  const format = useForumFormat();
  const days = editionDays(edition);
  const slots = useApi((signal) => listSlots(edition.id, signal), [edition.id]);
  const [values, setValues] = useState({ day: days.length === 1 ? days[0] : '', from: '', to: '', minutes: '20' });
  const set =
    <K extends keyof typeof values>(key: K) =>
    (value: (typeof values)[K]) =>
      setValues((previous) => ({ ...previous, [key]: value }));
  const planned = useMemo(() => slotsBetween(values.day, values.from, values.to, Number(values.minutes)), [values]);
  const [news, setNews] = useState<string>();
  const form = useForumForm(
    // Checked here, in the server's words, so that the field shows it like any other error.
    () =>
      planned.length
        ? createSlots(edition.id, planned)
        : Promise.reject(new ApiError(400, 'slots are required', { slots: ['slots are required'] })),
    {
      fields: ['slots'],
      onSuccess() {
        setNews(fm.slotsAdded(planned.length));
        slots.reload();
      },
    },
  );
  return (
    <section aria-labelledby="admin-slots">
      <h2 id="admin-slots">{fm.slotsHeading}</h2>
      <p>{fm.slotsIntro(edition.meetingTables)}</p>
      <form
        ref={form.formRef}
        class="form form--secondary"
        noValidate
        onSubmit={form.onSubmit}
        aria-labelledby="admin-slots"
      >
        <FormError form={form} />
        <SelectField
          id="slots-day"
          field="slots"
          form={form}
          label={fm.day}
          value={values.day}
          onValue={set('day')}
          options={days.map((day) => ({ value: day, label: format.day(day) }))}
          placeholder={fm.chooseDay}
        />
        <div class="form__group">
          <TextField
            id="slots-from"
            field="from"
            form={form}
            label={fm.slotsFrom}
            type="time"
            value={values.from}
            onValue={set('from')}
            class="field--short"
          />
          <TextField
            id="slots-to"
            field="to"
            form={form}
            label={fm.slotsTo}
            type="time"
            value={values.to}
            onValue={set('to')}
            class="field--short"
          />
          <TextField
            id="slots-length"
            field="minutes"
            form={form}
            label={fm.slotLength}
            type="number"
            min={5}
            max={240}
            step={5}
            value={values.minutes}
            onValue={set('minutes')}
            class="field--short"
          />
        </div>
        <p class="hint">{fm.timesNote}</p>
        <div class="form__actions">
          <SubmitButton form={form}>{fm.addSlots(planned.length)}</SubmitButton>
        </div>
        <FormStatus message={news} />
      </form>
      <h3>{fm.slotsList}</h3>
      {slots.error ? (
        <LoadError error={slots.error} onRetry={slots.reload} />
      ) : !slots.data ? (
        <Loading />
      ) : slots.data.items.length === 0 ? (
        <p class="empty">{fm.noSlotsYet}</p>
      ) : (
        <ul class="forum-slots">
          {slots.data.items.map((slot) => (
            <li key={slot.id}>{format.span(slot.startsAt, slot.endsAt)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Origins({ edition }: { edition: Edition }) {
  const fm = useForumMessages();
  const [kind, setKind] = useState<'initiative' | 'partnership'>('initiative');
  const [id, setId] = useState('');
  const [news, setNews] = useState<string>();
  const field = kind === 'initiative' ? 'initiativeId' : 'partnershipId';
  const form = useForumForm(() => markOrigin(edition.id, { [field]: id.trim() }), {
    fields: [field, 'initiativeId'],
    onSuccess() {
      setNews(fm.originMarked);
      setId('');
    },
  });
  return (
    <section aria-labelledby="admin-origins">
      <h2 id="admin-origins">{fm.originsHeading}</h2>
      <p>{fm.originsIntro}</p>
      <form
        ref={form.formRef}
        class="form form--secondary"
        noValidate
        onSubmit={form.onSubmit}
        aria-labelledby="admin-origins"
      >
        <FormError form={form} />
        <div class="form__group">
          <SelectField
            id="origin-kind"
            field="kind"
            form={form}
            label={fm.originKind}
            value={kind}
            onValue={(value) => setKind(value as 'initiative' | 'partnership')}
            options={[
              { value: 'initiative', label: fm.originInitiative },
              { value: 'partnership', label: fm.originPartnership },
            ]}
          />
          <TextField
            id="origin-id"
            field={field}
            form={form}
            label={fm.originId}
            hint={fm.originIdHint}
            type="text"
            spellcheck={false}
            maxLength={36}
            value={id}
            onValue={setId}
          />
        </div>
        <div class="form__actions">
          <SubmitButton form={form}>{fm.markOrigin}</SubmitButton>
        </div>
        <FormStatus message={news} />
      </form>
    </section>
  );
}

function PublishOutcomes({ edition, onPublished }: { edition: Edition; onPublished: () => void }) {
  const fm = useForumMessages();
  const { languageName, langOf, language: interfaceLanguage } = useI18n();
  const [summary, setSummary] = useState('');
  // Staff write in the language of their interface, unless they say otherwise.
  const [language, setLanguage] = useState<'pl' | 'en'>(interfaceLanguage);
  const [version, setVersion] = useState('');
  const other = language === 'pl' ? 'en' : 'pl';
  const [news, setNews] = useState<string>();
  const form = useForumForm(
    () =>
      publishOutcomes(edition.id, {
        summary: summary.trim(),
        language,
        translations: { [other]: { summary: version.trim() } },
      }),
    {
      fields: ['summary', 'language', `translations.${other}.summary`],
      onSuccess() {
        setNews(fm.outcomesPublished);
        onPublished();
      },
    },
  );
  return (
    <section aria-labelledby="admin-outcomes">
      <h2 id="admin-outcomes">{fm.outcomesHeading}</h2>
      {edition.outcomesPublished && (
        <p>
          <Link href={`/forum/editions/${edition.id}/outcomes`}>{fm.seeOutcomes}</Link>
        </p>
      )}
      {edition.status !== 'closed' ? (
        <p class="muted">{fm.outcomesAfterClose}</p>
      ) : (
        <form
          ref={form.formRef}
          class="form form--secondary"
          noValidate
          onSubmit={form.onSubmit}
          aria-labelledby="admin-outcomes"
        >
          <FormError form={form} />
          <TextAreaField
            id="outcomes-summary"
            field="summary"
            form={form}
            label={fm.summary}
            hint={fm.summaryHint}
            rows={6}
            maxLength={10000}
            lang={langOf(language)}
            value={summary}
            onValue={setSummary}
          />
          <SelectField
            id="outcomes-language"
            field="language"
            form={form}
            label={fm.summaryLanguage}
            value={language}
            onValue={(value) => setLanguage(value === 'en' ? 'en' : 'pl')}
            options={(['pl', 'en'] as const).map((code) => ({ value: code, label: languageName(code) }))}
          />
          <TextAreaField
            id="outcomes-summary-version"
            field={`translations.${other}.summary`}
            form={form}
            label={fm.summaryVersion(other)}
            optional
            rows={6}
            maxLength={10000}
            lang={langOf(other)}
            value={version}
            onValue={setVersion}
          />
          <div class="form__actions">
            <SubmitButton form={form}>{fm.publishOutcomes}</SubmitButton>
          </div>
          <FormStatus message={news} />
        </form>
      )}
    </section>
  );
}

/** Languages offered for an edition; others are rare enough to add later through the API. */
const EDITION_LANGUAGES = ['pl', 'en', 'de', 'fr', 'uk', 'es', 'it', 'he'];

function CreateEdition({ onCreated }: { onCreated: (edition: Edition) => void }) {
  const fm = useForumMessages();
  const { languageName } = useI18n();
  const [values, setValues] = useState({
    year: String(new Date().getFullYear() + 1),
    themePl: '',
    themeEn: '',
    startsOn: '',
    endsOn: '',
    venue: '',
    languages: ['pl', 'en'],
    meetingTables: '10',
  });
  const set =
    <K extends keyof typeof values>(key: K) =>
    (value: (typeof values)[K]) =>
      setValues((previous) => ({ ...previous, [key]: value }));
  const [news, setNews] = useState<string>();
  const form = useForumForm(
    () =>
      createEdition({
        year: Number(values.year),
        themePl: values.themePl.trim(),
        themeEn: values.themeEn.trim(),
        startsOn: values.startsOn,
        endsOn: values.endsOn,
        venue: values.venue.trim(),
        languages: values.languages,
        meetingTables: Number(values.meetingTables || 0),
      }),
    {
      fields: ['year', 'themePl', 'themeEn', 'startsOn', 'endsOn', 'venue', 'languages', 'meetingTables'],
      onSuccess(edition) {
        setNews(fm.created(edition.year));
        onCreated(edition);
      },
    },
  );
  return (
    <section aria-labelledby="admin-create">
      <h2 id="admin-create">{fm.createHeading}</h2>
      <form
        ref={form.formRef}
        class="form form--secondary forum-form"
        noValidate
        onSubmit={form.onSubmit}
        aria-labelledby="admin-create"
      >
        <FormError form={form} />
        <TextField
          id="edition-year"
          field="year"
          form={form}
          label={fm.year}
          type="number"
          min={2000}
          max={2100}
          value={values.year}
          onValue={set('year')}
          class="field--short"
        />
        <TextField
          id="edition-theme-pl"
          field="themePl"
          form={form}
          label={fm.themePl}
          type="text"
          maxLength={300}
          value={values.themePl}
          onValue={set('themePl')}
        />
        <TextField
          id="edition-theme-en"
          field="themeEn"
          form={form}
          label={fm.themeEn}
          type="text"
          maxLength={300}
          value={values.themeEn}
          onValue={set('themeEn')}
        />
        <div class="form__group">
          <TextField
            id="edition-starts"
            field="startsOn"
            form={form}
            label={fm.startsOn}
            type="date"
            value={values.startsOn}
            onValue={set('startsOn')}
            class="field--short"
          />
          <TextField
            id="edition-ends"
            field="endsOn"
            form={form}
            label={fm.endsOn}
            type="date"
            value={values.endsOn}
            onValue={set('endsOn')}
            class="field--short"
          />
        </div>
        <TextField
          id="edition-venue"
          field="venue"
          form={form}
          label={fm.venue}
          type="text"
          maxLength={300}
          value={values.venue}
          onValue={set('venue')}
        />
        <CheckboxGroup
          id="edition-languages"
          field="languages"
          form={form}
          legend={fm.editionLanguages}
          options={EDITION_LANGUAGES.map((code) => ({ value: code, label: languageName(code) }))}
          values={values.languages}
          onValues={set('languages')}
        />
        <TextField
          id="edition-tables"
          field="meetingTables"
          form={form}
          label={fm.meetingTables}
          type="number"
          min={0}
          max={500}
          value={values.meetingTables}
          onValue={set('meetingTables')}
          class="field--short"
        />
        <div class="form__actions">
          <SubmitButton form={form}>{fm.createSubmit}</SubmitButton>
        </div>
        <FormStatus message={news} focus />
      </form>
    </section>
  );
}
