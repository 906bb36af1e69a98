/** `/goals/:key`: one of the city's goals, with the initiatives and public partnerships that serve it. */
import { useApi } from '../../shared/hooks/use-api';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { Link } from '../../shared/router';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { goal } from './api';
import { InitiativeList, PartnershipList } from './components';
import { usePublicMessages } from './messages';
import './public.css';

export function GoalPage({ goalKey }: { goalKey: string }) {
  const pm = usePublicMessages();
  const { language, placeName } = useI18n();
  const page = useApi((signal) => goal(goalKey, signal), [goalKey]);
  const data = page.data;
  const name = data ? (language === 'pl' ? data.goal.namePl : data.goal.nameEn) : pm.goals;
  useDocumentTitle(name);
  if (page.error) return <LoadError error={page.error} onRetry={page.reload} />;
  if (!data) return <Loading />;
  return (
    <div class="public-page">
      <p class="muted">{data.goal.scope === 'thematic' ? pm.thematic : pm.geographic}</p>
      <PageHeading>{name}</PageHeading>
      {data.cities.length > 0 && (
        <section aria-labelledby="goal-cities">
          <h2 id="goal-cities">{pm.goalCities}</h2>
          <ul class="public-list">
            {data.cities.map((city) => (
              <li key={city.key}>
                <Link href={`/cities/${city.key}`}>{placeName(city)}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="goal-initiatives">
        <h2 id="goal-initiatives">{pm.serving}</h2>
        <p class="muted">{pm.initiativesTotal(data.initiativesTotal)}</p>
        <InitiativeList items={data.initiatives} />
        <p>
          <Link href={`/initiatives?goal=${encodeURIComponent(goalKey)}`}>{pm.allInitiatives}</Link>
        </p>
      </section>
      <section aria-labelledby="goal-partnerships">
        <h2 id="goal-partnerships">{pm.publicPartnerships}</h2>
        <PartnershipList items={data.partnerships} />
      </section>
    </div>
  );
}
