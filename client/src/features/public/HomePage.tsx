/** `/`: what the platform is for and for whom, its figures, the next Forum, the newest initiatives and the ways in. */
import { useApi } from '../../shared/hooks/use-api';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { Link } from '../../shared/router';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { goals, home, networks } from './api';
import { InitiativeList } from './components';
import { usePublicMessages } from './messages';
import './public.css';

export function HomePage() {
  const pm = usePublicMessages();
  const { language, formatDate } = useI18n();
  useDocumentTitle(pm.homeTitle);
  const page = useApi((signal) => home(signal), []);
  const networkList = useApi((signal) => networks(signal), []);
  const goalList = useApi((signal) => goals(signal), []);
  const data = page.data;
  const number = new Intl.NumberFormat(language);
  return (
    <div class="public-home">
      <PageHeading>{pm.homeTitle}</PageHeading>
      <p class="lead">{pm.homeLead}</p>
      {page.error ? (
        <LoadError error={page.error} onRetry={page.reload} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          <section aria-labelledby="home-figures">
            <h2 id="home-figures">{pm.figures}</h2>
            <dl class="public-figures">
              {(
                [
                  [pm.partnerCities, data.figures.partnerCities],
                  [pm.organizations, data.figures.organizations],
                  [pm.initiatives, data.figures.initiatives],
                  [pm.partnerships, data.figures.partnerships],
                  [pm.delegationsThisYear(data.figures.year), data.figures.delegationsThisYear],
                ] as const
              ).map(([label, value]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>{number.format(value)}</dd>
                </div>
              ))}
            </dl>
            <p>
              <Link href="/statistics">{pm.statisticsLink}</Link> · <Link href="/open-data">{pm.openData}</Link>
            </p>
          </section>
          <section aria-labelledby="home-forum" class="panel">
            <h2 id="home-forum">{pm.nextEdition}</h2>
            {data.nextEdition ? (
              <>
                <p>
                  {data.nextEdition.year}: {language === 'pl' ? data.nextEdition.themePl : data.nextEdition.themeEn},{' '}
                  {formatDate(data.nextEdition.startsOn)} – {formatDate(data.nextEdition.endsOn)},{' '}
                  {data.nextEdition.venue}
                </p>
                {data.nextEdition.status === 'call_open' && <p>{pm.callOpen}</p>}
                <p>
                  <Link href={`/forum/editions/${data.nextEdition.id}`}>{pm.toForum}</Link>
                </p>
              </>
            ) : (
              <p>{pm.noEdition}</p>
            )}
          </section>
          <section aria-labelledby="home-newest">
            <h2 id="home-newest">{pm.newest}</h2>
            <InitiativeList items={data.newestInitiatives} />
            <p>
              <Link href="/initiatives">{pm.allInitiatives}</Link>
            </p>
          </section>
        </>
      )}
      <section aria-labelledby="home-ways">
        <h2 id="home-ways">{pm.waysIn}</h2>
        <ul class="public-ways">
          <li>
            <h3>{pm.ngo}</h3>
            <p>{pm.ngoText}</p>
            <Link href="/register">{pm.register}</Link>
          </li>
          <li>
            <h3>{pm.school}</h3>
            <p>{pm.schoolText}</p>
            <Link href="/organizations">{pm.organizationsLink}</Link>
          </li>
          <li>
            <h3>{pm.staff}</h3>
            <p>{pm.staffText}</p>
            <Link href="/login">{pm.login}</Link>
          </li>
          <li>
            <h3>{pm.resident}</h3>
            <p>{pm.residentText}</p>
            <Link href="/cities">{pm.citiesLink}</Link> · <Link href="/consultations">{pm.consultationsLink}</Link> ·{' '}
            <Link href="/statistics">{pm.statisticsLink}</Link> · <Link href="/open-data">{pm.openData}</Link>
          </li>
        </ul>
      </section>
      {networkList.data && (
        <section aria-labelledby="home-networks">
          <h2 id="home-networks">{pm.networks}</h2>
          <ul class="public-list">
            {networkList.data.items.map((item) => (
              <li key={item.key}>
                <Link href={`/networks/${item.key}`}>{language === 'pl' ? item.namePl : item.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {goalList.data && (
        <section aria-labelledby="home-goals">
          <h2 id="home-goals">{pm.goals}</h2>
          <ul class="public-list">
            {goalList.data.items.map((item) => (
              <li key={item.key}>
                <Link href={`/goals/${item.key}`}>{language === 'pl' ? item.namePl : item.nameEn}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
