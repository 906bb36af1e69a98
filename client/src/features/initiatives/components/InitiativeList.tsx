import type { Ref } from 'preact';
import type { InitiativeOrganization, InitiativeSummary } from '../api';
import { useInitiativesI18n } from '../i18n/messages';
import { Link } from '../../../shared/router';
import { InitiativeStatusBadge } from './InitiativeBadges';
import { OriginalLanguage } from '../../../shared/ui/OriginalLanguage';
import { useVocabulary } from './use-vocabulary';

/** Where an organisation is: the registry's name of its city in the reader's language, and its country. */
export function useOrganizationPlace(): (organization: InitiativeOrganization) => string {
  const { countryName } = useInitiativesI18n();
  const { cityName } = useVocabulary();
  return (organization) =>
    `${organization.cityKey ? cityName(organization.cityKey) : organization.cityName}, ${countryName(organization.country)}`;
}

interface InitiativeListProps {
  items: readonly InitiativeSummary[];
  /** Its status beside each (lists of one organisation's initiatives); the public list shows live ones only. */
  showStatus?: boolean;
  /** Each title is a heading of this level, so the list can be browsed by headings. */
  headingLevel?: 2 | 3 | 4;
  busy?: boolean;
  listRef?: Ref<HTMLUListElement>;
}

/** Initiatives as a list: the title linking to its page, its organisation, city, kind and areas. */
export function InitiativeList({ items, showStatus, headingLevel = 2, busy, listRef }: InitiativeListProps) {
  const { t, areaName, formatDate, langOf } = useInitiativesI18n();
  const place = useOrganizationPlace();
  const Heading = (['h2', 'h3', 'h4'] as const)[headingLevel - 2];
  return (
    <ul class="initiative-list" ref={listRef} aria-busy={busy}>
      {items.map((initiative) => (
        <li key={initiative.id} class="initiative-card">
          <Heading class="initiative-card__title">
            <Link
              href={`/initiatives/${initiative.id}`}
              class="initiative-card__link"
              lang={langOf(initiative.titleLang)}
            >
              {initiative.title}
            </Link>
            <OriginalLanguage lang={initiative.titleLang} />
          </Heading>
          <p class="initiative-card__meta">
            <span class="initiative-kind">{t.kind[initiative.kind]}</span>
            <span>
              <span class="visually-hidden">{t.item.organization}: </span>
              {initiative.organization.name}
            </span>
            <span>
              <span class="visually-hidden">{t.item.city}: </span>
              {place(initiative.organization)}
            </span>
            {(initiative.startsOn || initiative.endsOn) && (
              <span>
                {[
                  initiative.startsOn && t.page.startsOn(formatDate(initiative.startsOn)),
                  initiative.endsOn && t.page.endsOn(formatDate(initiative.endsOn)),
                ]
                  .filter(Boolean)
                  .join(' ')}
              </span>
            )}
            {(showStatus || initiative.status !== 'published') && (
              <span>
                <span class="visually-hidden">{t.item.status}: </span>
                <InitiativeStatusBadge status={initiative.status} />
              </span>
            )}
          </p>
          <p class="initiative-card__summary" lang={langOf(initiative.summaryLang)}>
            {initiative.summary}
          </p>
          {initiative.areas.length > 0 && (
            <ul class="tags" aria-label={t.item.areas}>
              {initiative.areas.map((area) => (
                <li key={area}>{areaName(area)}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
