import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component whose code is its own chunk, loaded once `wanted` (the world map, the notification
 * bell): null until it has arrived, and null if it cannot be loaded (the page works without it).
 */
export function useDeferred<P>(load: () => Promise<ComponentType<P>>, wanted = true): ComponentType<P> | null {
  const [component, setComponent] = useState<ComponentType<P> | null>(null);
  useEffect(() => {
    if (!wanted || component) return;
    let current = true;
    load().then(
      (loaded) => current && setComponent(() => loaded),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [wanted, component]);
  return component;
}
