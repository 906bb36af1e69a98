import { getCity, type CityDetail } from '../../shared/api/client';
import { DocumentTimeline } from './components/DocumentTimeline';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { MarkerIcon } from './components/TierMarker';
import { TagList } from '../../shared/ui/TagList';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { Link, useLocation } from '../../shared/router';
import { useApi } from '../../shared/hooks/use-api';
import { NotFoundPage } from '../../shared/ui/NotFoundPage';
import { OriginalLanguage } from '../../shared/ui/OriginalLanguage';
import { isStaff, useSession } from '../../shared/session';
import { CityHistory } from './components/CityHistory';
import { useRegistryEditMessages } from './i18n/messages';
import { isRegistryEditor } from './roles';
import { CityLinks } from '../public/CityLinks';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function CityPage({ cityKey }: { cityKey: string }) {
  const { m } = useI18n();
  // ?on=YYYY-MM-DD shows which documents were in force, and the deadlines, as of that day.
  const on = new URLSearchParams(useLocation().search).get('on') ?? undefined;
  const onDate = on && ISO_DATE.test(on) ? on : undefined;
  const city = useApi((signal) => getCity(cityKey, { on: onDate }, signal), [cityKey, onDate]);

  if (city.error?.notFound) return <NotFoundPage title={m.notFound.cityTitle} text={m.notFound.cityText(cityKey)} />;
  if (city.error) return <CityLoadError error={city.error} onRetry={city.reload} />;
  if (!city.data || city.data.key !== cityKey) return <Loading />;
  return <CityDetails city={city.data} />;
}

function CityLoadError(props: Parameters<typeof LoadError>[0]) {
  const { m } = useI18n();
  useDocumentTitle(m.common.loadFailed);
  return (
    <>
      <BackLink />
      <LoadError {...props} />
    </>
  );
}

function BackLink() {
  const { m } = useI18n();
  return (
    <p class="back-link">
      <Link href="/cities">← {m.city.back}</Link>
    </p>
  );
}

function CityDetails({ city }: { city: CityDetail }) {
  const { m, placeName, countryName, areaName, formatDate, langOf } = useI18n();
  const name = placeName(city);
  const rm = useRegistryEditMessages();
  const { user } = useSession();
  const editor = isRegistryEditor(user);
  useDocumentTitle(name);

  return (
    <article class="city">
      <BackLink />
      <PageHeading>{name}</PageHeading>
      {editor && (
        <p class="actions">
          <Link href={`/cities/${city.key}/edit`}>{rm.editCity}</Link>{' '}
          <Link href={`/cities/${city.key}/documents/new`}>{rm.addDocument}</Link>
        </p>
      )}
      <dl class="city-summary">
        {city.officialNamePl && (
          <div>
            <dt>{m.city.officialName}</dt>
            <dd lang="pl">{city.officialNamePl}</dd>
          </div>
        )}
        <div>
          <dt>{m.city.country}</dt>
          <dd>{countryName(city.country)}</dd>
        </div>
        <div>
          <dt>{m.city.relationship}</dt>
          <dd class="tier">
            <MarkerIcon kind={city.relationship} />
            {m.relationship[city.relationship]}
          </dd>
        </div>
        <div>
          <dt>{m.city.status}</dt>
          <dd>{m.status[city.status ?? 'none']}</dd>
        </div>
        <div>
          <dt>{m.city.areas}</dt>
          <dd>
            <TagList values={city.areas} name={areaName} empty={m.city.noAreas} />
          </dd>
        </div>
      </dl>

      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading">{m.city.documents}</h2>
        <p class="muted">{m.city.documentsAsOf(formatDate(city.factsOn))}</p>
        <DocumentTimeline
          documents={city.documents}
          edit={
            editor
              ? (document) => (
                  <p>
                    <Link href={`/cities/${city.key}/documents/${document.id}/edit`}>
                      {rm.editDocument}
                      <span class="visually-hidden">: {m.documentKind[document.kind]}</span>
                    </Link>
                  </p>
                )
              : undefined
          }
        />
      </section>

      {city.facts.length > 0 && (
        <section aria-labelledby="facts-heading">
          <h2 id="facts-heading">{m.city.facts}</h2>
          <p class="muted">
            <OriginalLanguage lang={city.factsLang} />
          </p>
          <ul class="notes" lang={langOf(city.factsLang)}>
            {city.facts.map((fact, index) => (
              <li key={index}>{fact}</li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="networks-heading">
        <h2 id="networks-heading">{m.city.networks}</h2>
        {city.networks.length === 0 ? (
          <p>{m.city.noNetworks(name)}</p>
        ) : (
          <ul class="networks">
            {city.networks.map((network) => (
              <li key={network.key}>
                <Link href={`/networks/${network.key}`} class="networks__name">
                  {placeName(network)}
                </Link>
                {network.joinedYear !== null && <span class="muted"> · {m.city.joined(network.joinedYear)}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <CityLinks cityKey={city.key} />

      {isStaff(user) && <CityHistory cityKey={city.key} />}
    </article>
  );
}
