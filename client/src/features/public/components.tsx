/** Lists the public pages share: initiatives and partnerships, each text marked with its language. */
import { useI18n } from '../../shared/i18n/i18n';
import { Link } from '../../shared/router';
import type { GoalPage, InitiativeSummary } from './api';
import { usePublicMessages } from './messages';

export function InitiativeList({ items }: { items: InitiativeSummary[] }) {
  const pm = usePublicMessages();
  const { langOf, placeName } = useI18n();
  if (!items.length) return <p class="empty">{pm.noneYet}</p>;
  return (
    <ul class="public-list">
      {items.map((initiative) => (
        <li key={initiative.id}>
          <Link href={`/initiatives/${initiative.id}`} lang={langOf(initiative.titleLang)}>
            {initiative.title}
          </Link>{' '}
          <span class="muted">
            {initiative.organization.name}, {placeName({ name: initiative.organization.cityName, namePl: null })}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function PartnershipList({ items }: { items: GoalPage['partnerships'] }) {
  const pm = usePublicMessages();
  const { langOf } = useI18n();
  return (
    <>
      <p class="muted">{pm.partnershipsNote}</p>
      {!items.length ? (
        <p class="empty">{pm.noneYet}</p>
      ) : (
        <ul class="public-list">
          {items.map((partnership) => (
            <li key={partnership.id}>
              <Link href={`/partnerships/${partnership.id}`} lang={langOf(partnership.initiativeTitleLang)}>
                {partnership.initiativeTitle}
              </Link>{' '}
              <span class="muted">{partnership.organizations.map((o) => o.name).join(', ')}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
