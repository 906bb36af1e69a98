/**
 * A partnership's workspace on its page, for the members of its organisations: files, tasks and
 * milestones (with the calendar download) and the project diary, as keyboard tabs; and the public
 * diary for everyone else who may see the partnership.
 */
import { useRef, useState } from 'preact/hooks';
import { ApiError, type MyOrganization } from '../../shared/api/client';
import { useApi } from '../../shared/hooks/use-api';
import { useI18n } from '../../shared/i18n/i18n';
import { saveFile } from '../../shared/save-file';
import { ConfirmAction } from '../../shared/ui/ConfirmAction';
import {
  ExplainedText,
  FieldShell,
  FormError,
  FormStatus,
  SubmitButton,
  TextAreaField,
  TextField,
} from '../../shared/ui/Form';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { Tabs } from '../../shared/ui/Tabs';
import { FILE_TYPES } from '../../../../src/workspace/workspace.constants';
import {
  createDiaryEntry,
  createTask,
  deleteFile,
  deleteTask,
  downloadCalendar,
  downloadFile,
  listDiary,
  listFiles,
  listPeople,
  listPublicDiary,
  listTasks,
  setDiaryConsent,
  updateTask,
  uploadFile,
  type DiaryEntry,
  type Task,
  type TaskKind,
  type WorkspaceFile,
} from './api';
import {
  ACCEPTED_TYPES,
  explainWorkspaceError,
  formatSize,
  useExplainWorkspaceError,
  useWorkspaceForm,
} from './errors';
import { useWorkspaceMessages } from './i18n/messages';
import './workspace.css';

type Section = 'files' | 'tasks' | 'diary';
const SECTIONS: readonly Section[] = ['files', 'tasks', 'diary'];
const EDITING_ROLES = ['owner', 'editor'];

const asApiError = (error: unknown) => (error instanceof ApiError ? error : new ApiError(0, String(error)));

/** A request's refusal beside the control that made it, in the reader's language. */
function ActionError({ error }: { error?: ApiError }) {
  const t = useWorkspaceMessages();
  const { m, locale } = useI18n();
  if (!error) return null;
  return (
    <p class="field-error" role="alert">
      <ExplainedText explained={explainWorkspaceError(error, t, m, locale)} />
    </p>
  );
}

export function PartnershipWorkspace({ partnershipId, mine }: { partnershipId: string; mine: MyOrganization[] }) {
  const t = useWorkspaceMessages();
  const [section, setSection] = useState<Section>('files');
  return (
    <section aria-labelledby="workspace-heading" class="workspace">
      <h2 id="workspace-heading">{t.heading}</h2>
      <p class="hint">{t.intro}</p>
      <Tabs
        id="workspace"
        label={t.sections}
        tabs={SECTIONS.map((key) => ({ key, label: t.tabs[key] }))}
        selected={section}
        onSelect={setSection}
      >
        {section === 'files' && <FilesPanel partnershipId={partnershipId} />}
        {section === 'tasks' && <TasksPanel partnershipId={partnershipId} />}
        {section === 'diary' && <DiaryPanel partnershipId={partnershipId} mine={mine} />}
      </Tabs>
    </section>
  );
}

// Files

function FilesPanel({ partnershipId }: { partnershipId: string }) {
  const t = useWorkspaceMessages();
  const files = useApi((signal) => listFiles(partnershipId, signal), [partnershipId]);
  const [status, setStatus] = useState<string>();
  if (files.error) return <LoadError error={files.error} onRetry={files.reload} />;
  if (!files.data) return <Loading />;
  const { items, maxBytes } = files.data;
  return (
    <>
      <h3 class="visually-hidden">{t.tabs.files}</h3>
      <FormStatus message={status} />
      {items.length === 0 ? (
        <p class="empty">{t.files.empty}</p>
      ) : (
        <>
          <p class="hint">{t.files.count(items.length)}</p>
          <ul class="workspace-list" aria-label={t.files.listLabel}>
            {items.map((file) => (
              <FileItem
                key={file.id}
                partnershipId={partnershipId}
                file={file}
                onDeleted={() => {
                  setStatus(t.files.deleted(file.name));
                  files.reload();
                }}
              />
            ))}
          </ul>
        </>
      )}
      <UploadForm
        partnershipId={partnershipId}
        maxBytes={maxBytes}
        onUploaded={(file) => {
          setStatus(t.files.uploaded(file.name));
          files.reload();
        }}
      />
    </>
  );
}

