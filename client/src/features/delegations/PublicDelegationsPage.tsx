/**
 * /delegations: the public's view of the register: visits received and sent per year, per city in
 * the chosen year, and the list of that year's visits. Only visits staff marked public are counted.
 */
import { useState } from 'preact/hooks';
import { useApi } from '../../shared/hooks/use-api';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { delegationSummary, publicDelegations, DIRECTIONS, type DelegationSummary } from './api';
import { VisitFacts, VisitPlace } from './components';
import { useDelegationsMessages } from './i18n/messages';

export function PublicDelegationsPage() {
  const dm = useDelegationsMessages();
  useDocumentTitle(dm.public.title);
  const summary = useApi((signal) => delegationSummary(signal), []);
  return (
    <div class="delegations">
      <PageHeading>{dm.public.title}</PageHeading>
      <p class="lead">{dm.public.intro}</p>
      {summary.error ? (
        <LoadError error={summary.error} onRetry={summary.reload} />
      ) : !summary.data ? (
        <Loading />
      ) : summary.data.years.length === 0 ? (
        <p class="empty">{dm.public.none}</p>
      ) : (
        <Summary summary={summary.data} />
      )}
    </div>
  );
}

function Summary({ summary }: { summary: DelegationSummary }) {
  const dm = useDelegationsMessages();
  const { placeName } = useI18n();
  const [year, setYear] = useState(summary.years[0].year);
  const cities = summary.counts.filter((row) => row.year === year);
  const names = [...new Map(cities.map((row) => [row.city?.key ?? '', row.city])).values()];
  const cell = (key: string, direction: string) =>
    cities.find((row) => (row.city?.key ?? '') === key && row.direction === direction)?.visits ?? 0;
  return (
    <>
      <h2>{dm.public.byYear}</h2>
      <table class="table">
        <caption>{dm.public.byYearCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{dm.public.year}</th>
            {DIRECTIONS.map((direction) => (
              <th scope="col" key={direction}>
                {dm.directionShort[direction]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {summary.years.map((row) => (
            <tr key={row.year}>
              <th scope="row">{row.year}</th>
              <td>{row.incoming}</td>
              <td>{row.outgoing}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{dm.public.byCity}</h2>
      <div class="field">
        <label for="delegations-year">{dm.public.chooseYear}</label>
        <select id="delegations-year" value={year} onChange={(event) => setYear(Number(event.currentTarget.value))}>
          {summary.years.map((row) => (
            <option key={row.year} value={row.year}>
              {row.year}
            </option>
          ))}
        </select>
      </div>
      <table class="table">
        <caption>{dm.public.byCityCaption(year)}</caption>
        <thead>
          <tr>
            <th scope="col">{dm.public.city}</th>
            {DIRECTIONS.map((direction) => (
              <th scope="col" key={direction}>
                {dm.directionShort[direction]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {names.map((city) => (
            <tr key={city?.key ?? ''}>
              <th scope="row">{city ? placeName(city) : dm.public.otherPlaces}</th>
              {DIRECTIONS.map((direction) => (
                <td key={direction}>{cell(city?.key ?? '', direction)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <YearVisits year={year} />
    </>
  );
}

function YearVisits({ year }: { year: number }) {
  const dm = useDelegationsMessages();
  const visits = useApi((signal) => publicDelegations(year, signal), [year]);
  return (
    <section aria-labelledby="delegations-list">
      <h2 id="delegations-list">{dm.public.list(year)}</h2>
      {visits.error ? (
        <LoadError error={visits.error} onRetry={visits.reload} />
      ) : !visits.data ? (
        <Loading />
      ) : visits.data.items.length === 0 ? (
        <p class="empty">{dm.public.noneInYear}</p>
      ) : (
        <ul class="delegation-list">
          {visits.data.items.map((visit) => (
            <li key={visit.id} class="panel">
              <h3>
                <VisitPlace visit={visit} />
              </h3>
              <VisitFacts visit={visit} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
