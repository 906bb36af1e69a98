/**
 * /audit-log (admins): every staff decision, newest first, filtered by person, action, object and
 * dates (kept in the address, so a filtered view can be shared), older entries page by page
 * (keyset), and the filtered log as a CSV file.
 */
import { useEffect, useState } from 'preact/hooks';
import { auditActions, auditCsv, auditLog, AUDIT_FILTERS, type AuditEntry, type AuditFilters } from './api';
import { useOfficeMessages } from './i18n/messages';
import { useApi } from '../../shared/hooks/use-api';
import { useForm } from '../../shared/hooks/use-form';
import { useLoadMore } from '../../shared/hooks/use-load-more';
import { filtersFromQuery, queryFromFilters } from '../../shared/hooks/use-url-filters';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { navigate, useLocation } from '../../shared/router';
import { saveFile } from '../../shared/save-file';
import { FormError, FormStatus, SelectField, SubmitButton, TextField } from '../../shared/ui/Form';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { RequireSignIn } from '../../shared/ui/RequireSignIn';

type Filters = AuditFilters & Record<string, string | undefined>;

export function AuditLogPage() {
  const om = useOfficeMessages();
  return (
    <RequireSignIn title={om.audit.title} staff>
      {(user) =>
        user.role === 'admin' ? (
          <AuditLog />
        ) : (
          <>
            <PageHeading>{om.audit.title}</PageHeading>
            <p>{om.audit.adminOnly}</p>
          </>
        )
      }
    </RequireSignIn>
  );
}

function AuditLog() {
  const om = useOfficeMessages();
  useDocumentTitle(om.audit.title);
  const { path, search } = useLocation();
  const filters = filtersFromQuery<Filters>(search, AUDIT_FILTERS);
  const query = queryFromFilters(filters, AUDIT_FILTERS);
  const firstPage = useApi((signal) => auditLog(filters, signal), [query]);
  const pages = useLoadMore<AuditEntry>(
    query,
    firstPage.data,
    (cursor) => auditLog({ ...filters, cursor }),
    '.audit-entry',
  );
  return (
    <div class="office audit-log">
      <PageHeading>{om.audit.title}</PageHeading>
      <p class="lead">{om.audit.intro}</p>
      <FilterForm filters={filters} onApply={(next) => navigate(path + queryFromFilters(next, AUDIT_FILTERS))} />
      <CsvDownload filters={filters} />
      {firstPage.error ? (
        <LoadError error={firstPage.error} onRetry={firstPage.reload} />
      ) : !firstPage.data ? (
        <Loading />
      ) : pages.items.length === 0 ? (
        <p class="empty">{om.audit.empty}</p>
      ) : (
        <>
          <p class="result-count" role="status">
            {om.audit.shown(pages.items.length)}
          </p>
          <ul class="audit-entries" ref={pages.list} aria-label={om.audit.tableCaption}>
            {pages.items.map((entry) => (
              <li key={entry.id}>
                <Entry entry={entry} />
              </li>
            ))}
          </ul>
          {pages.moreError && <LoadError error={pages.moreError} onRetry={() => void pages.loadMore()} />}
          {pages.nextCursor && (
            <p class="actions">
              <button
                type="button"
                class="button-secondary"
                disabled={pages.loadingMore}
                onClick={() => void pages.loadMore()}
              >
                {om.audit.more}
              </button>
            </p>
          )}
        </>
      )}
    </div>
  );
}

