/**
 * /deadlines (registry editors, as the server checks): every notice deadline, automatic renewal and end of the partner cities'
 * documents in a chosen window (default 24 months, kept in the address), soonest first, each with
 * what must be decided by then; and the person's own calendar feed of them.
 */
import { useState } from 'preact/hooks';
import { useApi } from '../../shared/hooks/use-api';
import { useForm } from '../../shared/hooks/use-form';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { Link, navigate, useLocation } from '../../shared/router';
import { FormError, FormStatus } from '../../shared/ui/Form';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { RequireGrant } from '../../shared/ui/RequireGrant';
import { useRegistryEditMessages } from '../registry/i18n/messages';
import { calendarFeed, createCalendarFeed, listDeadlines, revokeCalendarFeed, type Deadline } from './api';
import { useOfficeMessages } from './i18n/messages';

const WINDOWS = [6, 12, 24, 36, 60] as const;
const DEFAULT_MONTHS = 24;

export function DeadlinesPage() {
  const om = useOfficeMessages();
  const rm = useRegistryEditMessages();
  return (
    <RequireGrant grant="registry_editor" title={om.deadlines.title} refusal={rm.editorsOnly}>
      {() => <Deadlines />}
    </RequireGrant>
  );
}

function Deadlines() {
  const om = useOfficeMessages();
  const { formatDate } = useI18n();
  useDocumentTitle(om.deadlines.title);
  const { path, search } = useLocation();
  const asked = Number(new URLSearchParams(search).get('months'));
  const months = (WINDOWS as readonly number[]).includes(asked) ? asked : DEFAULT_MONTHS;
  const deadlines = useApi((signal) => listDeadlines(months, signal), [months]);
  return (
    <div class="office deadlines">
      <PageHeading>{om.deadlines.title}</PageHeading>
      <p class="lead">{om.deadlines.intro}</p>
      <div class="field">
        <label for="deadline-window">{om.deadlines.window}</label>
        <select
          id="deadline-window"
          value={String(months)}
          onChange={(event) => {
            const value = Number(event.currentTarget.value);
            navigate(value === DEFAULT_MONTHS ? path : `${path}?months=${value}`);
          }}
        >
          {WINDOWS.map((n) => (
            <option key={n} value={String(n)}>
              {om.deadlines.months(n)}
            </option>
          ))}
        </select>
      </div>
      {deadlines.error ? (
        <LoadError error={deadlines.error} onRetry={deadlines.reload} />
      ) : !deadlines.data ? (
        <Loading />
      ) : (
        <>
          <p class="result-count" role="status">
            {om.deadlines.count(
              deadlines.data.items.length,
              formatDate(deadlines.data.from),
              formatDate(deadlines.data.until),
            )}
          </p>
          {deadlines.data.items.length === 0 ? (
            <p class="empty">{om.deadlines.empty}</p>
          ) : (
            <ol class="office-list deadline-list">
              {deadlines.data.items.map((deadline) => (
                <li key={`${deadline.documentId}-${deadline.kind}-${deadline.on}`}>
                  <DeadlineEntry deadline={deadline} />
                </li>
              ))}
            </ol>
          )}
        </>
      )}
      <CalendarFeed />
    </div>
  );
}

function DeadlineEntry({ deadline }: { deadline: Deadline }) {
  const om = useOfficeMessages();
  const { m, formatDate, placeName, langOf } = useI18n();
  const headingId = `deadline-${deadline.documentId}-${deadline.kind}-${deadline.on}`;
  const decision =
    deadline.kind === 'notice'
      ? om.deadlines.decideNotice(formatDate(deadline.renewsOn ?? deadline.on), deadline.renewalYears)
      : deadline.kind === 'renewal'
        ? om.deadlines.decideRenewal(deadline.renewalYears)
        : om.deadlines.decideExpiry;
  return (
    <article class={`deadline panel deadline--${deadline.kind}`} aria-labelledby={headingId}>
      <h2 id={headingId}>
        <time dateTime={deadline.on}>{formatDate(deadline.on)}</time>: {om.deadlines.kind[deadline.kind]}
      </h2>
      <dl class="facts-list">
        <div>
          <dt>{om.deadlines.city}</dt>
          <dd>
            <Link href={`/cities/${deadline.city.key}`}>{placeName(deadline.city)}</Link>
          </dd>
        </div>
        <div>
          <dt>{om.deadlines.document}</dt>
          <dd>
            {m.documentKind[deadline.documentKind]}
            {deadline.documentTitle && (
              <>
                {' '}
                {/* The documents' titles are Polish, as the city's records give them. */}
                <q lang={langOf('pl')}>{deadline.documentTitle}</q>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{om.deadlines.decision}</dt>
          <dd>{decision}</dd>
        </div>
      </dl>
    </article>
  );
}

/**
 * The person's calendar feed: created on request, its secret address shown only then (the server
 * keeps only a hash), revoked at any time; a new address is a revoke and a create.
 */
function CalendarFeed() {
  const om = useOfficeMessages();
  const { formatDateTime } = useI18n();
  const feed = useApi((signal) => calendarFeed(signal), []);
  const [url, setUrl] = useState<string>();
  const [status, setStatus] = useState<string>();
  const create = useForm(() => createCalendarFeed(), {
    onSuccess: (created) => {
      setUrl(created.url);
      setStatus(om.feed.created);
      feed.reload();
    },
  });
  const revoke = useForm(() => revokeCalendarFeed(), {
    onSuccess: () => {
      setUrl(undefined);
      setStatus(om.feed.revoked);
      feed.reload();
    },
  });
  return (
    <section class="panel calendar-feed" aria-labelledby="calendar-feed-heading">
      <h2 id="calendar-feed-heading">{om.feed.title}</h2>
      <p>{om.feed.intro}</p>
      <FormStatus message={status} />
      {feed.error ? (
        <LoadError error={feed.error} onRetry={feed.reload} />
      ) : !feed.data ? (
        <Loading />
      ) : feed.data.active ? (
        <>
          {url ? (
            <div class="field">
              <label for="calendar-feed-url">{om.feed.address}</label>
              <p class="hint" id="calendar-feed-url-hint">
                {om.feed.addressHint}
              </p>
              <input
                id="calendar-feed-url"
                type="text"
                readOnly
                value={url}
                aria-describedby="calendar-feed-url-hint"
                onFocus={(event) => event.currentTarget.select()}
              />
            </div>
          ) : (
            <p>{om.feed.active(formatDateTime(feed.data.createdAt ?? ''))}</p>
          )}
          <form ref={revoke.formRef} onSubmit={revoke.onSubmit}>
            <FormError form={revoke} />
            <button type="submit" class="button-secondary" disabled={revoke.sending}>
              {om.feed.revoke}
            </button>
          </form>
        </>
      ) : (
        <form ref={create.formRef} onSubmit={create.onSubmit}>
          <FormError form={create} />
          <button type="submit" disabled={create.sending}>
            {om.feed.create}
          </button>
        </form>
      )}
    </section>
  );
}
