/**
 * Ranked matches with the reasons they matched (already in the reader's language: the server is
 * asked for the interface language, and asked again when it changes): "find partners" for an
 * initiative, and "initiatives that fit you" for an organisation's members. Each list pages on
 * with its own cursor. The initiative's owners and editors invite a matched organisation from the
 * list (a dialog with a message), and see each invitation's state beside it.
 */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, isAbort } from '../../../shared/api/client';
import {
  getMatches,
  getSuggestions,
  inviteOrganization,
  listMyInterests,
  type InitiativeMatch,
  type Interest,
  type MatchReason,
  type OrganizationMatch,
} from '../api';
import { useI18n } from '../../../shared/i18n/i18n';
import { useLiveMessages } from '../../live/i18n/messages';
import { useLiveForm } from '../../live/use-live-form';
import { useNotificationEvents } from '../../live/use-live';
import { OriginalLanguage } from '../../../shared/ui/OriginalLanguage';
import { Quoted } from '../../../shared/ui/Quoted';
import { Link } from '../../../shared/router';
import { useApi } from '../../../shared/hooks/use-api';
import { FormError, FormStatus, SubmitButton, TextAreaField } from '../../../shared/ui/Form';
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

/** What the viewer may do from the matches: invite to this initiative (its owners and editors). */
export interface InviteTo {
  initiativeTitle: string;
  /** The language of initiativeTitle (the reader's version, else the original). */
  initiativeTitleLang: string;
}

/** "Find partners": counterpart organisations and complementary initiatives of an initiative. */
export function InitiativeMatches({ initiativeId, inviteTo }: { initiativeId: string; inviteTo?: InviteTo }) {
  const t = useLiveMessages();
  const { language } = useI18n();
  const invitations = useInvitations(initiativeId, !!inviteTo);
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
          render={(match) => (
            <OrganizationMatchItem
              key={match.organization.id}
              match={match}
              invite={
                inviteTo && {
                  initiativeId,
                  initiativeTitle: inviteTo.initiativeTitle,
                  initiativeTitleLang: inviteTo.initiativeTitleLang,
                  latest: invitations.latest(match.organization.id),
                  onSent: invitations.reload,
                }
              }
            />
          )}
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

/**
 * The invitations my organisations sent to this initiative's matches, the newest per organisation;
 * read again when an answer is notified.
 */
function useInvitations(initiativeId: string, enabled: boolean) {
  const sent = useApi(
    (signal) => (enabled ? listMyInterests('sent', signal) : Promise.resolve({ items: [] as Interest[] })),
    [initiativeId, enabled],
  );
  useNotificationEvents(({ notification }) => {
    if (enabled && notification.kind === 'interest') sent.reload();
  }, sent.reload);
  return {
    // The list is newest first: the first one found is the latest.
    latest: (organizationId: string) =>
      sent.data?.items.find(
        (item) => item.invitation && item.initiativeId === initiativeId && item.organizationId === organizationId,
      ),
    reload: sent.reload,
  };
}

interface InviteProps {
  initiativeId: string;
  initiativeTitle: string;
  initiativeTitleLang: string;
  latest?: Interest;
  onSent: () => void;
}

function OrganizationMatchItem({ match, invite }: { match: OrganizationMatch; invite?: InviteProps }) {
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
      {invite && <Invite organization={organization} {...invite} />}
    </li>
  );
}

