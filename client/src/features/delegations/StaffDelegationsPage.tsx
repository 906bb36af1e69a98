/**
 * /office/delegations (registry editors): the register of visits, private ones too, a year at a
 * time; links to enter and edit a visit; and the CSV import, which stores every row or none and
 * lists the rows to correct.
 */
import { useState } from 'preact/hooks';
import { useApi } from '../../shared/hooks/use-api';
import { useForm } from '../../shared/hooks/use-form';
import { useDocumentTitle } from '../../shared/i18n/i18n';
import { Link, navigate, useLocation } from '../../shared/router';
import { FormError, FormStatus, SubmitButton, TextField } from '../../shared/ui/Form';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { RequireGrant } from '../../shared/ui/RequireGrant';
import { importDelegations, listDelegations } from './api';
import { VisitDates, VisitPlace } from './components';
import { useDelegationsMessages } from './i18n/messages';

export function StaffDelegationsPage() {
  const dm = useDelegationsMessages();
  return (
    <RequireGrant grant="registry_editor" title={dm.staff.title} refusal={dm.staff.editorsOnly}>
      {() => <Register />}
    </RequireGrant>
  );
}

function Register() {
  const dm = useDelegationsMessages();
  useDocumentTitle(dm.staff.title);
  const { path, search } = useLocation();
  const asked = Number(new URLSearchParams(search).get('year'));
  const year = Number.isInteger(asked) && asked >= 1900 && asked <= 2200 ? asked : new Date().getFullYear();
  const [typed, setTyped] = useState(String(year));
  const visits = useApi((signal) => listDelegations(year, signal), [year]);
  const filter = useForm(() => Promise.resolve(navigate(`${path}?year=${encodeURIComponent(typed)}`)));
  return (
    <div class="office delegations">
      <PageHeading>{dm.staff.title}</PageHeading>
      <p class="lead">{dm.staff.intro}</p>
      <p class="actions">
        <Link href="/office/delegations/new" class="button-link button-link--primary">
          {dm.staff.add}
        </Link>
      </p>
      <form ref={filter.formRef} class="form filter-form" noValidate onSubmit={filter.onSubmit}>
        <TextField
          id="register-year"
          field="year"
          form={filter}
          type="number"
          min={1900}
          max={2200}
          label={dm.staff.year}
          value={typed}
          onValue={setTyped}
        />
        <SubmitButton form={filter} class="button-secondary">
          {dm.staff.show}
        </SubmitButton>
      </form>
      {visits.error ? (
        <LoadError error={visits.error} onRetry={visits.reload} />
      ) : !visits.data ? (
        <Loading />
      ) : visits.data.items.length === 0 ? (
        <p class="empty">{dm.staff.empty}</p>
      ) : (
        <>
          <p class="result-count" role="status">
            {dm.staff.shown(visits.data.total)}
          </p>
          <ul class="delegation-list">
            {visits.data.items.map((visit) => (
              <li key={visit.id} class="panel delegation">
                <p>
                  <strong>
                    <VisitPlace visit={visit} />
                  </strong>{' '}
                  — <VisitDates visit={visit} />, {dm.direction[visit.direction]},{' '}
                  {visit.isPublic ? dm.staff.isPublic : dm.staff.isPrivate}
                </p>
                <p lang={visit.language}>{visit.purpose}</p>
                <p>
                  <Link
                    href={`/office/delegations/${visit.id}/edit`}
                    aria-label={dm.staff.editLabel(`${visit.city?.name ?? visit.place ?? ''} ${visit.startsOn}`)}
                  >
                    {dm.staff.edit}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
      <ImportForm onImported={visits.reload} />
    </div>
  );
}

function ImportForm({ onImported }: { onImported: () => void }) {
  const dm = useDelegationsMessages();
  const [file, setFile] = useState<File>();
  const [imported, setImported] = useState<number>();
  const form = useForm(
    async () => {
      setImported(undefined);
      if (!file) throw new Error(dm.staff.chooseFile);
      return importDelegations(await file.text());
    },
    {
      onSuccess: (result) => {
        setImported(result.imported);
        onImported();
      },
    },
  );
  const rejected = form.error?.rejected ?? [];
  return (
    <section aria-labelledby="import-heading" class="panel">
      <h2 id="import-heading">{dm.staff.import}</h2>
      <p id="import-hint" class="hint">
        {dm.staff.importHint}
      </p>
      <form ref={form.formRef} class="form" noValidate onSubmit={form.onSubmit}>
        <FormError form={form} />
        {rejected.length > 0 && (
          <div class="form-error" role="alert">
            <p>{dm.staff.rejected}</p>
            <ul>
              {rejected.map((row) => (
                <li key={row.line}>
                  {dm.staff.line(row.line)}: <span lang="en">{row.errors.join('; ')}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        <FormStatus message={imported === undefined ? undefined : dm.staff.imported(imported)} />
        <div class="field">
          <label for="import-file">{dm.staff.file}</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="import-hint"
            onChange={(event) => setFile(event.currentTarget.files?.[0])}
          />
        </div>
        <SubmitButton form={form}>{dm.staff.importButton}</SubmitButton>
      </form>
    </section>
  );
}