function FileItem({
  partnershipId,
  file,
  onDeleted,
}: {
  partnershipId: string;
  file: WorkspaceFile;
  onDeleted: () => void;
}) {
  const t = useWorkspaceMessages();
  const { locale, formatDateTime } = useI18n();
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState(false);
  const explain = useExplainWorkspaceError();
  const download = async () => {
    setError(undefined);
    try {
      saveFile(await downloadFile(partnershipId, file.id), file.name);
      setSaved(true);
    } catch (caught) {
      setError(asApiError(caught));
    }
  };
  const named = <span class="visually-hidden"> {file.name}</span>;
  return (
    <li class="workspace-item">
      <p class="workspace-item__title">{file.name}</p>
      <p class="workspace-item__meta">
        {formatSize(file.size, locale)} ·{' '}
        {t.files.shared(file.uploadedByName ?? t.unknownPerson, formatDateTime(file.createdAt))}
      </p>
      <div class="workspace-item__actions">
        <button type="button" class="button-secondary" onClick={() => void download()}>
          {t.files.download}
          {named}
        </button>
        <ConfirmAction
          label={
            <>
              {t.files.delete}
              {named}
            </>
          }
          question={t.files.deleteQuestion(file.name)}
          confirmLabel={t.files.deleteConfirm}
          action={() => deleteFile(partnershipId, file.id)}
          onDone={onDeleted}
          explain={explain}
          danger
        />
      </div>
      <ActionError error={error} />
      <FormStatus message={saved ? t.files.saved(file.name) : undefined} />
    </li>
  );
}

const ACCEPT = FILE_TYPES.flatMap((type) => type.extensions.map((extension) => `.${extension}`)).join(',');

function UploadForm({
  partnershipId,
  maxBytes,
  onUploaded,
}: {
  partnershipId: string;
  maxBytes: number;
  onUploaded: (file: WorkspaceFile) => void;
}) {
  const t = useWorkspaceMessages();
  const { locale } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  // Said before sending anything: no file chosen, or one over the limit (not worth uploading).
  const [ownError, setOwnError] = useState<string>();
  const size = formatSize(maxBytes, locale);
  const form = useWorkspaceForm(() => uploadFile(partnershipId, file!), {
    fields: ['name'],
    onSuccess: (uploaded) => {
      setFile(null);
      if (input.current) input.current.value = '';
      onUploaded(uploaded);
    },
  });
  const submit = (event: Event) => {
    event.preventDefault();
    const problem = !file ? t.files.chooseFile : file.size > maxBytes ? t.errors.tooLarge(size) : undefined;
    setOwnError(problem);
    if (problem) {
      form.clearError();
      input.current?.focus();
    } else void form.run();
  };
  const error = ownError ? { text: ownError } : form.fieldError('name');
  return (
    <form ref={form.formRef} class="form workspace-form" noValidate onSubmit={submit}>
      <h3>{t.files.uploadHeading}</h3>
      <FormError form={form} />
      <FieldShell
        id="workspace-file"
        label={t.files.fileLabel}
        hint={t.files.limits(size, ACCEPTED_TYPES)}
        error={error}
      >
        {(described) => (
          <input
            {...described}
            ref={input}
            type="file"
            name="file"
            accept={ACCEPT}
            required
            onChange={(event) => {
              setOwnError(undefined);
              setFile(event.currentTarget.files?.[0] ?? null);
            }}
          />
        )}
      </FieldShell>
      <div class="form__actions">
        <SubmitButton form={form}>{t.files.upload}</SubmitButton>
      </div>
    </form>
  );
}

// Tasks and milestones

/** Today in the reader's time zone, as YYYY-MM-DD (what a due date is compared with). */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function TasksPanel({ partnershipId }: { partnershipId: string }) {
  const t = useWorkspaceMessages();
  const tasks = useApi((signal) => listTasks(partnershipId, signal), [partnershipId]);
  const [status, setStatus] = useState<string>();
  if (tasks.error) return <LoadError error={tasks.error} onRetry={tasks.reload} />;
  if (!tasks.data) return <Loading />;
  // The server sends open ones first, each group by due date (undated last).
  const open = tasks.data.items.filter((task) => task.state === 'open');
  const done = tasks.data.items.filter((task) => task.state === 'done');
  const changed = (message: string) => {
    setStatus(message);
    tasks.reload();
  };
  return (
    <>
      <FormStatus message={status} />
      {tasks.data.items.length === 0 ? (
        <p class="empty">{t.tasks.empty}</p>
      ) : (
        <>
          <h3 id="tasks-open">{t.tasks.open}</h3>
          {open.length === 0 ? (
            <p class="empty">{t.tasks.noneOpen}</p>
          ) : (
            <TaskList partnershipId={partnershipId} tasks={open} labelledBy="tasks-open" onChanged={changed} />
          )}
          {done.length > 0 && (
            <>
              <h3 id="tasks-done">{t.tasks.done}</h3>
              <TaskList partnershipId={partnershipId} tasks={done} labelledBy="tasks-done" onChanged={changed} />
            </>
          )}
        </>
      )}
      <TaskForm partnershipId={partnershipId} onAdded={(task) => changed(t.tasks.added(task.title))} />
      <CalendarDownload partnershipId={partnershipId} />
    </>
  );
}

