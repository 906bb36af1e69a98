/**
 * What the registry editors' screens share: the page of one city for an editor (signed in, the
 * role checked, the city loaded), the rules a change breaks with the justification that overrides
 * them, and where a saved form leads. Each form sends the version it loaded, so a save over someone
 * else's newer one is refused and said so (the server's 409, shown by the form).
 */
import type { ComponentChildren } from 'preact';
import { getCity, type CityDetail, type Me } from '../../../shared/api/client';
import { useApi } from '../../../shared/hooks/use-api';
import type { FormState } from '../../../shared/hooks/use-form';
import { useDocumentTitle, useI18n } from '../../../shared/i18n/i18n';
import { Link, navigate } from '../../../shared/router';
import { useSession } from '../../../shared/session';
import { TextAreaField } from '../../../shared/ui/Form';
import { LoadError, Loading } from '../../../shared/ui/LoadError';
import { NotFoundPage } from '../../../shared/ui/NotFoundPage';
import { PageHeading } from '../../../shared/ui/PageHeading';
import { RequireSignIn } from '../../../shared/ui/RequireSignIn';
import { useRegistryEditMessages } from '../i18n/messages';
import { isRegistryEditor } from '../roles';

/** A select's value for "none" (a required select cannot submit an empty value). */
export const NONE = 'none';

/** A registry editor's page for one city: signed in, the role, the city loaded. */
export function EditorPage({
  cityKey,
  title,
  children,
}: {
  cityKey: string;
  title: (city: CityDetail | undefined) => string;
  children: (city: CityDetail, reload: () => void) => ComponentChildren;
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
  render: (city: CityDetail, reload: () => void) => ComponentChildren;
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
export function RulesAndJustification({
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

/** After a save: back to the city's page, which says the change was saved. */
export function useBackToCity(cityKey: string): () => void {
  const session = useSession();
  return () => {
    session.showNotice({ kind: 'registrySaved', path: `/cities/${cityKey}` });
    navigate(`/cities/${cityKey}`);
  };
}