function FilterForm({ filters, onApply }: { filters: Filters; onApply: (filters: Filters) => void }) {
  const om = useOfficeMessages();
  const [values, setValues] = useState<Filters>(filters);
  // The address is the truth: Back, or a shared link, sets the fields again.
  useEffect(() => setValues(filters), [queryFromFilters(filters, AUDIT_FILTERS)]);
  const actions = useApi((signal) => auditActions(signal), []);
  const form = useForm(() => Promise.resolve(onApply(values)));
  const set = (name: keyof Filters) => (value: string) => setValues((current) => ({ ...current, [name]: value }));
  return (
    <form
      ref={form.formRef}
      class="form filter-form panel"
      aria-label={om.audit.filters}
      noValidate
      onSubmit={form.onSubmit}
    >
      <FormError form={form} />
      <div class="filter-form__fields">
        <TextField
          id="audit-person"
          field="person"
          form={form}
          type="email"
          label={om.audit.person}
          optional
          autocomplete="off"
          value={values.person ?? ''}
          onValue={set('person')}
        />
        <SelectField
          id="audit-action"
          field="action"
          form={form}
          label={om.audit.action}
          placeholder={om.audit.anyAction}
          value={values.action ?? ''}
          onValue={set('action')}
          options={(actions.data?.items ?? []).map((action) => ({ value: action, label: action }))}
        />
        <TextField
          id="audit-target-type"
          field="targetType"
          form={form}
          type="text"
          label={om.audit.targetType}
          optional
          value={values.targetType ?? ''}
          onValue={set('targetType')}
        />
        <TextField
          id="audit-target-id"
          field="targetId"
          form={form}
          type="text"
          label={om.audit.targetId}
          optional
          value={values.targetId ?? ''}
          onValue={set('targetId')}
        />
        <TextField
          id="audit-from"
          field="from"
          form={form}
          type="date"
          label={om.audit.from}
          optional
          value={values.from ?? ''}
          onValue={set('from')}
        />
        <TextField
          id="audit-to"
          field="to"
          form={form}
          type="date"
          label={om.audit.to}
          optional
          value={values.to ?? ''}
          onValue={set('to')}
        />
      </div>
      <div class="form__actions">
        <SubmitButton form={form}>{om.audit.apply}</SubmitButton>
        <button type="button" class="button-secondary" onClick={() => onApply({})}>
          {om.audit.clear}
        </button>
      </div>
    </form>
  );
}

function CsvDownload({ filters }: { filters: Filters }) {
  const om = useOfficeMessages();
  const [savedAs, setSavedAs] = useState<string>();
  const form = useForm(() => auditCsv(filters), {
    onSuccess: ({ blob, filename }) => {
      saveFile(blob, filename);
      setSavedAs(filename);
    },
  });
  return (
    <form ref={form.formRef} class="form audit-download" noValidate onSubmit={form.onSubmit}>
      <FormError form={form} />
      <FormStatus message={savedAs ? om.audit.downloaded(savedAs) : undefined} />
      <SubmitButton form={form} class="button-secondary">
        {om.audit.download}
      </SubmitButton>
    </form>
  );
}

function Entry({ entry }: { entry: AuditEntry }) {
  const om = useOfficeMessages();
  const { formatDateTime } = useI18n();
  const who = entry.actorEmail
    ? `${entry.actorName ?? entry.actorEmail} (${entry.actorEmail})`
    : entry.actorId
      ? om.audit.deletedAccount
      : om.audit.system;
  return (
    <article class="audit-entry panel" tabIndex={-1} aria-label={`${entry.action} ${formatDateTime(entry.createdAt)}`}>
      <dl class="facts-list">
        <div>
          <dt>{om.audit.when}</dt>
          <dd>
            <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
          </dd>
        </div>
        <div>
          <dt>{om.audit.who}</dt>
          <dd>{who}</dd>
        </div>
        <div>
          <dt>{om.audit.what}</dt>
          <dd>
            <code>{entry.action}</code>
          </dd>
        </div>
        <div>
          <dt>{om.audit.object}</dt>
          <dd class="audit-entry__object">
            {entry.targetType} <code>{entry.targetId}</code>
          </dd>
        </div>
        {entry.reason && (
          <div>
            <dt>{om.audit.reason}</dt>
            {/* A person's own words, in whatever language they wrote them. */}
            <dd class="audit-entry__reason">{entry.reason}</dd>
          </div>
        )}
      </dl>
    </article>
  );
}
