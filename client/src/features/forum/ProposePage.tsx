/**
 * /forum/editions/:id/propose: the call for proposals. Owners and editors of verified
 * organisations propose a session (format, title, description, areas, speakers, language, and
 * optionally the city's goals and partner cities it serves) while the call is open.
 */
import { useMemo, useState } from 'preact/hooks';
import { listAreas, listCities, listMyOrganizations } from '../../shared/api/client';
import { listGoals, proposeSession, SESSION_KINDS, type Edition, type ForumSession, type ProposalInput } from './api';
import {
  CheckboxGroup,
  FormError,
  FormStatus,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from '../../shared/ui/Form';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { useForumMessages } from './i18n/messages';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { Link } from '../../shared/router';
import { useApi } from '../../shared/hooks/use-api';
import { SignedInEditionPage, useForumForm, useForumFormat } from './components/common';

const FIELDS = [
  'organizationId',
  'kind',
  'title',
  'abstract',
  'areas',
  'goals',
  'speakers',
  'language',
  'partnerCities',
] as const;

export function ProposePage({ editionId }: { editionId: string }) {
  const fm = useForumMessages();
  return (
    <SignedInEditionPage
      editionId={editionId}
      title={(edition) => (edition ? fm.proposeTitle(edition.year) : fm.proposeLink)}
    >
      {(edition) => <Propose edition={edition} />}
    </SignedInEditionPage>
  );
}

function Propose({ edition }: { edition: Edition }) {
  const fm = useForumMessages();
  const format = useForumFormat();
  const title = fm.proposeTitle(edition.year);
  useDocumentTitle(title);
  const mine = useApi((signal) => listMyOrganizations(signal), []);
  const editorOrganizations = (mine.data?.items ?? []).filter(
    (organization) => organization.verified && organization.myRole !== 'member',
  );
  const [sent, setSent] = useState<ForumSession>();
  const [round, setRound] = useState(0);

  return (
    <div class="forum">
      <p class="back-link">
        <Link href={`/forum/editions/${edition.id}`}>{fm.editionTitle(edition.year, format.theme(edition))}</Link>
      </p>
      <PageHeading>{title}</PageHeading>
      {edition.status !== 'call_open' ? (
        <p class="notice-box">{fm.callClosed}</p>
      ) : mine.error ? (
        <LoadError error={mine.error} onRetry={mine.reload} />
      ) : !mine.data ? (
        <Loading />
      ) : editorOrganizations.length === 0 ? (
        <>
          <p class="notice-box">{fm.noEditorOrganizations}</p>
          <p>
            <Link href="/my-organizations">{fm.myOrganizationsLink}</Link>
          </p>
        </>
      ) : (
        <>
          <p class="lead">{fm.proposeIntro}</p>
          <FormStatus focus>
            {sent && (
              <>
                <p>{fm.proposalSent(sent.title)}</p>
                <p class="actions">
                  <Link href={`/forum/editions/${edition.id}/my`}>{fm.myForumLink}</Link>
                  <button
                    type="button"
                    onClick={() => {
                      setSent(undefined);
                      setRound((n) => n + 1);
                    }}
                  >
                    {fm.proposeAnother}
                  </button>
                </p>
              </>
            )}
          </FormStatus>
          {!sent && <ProposalForm key={round} edition={edition} organizations={editorOrganizations} onSent={setSent} />}
        </>
      )}
    </div>
  );
}

interface Values {
  organizationId: string;
  kind: string;
  title: string;
  abstract: string;
  areas: string[];
  goals: string[];
  speakers: string;
  language: string;
  partnerCities: string[];
}

function ProposalForm({
  edition,
  organizations,
  onSent,
}: {
  edition: Edition;
  organizations: { id: string; name: string }[];
  onSent: (session: ForumSession) => void;
}) {
  const fm = useForumMessages();
  const { m, locale, language, areaName, languageName, placeName } = useI18n();
  const [values, setValues] = useState<Values>(() => ({
    organizationId: organizations.length === 1 ? organizations[0].id : '',
    kind: '',
    title: '',
    abstract: '',
    areas: [],
    goals: [],
    speakers: '',
    language: edition.languages.length === 1 ? edition.languages[0] : '',
    partnerCities: [],
  }));
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((previous) => ({ ...previous, [key]: value }));
  const areas = useApi((signal) => listAreas(signal), []);
  const goals = useApi((signal) => listGoals(signal), []);
  const cities = useApi((signal) => listCities({}, signal), []);

  const form = useForumForm(
    () => {
      const body: ProposalInput = {
        organizationId: values.organizationId,
        kind: values.kind as ProposalInput['kind'],
        title: values.title.trim(),
        abstract: values.abstract.trim(),
        areas: values.areas,
        goals: values.goals.length ? values.goals : undefined,
        speakers: values.speakers
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
        language: values.language,
        partnerCities: values.partnerCities.length ? values.partnerCities : undefined,
      };
      return proposeSession(edition.id, body);
    },
    { fields: FIELDS, onSuccess: onSent },
  );

  const areaOptions = useMemo(
    () =>
      (areas.data?.items ?? [])
        .map((key) => ({ value: key, label: areaName(key) }))
        .sort((a, b) => a.label.localeCompare(b.label, locale)),
    [areas.data, locale],
  );
  const goalOptions = useMemo(
    () =>
      (goals.data?.items ?? []).map((goal) => ({
        value: goal.key,
        label: language === 'pl' ? goal.namePl : goal.nameEn,
      })),
    [goals.data, language],
  );
  const cityOptions = useMemo(
    () =>
      (cities.data?.items ?? [])
        .map((city) => ({ value: city.key, label: placeName(city) }))
        .sort((a, b) => a.label.localeCompare(b.label, locale)),
    [cities.data, locale],
  );
  const languageOptions = [...new Set([...edition.languages, 'pl', 'en'])].map((code) => ({
    value: code,
    label: languageName(code),
  }));

  const loadError = areas.error ?? goals.error ?? cities.error;
  if (loadError)
    return <LoadError error={loadError} onRetry={() => [areas, goals, cities].forEach((state) => state.reload())} />;
  if (!areas.data || !goals.data || !cities.data) return <Loading />;

  return (
    <form ref={form.formRef} class="form forum-form" noValidate onSubmit={form.onSubmit}>
      <FormError form={form} />
      <SelectField
        id="proposal-organization"
        field="organizationId"
        form={form}
        label={fm.proposingOrganization}
        value={values.organizationId}
        onValue={set('organizationId')}
        options={organizations.map((organization) => ({ value: organization.id, label: organization.name }))}
        placeholder={fm.chooseOrganization}
      />
      <SelectField
        id="proposal-kind"
        field="kind"
        form={form}
        label={fm.kind}
        value={values.kind}
        onValue={set('kind')}
        options={SESSION_KINDS.map((kind) => ({ value: kind, label: fm.sessionKind[kind] }))}
        placeholder={fm.chooseKind}
      />
      <TextField
        id="proposal-title"
        field="title"
        form={form}
        label={fm.sessionTitle}
        type="text"
        maxLength={200}
        value={values.title}
        onValue={set('title')}
      />
      <TextAreaField
        id="proposal-abstract"
        field="abstract"
        form={form}
        label={fm.sessionAbstract}
        hint={fm.abstractHint}
        maxLength={4000}
        rows={8}
        value={values.abstract}
        onValue={set('abstract')}
      />
      <CheckboxGroup
        id="proposal-areas"
        field="areas"
        form={form}
        legend={fm.areas}
        options={areaOptions}
        values={values.areas}
        onValues={set('areas')}
      />
      <TextAreaField
        id="proposal-speakers"
        field="speakers"
        form={form}
        label={fm.speakersLabel}
        hint={fm.speakersHint}
        rows={3}
        value={values.speakers}
        onValue={set('speakers')}
      />
      <SelectField
        id="proposal-language"
        field="language"
        form={form}
        label={fm.languageLabel}
        value={values.language}
        onValue={set('language')}
        options={languageOptions}
        placeholder={fm.chooseLanguage}
      />
      <CheckboxGroup
        id="proposal-goals"
        field="goals"
        form={form}
        legend={
          <>
            {fm.goalsLabel} <span class="field__optional">({m.form.optional})</span>
          </>
        }
        options={goalOptions}
        values={values.goals}
        onValues={set('goals')}
      />
      <CheckboxGroup
        id="proposal-cities"
        field="partnerCities"
        form={form}
        legend={
          <>
            {fm.partnerCitiesLabel} <span class="field__optional">({m.form.optional})</span>
          </>
        }
        options={cityOptions}
        values={values.partnerCities}
        onValues={set('partnerCities')}
      />
      <div class="form__actions">
        <SubmitButton form={form}>{fm.submitProposal}</SubmitButton>
      </div>
    </form>
  );
}
