/**
 * /forum/editions/:id/my: "my forum". My registrations, my organisations' proposals, and their
 * 1:1 meetings: a schedule per organisation (accept, decline, cancel), a request for a meeting in
 * a slot with another organisation (found by name, or among suggestions of whom to meet), the
 * accepted meetings as an iCalendar file, and, once a meeting has begun, "we will work together",
 * which starts the partnership (on one of either side's initiatives, or a new draft).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, listMyOrganizations, type MyOrganization } from '../../shared/api/client';
import {
  acceptMeeting,
  cancelMeeting,
  declineMeeting,
  downloadMyMeetingsCalendar,
  getMyForum,
  listMeetingInitiatives,
  listSessions,
  listSlots,
  organizationSuggestions,
  registrationIsOpen,
  requestMeeting,
  searchOrganizations,
  SESSION_STATUSES,
  workTogether,
  type Edition,
  type Meeting,
  type MyForum,
  type Slot,
} from './api';
import { saveFile } from '../../shared/save-file';
import { ConfirmAction } from '../../shared/ui/ConfirmAction';
import {
  FieldShell,
  FormError,
  FormStatus,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from '../../shared/ui/Form';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { useForumMessages } from './i18n/messages';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { Link } from '../../shared/router';
import { Quoted } from '../../shared/ui/Quoted';
import { useApi } from '../../shared/hooks/use-api';
import { ActionError, SignedInEditionPage, toApiError, useForumForm, useForumFormat } from './components/common';

export function MyForumPage({ editionId }: { editionId: string }) {
  const fm = useForumMessages();
  return (
    <SignedInEditionPage
      editionId={editionId}
      title={(edition) => (edition ? fm.myTitle(edition.year) : fm.myForumLink)}
    >
      {(edition) => <MyForum edition={edition} />}
    </SignedInEditionPage>
  );
}

function MyForum({ edition }: { edition: Edition }) {
  const fm = useForumMessages();
  const format = useForumFormat();
  const title = fm.myTitle(edition.year);
  useDocumentTitle(title);
  const mine = useApi((signal) => getMyForum(edition.id, signal), [edition.id]);
  const organizations = useApi((signal) => listMyOrganizations(signal), []);

  return (
    <div class="forum">
      <p class="back-link">
        <Link href={`/forum/editions/${edition.id}`}>{fm.editionTitle(edition.year, format.theme(edition))}</Link>
      </p>
      <PageHeading>{title}</PageHeading>
      {(mine.error ?? organizations.error) ? (
        <LoadError
          error={(mine.error ?? organizations.error)!}
          onRetry={() => [mine, organizations].forEach((state) => state.reload())}
        />
      ) : !mine.data || !organizations.data ? (
        <Loading />
      ) : (
        <>
          <MyRegistrations edition={edition} mine={mine.data} />
          <OurProposals edition={edition} organizations={organizations.data.items} />
          <Meetings
            edition={edition}
            mine={mine.data}
            organizations={organizations.data.items}
            onChanged={mine.reload}
          />
        </>
      )}
    </div>
  );
}

function MyRegistrations({ edition, mine }: { edition: Edition; mine: MyForum }) {
  const fm = useForumMessages();
  const format = useForumFormat();
  const sessions = useApi((signal) => listSessions(edition.id, 'accepted', signal), [edition.id]);
  const byId = new Map((sessions.data?.items ?? []).map((session) => [session.id, session]));
  const startOf = (sessionId: string | null) => (sessionId && byId.get(sessionId)?.startsAt) || '';
  const forSessions = mine.registrations
    .filter((registration) => registration.sessionId !== null)
    .sort((a, b) => startOf(a.sessionId).localeCompare(startOf(b.sessionId)));
  const forEdition = mine.registrations.some((registration) => registration.sessionId === null);
  return (
    <section aria-labelledby="my-registrations">
      <h2 id="my-registrations">{fm.myRegistrations}</h2>
      {forEdition && <p>{fm.registeredForForum}</p>}
      {forSessions.length === 0 ? (
        <p class="empty">
          {fm.noRegistrations}{' '}
          {registrationIsOpen(edition.status) && (
            <Link href={`/forum/editions/${edition.id}/agenda`}>{fm.agendaLink}</Link>
          )}
        </p>
      ) : (
        <ul class="forum-my-list">
          {forSessions.map((registration) => {
            const session = byId.get(registration.sessionId!);
            return (
              <li key={registration.sessionId}>
                <Link href={`/forum/sessions/${registration.sessionId}`}>{session?.title ?? fm.agendaLink}</Link>
                {session?.startsAt && session.endsAt && (
                  <span class="muted"> {format.span(session.startsAt, session.endsAt)}</span>
                )}{' '}
                <span class={`badge forum-registration__state--${registration.status}`}>
                  {fm.registrationStatus[registration.status]}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** The sessions my organisations proposed, and what became of them. */
