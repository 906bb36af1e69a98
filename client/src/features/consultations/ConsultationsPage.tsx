/**
 * /consultations: the public consultations, open ones first, then upcoming and closed, for anyone;
 * registry editors find the link to run them.
 */
import { useApi } from '../../shared/hooks/use-api';
import { useDocumentTitle } from '../../shared/i18n/i18n';
import { Link } from '../../shared/router';
import { useSession } from '../../shared/session';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { isRegistryEditor } from '../registry/roles';
import { listConsultations, type ConsultationSummary } from './api';
import { Period, usePick } from './components';
import { useConsultationsMessages } from './i18n/messages';

const GROUPS = ['open', 'upcoming', 'closed'] as const;

export function ConsultationsPage() {
  const t = useConsultationsMessages();
  useDocumentTitle(t.list.title);
  const { user } = useSession();
  const list = useApi((signal) => listConsultations(signal), []);
  const none = { open: t.list.noneOpen, upcoming: t.list.noneUpcoming, closed: t.list.noneClosed };
  return (
    <div class="consultations">
      <PageHeading>{t.list.title}</PageHeading>
      <p class="lead">{t.list.intro}</p>
      {isRegistryEditor(user) && (
        <p class="actions">
          <Link href="/office/consultations" class="button-link">
            {t.list.manage}
          </Link>
        </p>
      )}
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : (
        GROUPS.map((phase) => {
          const items = list.data!.items.filter((item) => item.phase === phase);
          return (
            <section key={phase} aria-labelledby={`consultations-${phase}`}>
              <h2 id={`consultations-${phase}`}>{t.list[phase]}</h2>
              {items.length === 0 ? (
                <p class="empty">{none[phase]}</p>
              ) : (
                <ul class="card-list consultation-list">
                  {items.map((item) => (
                    <li key={item.id}>
                      <ConsultationCard consultation={item} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })
      )}
    </div>
  );
}

function ConsultationCard({ consultation }: { consultation: ConsultationSummary }) {
  const t = useConsultationsMessages();
  const pick = usePick();
  return (
    <article class="panel consultation-card" aria-labelledby={`consultation-${consultation.id}`}>
      <h3 id={`consultation-${consultation.id}`}>
        <Link href={`/consultations/${consultation.id}`}>{pick(consultation.titlePl, consultation.titleEn)}</Link>
      </h3>
      <p class="muted">
        {t.subject[consultation.subject]} · <Period consultation={consultation} /> ·{' '}
        {t.list.comments(consultation.comments)}
      </p>
    </article>
  );
}