function TaskList({
  partnershipId,
  tasks,
  labelledBy,
  onChanged,
}: {
  partnershipId: string;
  tasks: Task[];
  labelledBy: string;
  onChanged: (message: string) => void;
}) {
  return (
    <ul class="workspace-list" aria-labelledby={labelledBy}>
      {tasks.map((task) => (
        <TaskItem key={task.id} partnershipId={partnershipId} task={task} onChanged={onChanged} />
      ))}
    </ul>
  );
}

function TaskItem({
  partnershipId,
  task,
  onChanged,
}: {
  partnershipId: string;
  task: Task;
  onChanged: (message: string) => void;
}) {
  const t = useWorkspaceMessages();
  const { formatDate } = useI18n();
  const [error, setError] = useState<ApiError>();
  const [sending, setSending] = useState(false);
  const explain = useExplainWorkspaceError();
  const overdue = task.state === 'open' && task.dueDate !== null && task.dueDate < today();
  const toggle = async () => {
    setError(undefined);
    setSending(true);
    const state = task.state === 'open' ? 'done' : 'open';
    try {
      await updateTask(partnershipId, task.id, { state });
      onChanged(state === 'done' ? t.tasks.markedDone(task.title) : t.tasks.reopened(task.title));
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setSending(false);
    }
  };
  const named = <span class="visually-hidden"> {task.title}</span>;
  return (
    <li class={`workspace-item workspace-task workspace-task--${task.state}`}>
      <p class="workspace-item__title">
        <span class={`task-kind task-kind--${task.kind}`}>{t.tasks.kind[task.kind]}</span> {task.title}
      </p>
      <p class="workspace-item__meta">
        {t.tasks.due}: {task.dueDate ? <time dateTime={task.dueDate}>{formatDate(task.dueDate)}</time> : t.tasks.noDue}
        {overdue && <strong class="task-overdue"> ({t.tasks.overdue})</strong>} · {t.tasks.owner}:{' '}
        {task.ownerName ?? t.tasks.noOwner}
      </p>
      <div class="workspace-item__actions">
        <button type="button" class="button-secondary" disabled={sending} onClick={() => void toggle()}>
          {task.state === 'open' ? t.tasks.markDone : t.tasks.reopen}
          {named}
        </button>
        <ConfirmAction
          label={
            <>
              {t.tasks.delete}
              {named}
            </>
          }
          question={t.tasks.deleteQuestion(task.title)}
          confirmLabel={t.tasks.deleteConfirm}
          action={() => deleteTask(partnershipId, task.id)}
          onDone={() => onChanged(t.tasks.deleted(task.title))}
          explain={explain}
          danger
        />
      </div>
      <ActionError error={error} />
    </li>
  );
}

