import { useEffect } from 'preact/hooks';
import { listEditions } from './api';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { navigate } from '../../shared/router';
import { useApi } from '../../shared/hooks/use-api';

/** /forum/my (the link of meeting notifications): "my forum" of the newest edition. */
export function CurrentEditionPage({ view }: { view: 'my' }) {
  const editions = useApi((signal) => listEditions(signal), []);
  const newest = editions.data?.items[0];
  useEffect(() => {
    if (newest) navigate(`/forum/editions/${newest.id}/${view}`, { replace: true });
    else if (editions.data) navigate('/forum', { replace: true });
  }, [editions.data]);
  if (editions.error) return <LoadError error={editions.error} onRetry={editions.reload} />;
  return <Loading />;
}
