/**
 * /cities/:cityKey/documents/new and /cities/:cityKey/documents/:documentId/edit: a registry editor
 * adds or corrects a document binding a partner city (kind, title, signing date with its
 * precision, term, notice period, source).
 */
import { useState } from 'preact/hooks';
import type { CityDetail, CityDocument, DocumentKind, DocumentTerm } from '../../shared/api/client';
import { useForm } from '../../shared/hooks/use-form';
import { useI18n } from '../../shared/i18n/i18n';
import { FormError, SelectField, SubmitButton, TextField } from '../../shared/ui/Form';
import { createDocument, updateDocument } from './api';
import { EditorPage, NONE, RulesAndJustification, useBackToCity } from './components/RegistryEditor';
import { useRegistryEditMessages } from './i18n/messages';

const DOCUMENT_KINDS: readonly DocumentKind[] = [
  'twin_city_agreement',
  'partnership_agreement',
  'honorary_twin_title',
  'sectoral_agreement',
  'cooperation_agreement',
  'framework_agreement',
  'joint_statement',
  'declaration',
  'protocol',
  'letter_of_intent',
  'programme',
];
const DOCUMENT_TERMS: readonly DocumentTerm[] = ['open_ended', 'fixed', 'fixed_auto_renew'];

/** /cities/:cityKey/documents/new */
export function NewDocumentPage({ cityKey }: { cityKey: string }) {
  const { placeName } = useI18n();
  const rm = useRegistryEditMessages();
  return (
    <EditorPage cityKey={cityKey} title={(city) => rm.newDocumentTitle(city ? placeName(city) : cityKey)}>
      {(city) => <DocumentForm city={city} />}
    </EditorPage>
  );
}

/** /cities/:cityKey/documents/:documentId/edit */
export function EditDocumentPage({ cityKey, documentId }: { cityKey: string; documentId: string }) {
  const { m, placeName } = useI18n();
  const rm = useRegistryEditMessages();
  return (
    <EditorPage cityKey={cityKey} title={(city) => rm.editDocumentTitle(city ? placeName(city) : cityKey)}>
      {(city) => {
        const document = city.documents.find((candidate) => String(candidate.id) === documentId);
        return document ? <DocumentForm city={city} document={document} /> : <p>{m.notFound.title}</p>;
      }}
    </EditorPage>
  );
}

const DOCUMENT_FORM_FIELDS = [
  'kind',
  'title',
  'signedOn',
  'term',
  'validUntil',
  'termYears',
  'noticeMonths',
  'source',
  'overrideJustification',
] as const;

/** The signing date as the editor typed it: as much of it as the record gives. */
function partialDate(document: CityDocument | undefined): string {
  if (!document?.signedOn) return '';
  const precision = document.signedOnPrecision ?? 'day';
  return precision === 'year'
    ? document.signedOn.slice(0, 4)
    : precision === 'month'
      ? document.signedOn.slice(0, 7)
      : document.signedOn;
}

function DocumentForm({ city, document }: { city: CityDetail; document?: CityDocument }) {
  const { m } = useI18n();
  const rm = useRegistryEditMessages();
  const [kind, setKind] = useState<string>(document?.kind ?? 'partnership_agreement');
  const [title, setTitle] = useState(document?.title ?? '');
  const [signedOn, setSignedOn] = useState(partialDate(document));
  const [term, setTerm] = useState<string>(document?.term ?? NONE);
  // A fixed term's end is stored as given; one computed from the signing date is not sent back.
  const [validUntil, setValidUntil] = useState(document?.term === 'fixed' ? (document.validUntil ?? '') : '');
  const [termYears, setTermYears] = useState(document?.termYears ? String(document.termYears) : '');
  const [noticeMonths, setNoticeMonths] = useState(document?.noticeMonths ? String(document.noticeMonths) : '');
  const [source, setSource] = useState(document?.source ?? '');
  const [justification, setJustification] = useState('');
  const number = (text: string) => (text.trim() ? Number(text) : null);
  const backToCity = useBackToCity(city.key);
  const form = useForm(
    () => {
      const values = {
        kind: kind as DocumentKind,
        title: title.trim() || null,
        signedOn: signedOn.trim() || null,
        term: term === NONE ? null : (term as DocumentTerm),
        validUntil: validUntil.trim() || null,
        termYears: number(termYears),
        noticeMonths: number(noticeMonths),
        source: source.trim() || null,
        ...(justification.trim() && { overrideJustification: justification }),
      };
      return document
        ? updateDocument(city.key, document.id, { version: document.version, ...values })
        : createDocument(city.key, values);
    },
    {
      fields: DOCUMENT_FORM_FIELDS,
      onSuccess: backToCity,
    },
  );
  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate>
      <FormError form={form} />
      <SelectField
        id="document-kind"
        field="kind"
        form={form}
        label={rm.kind}
        value={kind}
        onValue={setKind}
        options={DOCUMENT_KINDS.map((value) => ({ value, label: m.documentKind[value] }))}
      />
      <TextField
        id="document-title"
        field="title"
        form={form}
        label={rm.title}
        optional
        type="text"
        lang="pl"
        maxLength={300}
        value={title}
        onValue={setTitle}
      />
      <TextField
        id="document-signed-on"
        field="signedOn"
        form={form}
        label={rm.signedOn}
        hint={rm.signedOnHint}
        optional
        type="text"
        maxLength={10}
        value={signedOn}
        onValue={setSignedOn}
      />
      <SelectField
        id="document-term"
        field="term"
        form={form}
        label={rm.term}
        value={term}
        onValue={setTerm}
        options={[
          { value: NONE, label: rm.termUnknown },
          ...DOCUMENT_TERMS.map((value) => ({ value, label: rm.terms[value] })),
        ]}
      />
      <TextField
        id="document-valid-until"
        field="validUntil"
        form={form}
        label={rm.validUntil}
        optional
        type="text"
        maxLength={10}
        value={validUntil}
        onValue={setValidUntil}
      />
      <TextField
        id="document-term-years"
        field="termYears"
        form={form}
        label={rm.termYears}
        optional
        type="number"
        min={1}
        max={99}
        value={termYears}
        onValue={setTermYears}
      />
      <TextField
        id="document-notice"
        field="noticeMonths"
        form={form}
        label={rm.noticeMonths}
        optional
        type="number"
        min={1}
        max={120}
        value={noticeMonths}
        onValue={setNoticeMonths}
      />
      <TextField
        id="document-source"
        field="source"
        form={form}
        label={rm.source}
        optional
        type="text"
        maxLength={500}
        value={source}
        onValue={setSource}
      />
      <RulesAndJustification form={form} value={justification} onValue={setJustification} />
      <SubmitButton form={form}>{rm.save}</SubmitButton>
    </form>
  );
}
