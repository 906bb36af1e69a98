import type { InitiativeDetail } from '../api';
import { useInitiativesI18n } from '../i18n/messages';
import { Link } from '../../../shared/router';
import { PageHeading } from '../../../shared/ui/PageHeading';
import { OriginalLanguage } from '../../../shared/ui/OriginalLanguage';
import { InitiativeStatusBadge } from './InitiativeBadges';

export function InitiativesBackLink({
  href = '/initiatives',
  label,
  labelLang,
}: {
  href?: string;
  /** An initiative's title, marked with its language (`labelLang`, from langOf). */
  label?: string;
  labelLang?: string;
}) {
  const { t } = useInitiativesI18n();
  return (
    <p class="back-link">
      <Link href={href}>
        ← <span lang={label ? labelLang : undefined}>{label ?? t.page.back}</span>
      </Link>
    </p>
  );
}

/** The title, and where the initiative stands: its status (in words) and kind. */
export function InitiativeHeader({ initiative }: { initiative: InitiativeDetail }) {
  const { t, langOf } = useInitiativesI18n();
  return (
    <header class="initiative-header">
      <InitiativesBackLink />
      <PageHeading lang={langOf(initiative.titleLang)}>{initiative.title}</PageHeading>
      <OriginalLanguage lang={initiative.titleLang} block />
      <p class="initiative-header__status">
        <span class="initiative-header__label">{t.page.statusLabel}</span>{' '}
        <InitiativeStatusBadge status={initiative.status} />
        <span class="initiative-kind">{t.kind[initiative.kind]}</span>
      </p>
    </header>
  );
}
