import type { ComponentChildren } from 'preact';
import type { InitiativeDetail } from '../api';
import { useInitiativesI18n } from '../i18n/messages';
import { Link } from '../../../shared/router';
import { useOrganizationPlace } from './InitiativeList';
import { useVocabulary } from './use-vocabulary';

/** What the initiative is about and for whom: kind, organisation, dates, and the lists of keys, named. */
export function InitiativeFacts({ initiative }: { initiative: InitiativeDetail }) {
  const { t, areaName, organizationTypeName, countryName, languageName, formatDate } = useInitiativesI18n();
  const { goalName, cityName, data: vocabulary } = useVocabulary();
  const place = useOrganizationPlace();
  const { startsOn, endsOn } = initiative;
  // Partner cities have a page; Kraków itself has none.
  const cityLink = (key: string) =>
    vocabulary && key !== vocabulary.home.key && vocabulary.cities.some((city) => city.key === key)
      ? `/cities/${encodeURIComponent(key)}`
      : undefined;
  return (
    <dl class="city-summary initiative-facts">
      <Fact label={t.page.kind}>{t.kind[initiative.kind]}</Fact>
      <Fact label={t.page.organization}>
        <Link href={`/organizations/${initiative.organization.id}`}>{initiative.organization.name}</Link>
        <span class="initiative-facts__place">{place(initiative.organization)}</span>
      </Fact>
      {(startsOn || endsOn) && (
        <Fact label={t.page.dates}>
          {[startsOn && t.page.startsOn(formatDate(startsOn)), endsOn && t.page.endsOn(formatDate(endsOn))]
            .filter(Boolean)
            .join(' ')}
        </Fact>
      )}
      {initiative.fundingProgramme && <Fact label={t.page.fundingProgramme}>{initiative.fundingProgramme}</Fact>}
      {initiative.publishedAt && (
        <Fact label={t.page.published}>{formatDate(initiative.publishedAt.slice(0, 10))}</Fact>
      )}
      <TagsFact label={t.page.areas} values={initiative.areas} name={areaName} />
      <TagsFact label={t.page.goals} values={initiative.goals} name={goalName} wide />
      <TagsFact label={t.page.targetCities} values={initiative.targetCities} name={cityName} link={cityLink} />
      <TagsFact label={t.page.targetCountries} values={initiative.targetCountries} name={countryName} />
      <TagsFact label={t.page.soughtOrgTypes} values={initiative.soughtOrgTypes} name={organizationTypeName} />
      <TagsFact label={t.page.languages} values={initiative.languages} name={languageName} />
    </dl>
  );
}

function Fact({ label, children, wide }: { label: string; children: ComponentChildren; wide?: boolean }) {
  return (
    <div class={wide ? 'initiative-facts__wide' : undefined}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A list of keys, named; left out when empty (the facts say what is there, not what is not). */
function TagsFact({
  label,
  values,
  name,
  link,
  wide,
}: {
  label: string;
  values: readonly string[];
  name: (key: string) => string;
  link?: (key: string) => string | undefined;
  wide?: boolean;
}) {
  if (!values.length) return null;
  return (
    <Fact label={label} wide={wide}>
      <ul class="tags">
        {values.map((value) => {
          const href = link?.(value);
          return <li key={value}>{href ? <Link href={href}>{name(value)}</Link> : name(value)}</li>;
        })}
      </ul>
    </Fact>
  );
}
