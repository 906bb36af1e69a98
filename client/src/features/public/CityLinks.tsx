/** On a partner city's page: the organisations there, initiatives aimed at it, its public partnerships and visits. */
import { useApi } from '../../shared/hooks/use-api';
import { useI18n } from '../../shared/i18n/i18n';
import { Link } from '../../shared/router';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { cityLinks } from './api';
import { InitiativeList, PartnershipList } from './components';
import { usePublicMessages } from './messages';
import './public.css';

export function CityLinks({ cityKey }: { cityKey: string }) {
  const pm = usePublicMessages();
  const { formatDate, langOf } = useI18n();
  const links = useApi((signal) => cityLinks(cityKey, signal), [cityKey]);
  if (links.error) return <LoadError error={links.error} onRetry={links.reload} />;
  const data = links.data;
  if (!data) return <Loading />;
  return (
    <>
      <section aria-labelledby="city-organizations">
        <h2 id="city-organizations">{pm.cityOrganizations}</h2>
        {data.organizations.length ? (
          <ul class="public-list">
            {data.organizations.map((organization) => (
              <li key={organization.id}>
                <Link href={`/organizations/${organization.id}`}>{organization.name}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">{pm.noneYet}</p>
        )}
        {data.moreOrganizations && (
          <p>
            <Link href={`/organizations?city=${encodeURIComponent(cityKey)}`}>{pm.moreOrganizations}</Link>
          </p>
        )}
      </section>
      <section aria-labelledby="city-initiatives">
        <h2 id="city-initiatives">{pm.cityInitiatives}</h2>
        <p class="muted">{pm.initiativesTotal(data.initiativesTotal)}</p>
        <InitiativeList items={data.initiatives} />
        <p>
          <Link href={`/initiatives?city=${encodeURIComponent(cityKey)}`}>{pm.allInitiatives}</Link>
        </p>
      </section>
      <section aria-labelledby="city-partnerships">
        <h2 id="city-partnerships">{pm.publicPartnerships}</h2>
        <PartnershipList items={data.partnerships} />
      </section>
      <section aria-labelledby="city-visits">
        <h2 id="city-visits">{pm.cityVisits}</h2>
        {data.visits.length ? (
          <ul class="public-list">
            {data.visits.map((visit) => (
              <li key={visit.id}>
                {formatDate(visit.startsOn)} ({visit.direction === 'incoming' ? pm.incoming : pm.outgoing}):{' '}
                <span lang={langOf(visit.language)}>{visit.purpose}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">{pm.noneYet}</p>
        )}
      </section>
    </>
  );
}