function TaskForm({ partnershipId, onAdded }: { partnershipId: string; onAdded: (task: Task) => void }) {
  const t = useWorkspaceMessages();
  const people = useApi((signal) => listPeople(partnershipId, signal), [partnershipId]);
  const [kind, setKind] = useState<TaskKind>('task');
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [dueDate, setDueDate] = useState('');
  const form = useWorkspaceForm(
    () => createTask(partnershipId, { kind, title, ownerId: ownerId || null, dueDate: dueDate || null }),
    {
      fields: ['kind', 'title', 'ownerId', 'dueDate'],
      onSuccess: (task) => {
        setTitle('');
        setOwnerId('');
        setDueDate('');
        onAdded(task);
      },
    },
  );
  return (
    <form ref={form.formRef} class="form workspace-form" noValidate onSubmit={form.onSubmit}>
      <h3>{t.tasks.addHeading}</h3>
      <FormError form={form} />
      <fieldset class="checkbox-group">
        <legend>{t.tasks.kindLegend}</legend>
        <ul class="checkbox-group__options">
          {(['task', 'milestone'] as const).map((value) => (
            <li key={value}>
              <input
                type="radio"
                id={`task-kind-${value}`}
                name="kind"
                value={value}
                checked={kind === value}
                onChange={() => setKind(value)}
              />
              <label for={`task-kind-${value}`}>{t.tasks.kind[value]}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <TextField
        id="task-title"
        field="title"
        form={form}
        label={t.tasks.titleLabel}
        type="text"
        value={title}
        onValue={setTitle}
        maxLength={200}
      />
      <FieldShell
        id="task-owner"
        label={t.tasks.ownerLabel}
        hint={t.tasks.ownerHint}
        error={form.fieldError('ownerId')}
        optional
      >
        {(described) => (
          <select
            {...described}
            name="ownerId"
            value={ownerId}
            onChange={(event) => setOwnerId(event.currentTarget.value)}
          >
            <option value="">{t.tasks.ownerNone}</option>
            {(people.data?.items ?? []).map((person) => (
              <option key={person.id} value={person.id}>
                {t.tasks.person(person.displayName, person.organizationName)}
              </option>
            ))}
          </select>
        )}
      </FieldShell>
      {people.error && <LoadError error={people.error} onRetry={people.reload} />}
      <TextField
        id="task-due"
        field="dueDate"
        form={form}
        label={t.tasks.dueLabel}
        type="date"
        optional
        value={dueDate}
        onValue={setDueDate}
      />
      <div class="form__actions">
        <SubmitButton form={form}>{t.tasks.add}</SubmitButton>
      </div>
    </form>
  );
}

function CalendarDownload({ partnershipId }: { partnershipId: string }) {
  const t = useWorkspaceMessages();
  const [saved, setSaved] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const download = async () => {
    setError(undefined);
    try {
      const filename = 'partnership.ics';
      saveFile(await downloadCalendar(partnershipId), filename);
      setSaved(t.calendar.saved(filename));
    } catch (caught) {
      setError(asApiError(caught));
    }
  };
  return (
    <div class="workspace-calendar">
      <h3>{t.calendar.heading}</h3>
      <p>{t.calendar.intro}</p>
      <p>
        <button type="button" class="button-secondary" onClick={() => void download()}>
          {t.calendar.download}
        </button>
      </p>
      <ActionError error={error} />
      <FormStatus message={saved} />
    </div>
  );
}

// The project diary

function DiaryPanel({ partnershipId, mine }: { partnershipId: string; mine: MyOrganization[] }) {
  const t = useWorkspaceMessages();
  const diary = useApi((signal) => listDiary(partnershipId, signal), [partnershipId]);
  // Entries as the consent route answered them, until the next load.
  const [updated, setUpdated] = useState<Record<string, DiaryEntry>>({});
  const [status, setStatus] = useState<string>();
  const editable = new Set(mine.filter((o) => EDITING_ROLES.includes(o.myRole)).map((o) => o.id));
  if (diary.error) return <LoadError error={diary.error} onRetry={diary.reload} />;
  if (!diary.data) return <Loading />;
  const entries = diary.data.items.map((entry) => updated[entry.id] ?? entry);
  return (
    <>
      <h3 class="visually-hidden">{t.tabs.diary}</h3>
      <p>{t.diary.intro}</p>
      <FormStatus message={status} />
      {entries.length === 0 ? (
        <p class="empty">{t.diary.empty}</p>
      ) : (
        <ul class="workspace-list" aria-label={t.diary.listLabel}>
          {entries.map((entry) => (
            <li key={entry.id} class="workspace-item diary-entry">
              <DiaryText entry={entry} level={4} />
              <p class="diary-entry__state">
                <span class={`diary-status diary-status--${entry.public ? 'public' : 'private'}`}>
                  {entry.public ? t.diary.isPublic : t.diary.isPrivate}
                </span>{' '}
                {t.diary.agree(entry.consents.filter((c) => c.consented).length, entry.consents.length)}
              </p>
              <ul class="diary-consents">
                {entry.consents.map((consent) =>
                  editable.has(consent.organizationId) ? (
                    <li key={consent.organizationId}>
                      <DiaryConsentToggle
                        partnershipId={partnershipId}
                        entry={entry}
                        organizationId={consent.organizationId}
                        name={consent.organizationName}
                        consented={consent.consented}
                        onChange={(next, message) => {
                          setUpdated((current) => ({ ...current, [next.id]: next }));
                          setStatus(message);
                        }}
                      />
                    </li>
                  ) : (
                    <li key={consent.organizationId}>
                      {consent.organizationName}: {consent.consented ? t.diary.agrees : t.diary.notYet}
                    </li>
                  ),
                )}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <DiaryForm
        partnershipId={partnershipId}
        onAdded={() => {
          setStatus(t.diary.added);
          diary.reload();
        }}
      />
    </>
  );
}

/** An entry's title, author and text, the text marked with the language it was written in. */
function DiaryText({ entry, level }: { entry: DiaryEntry; level: 3 | 4 }) {
  const t = useWorkspaceMessages();
  const { formatDateTime, langOf } = useI18n();
  const lang = langOf(entry.lang);
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <>
      <Heading class="workspace-item__title" lang={lang}>
        {entry.title}
      </Heading>
      <p class="workspace-item__meta">
        {t.diary.by(entry.authorName ?? t.unknownPerson, formatDateTime(entry.createdAt))}
      </p>
      <p class="diary-entry__body" lang={lang}>
        {entry.body}
      </p>
    </>
  );
}

function DiaryConsentToggle({
  partnershipId,
  entry,
  organizationId,
  name,
  consented,
  onChange,
}: {
  partnershipId: string;
  entry: DiaryEntry;
  organizationId: string;
  name: string;
  consented: boolean;
  onChange: (entry: DiaryEntry, message: string) => void;
}) {
  const t = useWorkspaceMessages();
  const [error, setError] = useState<ApiError>();
  // Shown at once as the reader set it; back as it was if the server refuses.
  const [checked, setChecked] = useState(consented);
  const id = `diary-consent-${entry.id}-${organizationId}`;
  const toggle = async (value: boolean) => {
    setChecked(value);
    setError(undefined);
    try {
      const next = await setDiaryConsent(partnershipId, entry.id, organizationId, value);
      setChecked(next.consents.find((c) => c.organizationId === organizationId)?.consented ?? value);
      onChange(next, next.public ? t.diary.published : value ? t.diary.consentSaved : t.diary.consentWithdrawn);
    } catch (caught) {
      setChecked(!value);
      setError(asApiError(caught));
    }
  };
  return (
    <div class="consent">
      <input type="checkbox" id={id} checked={checked} onChange={(event) => void toggle(event.currentTarget.checked)} />
      <label for={id}>{t.diary.consentLabel(name)}</label>
      <ActionError error={error} />
    </div>
  );
}

function DiaryForm({ partnershipId, onAdded }: { partnershipId: string; onAdded: () => void }) {
  const t = useWorkspaceMessages();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const form = useWorkspaceForm(() => createDiaryEntry(partnershipId, title, body), {
    fields: ['title', 'body'],
    onSuccess: () => {
      setTitle('');
      setBody('');
      onAdded();
    },
  });
  return (
    <form ref={form.formRef} class="form workspace-form" noValidate onSubmit={form.onSubmit}>
      <h3>{t.diary.addHeading}</h3>
      <FormError form={form} />
      <TextField
        id="diary-title"
        field="title"
        form={form}
        label={t.diary.titleLabel}
        type="text"
        value={title}
        onValue={setTitle}
        maxLength={200}
      />
      <TextAreaField
        id="diary-body"
        field="body"
        form={form}
        label={t.diary.bodyLabel}
        hint={t.diary.bodyHint}
        value={body}
        onValue={setBody}
        rows={5}
        maxLength={10000}
      />
      <div class="form__actions">
        <SubmitButton form={form}>{t.diary.add}</SubmitButton>
      </div>
    </form>
  );
}

/** The entries every participating organisation agreed to publish: on the partnership's page for everyone else. */
export function PublicDiary({ partnershipId }: { partnershipId: string }) {
  const t = useWorkspaceMessages();
  const diary = useApi((signal) => listPublicDiary(partnershipId, signal), [partnershipId]);
  return (
    <section aria-labelledby="public-diary-heading" class="workspace">
      <h2 id="public-diary-heading">{t.diary.publicHeading}</h2>
      {diary.error ? (
        <LoadError error={diary.error} onRetry={diary.reload} />
      ) : !diary.data ? (
        <Loading />
      ) : diary.data.items.length === 0 ? (
        <p class="empty">{t.diary.publicEmpty}</p>
      ) : (
        <ul class="workspace-list" aria-label={t.diary.listLabel}>
          {diary.data.items.map((entry) => (
            <li key={entry.id} class="workspace-item diary-entry">
              <DiaryText entry={entry} level={3} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
