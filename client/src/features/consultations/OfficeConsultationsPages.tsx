/**
 * The registry editors' screens: /office/consultations (every consultation, drafts too, and the form
 * of a new one: subject, titles and descriptions in both languages, the period, a document's
 * sections) and /office/consultations/:id (correct it in the same form, open or close it, respond
 * to one comment or a group, publish the final report once it has closed).
 */
import { useRef, useState } from 'preact/hooks';
import { useApi } from '../../shared/hooks/use-api';
import { useForm } from '../../shared/hooks/use-form';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { Link } from '../../shared/router';
import { ConfirmAction } from '../../shared/ui/ConfirmAction';
import { ChoiceFieldset, FormError, FormStatus, SubmitButton } from '../../shared/ui/Form';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { RequireGrant } from '../../shared/ui/RequireGrant';
import {
  closeConsultation,
  getConsultation,
  listAllConsultations,
  openConsultation,
  publishFinalReport,
  respondToComments,
  type Consultation,
} from './api';
import { Period, usePick } from './components';
import { BilingualTextArea, ConsultationForm, EMPTY, type Bilingual } from './ConsultationForm';
import { withConsultationErrors } from './errors';
import { useConsultationsMessages } from './i18n/messages';

export function OfficeConsultationsPage() {
  const t = useConsultationsMessages();
  return (
    <RequireGrant grant="registry_editor" title={t.office.title} refusal={t.office.editorsOnly}>
      {() => <Office />}
    </RequireGrant>
  );
}

function Office() {
  const t = useConsultationsMessages();
  useDocumentTitle(t.office.title);
  const pick = usePick();
  const all = useApi((signal) => listAllConsultations(signal), []);
  const [news, setNews] = useState<string>();
  return (
    <div class="office consultations-office">
      <PageHeading>{t.office.title}</PageHeading>
      <FormStatus message={news} focus />
      <h2>{t.office.all}</h2>
      {all.error ? (
        <LoadError error={all.error} onRetry={all.reload} />
      ) : !all.data ? (
        <Loading />
      ) : all.data.items.length === 0 ? (
        <p class="empty">{t.office.none}</p>
      ) : (
        <ul class="card-list">
          {all.data.items.map((item) => {
            const title = pick(item.titlePl, item.titleEn);
            return (
              <li key={item.id} class="panel">
                <p>
                  <span class="badge">{t.phase[item.phase]}</span> <strong>{title}</strong>
                </p>
                <p class="muted">
                  {t.subject[item.subject]} · <Period consultation={item} /> · {t.list.comments(item.comments)}
                </p>
                <p>
                  <Link href={`/office/consultations/${item.id}`}>
                    {t.office.manage}
                    <span class="visually-hidden">: {title}</span>
                  </Link>
                </p>
              </li>
            );
          })}
        </ul>
      )}
      <ConsultationForm
        onSaved={() => {
          setNews(t.office.created);
          all.reload();
        }}
      />
    </div>
  );
}

export function OfficeConsultationPage({ id }: { id: string }) {
  const t = useConsultationsMessages();
  return (
    <RequireGrant grant="registry_editor" title={t.office.title} refusal={t.office.editorsOnly}>
      {() => <Manage id={id} />}
    </RequireGrant>
  );
}

function Manage({ id }: { id: string }) {
  const t = useConsultationsMessages();
  const pick = usePick();
  const consultation = useApi((signal) => getConsultation(id, signal), [id]);
  const [news, setNews] = useState<string>();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const data = consultation.data;
  const title = data ? pick(data.titlePl, data.titleEn) : t.office.title;
  useDocumentTitle(title);
  const done = (message: string) => {
    setNews(message);
    consultation.reload();
  };
  return (
    <div class="office consultations-office">
      <p class="back-link">
        <Link href="/office/consultations">← {t.office.title}</Link>
      </p>
      <PageHeading>{title}</PageHeading>
      <FormStatus message={news} focus />
      {consultation.error ? (
        <LoadError error={consultation.error} onRetry={consultation.reload} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          <p>
            <span class="badge">{t.phase[data.phase]}</span> {t.subject[data.subject]} · <Period consultation={data} />
          </p>
          <p class="actions">
            {data.phase !== 'draft' && <Link href={`/consultations/${data.id}`}>{t.office.view}</Link>}
            {!editing && (
              <button type="button" ref={editButton} class="button-secondary" onClick={() => setEditing(true)}>
                {t.office.editButton}
              </button>
            )}
          </p>
          {editing && (
            <ConsultationForm
              consultation={data}
              onSaved={() => {
                setEditing(false);
                done(t.office.saved);
              }}
              onCancel={() => {
                setEditing(false);
                // Back to the button that opened it, once it is shown again.
                setTimeout(() => editButton.current?.focus());
              }}
            />
          )}
          {data.phase === 'draft' && (
            <ConfirmAction
              label={t.office.openButton}
              question={t.office.openQuestion}
              confirmLabel={t.office.openButton}
              action={() => openConsultation(data.id)}
              onDone={() => done(t.office.opened)}
            />
          )}
          {data.phase === 'open' && (
            <ConfirmAction
              label={t.office.closeButton}
              question={t.office.closeQuestion}
              confirmLabel={t.office.closeButton}
              action={() => closeConsultation(data.id)}
              onDone={() => done(t.office.closedNews)}
              danger
            />
          )}
          {data.phase !== 'draft' && <RespondForm consultation={data} onDone={() => done(t.office.responded)} />}
          {data.phase === 'closed' ? (
            <FinalReportForm consultation={data} onDone={() => done(t.office.finalReportSaved)} />
          ) : (
            data.phase !== 'draft' && <p class="hint">{t.office.finalReportLater}</p>
          )}
        </>
      )}
    </div>
  );
}

