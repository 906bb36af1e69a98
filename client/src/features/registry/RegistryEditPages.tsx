/**
 * The registry editors' screens: a partner city's details and its documents. Each form sends the
 * version it loaded, so a save over someone else's newer one is refused and said so; a change
 * that goes against a rule of the cooperation programme is shown the rules it breaks, in the
 * reader's language, and goes ahead only with a written justification.
 */
import { useState } from 'preact/hooks';
import {
  CITY_STATUSES,
  getCity,
  RELATIONSHIPS,
  type CityDetail,
  type CityDocument,
  type DocumentKind,
  type DocumentTerm,
  type Me,
} from '../../shared/api/client';
import { useApi } from '../../shared/hooks/use-api';
import { useForm, type FormState } from '../../shared/hooks/use-form';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { Link, navigate } from '../../shared/router';
import { useSession } from '../../shared/session';
import { FormError, SelectField, SubmitButton, TextAreaField, TextField } from '../../shared/ui/Form';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { NotFoundPage } from '../../shared/ui/NotFoundPage';
import { PageHeading } from '../../shared/ui/PageHeading';
import { RequireSignIn } from '../../shared/ui/RequireSignIn';
import { createDocument, updateCity, updateDocument } from './api';
import { useRegistryEditMessages } from './i18n/messages';
import { isRegistryEditor } from './roles';

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
/** A select's value for "none" (a required select cannot submit an empty value). */
const NONE = 'none';

/** A registry editor's page for one city: signed in, the role, the city loaded. */
function EditorPage({
  cityKey,
  title,
  children,
}: {
  cityKey: string;
  title: (city: CityDetail | undefined) => string;
  children: (city: CityDetail, reload: () => void) => preact.ComponentChildren;
}) {
  return (
    <RequireSignIn title={title(undefined)} staff>
      {(user) => <EditorCity user={user} cityKey={cityKey} title={title} render={children} />}
    </RequireSignIn>
  );
}

function EditorCity({
  user,
  cityKey,
  title,
  render,
}: {
  user: Me;
  cityKey: string;
  title: (city: CityDetail | undefined) => string;
  render: (city: CityDetail, reload: () => void) => preact.ComponentChildren;
}) {
  const { m, placeName } = useI18n();
  const rm = useRegistryEditMessages();
  const city = useApi((signal) => getCity(cityKey, {}, signal), [cityKey]);
  useDocumentTitle(title(city.data));
  if (city.error?.notFound) return <NotFoundPage title={m.notFound.cityTitle} text={m.notFound.cityText(cityKey)} />;
  if (city.error) return <LoadError error={city.error} onRetry={city.reload} />;
  if (!city.data) return <Loading />;
  return (
    <div class="narrow">
      <p class="back-link">
        <Link href={`/cities/${cityKey}`}>← {placeName(city.data)}</Link>
      </p>
      <PageHeading>{title(city.data)}</PageHeading>
      {isRegistryEditor(user) ? render(city.data, city.reload) : <p>{rm.editorsOnly}</p>}
    </div>
  );
}

