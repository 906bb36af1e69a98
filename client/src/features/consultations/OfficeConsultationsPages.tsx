/**
 * The registry editors' screens: /office/consultations (every consultation, drafts too, and the form
 * of a new one: subject, titles and descriptions in both languages, the period, a document's
 * sections) and /office/consultations/:id (open or close it, respond to one comment or a group,
 * publish the final report once it has closed).
 */
import { useState } from 'preact/hooks';
import { useApi } from '../../shared/hooks/use-api';
import { useForm, type FormState } from '../../shared/hooks/use-form';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { Link } from '../../shared/router';
import { ConfirmAction } from '../../shared/ui/ConfirmAction';
import {
  ChoiceFieldset,
  FormError,
  FormStatus,
  PeriodFields,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from '../../shared/ui/Form';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { RequireGrant } from '../../shared/ui/RequireGrant';
import {
  closeConsultation,
  createConsultation,
  getConsultation,
  listAllConsultations,
  openConsultation,
  publishFinalReport,
  respondToComments,
  type Consultation,
  type ConsultationInput,
  type SectionInput,
} from './api';
import { Period, usePick } from './components';
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
      <CreateForm
        onCreated={() => {
          setNews(t.office.created);
          all.reload();
        }}
      />
    </div>
  );
}

const LANGUAGES = ['pl', 'en'] as const;
/** One text in both languages, as staff write every text. */
type Bilingual = Record<(typeof LANGUAGES)[number], string>;
const EMPTY: Bilingual = { pl: '', en: '' };

/**
 * The Polish and the English text areas of one text: ids `<id>-pl` and `<id>-en`, fields
 * `<field>Pl` and `<field>En` (as the server names them), each marked with its language.
 */
function BilingualTextArea({
  id,
  field,
  form,
  label,
  rows,
  value,
  onValue,
}: {
  id: string;
  field: string;
  form: FormState;
  label: Bilingual;
  rows: number;
  value: Bilingual;
  onValue: (value: Bilingual) => void;
}) {
  return (
    <>
      {LANGUAGES.map((lang) => (
        <TextAreaField
          key={lang}
          id={`${id}-${lang}`}
          field={`${field}${lang === 'pl' ? 'Pl' : 'En'}`}
          form={form}
          label={label[lang]}
          lang={lang}
          rows={rows}
          value={value[lang]}
          onValue={(text) => onValue({ ...value, [lang]: text })}
        />
      ))}
    </>
  );
}

const emptySection = (): SectionInput => ({ headingPl: '', headingEn: '', bodyPl: '', bodyEn: '' });
/** A datetime-local value (the reader's time) as a moment, or the text as typed for the server to refuse. */
const moment = (value: string) => (value && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : value);

