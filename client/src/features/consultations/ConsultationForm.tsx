/**
 * The form of a consultation, for creating one and for correcting it (on its staff page): subject
 * (creation only), titles and descriptions in both languages, the period, a document's sections.
 * An edit offers only what the server still lets change: the sections while a draft, the period
 * until it opens, then only its end (later) while it is open, and the texts always.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useForm, type FormState } from '../../shared/hooks/use-form';
import { FormError, PeriodFields, SelectField, SubmitButton, TextAreaField, TextField } from '../../shared/ui/Form';
import {
  createConsultation,
  updateConsultation,
  type Consultation,
  type ConsultationInput,
  type ConsultationUpdate,
  type SectionInput,
} from './api';
import { withConsultationErrors } from './errors';
import { useConsultationsMessages } from './i18n/messages';

const LANGUAGES = ['pl', 'en'] as const;
/** One text in both languages, as staff write every text. */
export type Bilingual = Record<(typeof LANGUAGES)[number], string>;
export const EMPTY: Bilingual = { pl: '', en: '' };

/**
 * The Polish and the English text areas of one text: ids `<id>-pl` and `<id>-en`, fields
 * `<field>Pl` and `<field>En` (as the server names them), each marked with its language.
 */
export function BilingualTextArea({
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
const pad = (n: number) => String(n).padStart(2, '0');
/** A stored moment as a datetime-local value in the reader's time (to the minute, as the field shows it). */
const localInput = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/**
 * A new consultation (without `consultation`), or the correction of one. An edit sends only what
 * was changed, so an untouched period (shown to the minute) is not rounded on the way back.
 */
export function ConsultationForm({
  consultation,
  onSaved,
  onCancel,
}: {
  consultation?: Consultation;
  onSaved: () => void;
  onCancel?: () => void;
}) {
  const t = useConsultationsMessages();
  const editing = consultation !== undefined;
  const phase = consultation?.phase ?? 'draft';
  const initial = {
    titlePl: consultation?.titlePl ?? '',
    titleEn: consultation?.titleEn ?? '',
    description: consultation ? { pl: consultation.descriptionPl, en: consultation.descriptionEn } : EMPTY,
    opensAt: consultation ? localInput(consultation.opensAt) : '',
    closesAt: consultation ? localInput(consultation.closesAt) : '',
    sections: consultation?.sections.length
      ? consultation.sections.map(({ headingPl, headingEn, bodyPl, bodyEn }) => ({
          headingPl,
          headingEn,
          bodyPl: bodyPl ?? '',
          bodyEn: bodyEn ?? '',
        }))
      : [emptySection()],
  };
  const [subject, setSubject] = useState<ConsultationInput['subject']>(consultation?.subject ?? 'goals');
  const [titlePl, setTitlePl] = useState(initial.titlePl);
  const [titleEn, setTitleEn] = useState(initial.titleEn);
  const [description, setDescription] = useState(initial.description);
  const [opensAt, setOpensAt] = useState(initial.opensAt);
  const [closesAt, setClosesAt] = useState(initial.closesAt);
  const [sections, setSections] = useState<SectionInput[]>(initial.sections);
  // What the server still lets change (see the service's checkPublishedChange).
  const offersStart = phase === 'draft' || phase === 'upcoming';
  const offersEnd = phase !== 'closed';
  const offersSections = phase === 'draft' && subject === 'document';

  const save = () => {
    if (!consultation)
      return createConsultation({
        subject,
        titlePl,
        titleEn,
        descriptionPl: description.pl,
        descriptionEn: description.en,
        opensAt: moment(opensAt),
        closesAt: moment(closesAt),
        ...(subject === 'document' && { sections }),
      });
    const changes: ConsultationUpdate = {
      ...(titlePl !== initial.titlePl && { titlePl }),
      ...(titleEn !== initial.titleEn && { titleEn }),
      ...(description.pl !== initial.description.pl && { descriptionPl: description.pl }),
      ...(description.en !== initial.description.en && { descriptionEn: description.en }),
      ...(offersStart && opensAt !== initial.opensAt && { opensAt: moment(opensAt) }),
      ...(offersEnd && closesAt !== initial.closesAt && { closesAt: moment(closesAt) }),
      ...(offersSections && JSON.stringify(sections) !== JSON.stringify(initial.sections) && { sections }),
    };
    return updateConsultation(consultation.id, changes);
  };
  const form = withConsultationErrors(
    useForm(save, {
      fields: ['subject', 'titlePl', 'titleEn', 'descriptionPl', 'descriptionEn', 'opensAt', 'closesAt'],
      onSuccess: () => {
        if (!editing) {
          setTitlePl('');
          setTitleEn('');
          setDescription(EMPTY);
          setSections([emptySection()]);
        }
        onSaved();
      },
    }),
    t,
  );
  const change = (index: number, field: keyof SectionInput, value: string) =>
    setSections(sections.map((section, i) => (i === index ? { ...section, [field]: value } : section)));
  const headingId = editing ? 'edit-consultation' : 'new-consultation';
  // Opened by "Edit": the reader is taken to it, and hears which form it is.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (editing) heading.current?.focus();
  }, [editing]);
  const start = {
    id: 'consultation-opens',
    field: 'opensAt',
    label: t.office.opensAt,
    value: opensAt,
    onValue: setOpensAt,
  };
  const end = {
    id: 'consultation-closes',
    field: 'closesAt',
    label: t.office.closesAt,
    value: closesAt,
    onValue: setClosesAt,
  };
  return (
    <form ref={form.formRef} class="form panel" noValidate onSubmit={form.onSubmit} aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={editing ? -1 : undefined}>
        {editing ? t.office.edit : t.office.create}
      </h2>
      <FormError form={form} />
      {!editing && (
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
      )}
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
      {offersStart ? (
        <PeriodFields form={form} type="datetime-local" start={start} end={end} />
      ) : (
        offersEnd && <TextField {...end} form={form} type="datetime-local" />
      )}
      {editing && phase !== 'draft' && <p class="hint">{t.office.fixedHint[phase]}</p>}
      {offersSections ? (
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
        phase === 'draft' && subject === 'goals' && <p class="hint">{t.office.sectionsHint}</p>
      )}
      <div class="form__actions">
        <SubmitButton form={form}>{editing ? t.office.saveButton : t.office.createButton}</SubmitButton>
        {onCancel && (
          <button type="button" class="button-secondary" onClick={onCancel}>
            {t.office.cancelEdit}
          </button>
        )}
      </div>
    </form>
  );
}
