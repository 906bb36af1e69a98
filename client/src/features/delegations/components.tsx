/** What the public list and the staff register both show of a visit. */
import { useI18n } from '../../shared/i18n/i18n';
import type { PublicDelegation } from './api';
import { useDelegationsMessages } from './i18n/messages';

/** Where: the partner city named for the reader, or the place as staff wrote it (in the visit's language). */
export function VisitPlace({ visit }: { visit: PublicDelegation }) {
  const { placeName } = useI18n();
  return visit.city ? <>{placeName(visit.city)}</> : <span lang={visit.language}>{visit.place}</span>;
}

export function VisitDates({ visit }: { visit: PublicDelegation }) {
  const { formatDate } = useI18n();
  return (
    <>
      <time dateTime={visit.startsOn}>{formatDate(visit.startsOn)}</time>
      {visit.endsOn !== visit.startsOn && (
        <>
          {' – '}
          <time dateTime={visit.endsOn}>{formatDate(visit.endsOn)}</time>
        </>
      )}
    </>
  );
}

/** A visit's facts; the texts staff wrote are marked with their language. */
export function VisitFacts({ visit }: { visit: PublicDelegation }) {
  const dm = useDelegationsMessages();
  const { areaName } = useI18n();
  return (
    <dl class="facts-list">
      <div>
        <dt>{dm.visit.dates}</dt>
        <dd>
          <VisitDates visit={visit} /> ({dm.direction[visit.direction]}, {dm.visit.people(visit.peopleCount)})
        </dd>
      </div>
      <div>
        <dt>{dm.visit.purpose}</dt>
        <dd lang={visit.language}>{visit.purpose}</dd>
      </div>
      {visit.areas.length > 0 && (
        <div>
          <dt>{dm.form.areas}</dt>
          <dd>{visit.areas.map((area) => areaName(area)).join(', ')}</dd>
        </div>
      )}
      {visit.host && (
        <div>
          <dt>{dm.visit.host}</dt>
          <dd lang={visit.language}>{visit.host}</dd>
        </div>
      )}
      {visit.organizations.length > 0 && (
        <div>
          <dt>{dm.visit.organizations}</dt>
          <dd>{visit.organizations.map((organization) => organization.name).join(', ')}</dd>
        </div>
      )}
      {visit.outcomes && (
        <div>
          <dt>{dm.visit.outcomes}</dt>
          <dd lang={visit.language}>{visit.outcomes}</dd>
        </div>
      )}
    </dl>
  );
}
