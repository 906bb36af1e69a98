/**
 * /forum: the current (newest) edition, its theme, dates, venue and stage, with the ways in
 * (agenda, call for proposals, my forum, outcomes), and every edition below.
 * /forum/editions/:id shows the same for an earlier edition.
 */
import { useState } from 'preact/hooks';
import type { Me } from '../../shared/api/client';
import {
  agendaIsPublic,
  findSessionByCode,
  getMyForum,
  listEditions,
  registerForEdition,
  registrationIsOpen,
  type Edition,
} from './api';
import { currentPath, loginHref, useSession } from '../../shared/session';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { useForumMessages } from './i18n/messages';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { Link, navigate } from '../../shared/router';
import { FieldShell } from '../../shared/ui/Form';
import type { ApiError } from '../../shared/api/client';
import type { Explained } from '../../shared/errors';
import { useApi } from '../../shared/hooks/use-api';
import { useForm } from '../../shared/hooks/use-form';
import { ActionError, EditionStatusBadge, isStaffUser, toApiError, useForumFormat } from './components/common';

export function ForumHomePage({ editionId }: { editionId?: string }) {
  const fm = useForumMessages();
  const format = useForumFormat();
  const { user } = useSession();
  const editions = useApi((signal) => listEditions(signal), []);
  const items = editions.data?.items ?? [];
  const current = editionId ? items.find((edition) => edition.id === editionId) : items[0];
  const title = editionId && current ? fm.editionTitle(current.year, format.theme(current)) : fm.title;
  useDocumentTitle(title);

  return (
    <div class="forum">
      <PageHeading>{title}</PageHeading>
      {!editionId && <p class="lead">{fm.intro}</p>}
      {editions.error ? (
        <LoadError error={editions.error} onRetry={editions.reload} />
      ) : !editions.data ? (
        <Loading />
      ) : !current ? (
        <>
          <p class="empty">{editionId ? fm.editionNotFound : fm.noEditions}</p>
          {isStaffUser(user) && (
            <p>
              <Link href="/forum/admin">{fm.adminLink}</Link>
            </p>
          )}
        </>
      ) : (
        <>
          <CurrentEdition edition={current} user={user} headed={!editionId} />
          {items.length > 1 || editionId ? (
            <section aria-labelledby="forum-editions">
              <h2 id="forum-editions">{fm.allEditions}</h2>
              <ul class="forum-editions">
                {items.map((edition) => (
                  <li key={edition.id}>
                    <Link
                      href={`/forum/editions/${edition.id}`}
                      aria-current={edition.id === current.id ? 'page' : undefined}
                    >
                      {fm.editionTitle(edition.year, format.theme(edition))}
                    </Link>{' '}
                    <span class="muted">{format.dates(edition)}</span> <EditionStatusBadge status={edition.status} />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}

function CurrentEdition({ edition, user, headed }: { edition: Edition; user?: Me; headed: boolean }) {
  const fm = useForumMessages();
  const format = useForumFormat();
  const { languageName } = useI18n();
  const staff = isStaffUser(user);
  const base = `/forum/editions/${edition.id}`;
  const links = [
    (agendaIsPublic(edition.status) || staff) && { href: `${base}/agenda`, label: fm.agendaLink },
    edition.status === 'call_open' && { href: `${base}/propose`, label: fm.proposeLink },
    user && { href: `${base}/my`, label: fm.myForumLink },
    edition.outcomesPublished && { href: `${base}/outcomes`, label: fm.outcomesLink },
    staff && { href: `/forum/admin?edition=${edition.id}`, label: fm.adminLink },
  ].filter((link): link is { href: string; label: string } => Boolean(link));

  return (
    <section
      class="forum-edition"
      aria-labelledby={headed ? 'forum-current' : undefined}
      aria-label={headed ? undefined : fm.editionHeading(edition.year)}
    >
      {headed && <h2 id="forum-current">{fm.editionTitle(edition.year, format.theme(edition))}</h2>}
      <dl class="facts-list forum-facts">
        <div>
          <dt>{fm.dates}</dt>
          <dd>{format.dates(edition)}</dd>
        </div>
        <div>
          <dt>{fm.venue}</dt>
          <dd>{edition.venue}</dd>
        </div>
        <div>
          <dt>{fm.languages}</dt>
          <dd>{edition.languages.map((code) => languageName(code)).join(', ')}</dd>
        </div>
        <div>
          <dt>{fm.status}</dt>
          <dd>
            <EditionStatusBadge status={edition.status} />
          </dd>
        </div>
      </dl>
      {edition.status === 'call_open' && <p class="notice-box">{fm.callOpenNote}</p>}
      {links.length > 0 && (
        <nav aria-label={fm.links}>
          <ul class="actions forum-links">
            {links.map((link, index) => (
              <li key={link.href}>
                <Link href={link.href} class={index === 0 ? 'button-link button-link--primary' : 'button-link'}>
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {registrationIsOpen(edition.status) && <EditionRegistration edition={edition} user={user} />}
      {agendaIsPublic(edition.status) && <JoinWithCode edition={edition} headed={headed} />}
    </section>
  );
}

/** "Join with a code": the code on the projector in the room opens that session's Q&A. */
function JoinWithCode({ edition, headed }: { edition: Edition; headed: boolean }) {
  // Under the edition's h2 on /forum; an edition's own page has none.
  const Heading = headed ? 'h3' : 'h2';
  const fm = useForumMessages();
  const [code, setCode] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<Explained>();
  const [failure, setFailure] = useState<ApiError>();
  const join = async (event: Event) => {
    event.preventDefault();
    setFailure(undefined);
    const typed = code.trim();
    if (!typed) return setError({ text: fm.joinMissing });
    setSending(true);
    try {
      const session = await findSessionByCode(edition.id, typed);
      navigate(`/forum/sessions/${session.id}#qa`);
    } catch (caught) {
      const apiError = toApiError(caught);
      if (apiError.notFound) setError({ text: fm.joinUnknown(typed.toUpperCase()) });
      else {
        setError(undefined);
        setFailure(apiError);
      }
    } finally {
      setSending(false);
    }
  };
  return (
    <form class="forum-join" aria-labelledby="forum-join" onSubmit={(event) => void join(event)} noValidate>
      <Heading id="forum-join">{fm.joinHeading}</Heading>
      <FieldShell id="join-code" label={fm.joinLabel} hint={fm.joinHint} error={error}>
        {(described) => (
          <input
            {...described}
            type="text"
            name="code"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            maxLength={12}
            value={code}
            onInput={(event) => {
              setCode(event.currentTarget.value);
              setError(undefined);
            }}
          />
        )}
      </FieldShell>
      <ActionError error={failure} />
      <button type="submit" class="button-primary" disabled={sending}>
        {fm.joinSubmit}
      </button>
    </form>
  );
}

/** Registering for the edition itself (a session's registration does it too). */
function EditionRegistration({ edition, user }: { edition: Edition; user?: Me }) {
  const fm = useForumMessages();
  const { status } = useSession();
  const mine = useApi(
    (signal) => (user ? getMyForum(edition.id, signal) : Promise.resolve(undefined)),
    [edition.id, user?.id],
  );
  const [registered, setRegistered] = useState(false);
  const form = useForm(() => registerForEdition(edition.id), { onSuccess: () => setRegistered(true) });
  if (status === 'restoring') return null;
  if (!user) {
    return (
      <p>
        <Link href={loginHref(currentPath())}>{fm.logInLink}</Link>: {fm.logInToRegister}
      </p>
    );
  }
  const isRegistered =
    registered || Boolean(mine.data?.registrations.some((registration) => registration.sessionId === null));
  return (
    <div class="forum-register">
      <div role="status">{isRegistered && <p class="form-status__message">{fm.registeredForForum}</p>}</div>
      {!isRegistered && mine.data && (
        <button type="button" class="button-primary" disabled={form.sending} onClick={() => void form.run()}>
          {fm.registerForForum}
        </button>
      )}
      <ActionError error={form.error} />
    </div>
  );
}
