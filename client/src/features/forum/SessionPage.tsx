/**
 * /forum/sessions/:id: a session's details, registration, and its live Q&A (for signed-in
 * people: the questions travel over the socket, which needs a token).
 */
import { useMemo } from 'preact/hooks';
import { listCities } from '../../shared/api/client';
import { getEdition, getSession, listGoals, type Edition, type ForumSession } from './api';
import { currentPath, loginHref, useSession } from '../../shared/session';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { useForumMessages } from './i18n/messages';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { Link } from '../../shared/router';
import { useApi } from '../../shared/hooks/use-api';
import { useMyRegistrations } from './AgendaPage';
import { KindLabel, useForumFormat } from './components/common';
import { QaPanel } from './components/QaPanel';
import { SessionRegistration } from './components/SessionRegistration';
import { SessionTranslations } from './components/SessionTranslations';
import { OriginalLanguage } from '../../shared/ui/OriginalLanguage';

export function SessionPage({ sessionId }: { sessionId: string }) {
  const fm = useForumMessages();
  const session = useApi((signal) => getSession(sessionId, signal), [sessionId]);
  const edition = useApi(
    (signal) => (session.data ? getEdition(session.data.editionId, signal) : Promise.resolve(undefined)),
    [session.data?.editionId],
  );
  useDocumentTitle(session.data?.title ?? fm.sessionLoadFailed);

  if (session.error) {
    return (
      <div class="forum">
        <PageHeading>{session.error.status === 404 ? fm.sessionLoadFailed : fm.title}</PageHeading>
        {session.error.status !== 404 && <LoadError error={session.error} onRetry={session.reload} />}
        <p>
          <Link href="/forum">{fm.title}</Link>
        </p>
      </div>
    );
  }
  if (edition.error) return <LoadError error={edition.error} onRetry={edition.reload} />;
  if (!session.data || !edition.data) return <Loading />;
  return <SessionDetails session={session.data} edition={edition.data} onChanged={session.reload} />;
}

function SessionDetails({
  session,
  edition,
  onChanged,
}: {
  session: ForumSession;
  edition: Edition;
  onChanged: () => void;
}) {
  const fm = useForumMessages();
  const { areaName, languageName, placeName, language, langOf } = useI18n();
  const format = useForumFormat();
  const { status, user } = useSession();
  const registrations = useMyRegistrations(edition.id);
  const cities = useApi(
    (signal) => (session.partnerCities.length ? listCities({}, signal) : Promise.resolve(undefined)),
    [session.id],
  );
  const goals = useApi(
    (signal) => (session.goals.length ? listGoals(signal) : Promise.resolve(undefined)),
    [session.id],
  );
  const cityNames = useMemo(() => {
    const byKey = new Map((cities.data?.items ?? []).map((city) => [city.key, placeName(city)]));
    return session.partnerCities.map((key) => byKey.get(key) ?? key);
  }, [cities.data, language]);
  const goalNames = useMemo(() => {
    const byKey = new Map(
      (goals.data?.items ?? []).map((goal) => [goal.key, language === 'pl' ? goal.namePl : goal.nameEn]),
    );
    return session.goals.map((key) => byKey.get(key) ?? key.replace(/_/g, ' '));
  }, [goals.data, language]);

  return (
    <div class="forum forum-session">
      <p class="back-link">
        <Link href={`/forum/editions/${edition.id}/agenda`}>{fm.backToAgenda}</Link>
      </p>
      <PageHeading lang={langOf(session.titleLang)}>{session.title}</PageHeading>
      <OriginalLanguage lang={session.titleLang} block />
      <dl class="facts-list forum-facts">
        <div>
          <dt>{fm.kind}</dt>
          <dd>
            <KindLabel kind={session.kind} />
          </dd>
        </div>
        <div>
          <dt>{fm.organization}</dt>
          <dd>
            <Link href={`/organizations/${session.organizationId}`}>{session.organizationName}</Link>
          </dd>
        </div>
        <div>
          <dt>{fm.when}</dt>
          <dd>
            {session.startsAt && session.endsAt ? format.span(session.startsAt, session.endsAt) : fm.notScheduled}
          </dd>
        </div>
        {session.room && (
          <div>
            <dt>{fm.where}</dt>
            <dd>
              {session.room}, {edition.venue}
            </dd>
          </div>
        )}
        <div>
          <dt>{fm.sessionLanguage}</dt>
          <dd>{languageName(session.language)}</dd>
        </div>
        {session.areas.length > 0 && (
          <div>
            <dt>{fm.areas}</dt>
            <dd>{session.areas.map(areaName).join(', ')}</dd>
          </div>
        )}
        {session.speakers.length > 0 && (
          <div>
            <dt>{fm.speakers}</dt>
            <dd>{session.speakers.join('; ')}</dd>
          </div>
        )}
        {cityNames.length > 0 && (
          <div>
            <dt>{fm.partnerCities}</dt>
            <dd>{cityNames.join(', ')}</dd>
          </div>
        )}
        {goalNames.length > 0 && (
          <div>
            <dt>{fm.goals}</dt>
            <dd>{goalNames.join('; ')}</dd>
          </div>
        )}
        {session.status !== 'accepted' && (
          <div>
            <dt>{fm.status}</dt>
            <dd>{fm.sessionStatus[session.status]}</dd>
          </div>
        )}
        {session.capacity !== null && (
          <div>
            <dt>{fm.places}</dt>
            <dd>
              {fm.placesTaken(session.confirmed, session.capacity)}
              {session.waiting > 0 && <>, {fm.waitingCount(session.waiting)}</>}
            </dd>
          </div>
        )}
      </dl>

      <h2>{fm.abstract}</h2>
      {session.abstractLang !== session.titleLang && <OriginalLanguage lang={session.abstractLang} block />}
      <p class="forum-abstract" lang={langOf(session.abstractLang)}>
        {session.abstract}
      </p>
      {session.source && <SessionTranslations session={session} source={session.source} onSaved={onChanged} />}

      {session.status === 'accepted' && (
        <>
          <h2>{fm.registrationHeading}</h2>
          <SessionRegistration
            session={session}
            editionStatus={edition.status}
            mine={registrations.of(session.id)}
            onChange={(next) => {
              registrations.set(session.id, next);
              onChanged();
            }}
          />
          {user && (
            <p>
              <Link href={`/forum/sessions/${session.id}/projector`}>{fm.projectorLink}</Link>
            </p>
          )}
        </>
      )}

      {status === 'restoring' ? null : user ? (
        session.status === 'accepted' && <QaPanel session={session} user={user} />
      ) : (
        <section class="qa" aria-labelledby="qa-heading">
          <h2 id="qa-heading">{fm.qaHeading}</h2>
          <p>
            <Link href={loginHref(currentPath())}>{fm.logInLink}</Link>: {fm.qaLogIn}
          </p>
        </section>
      )}
    </div>
  );
}
