/**
 * A tiny History API router: the app has three kinds of page, which does not justify a library.
 * Links are real <a href> elements, so opening in a new tab, copying and keyboard use just work.
 */
import type { AnchorHTMLAttributes, ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

const NAVIGATE = 'cf:navigate';

export interface AppLocation {
  path: string;
  search: string;
}

function currentLocation(): AppLocation {
  return { path: window.location.pathname, search: window.location.search };
}

/** True once the reader has moved inside the app; the first page load keeps the browser's own focus. */
let hasNavigated = false;
export function navigatedWithinApp(): boolean {
  return hasNavigated;
}

export function navigate(url: string, options: { replace?: boolean } = {}): void {
  if (url === window.location.pathname + window.location.search) return;
  const samePage = new URL(url, window.location.origin).pathname === window.location.pathname;
  window.history[options.replace ? 'replaceState' : 'pushState'](null, '', url);
  if (!samePage) {
    hasNavigated = true;
    window.scrollTo(0, 0);
  }
  window.dispatchEvent(new Event(NAVIGATE));
}

window.addEventListener('popstate', () => {
  hasNavigated = true;
});

export function useLocation(): AppLocation {
  const [location, setLocation] = useState(currentLocation);
  useEffect(() => {
    const update = () => setLocation(currentLocation());
    window.addEventListener(NAVIGATE, update);
    window.addEventListener('popstate', update);
    return () => {
      window.removeEventListener(NAVIGATE, update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return location;
}

/** Follows an in-app link without reloading, unless the reader asked for a new tab or window. */
export function followLink(event: MouseEvent, href: string): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return;
  event.preventDefault();
  navigate(href);
}

type LinkProps = Pick<AnchorHTMLAttributes<HTMLAnchorElement>, 'class' | 'aria-current' | 'lang'> & {
  href: string;
  children: ComponentChildren;
};

export function Link({ href, children, ...rest }: LinkProps) {
  return (
    <a href={href} onClick={(event) => followLink(event, href)} {...rest}>
      {children}
    </a>
  );
}
