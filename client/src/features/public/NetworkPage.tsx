/** `/networks/:key`: a city network, the partner cities that belong to it and the initiatives that involve them. */
import { useApi } from '../../shared/hooks/use-api';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { Link } from '../../shared/router';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { network } from './api';
import { InitiativeList } from './components';
import { usePublicMessages } from './messages';
import './public.css';

export function NetworkPage({ networkKey }: { networkKey: string }) {
  const pm = usePublicMessages();
  const { language, placeName, langOf } = useI18n();
  const page = useApi((signal) => network(networkKey, signal), [networkKey]);
  const data = page.data;
  useDocumentTitle(data ? (language === 'pl' ? data.network.namePl : data.network.name) : pm.networks);
  if (page.error) return <LoadError error={page.error} onRetry={page.reload} />;
  if (!data) return <Loading />;
  // The reference data gives the coordinator and the facts in English.
  const english = langOf('en');
  return (
    <div class="public-page">
      <PageHeading>{language === 'pl' ? data.network.namePl : data.network.name}</PageHeading>
      <dl class="facts-list">
        {data.network.joinedYear !== null && (
          <>
            <dt>{pm.joined}</dt>
            <dd>{data.network.joinedYear}</dd>
          </>
        )}
        {data.network.coordinator && (
          <>
            <dt>{pm.coordinator}</dt>
            <dd lang={english}>{data.network.coordinator}</dd>
          </>
        )}
      </dl>
      {data.network.facts.length > 0 && (
        <ul lang={english}>
          {data.network.facts.map((fact) => (
            <li key={fact}>{fact}</li>
          ))}
        </ul>
      )}
      <section aria-labelledby="network-cities">
        <h2 id="network-cities">{pm.networkCities}</h2>
        {data.cities.length ? (
          <ul class="public-list">
            {data.cities.map((city) => (
              <li key={city.key}>
                <Link href={`/cities/${city.key}`}>{placeName(city)}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">{pm.noCities}</p>
        )}
      </section>
      <section aria-labelledby="network-initiatives">
        <h2 id="network-initiatives">{pm.involving}</h2>
        <InitiativeList items={data.initiatives} />
      </section>
    </div>
  );
}
