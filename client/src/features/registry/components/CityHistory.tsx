/** A partner city's history for staff: who changed what and when, old and new values, rules overridden. */
import { useApi } from '../../../shared/hooks/use-api';
import { useI18n } from '../../../shared/i18n/i18n';
import { LoadError, Loading } from '../../../shared/ui/LoadError';
import { getCityHistory } from '../api';
import { useRegistryEditMessages } from '../i18n/messages';

const shown = (value: unknown): string =>
  value === null || value === undefined || (Array.isArray(value) && value.length === 0)
    ? ''
    : typeof value === 'string'
      ? value
      : Array.isArray(value)
        ? value.join(', ')
        : JSON.stringify(value);

export function CityHistory({ cityKey }: { cityKey: string }) {
  const { formatDateTime } = useI18n();
  const rm = useRegistryEditMessages();
  const history = useApi((signal) => getCityHistory(cityKey, signal), [cityKey]);
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{rm.history}</h2>
      {history.error ? (
        <LoadError error={history.error} onRetry={history.reload} />
      ) : !history.data ? (
        <Loading />
      ) : history.data.items.length === 0 ? (
        <p>{rm.noHistory}</p>
      ) : (
        <ol class="history">
          {history.data.items.map((change) => (
            <li key={change.id}>
              <p>
                <strong>{rm.actions[change.action] ?? change.action}</strong>:{' '}
                {rm.historyEntry(change.actorName ?? rm.someone, formatDateTime(change.createdAt))}
              </p>
              <dl class="facts-list">
                {Object.entries(change.changes).map(([field, values]) => (
                  <div key={field}>
                    <dt>
                      <code>{field}</code>
                    </dt>
                    <dd>
                      <del>{shown(values.from) || rm.empty}</del> → <ins>{shown(values.to) || rm.empty}</ins>
                    </dd>
                  </div>
                ))}
              </dl>
              {change.overriddenRules.length > 0 && (
                <p>
                  {rm.overridden} <code>{change.overriddenRules.join(', ')}</code>. {change.justification}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
