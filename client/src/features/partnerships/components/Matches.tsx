/**
 * Ranked matches with the reasons they matched (already in the reader's language: the server is
 * asked for the interface language, and asked again when it changes): "find partners" for an
 * initiative, and "initiatives that fit you" for an organisation's members. Each list pages on
 * with its own cursor.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, isAbort } from '../../../shared/api/client';
import { getMatches, getSuggestions, type InitiativeMatch, type MatchReason, type OrganizationMatch } from '../api';
import { useI18n } from '../../../shared/i18n/i18n';
import { useLiveMessages } from '../../live/i18n/messages';
import { Link } from '../../../shared/router';
import { LoadError, Loading } from '../../../shared/ui/LoadError';

interface Paged<T> {
  items: T[];
  cursor: string | null;
}

/** A list that loads its first page when its inputs change and appends later pages on request. */
function usePaged<T>(
  load: (cursor: string | undefined, signal?: AbortSignal) => Promise<Paged<T>>,
  deps: readonly unknown[],
) {
  const [state, setState] = useState<{ pages?: Paged<T>; error?: ApiError; loadingMore: boolean }>({
    loadingMore: false,
  });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState((current) => ({ ...current, error: undefined }));
    load(undefined, controller.signal).then(
      (pages) => setState({ pages, loadingMore: false }),
      (error: unknown) => {
        if (!isAbort(error))
          setState({ error: error instanceof ApiError ? error : new ApiError(0, String(error)), loadingMore: false });
      },
    );
    return () => controller.abort();
  }, [...deps, attempt]);
  const more = async () => {
    const cursor = state.pages?.cursor;
    if (!cursor || state.loadingMore) return;
    setState((current) => ({ ...current, loadingMore: true }));
    try {
      const next = await load(cursor);
      setState((current) => ({
        pages: { items: [...(current.pages?.items ?? []), ...next.items], cursor: next.cursor },
        loadingMore: false,
      }));
    } catch (error) {
      setState((current) => ({
        ...current,
        error: error instanceof ApiError ? error : new ApiError(0, String(error)),
        loadingMore: false,
      }));
    }
  };
  return { ...state, more, reload: () => setAttempt((n) => n + 1) };
}

/** "Find partners": counterpart organisations and complementary initiatives of an initiative. */
export function InitiativeMatches({ initiativeId }: { initiativeId: string }) {
  const t = useLiveMessages();
  const { language } = useI18n();
  const organizations = usePaged<OrganizationMatch>(
    async (cursor, signal) => {
      const answer = await getMatches(initiativeId, language, { organizationsCursor: cursor }, signal);
      return { items: answer.organizations, cursor: answer.nextOrganizationsCursor };
    },
    [initiativeId, language],
  );
  const initiatives = usePaged<InitiativeMatch>(
    async (cursor, signal) => {
      const answer = await getMatches(initiativeId, language, { initiativesCursor: cursor }, signal);
      return { items: answer.initiatives, cursor: answer.nextInitiativesCursor };
    },
    [initiativeId, language],
  );
  return (
    <section class="matches" id="partners" aria-labelledby="matches-heading">
      <h2 id="matches-heading">{t.matches.heading}</h2>
      <p>{t.matches.intro}</p>
      <section aria-labelledby="matches-organizations-heading">
        <h3 id="matches-organizations-heading">{t.matches.organizations}</h3>
        <PagedList
          list={organizations}
          empty={t.matches.noOrganizations}
          moreLabel={t.matches.moreOrganizations}
          render={(match) => <OrganizationMatchItem key={match.organization.id} match={match} />}
        />
      </section>
      <section aria-labelledby="matches-initiatives-heading">
        <h3 id="matches-initiatives-heading">{t.matches.initiatives}</h3>
        <PagedList
          list={initiatives}
          empty={t.matches.noInitiatives}
          moreLabel={t.matches.moreInitiatives}
          render={(match) => <InitiativeMatchItem key={match.initiative.id} match={match} />}
        />
      </section>
    </section>
  );
}

/** "Initiatives that fit you", on an organisation's page for its members. */
export function OrganizationSuggestions({ organizationId }: { organizationId: string }) {
  const t = useLiveMessages();
  const { language } = useI18n();
  const suggestions = usePaged<InitiativeMatch>(
    async (cursor, signal) => {
      const answer = await getSuggestions(organizationId, language, cursor, signal);
      return { items: answer.initiatives, cursor: answer.nextCursor };
    },
    [organizationId, language],
  );
  return (
    <section class="matches" aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading">{t.suggestions.heading}</h2>
      <p>{t.suggestions.intro}</p>
      <PagedList
        list={suggestions}
        empty={t.suggestions.empty}
        moreLabel={t.matches.more}
        render={(match) => <InitiativeMatchItem key={match.initiative.id} match={match} />}
      />
    </section>
  );
}

function PagedList<T>({
  list,
  empty,
  moreLabel,
  render,
}: {
  list: ReturnType<typeof usePaged<T>>;
  empty: string;
  moreLabel: string;
  render: (item: T) => JSX.Element;
}) {
  const { m } = useI18n();
  if (list.error && !list.pages) return <LoadError error={list.error} onRetry={list.reload} />;
  if (!list.pages) return <Loading />;
  if (!list.pages.items.length) return <p class="muted">{empty}</p>;
  return (
    <>
      <ol class="match-list">{list.pages.items.map(render)}</ol>
      {list.error && <LoadError error={list.error} />}
      {list.pages.cursor && (
        <p>
          <button type="button" onClick={() => void list.more()} disabled={list.loadingMore}>
            {list.loadingMore ? m.common.loading : moreLabel}
          </button>
        </p>
      )}
    </>
  );
}

function Reasons({ reasons }: { reasons: MatchReason[] }) {
  const t = useLiveMessages();
  if (!reasons.length) return null;
  return (
    <div class="match__reasons">
      <p class="visually-hidden">{t.matches.reasons}</p>
      <ul>
        {reasons.map((reason) => (
          <li key={reason.code + reason.text}>{reason.text}</li>
        ))}
      </ul>
    </div>
  );
}

function OrganizationMatchItem({ match }: { match: OrganizationMatch }) {
  const t = useLiveMessages();
  const { organizationTypeName, countryName } = useI18n();
  const { organization } = match;
  return (
    <li class="match">
      <p class="match__name">
        <Link href={`/organizations/${organization.id}`}>{organization.name}</Link>
      </p>
      <p class="match__meta">
        {organizationTypeName(organization.type)} · {organization.cityName}, {countryName(organization.country)} ·{' '}
        <span class="match__score">{t.matches.score(match.score)}</span>
      </p>
      <Reasons reasons={match.reasons} />
    </li>
  );
}

function InitiativeMatchItem({ match }: { match: InitiativeMatch }) {
  const t = useLiveMessages();
  const { countryName } = useI18n();
  const { initiative } = match;
  const kind = t.initiativeKind[initiative.kind as keyof typeof t.initiativeKind] ?? initiative.kind;
  return (
    <li class="match">
      <p class="match__name">
        <Link href={`/initiatives/${initiative.id}`}>{initiative.title}</Link>
      </p>
      <p class="match__meta">
        {kind} · {t.matches.by(initiative.organizationName)} · {countryName(initiative.country)} ·{' '}
        <span class="match__score">{t.matches.score(match.score)}</span>
      </p>
      <p class="match__summary">{initiative.summary}</p>
      <Reasons reasons={match.reasons} />
    </li>
  );
}
