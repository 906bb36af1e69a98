import type { InitiativeDetail } from '../api';
import { useInitiativesI18n } from '../i18n/messages';
import { Link } from '../../../shared/router';
import { useOrganizationPlace } from './InitiativeList';
import { OriginalLanguage } from '../../../shared/ui/OriginalLanguage';

/** The initiative in its authors' words: the Markdown description as the server rendered it. */
export function InitiativeDescription({ initiative }: { initiative: InitiativeDetail }) {
  const { t, langOf } = useInitiativesI18n();
  if (!initiative.bodyHtml.trim()) return null;
  return (
    <section class="initiative-section" aria-labelledby="initiative-description">
      <h2 id="initiative-description">{t.page.description}</h2>
      {/* The description has no second-language version: always in the language it was written in. */}
      <OriginalLanguage lang={initiative.language} block />
      {/*
        bodyHtml is safe to insert: the server renders the Markdown with raw HTML disabled and
        sanitises the result with an allowlist of tags and attributes (common/markdown.ts).
      */}
      <div class="prose" lang={langOf(initiative.language)} dangerouslySetInnerHTML={{ __html: initiative.bodyHtml }} />
    </section>
  );
}

/** The other (verified) organisations that organise it, with links to them. */
export function InitiativeCoOrganizers({ initiative }: { initiative: InitiativeDetail }) {
  const { t } = useInitiativesI18n();
  const place = useOrganizationPlace();
  if (!initiative.coOrganizers.length) return null;
  return (
    <section class="initiative-section" aria-labelledby="initiative-co-organizers">
      <h2 id="initiative-co-organizers">{t.page.coOrganizers}</h2>
      <ul class="initiative-co-organizers">
        {initiative.coOrganizers.map((organization) => (
          <li key={organization.id}>
            <Link href={`/organizations/${organization.id}`}>{organization.name}</Link>{' '}
            <span class="muted">({place(organization)})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
