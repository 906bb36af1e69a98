import { similarInitiatives } from '../api';
import { useInitiativesI18n } from '../i18n/messages';
import { Link } from '../../../shared/router';
import { useApi } from '../../../shared/hooks/use-api';
import { LoadError, Loading } from '../../../shared/ui/LoadError';

/**
 * Before a draft is submitted: up to five published initiatives like it, so that its authors can
 * join one instead of posting a duplicate. Loaded again when the draft changes (its title).
 */
export function SimilarInitiatives({ initiativeId, version }: { initiativeId: string; version: string }) {
  const { t, langOf } = useInitiativesI18n();
  const similar = useApi((signal) => similarInitiatives(initiativeId, signal), [initiativeId, version]);
  return (
    <section class="panel similar-initiatives" aria-labelledby="similar-initiatives">
      <h2 id="similar-initiatives">{t.similar.title}</h2>
      <p>{t.similar.intro}</p>
      {similar.error ? (
        <LoadError error={similar.error} onRetry={similar.reload} />
      ) : !similar.data ? (
        <Loading />
      ) : similar.data.items.length === 0 ? (
        <p class="muted">{t.similar.none}</p>
      ) : (
        <ul class="similar-initiatives__list">
          {similar.data.items.map((item) => (
            <li key={item.id}>
              <Link href={`/initiatives/${item.id}`} lang={langOf(item.titleLang)}>
                {item.title}
              </Link>{' '}
              <span class="muted">{t.similar.by(item.organization.name)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