function RespondForm({ consultation, onDone }: { consultation: Consultation; onDone: () => void }) {
  const t = useConsultationsMessages();
  const pick = usePick();
  const { langOf } = useI18n();
  const [chosen, setChosen] = useState<string[]>([]);
  const [body, setBody] = useState(EMPTY);
  const form = withConsultationErrors(
    useForm(() => respondToComments(consultation.id, chosen, body.pl, body.en), {
      fields: ['commentIds', 'bodyPl', 'bodyEn'],
      onSuccess: () => {
        setChosen([]);
        setBody(EMPTY);
        onDone();
      },
    }),
    t,
  );
  const sections = consultation.sections.filter((section) => section.comments.length > 0);
  return (
    <form ref={form.formRef} class="form panel" noValidate onSubmit={form.onSubmit} aria-labelledby="respond-title">
      <h2 id="respond-title">{t.office.respond}</h2>
      {sections.length === 0 ? (
        <p class="empty">{t.office.noCommentsYet}</p>
      ) : (
        <>
          <FormError form={form} />
          <ChoiceFieldset
            id="respond-comments"
            field="commentIds"
            form={form}
            legend={t.office.chooseComments}
            hint={t.office.respondHint}
          >
            {sections.map((section) => (
              <div key={section.id}>
                <h3 class="consultation-respond__section">{pick(section.headingPl, section.headingEn)}</h3>
                <ul class="checkbox-group__options">
                  {section.comments.map((comment) => (
                    <li key={comment.id}>
                      <input
                        type="checkbox"
                        id={`respond-comment-${comment.id}`}
                        name="commentIds"
                        value={comment.id}
                        checked={chosen.includes(comment.id)}
                        aria-invalid={form.fieldError('commentIds') ? 'true' : undefined}
                        onChange={(event) =>
                          setChosen(
                            event.currentTarget.checked
                              ? [...chosen, comment.id]
                              : chosen.filter((value) => value !== comment.id),
                          )
                        }
                      />
                      <label for={`respond-comment-${comment.id}`}>
                        {comment.author ?? t.page.deletedUser}:{' '}
                        <span lang={langOf(comment.lang)}>
                          {comment.body.length > 140 ? `${comment.body.slice(0, 140)}…` : comment.body}
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </ChoiceFieldset>
          <BilingualTextArea
            id="response"
            field="body"
            form={form}
            label={{ pl: t.office.responsePl, en: t.office.responseEn }}
            rows={3}
            value={body}
            onValue={setBody}
          />
          <div class="form__actions">
            <SubmitButton form={form}>{t.office.respondButton}</SubmitButton>
          </div>
        </>
      )}
    </form>
  );
}

function FinalReportForm({ consultation, onDone }: { consultation: Consultation; onDone: () => void }) {
  const t = useConsultationsMessages();
  const [report, setReport] = useState<Bilingual>({
    pl: consultation.finalReportPl ?? '',
    en: consultation.finalReportEn ?? '',
  });
  const form = withConsultationErrors(
    useForm(() => publishFinalReport(consultation.id, report.pl, report.en), {
      fields: ['finalReportPl', 'finalReportEn'],
      onSuccess: onDone,
    }),
    t,
  );
  return (
    <form
      ref={form.formRef}
      class="form panel"
      noValidate
      onSubmit={form.onSubmit}
      aria-labelledby="final-report-title"
    >
      <h2 id="final-report-title">{t.page.finalReport}</h2>
      <FormError form={form} />
      <BilingualTextArea
        id="final-report"
        field="finalReport"
        form={form}
        label={{ pl: t.office.finalReportPl, en: t.office.finalReportEn }}
        rows={6}
        value={report}
        onValue={setReport}
      />
      <div class="form__actions">
        <SubmitButton form={form}>{t.office.finalReportButton}</SubmitButton>
      </div>
    </form>
  );
}