/** The invitation's state, and the button that opens the dialog (again, once it is answered). */
function Invite({
  organization,
  initiativeId,
  initiativeTitle,
  initiativeTitleLang,
  latest,
  onSent,
}: InviteProps & { organization: OrganizationMatch['organization'] }) {
  const t = useLiveMessages();
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const canInvite = latest?.status !== 'open' && latest?.status !== 'accepted';
  return (
    <div class="match__invite">
      {latest && (
        <p class={`interest-status interest-status--${latest.status}`}>
          {t.invite.state[latest.status]}
          {latest.partnershipId && (
            <>
              {' · '}
              <Link href={`/partnerships/${latest.partnershipId}`}>{t.interests.openPartnership}</Link>
            </>
          )}
        </p>
      )}
      <FormStatus focus={sent}>{sent && <p>{t.invite.sent(organization.name)}</p>}</FormStatus>
      {canInvite && (
        <p>
          <button
            type="button"
            ref={opener}
            aria-haspopup="dialog"
            onClick={() => {
              setSent(false);
              setOpen(true);
            }}
          >
            {latest ? t.invite.again : t.invite.button}
            <span class="visually-hidden"> {t.invite.buttonHidden(organization.name)}</span>
          </button>
        </p>
      )}
      {open && (
        <InviteDialog
          initiativeId={initiativeId}
          initiativeTitle={initiativeTitle}
          initiativeTitleLang={initiativeTitleLang}
          organization={organization}
          onClose={(done) => {
            setOpen(false);
            if (done) {
              setSent(true);
              onSent();
            } else opener.current?.focus();
          }}
        />
      )}
    </div>
  );
}

function InviteDialog({
  initiativeId,
  initiativeTitle,
  initiativeTitleLang,
  organization,
  onClose,
}: {
  initiativeId: string;
  initiativeTitle: string;
  initiativeTitleLang: string;
  organization: OrganizationMatch['organization'];
  onClose: (sent: boolean) => void;
}) {
  const t = useLiveMessages();
  const { m, langOf } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [message, setMessage] = useState('');
  const sent = useRef(false);
  const live = useLiveForm(() => inviteOrganization(initiativeId, organization.id, message.trim()), {
    fields: ['message'],
    onSuccess: () => {
      sent.current = true;
      dialog.current?.close();
    },
  });
  // The message's length in the invitation's own words (an interest's would ask what "your organisation can bring").
  const form: typeof live = {
    ...live,
    fieldError: (field) =>
      field === 'message' && live.error?.fields?.message ? { text: t.invite.messageLength } : live.fieldError(field),
  };
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const titleId = `invite-title-${organization.id}`;
  return (
    <dialog ref={dialog} class="dialog" aria-labelledby={titleId} onClose={() => onClose(sent.current)}>
      <h2 id={titleId}>{t.invite.dialogTitle(organization.name)}</h2>
      <p>
        <Quoted text={t.invite.intro(initiativeTitle)} quote={initiativeTitle} lang={langOf(initiativeTitleLang)} />
      </p>
      <form ref={form.formRef} class="form" noValidate onSubmit={form.onSubmit}>
        <FormError form={form} />
        <TextAreaField
          id={`invite-message-${organization.id}`}
          field="message"
          form={form}
          label={t.invite.message}
          hint={t.invite.messageHint}
          value={message}
          onValue={setMessage}
          rows={5}
          maxLength={2000}
        />
        <div class="form__actions">
          <SubmitButton form={form}>{t.invite.send}</SubmitButton>
          <button type="button" onClick={() => dialog.current?.close()}>
            {m.common.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function InitiativeMatchItem({ match }: { match: InitiativeMatch }) {
  const t = useLiveMessages();
  const { countryName, langOf } = useI18n();
  const { initiative } = match;
  const kind = t.initiativeKind[initiative.kind as keyof typeof t.initiativeKind] ?? initiative.kind;
  return (
    <li class="match">
      <p class="match__name">
        <Link href={`/initiatives/${initiative.id}`} lang={langOf(initiative.titleLang)}>
          {initiative.title}
        </Link>
        <OriginalLanguage lang={initiative.titleLang} />
      </p>
      <p class="match__meta">
        {kind} · {t.matches.by(initiative.organizationName)} · {countryName(initiative.country)} ·{' '}
        <span class="match__score">{t.matches.score(match.score)}</span>
      </p>
      <p class="match__summary">
        <span lang={langOf(initiative.summaryLang)}>{initiative.summary}</span>
        <OriginalLanguage lang={initiative.summaryLang} />
      </p>
      <Reasons reasons={match.reasons} />
    </li>
  );
}