function CreateForm({ onCreated }: { onCreated: () => void }) {
  const t = useConsultationsMessages();
  const [subject, setSubject] = useState<ConsultationInput['subject']>('goals');
  const [titlePl, setTitlePl] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [description, setDescription] = useState(EMPTY);
  const [opensAt, setOpensAt] = useState('');
  const [closesAt, setClosesAt] = useState('');
  const [sections, setSections] = useState<SectionInput[]>([emptySection()]);
  const form = withConsultationErrors(
    useForm(
      () =>
        createConsultation({
          subject,
          titlePl,
          titleEn,
          descriptionPl: description.pl,
          descriptionEn: description.en,
          opensAt: moment(opensAt),
          closesAt: moment(closesAt),
          ...(subject === 'document' && { sections }),
        }),
      {
        fields: ['subject', 'titlePl', 'titleEn', 'descriptionPl', 'descriptionEn', 'opensAt', 'closesAt'],
        onSuccess: () => {
          setTitlePl('');
          setTitleEn('');
          setDescription(EMPTY);
          setSections([emptySection()]);
          onCreated();
        },
      },
    ),
    t,
  );
  const change = (index: number, field: keyof SectionInput, value: string) =>
    setSections(sections.map((section, i) => (i === index ? { ...section, [field]: value } : section)));
  return (
    <form ref={form.formRef} class="form panel" noValidate onSubmit={form.onSubmit} aria-labelledby="new-consultation">
      <h2 id="new-consultation">{t.office.create}</h2>
      <FormError form={form} />
      <SelectField
        id="consultation-subject"
        field="subject"
        form={form}
        label={t.office.subject}
        value={subject}
        onValue={(value) => setSubject(value as ConsultationInput['subject'])}
        options={[
          { value: 'goals', label: t.subject.goals },
          { value: 'document', label: t.subject.document },
        ]}
      />
      <TextField
        type="text"
        id="consultation-title-pl"
        field="titlePl"
        form={form}
        label={t.office.titlePl}
        lang="pl"
        value={titlePl}
        onValue={setTitlePl}
        maxLength={300}
      />
      <TextField
        type="text"
        id="consultation-title-en"
        field="titleEn"
        form={form}
        label={t.office.titleEn}
        lang="en"
        value={titleEn}
        onValue={setTitleEn}
        maxLength={300}
      />
      <BilingualTextArea
        id="consultation-description"
        field="description"
        form={form}
        label={{ pl: t.office.descriptionPl, en: t.office.descriptionEn }}
        rows={4}
        value={description}
        onValue={setDescription}
      />
      <PeriodFields
        form={form}
        type="datetime-local"
        start={{
          id: 'consultation-opens',
          field: 'opensAt',
          label: t.office.opensAt,
          value: opensAt,
          onValue: setOpensAt,
        }}
        end={{
          id: 'consultation-closes',
          field: 'closesAt',
          label: t.office.closesAt,
          value: closesAt,
          onValue: setClosesAt,
        }}
      />
      {subject === 'document' ? (
        <fieldset class="consultation-sections-input">
          <legend>{t.office.sections}</legend>
          {sections.map((section, index) => (
            <fieldset key={index}>
              <legend>{t.office.section(index + 1)}</legend>
              <TextField
                type="text"
                id={`section-${index}-heading-pl`}
                field={`sections.${index}.headingPl`}
                form={form}
                label={t.office.headingPl}
                lang="pl"
                value={section.headingPl}
                onValue={(v) => change(index, 'headingPl', v)}
              />
              <TextField
                type="text"
                id={`section-${index}-heading-en`}
                field={`sections.${index}.headingEn`}
                form={form}
                label={t.office.headingEn}
                lang="en"
                value={section.headingEn}
                onValue={(v) => change(index, 'headingEn', v)}
              />
              <TextAreaField
                id={`section-${index}-body-pl`}
                field={`sections.${index}.bodyPl`}
                form={form}
                label={t.office.bodyPl}
                lang="pl"
                rows={3}
                value={section.bodyPl}
                onValue={(v) => change(index, 'bodyPl', v)}
              />
              <TextAreaField
                id={`section-${index}-body-en`}
                field={`sections.${index}.bodyEn`}
                form={form}
                label={t.office.bodyEn}
                lang="en"
                rows={3}
                value={section.bodyEn}
                onValue={(v) => change(index, 'bodyEn', v)}
              />
              {sections.length > 1 && (
                <button
                  type="button"
                  class="button-secondary"
                  onClick={() => setSections(sections.filter((_, i) => i !== index))}
                >
                  {t.office.removeSection(index + 1)}
                </button>
              )}
            </fieldset>
          ))}
          <button type="button" class="button-secondary" onClick={() => setSections([...sections, emptySection()])}>
            {t.office.addSection}
          </button>
        </fieldset>
      ) : (
        <p class="hint">{t.office.sectionsHint}</p>
      )}
      <div class="form__actions">
        <SubmitButton form={form}>{t.office.createButton}</SubmitButton>
      </div>
    </form>
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
          </p>
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