/** The rules a change breaks, in the reader's language, and the justification that overrides them. */
function RulesAndJustification({
  form,
  value,
  onValue,
}: {
  form: FormState;
  value: string;
  onValue: (value: string) => void;
}) {
  const { language } = useI18n();
  const rm = useRegistryEditMessages();
  const rules = form.error?.rules ?? [];
  return (
    <>
      {rules.length > 0 && (
        <div class="form-error" role="alert">
          <p>{rm.rulesBroken}</p>
          <ul>
            {rules.map((rule) => (
              <li key={rule.name}>{language === 'pl' ? rule.pl : rule.en}</li>
            ))}
          </ul>
        </div>
      )}
      <TextAreaField
        id="override-justification"
        field="overrideJustification"
        form={form}
        label={rm.justification}
        hint={rm.justificationHint}
        optional
        rows={3}
        maxLength={2000}
        value={value}
        onValue={onValue}
      />
    </>
  );
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** /cities/:cityKey/edit */
export function EditCityPage({ cityKey }: { cityKey: string }) {
  const { placeName } = useI18n();
  const rm = useRegistryEditMessages();
  return (
    <EditorPage cityKey={cityKey} title={(city) => rm.editCityTitle(city ? placeName(city) : cityKey)}>
      {(city) => <CityForm city={city} />}
    </EditorPage>
  );
}

const CITY_FORM_FIELDS = [
  'namePl',
  'name',
  'country',
  'lat',
  'lon',
  'inEurope',
  'relationship',
  'status',
  'facts',
  'factsLanguage',
  'factsTranslation',
  'overrideJustification',
] as const;

function CityForm({ city }: { city: CityDetail }) {
  const { m } = useI18n();
  const rm = useRegistryEditMessages();
  const session = useSession();
  const [namePl, setNamePl] = useState(city.namePl);
  const [name, setName] = useState(city.name);
  const [country, setCountry] = useState(city.country);
  const [lat, setLat] = useState(String(city.lat));
  const [lon, setLon] = useState(String(city.lon));
  const [inEurope, setInEurope] = useState(city.inEurope);
  const [relationship, setRelationship] = useState<string>(city.relationship);
  const [status, setStatus] = useState<string>(city.status ?? NONE);
  // The form edits the original notes; the page shows the reader's version.
  const [notes, setNotes] = useState(city.factsOriginal ? city.facts.join('\n') : '');
  const [notesLanguage, setNotesLanguage] = useState<string>(city.factsOriginal ? city.factsLang : 'en');
  const [translation, setTranslation] = useState(city.factsOriginal ? '' : city.facts.join('\n'));
  const [justification, setJustification] = useState('');
  const form = useForm(
    () =>
      updateCity(city.key, {
        version: city.version,
        namePl,
        name,
        country,
        lat: Number(lat),
        lon: Number(lon),
        inEurope,
        relationship: relationship as CityDetail['relationship'],
        status: status === NONE ? null : (status as NonNullable<CityDetail['status']>),
        ...(notes.trim() || city.facts.length
          ? { facts: lines(notes), factsLanguage: notesLanguage as 'pl' | 'en' }
          : {}),
        ...(translation.trim() || !city.factsOriginal ? { factsTranslation: lines(translation) } : {}),
        ...(justification.trim() && { overrideJustification: justification }),
      }),
    {
      fields: CITY_FORM_FIELDS,
      onSuccess: () => {
        session.showNotice({ kind: 'registrySaved', path: `/cities/${city.key}` });
        navigate(`/cities/${city.key}`);
      },
    },
  );
  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate>
      <FormError form={form} />
      <TextField
        id="city-name-pl"
        field="namePl"
        form={form}
        label={rm.namePl}
        type="text"
        lang="pl"
        value={namePl}
        onValue={setNamePl}
        maxLength={120}
      />
      <TextField
        id="city-name-en"
        field="name"
        form={form}
        label={rm.nameEn}
        type="text"
        lang="en"
        value={name}
        onValue={setName}
        maxLength={120}
      />
      <TextField
        id="city-country"
        field="country"
        form={form}
        label={rm.country}
        type="text"
        value={country}
        onValue={setCountry}
        maxLength={2}
      />
      <TextField
        id="city-lat"
        field="lat"
        form={form}
        label={rm.lat}
        hint={rm.coordinatesHint}
        type="number"
        step={0.0001}
        min={-90}
        max={90}
        value={lat}
        onValue={setLat}
      />
      <TextField
        id="city-lon"
        field="lon"
        form={form}
        label={rm.lon}
        type="number"
        step={0.0001}
        min={-180}
        max={180}
        value={lon}
        onValue={setLon}
      />
      <div class="field field--checkbox">
        <input
          id="city-in-europe"
          type="checkbox"
          checked={inEurope}
          onChange={(event) => setInEurope(event.currentTarget.checked)}
        />
        <label for="city-in-europe">{rm.inEurope}</label>
      </div>
      <SelectField
        id="city-relationship"
        field="relationship"
        form={form}
        label={rm.relationship}
        value={relationship}
        onValue={setRelationship}
        options={RELATIONSHIPS.map((value) => ({ value, label: m.relationship[value] }))}
      />
      <SelectField
        id="city-status"
        field="status"
        form={form}
        label={rm.status}
        value={status}
        onValue={setStatus}
        options={[
          { value: NONE, label: rm.noStatus },
          ...CITY_STATUSES.map((value) => ({ value, label: m.status[value] })),
        ]}
      />
      <SelectField
        id="city-notes-language"
        field="factsLanguage"
        form={form}
        label={rm.notesLanguage}
        value={notesLanguage}
        onValue={setNotesLanguage}
        options={(['pl', 'en'] as const).map((value) => ({ value, label: rm.languages[value] }))}
      />
      <TextAreaField
        id="city-notes"
        field="facts"
        form={form}
        label={rm.notes}
        optional
        rows={5}
        lang={notesLanguage}
        value={notes}
        onValue={setNotes}
      />
      <TextAreaField
        id="city-notes-translation"
        field="factsTranslation"
        form={form}
        label={rm.notesTranslation}
        optional
        rows={5}
        lang={notesLanguage === 'pl' ? 'en' : 'pl'}
        value={translation}
        onValue={setTranslation}
      />
      <RulesAndJustification form={form} value={justification} onValue={setJustification} />
      <SubmitButton form={form}>{rm.save}</SubmitButton>
    </form>
  );
}

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
  const session = useSession();
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
      onSuccess: () => {
        session.showNotice({ kind: 'registrySaved', path: `/cities/${city.key}` });
        navigate(`/cities/${city.key}`);
      },
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
