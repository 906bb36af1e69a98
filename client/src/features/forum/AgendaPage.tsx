/**
 * /forum/editions/:id/agenda: the public agenda by day and room, filtered by area and language
 * (in the query string, so a filtered agenda can be shared), with registration per session and
 * the whole agenda as an iCalendar file.
 */
import { useMemo, useState } from 'preact/hooks';
import { listAreas } from '../../shared/api/client';
import { agendaCalendarHref, getAgenda, getMyForum, type Agenda, type ForumSession } from './api';
import { useSession } from '../../shared/session';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { useForumMessages } from './i18n/messages';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { Link, navigate, useLocation } from '../../shared/router';
import { useApi } from '../../shared/hooks/use-api';
import { KindLabel, useForumFormat } from './components/common';
import { SessionRegistration, type MyRegistration } from './components/SessionRegistration';

interface Filters {
  area?: string;
  lang?: string;
}

function filtersOf(search: string): Filters {
  const params = new URLSearchParams(search);
  return { area: params.get('area') || undefined, lang: params.get('lang') || undefined };
}

function searchOf(filters: Filters): string {
  const params = new URLSearchParams();
  if (filters.area) params.set('area', filters.area);
  if (filters.lang) params.set('lang', filters.lang);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** My registrations by session id, as GET me says and as changed on this page since. */
export function useMyRegistrations(editionId: string) {
  const { user } = useSession();
  const mine = useApi(
    (signal) => (user ? getMyForum(editionId, signal) : Promise.resolve(undefined)),
    [editionId, user?.id],
  );
  const [changes, setChanges] = useState<Record<string, MyRegistration | null>>({});
  const of = (sessionId: string): MyRegistration | null | undefined => {
    if (sessionId in changes) return changes[sessionId];
    if (!mine.data) return undefined;
    const found = mine.data.registrations.find((registration) => registration.sessionId === sessionId);
    return found ? { status: found.status } : null;
  };
  return {
    of,
    set: (sessionId: string, next: MyRegistration | null) =>
      setChanges((previous) => ({ ...previous, [sessionId]: next })),
    data: mine.data,
  };
}

export function AgendaPage({ editionId }: { editionId: string }) {
  const fm = useForumMessages();
  const { m, locale, areaName, languageName } = useI18n();
  const format = useForumFormat();
  const { path, search } = useLocation();
  const filters = useMemo(() => filtersOf(search), [search]);
  const agenda = useApi((signal) => getAgenda(editionId, filters, signal), [editionId, search]);
  const areas = useApi((signal) => listAreas(signal), []);
  const registrations = useMyRegistrations(editionId);
  const edition = agenda.data?.edition;
  const title = edition ? fm.agendaTitle(edition.year) : fm.agendaLink;
  useDocumentTitle(title);

  const areaOptions = useMemo(
    () =>
      (areas.data?.items ?? [])
        .map((key) => ({ value: key, label: areaName(key) }))
        .sort((a, b) => a.label.localeCompare(b.label, locale)),
    [areas.data, locale],
  );
  const languageOptions = (edition?.languages ?? []).map((code) => ({ value: code, label: languageName(code) }));
  const count = agenda.data
    ? agenda.data.days.reduce((sum, day) => sum + day.rooms.reduce((n, room) => n + room.sessions.length, 0), 0)
    : 0;
  const apply = (changes: Filters) => navigate(path + searchOf({ ...filters, ...changes }), { replace: true });

  return (
    <div class="forum">
      <p class="back-link">
        <Link href={`/forum/editions/${editionId}`}>
          {edition ? fm.editionTitle(edition.year, format.theme(edition)) : fm.title}
        </Link>
      </p>
      <PageHeading>{title}</PageHeading>
      {agenda.error ? (
        agenda.error.status === 404 ? (
          <p class="empty">{fm.agendaNotPublished}</p>
        ) : (
          <LoadError error={agenda.error} onRetry={agenda.reload} />
        )
      ) : !agenda.data || !edition ? (
        <Loading />
      ) : (
        <>
          <p class="lead">
            {format.dates(edition)}, {edition.venue}. {fm.timesNote}
          </p>
          <p class="forum-calendar">
            <a
              href={agendaCalendarHref(editionId)}
              download={`forum-${edition.year}.ics`}
              aria-describedby="agenda-calendar-hint"
            >
              {fm.downloadCalendar}
            </a>{' '}
            <span id="agenda-calendar-hint" class="hint">
              {fm.calendarHint}
            </span>
          </p>
          <form
            class="city-filters forum-filters"
            role="search"
            aria-label={fm.agendaFilters}
            onSubmit={(event) => event.preventDefault()}
          >
            <div class="field">
              <label for="agenda-area">{fm.area}</label>
              <select
                id="agenda-area"
                value={filters.area ?? ''}
                onChange={(event) => apply({ area: event.currentTarget.value || undefined })}
              >
                <option value="">{fm.anyArea}</option>
                {areaOptions.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="agenda-lang">{fm.sessionLanguage}</label>
              <select
                id="agenda-lang"
                value={filters.lang ?? ''}
                onChange={(event) => apply({ lang: event.currentTarget.value || undefined })}
              >
                <option value="">{fm.anyLanguage}</option>
                {languageOptions.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            </div>
          </form>
          <p class="result-count" role="status">
            {agenda.loading ? m.common.loading : fm.sessionCount(count)}
          </p>
          {count === 0 ? (
            <p class="empty">{fm.noSessions}</p>
          ) : (
            <AgendaDays agenda={agenda.data} registrations={registrations} onChanged={agenda.reload} />
          )}
        </>
      )}
    </div>
  );
}

function AgendaDays({
  agenda,
  registrations,
  onChanged,
}: {
  agenda: Agenda;
  registrations: ReturnType<typeof useMyRegistrations>;
  onChanged: () => void;
}) {
  const fm = useForumMessages();
  const format = useForumFormat();
  return (
    <>
      {agenda.days.map((day) => (
        <section key={day.day} class="agenda-day">
          <h2>{format.day(day.day)}</h2>
          <div class="agenda-rooms">
            {day.rooms.map((room) => (
              <section key={room.room} class="agenda-room">
                <h3>{fm.roomHeading(room.room)}</h3>
                <ol class="agenda-sessions">
                  {room.sessions.map((session) => (
                    <li key={session.id}>
                      <AgendaSession
                        session={session}
                        editionStatus={agenda.edition.status}
                        mine={registrations.of(session.id)}
                        onChange={(next) => {
                          registrations.set(session.id, next);
                          onChanged();
                        }}
                      />
                    </li>
                  ))}
                </ol>
              </section>
            ))}
          </div>
        </section>
      ))}
    </>
  );
}

function AgendaSession({
  session,
  editionStatus,
  mine,
  onChange,
}: {
  session: ForumSession;
  editionStatus: Agenda['edition']['status'];
  mine: MyRegistration | null | undefined;
  onChange: (next: MyRegistration | null) => void;
}) {
  const fm = useForumMessages();
  const { areaName, languageName, langOf } = useI18n();
  const format = useForumFormat();
  const titleId = `session-title-${session.id}`;
  return (
    <article class="agenda-session" aria-labelledby={titleId}>
      <p class="agenda-session__time">
        {session.startsAt && session.endsAt && (
          <>
            <time dateTime={session.startsAt}>{format.time(session.startsAt)}</time>–
            <time dateTime={session.endsAt}>{format.time(session.endsAt)}</time>
          </>
        )}
      </p>
      <h4 id={titleId} class="agenda-session__title">
        <Link href={`/forum/sessions/${session.id}`} lang={langOf(session.titleLang)}>
          {session.title}
        </Link>
      </h4>
      <p class="agenda-session__meta">
        <KindLabel kind={session.kind} /> · {languageName(session.language)} · {session.organizationName}
      </p>
      {session.areas.length > 0 && (
        <ul class="tags" aria-label={fm.areas}>
          {session.areas.map((area) => (
            <li key={area}>{areaName(area)}</li>
          ))}
        </ul>
      )}
      {session.capacity !== null && (
        <p class="agenda-session__places">
          {fm.places}: {fm.placesTaken(session.confirmed, session.capacity)}
          {session.waiting > 0 && <>, {fm.waitingCount(session.waiting)}</>}
        </p>
      )}
      <SessionRegistration
        session={session}
        editionStatus={editionStatus}
        mine={mine}
        onChange={onChange}
        describedBy={titleId}
      />
    </article>
  );
}