function OurProposals({ edition, organizations }: { edition: Edition; organizations: MyOrganization[] }) {
  const fm = useForumMessages();
  const { langOf } = useI18n();
  const ours = new Set(organizations.map((organization) => organization.id));
  const proposals = useApi(
    async (signal) =>
      (await Promise.all(SESSION_STATUSES.map((status) => listSessions(edition.id, status, signal))))
        .flatMap((list) => list.items)
        .filter((session) => ours.has(session.organizationId)),
    [edition.id, organizations.length],
  );
  if (organizations.length === 0) return null;
  return (
    <section aria-labelledby="our-proposals">
      <h2 id="our-proposals">{fm.ourProposals}</h2>
      {proposals.error ? (
        <LoadError error={proposals.error} onRetry={proposals.reload} />
      ) : !proposals.data ? (
        <Loading />
      ) : proposals.data.length === 0 ? (
        <p class="empty">{fm.noProposals}</p>
      ) : (
        <ul class="forum-my-list">
          {proposals.data.map((session) => (
            <li key={session.id}>
              <Link href={`/forum/sessions/${session.id}`} lang={langOf(session.titleLang)}>
                {session.title}
              </Link>{' '}
              <span class="muted">({session.organizationName})</span>{' '}
              <span class={`badge forum-proposal--${session.status}`}>{fm.sessionStatus[session.status]}</span>
              {session.decisionReason && (
                <span class="forum-reason">
                  {' '}
                  {fm.decisionReason}: <span lang={langOf(session.decisionReasonLang)}>{session.decisionReason}</span>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Meetings({
  edition,
  mine,
  organizations,
  onChanged,
}: {
  edition: Edition;
  mine: MyForum;
  organizations: MyOrganization[];
  onChanged: () => void;
}) {
  const fm = useForumMessages();
  const verified = organizations.filter((organization) => organization.verified);
  const [downloadError, setDownloadError] = useState<ApiError>();
  const download = async () => {
    setDownloadError(undefined);
    try {
      saveFile(await downloadMyMeetingsCalendar(edition.id), `forum-${edition.year}-meetings.ics`);
    } catch (error) {
      setDownloadError(toApiError(error));
    }
  };
  return (
    <section aria-labelledby="my-meetings">
      <h2 id="my-meetings">{fm.meetingsHeading}</h2>
      <p>{fm.meetingsIntro}</p>
      {verified.length === 0 ? (
        <p class="empty">{fm.noOrganizations}</p>
      ) : (
        <>
          <p>
            <button type="button" onClick={() => void download()}>
              {fm.downloadMeetings}
            </button>
          </p>
          <ActionError error={downloadError} />
          {verified.map((organization) => (
            <Schedule
              key={organization.id}
              organization={organization}
              meetings={mine.meetings.filter(
                (meeting) => meeting.requesterId === organization.id || meeting.inviteeId === organization.id,
              )}
              onChanged={onChanged}
            />
          ))}
          <RequestMeeting
            edition={edition}
            organizations={verified.filter((organization) => organization.myRole !== 'member')}
            onSent={onChanged}
          />
        </>
      )}
    </section>
  );
}

function Schedule({
  organization,
  meetings,
  onChanged,
}: {
  organization: MyOrganization;
  meetings: Meeting[];
  onChanged: () => void;
}) {
  const fm = useForumMessages();
  const format = useForumFormat();
  const { langOf } = useI18n();
  const [news, setNews] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState<string>();
  const canAct = organization.myRole !== 'member';
  const sorted = [...meetings].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const headingId = `schedule-${organization.id}`;

  const answer = async (meeting: Meeting, other: string, action: 'accept' | 'decline') => {
    setBusy(meeting.id);
    setError(undefined);
    try {
      const answered = await (action === 'accept' ? acceptMeeting(meeting.id) : declineMeeting(meeting.id));
      setNews(action === 'accept' ? fm.meetingAccepted(other, answered.tableNo) : fm.meetingDeclined(other));
      onChanged();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section class="forum-schedule" aria-labelledby={headingId}>
      <h3 id={headingId}>{fm.scheduleOf(organization.name)}</h3>
      <div role="status">{news && <p class="form-status__message">{news}</p>}</div>
      <ActionError error={error} />
      {sorted.length === 0 ? (
        <p class="empty">{fm.noMeetings}</p>
      ) : (
        <div>
          <table class="table table--stacked forum-meetings">
            <caption class="visually-hidden">{fm.scheduleOf(organization.name)}</caption>
            <thead>
              <tr>
                <th scope="col">{fm.meetingWhen}</th>
                <th scope="col">{fm.meetingWith}</th>
                <th scope="col">{fm.meetingStatusLabel}</th>
                <th scope="col">{fm.meetingTable}</th>
                {canAct && <th scope="col">{fm.meetingActions}</th>}
              </tr>
            </thead>
            <tbody>
              {sorted.map((meeting) => {
                const invited = meeting.inviteeId === organization.id;
                const other = invited ? meeting.requesterName : meeting.inviteeName;
                const open = meeting.status === 'requested' || meeting.status === 'accepted';
                return (
                  <tr key={meeting.id} data-meeting-id={meeting.id}>
                    <th scope="row">{format.span(meeting.startsAt, meeting.endsAt)}</th>
                    <td data-label={fm.meetingWith}>
                      {other}
                      <span class="forum-meetings__who">
                        {invited ? fm.requestedBy(meeting.requesterName) : fm.requestedOf(meeting.inviteeName)}
                      </span>
                      {meeting.message && (
                        <q class="forum-meetings__message" lang={langOf(meeting.messageLang)}>
                          {meeting.message}
                        </q>
                      )}
                    </td>
                    <td data-label={fm.meetingStatusLabel}>
                      <span class={`badge forum-meeting--${meeting.status}`}>{fm.meetingStatus[meeting.status]}</span>
                    </td>
                    <td class="forum-meetings__table" data-label={fm.meetingTable}>
                      {meeting.tableNo !== null ? fm.tableNo(meeting.tableNo) : '–'}
                    </td>
                    {canAct && (
                      <td>
                        <div class="forum-meetings__actions">
                          {invited && meeting.status === 'requested' && (
                            <>
                              <button
                                type="button"
                                class="button-primary"
                                disabled={busy === meeting.id}
                                onClick={() => void answer(meeting, other, 'accept')}
                              >
                                {fm.acceptMeeting}
                                <span class="visually-hidden"> {fm.meetingWithHidden(other)}</span>
                              </button>
                              <button
                                type="button"
                                disabled={busy === meeting.id}
                                onClick={() => void answer(meeting, other, 'decline')}
                              >
                                {fm.declineMeeting}
                                <span class="visually-hidden"> {fm.meetingWithHidden(other)}</span>
                              </button>
                            </>
                          )}
                          {meeting.partnershipId ? (
                            <Link href={`/partnerships/${meeting.partnershipId}`} class="button-link">
                              {fm.openPartnership}
                              <span class="visually-hidden"> {fm.meetingWithHidden(other)}</span>
                            </Link>
                          ) : (
                            meeting.status === 'accepted' &&
                            Date.parse(meeting.startsAt) <= Date.now() && (
                              <WorkTogether
                                meeting={meeting}
                                other={other}
                                onDone={() => {
                                  setNews(fm.workTogetherDone(other));
                                  onChanged();
                                }}
                              />
                            )
                          )}
                          {open && !meeting.partnershipId && (
                            <ConfirmAction
                              label={
                                <>
                                  {fm.cancelMeeting}
                                  <span class="visually-hidden"> {fm.meetingWithHidden(other)}</span>
                                </>
                              }
                              question={fm.cancelMeetingQuestion(other)}
                              confirmLabel={fm.cancelMeeting}
                              danger
                              action={() => cancelMeeting(meeting.id)}
                              onDone={() => {
                                setNews(fm.meetingCancelled);
                                onChanged();
                              }}
                            />
                          )}
                        </div>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

interface Chosen {
  id: string;
  name: string;
}

const SEARCH_DELAY_MS = 300;

function RequestMeeting({
  edition,
  organizations,
  onSent,
}: {
  edition: Edition;
  organizations: MyOrganization[];
  onSent: () => void;
}) {
  const fm = useForumMessages();
  const { language, langOf } = useI18n();
  const format = useForumFormat();
  const slots = useApi((signal) => listSlots(edition.id, signal), [edition.id]);
  const [organizationId, setOrganizationId] = useState(organizations.length === 1 ? organizations[0].id : '');
  const [slotId, setSlotId] = useState('');
  const [chosen, setChosen] = useState<Chosen>();
  const [query, setQuery] = useState('');
  const [message, setMessage] = useState('');
  const [sent, setSent] = useState<string>();

  // The search runs once typing pauses; results replace those of earlier words.
  const [results, setResults] = useState<{ query: string; items: Chosen[] }>();
  useEffect(() => {
    const words = query.trim();
    if (words.length < 2) return setResults(undefined);
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      searchOrganizations(words, controller.signal).then(
        (page) =>
          setResults({
            query: words,
            items: page.items.map((organization) => ({ id: organization.id, name: organization.name })),
          }),
        () => setResults({ query: words, items: [] }),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  const suggestions = useApi(
    (signal) =>
      organizationId ? organizationSuggestions(organizationId, language, signal) : Promise.resolve(undefined),
    [organizationId, language],
  );
  const suggested = useMemo(() => {
    const seen = new Map<string, { id: string; name: string; initiative: string; initiativeLang: string }>();
    for (const match of suggestions.data?.initiatives ?? []) {
      const { organizationId: id, organizationName: name, title, titleLang } = match.initiative;
      if (id !== organizationId && !seen.has(id))
        seen.set(id, { id, name, initiative: title, initiativeLang: titleLang });
    }
    return [...seen.values()].slice(0, 8);
  }, [suggestions.data, organizationId]);

  const form = useForumForm(
    () => {
      // Checked here, in the server's words, so that the field shows it like any other error.
      if (!chosen)
        return Promise.reject(
          new ApiError(400, 'withOrganizationId is required', {
            withOrganizationId: ['withOrganizationId is required'],
          }),
        );
      return requestMeeting(edition.id, {
        slotId: Number(slotId),
        organizationId,
        withOrganizationId: chosen.id,
        message: message.trim() || undefined,
      });
    },
    {
      fields: ['organizationId', 'slotId', 'withOrganizationId', 'message'],
      onSuccess(meeting) {
        setSent(fm.requestSent(meeting.inviteeName));
        setChosen(undefined);
        setQuery('');
        setMessage('');
        setSlotId('');
        onSent();
      },
    },
  );

  if (organizations.length === 0) return null;
  const open = registrationIsOpen(edition.status);
  const slotItems: Slot[] = slots.data?.items ?? [];
  const choose = (organization: Chosen) => {
    setChosen(organization);
    setSent(undefined);
  };

  return (
    <section class="forum-request panel" aria-labelledby="request-meeting">
      <h3 id="request-meeting">{fm.requestHeading}</h3>
      {!open ? (
        <p class="empty">{fm.requestClosed}</p>
      ) : slots.error ? (
        <LoadError error={slots.error} onRetry={slots.reload} />
      ) : !slots.data ? (
        <Loading />
      ) : slotItems.length === 0 ? (
        <p class="empty">{fm.noSlots}</p>
      ) : (
        <form ref={form.formRef} class="form forum-form" noValidate onSubmit={form.onSubmit}>
          <FormError form={form} />
          {organizations.length > 1 && (
            <SelectField
              id="meeting-organization"
              field="organizationId"
              form={form}
              label={fm.yourOrganization}
              value={organizationId}
              onValue={setOrganizationId}
              options={organizations.map((organization) => ({ value: organization.id, label: organization.name }))}
              placeholder={fm.chooseOrganization}
            />
          )}
          <SelectField
            id="meeting-slot"
            field="slotId"
            form={form}
            label={fm.slot}
            value={slotId}
            onValue={setSlotId}
            options={slotItems.map((slot) => ({
              value: String(slot.id),
              label: format.span(slot.startsAt, slot.endsAt),
            }))}
            placeholder={fm.chooseSlot}
          />

          <div class="field">
            <label for="meeting-search">{fm.findOrganization}</label>
            <p id="meeting-search-hint" class="hint">
              {fm.findOrganizationHint}
            </p>
            <input
              id="meeting-search"
              type="search"
              autocomplete="off"
              spellcheck={false}
              aria-describedby="meeting-search-hint"
              value={query}
              onInput={(event) => setQuery(event.currentTarget.value)}
            />
          </div>
          <div role="status" class="forum-search-count">
            {results && (
              <p class="hint">{results.items.length ? fm.resultsCount(results.items.length) : fm.noResults}</p>
            )}
          </div>
          {results && results.items.length > 0 && (
            <fieldset class="checkbox-group forum-search-results">
              <legend>{fm.searchResults}</legend>
              <ul class="checkbox-group__options">
                {results.items.map((organization) => (
                  <li key={organization.id}>
                    <input
                      type="radio"
                      id={`meeting-with-${organization.id}`}
                      name="withOrganization"
                      value={organization.id}
                      checked={chosen?.id === organization.id}
                      onChange={() => choose(organization)}
                    />
                    <label for={`meeting-with-${organization.id}`}>{organization.name}</label>
                  </li>
                ))}
              </ul>
            </fieldset>
          )}

          {organizationId && (
            <div class="forum-suggestions">
              <h4>{fm.suggestionsHeading}</h4>
              {suggestions.error ? (
                <LoadError error={suggestions.error} onRetry={suggestions.reload} />
              ) : !suggestions.data ? (
                <Loading />
              ) : suggested.length === 0 ? (
                <p class="empty">{fm.noSuggestions}</p>
              ) : (
                <>
                  <p>{fm.suggestionsIntro}</p>
                  <ul class="forum-suggestions__list">
                    {suggested.map((organization) => (
                      <li key={organization.id}>
                        <span class="forum-suggestions__name">{organization.name}</span>{' '}
                        <span class="muted">
                          (
                          <Quoted
                            text={fm.suggestionInitiative(organization.initiative)}
                            quote={organization.initiative}
                            lang={langOf(organization.initiativeLang)}
                          />
                          )
                        </span>{' '}
                        <button
                          type="button"
                          aria-pressed={chosen?.id === organization.id}
                          onClick={() => choose(organization)}
                        >
                          {fm.choose}
                          <span class="visually-hidden"> {organization.name}</span>
                        </button>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )}

          <FieldShell id="meeting-with" label={fm.chosenOrganization} error={form.fieldError('withOrganizationId')}>
            {(described) => (
              <output {...described} class="forum-chosen" aria-live="polite">
                {chosen ? chosen.name : <span class="muted">{fm.noneChosen}</span>}
              </output>
            )}
          </FieldShell>
          <TextAreaField
            id="meeting-message"
            field="message"
            form={form}
            label={fm.messageLabel}
            hint={fm.messageHint}
            optional
            rows={3}
            maxLength={500}
            value={message}
            onValue={setMessage}
          />
          <div class="form__actions">
            <SubmitButton form={form}>{fm.sendRequest}</SubmitButton>
          </div>
          <FormStatus message={sent} />
        </form>
      )}
    </section>
  );
}

/** "We will work together": a button, and a dialog to choose the initiative (or name a new one). */
function WorkTogether({ meeting, other, onDone }: { meeting: Meeting; other: string; onDone: () => void }) {
  const fm = useForumMessages();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button type="button" class="button-primary" ref={opener} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {fm.workTogether}
        <span class="visually-hidden"> {fm.meetingWithHidden(other)}</span>
      </button>
      {open && (
        <WorkTogetherDialog
          meeting={meeting}
          other={other}
          onClose={(done) => {
            setOpen(false);
            if (done) onDone();
            else opener.current?.focus();
          }}
        />
      )}
    </>
  );
}

const NEW_INITIATIVE = 'new';

function WorkTogetherDialog({
  meeting,
  other,
  onClose,
}: {
  meeting: Meeting;
  other: string;
  onClose: (done: boolean) => void;
}) {
  const fm = useForumMessages();
  const { m, langOf } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const initiatives = useApi((signal) => listMeetingInitiatives(meeting.id, signal), [meeting.id]);
  const [choice, setChoice] = useState('');
  const [title, setTitle] = useState('');
  const done = useRef(false);
  const form = useForumForm(
    () =>
      workTogether(
        meeting.id,
        choice === NEW_INITIATIVE ? { title: title.trim() } : choice ? { initiativeId: choice } : {},
      ),
    {
      fields: ['initiativeId', 'title'],
      onSuccess: () => {
        done.current = true;
        dialog.current?.close();
      },
    },
  );
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const titleId = `work-together-${meeting.id}`;
  return (
    <dialog ref={dialog} class="dialog" aria-labelledby={titleId} onClose={() => onClose(done.current)}>
      <h2 id={titleId}>{fm.workTogetherTitle(other)}</h2>
      <p>{fm.workTogetherIntro}</p>
      {initiatives.error && !initiatives.data ? (
        <LoadError error={initiatives.error} onRetry={initiatives.reload} />
      ) : !initiatives.data ? (
        <Loading />
      ) : (
        <form ref={form.formRef} class="form" noValidate onSubmit={form.onSubmit}>
          <FormError form={form} />
          <SelectField
            id={`work-together-initiative-${meeting.id}`}
            field="initiativeId"
            form={form}
            label={fm.workTogetherInitiative}
            hint={fm.workTogetherInitiativeHint}
            value={choice}
            onValue={setChoice}
            placeholder={fm.workTogetherChoose}
            options={[
              ...initiatives.data.items.map((initiative) => ({
                value: initiative.id,
                label: fm.workTogetherInitiativeOf(initiative.title, initiative.organizationName),
                // An option holds text only (no span): the title's language marks the whole option.
                lang: langOf(initiative.titleLang),
              })),
              { value: NEW_INITIATIVE, label: fm.workTogetherNew },
            ]}
          />
          {choice === NEW_INITIATIVE && (
            <TextField
              id={`work-together-title-${meeting.id}`}
              field="title"
              form={form}
              type="text"
              label={fm.workTogetherNewTitle}
              hint={fm.workTogetherNewTitleHint}
              value={title}
              onValue={setTitle}
              maxLength={140}
            />
          )}
          <div class="form__actions">
            <SubmitButton form={form}>{fm.workTogetherSubmit}</SubmitButton>
            <button type="button" onClick={() => dialog.current?.close()}>
              {m.common.cancel}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
