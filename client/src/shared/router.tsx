/**
 * Navigation inside the app, on preact-iso's LocationProvider and Router (see routes.ts): links are
 * real <a href> elements, which it follows without a reload unless the reader asks for a new tab
 * (links to /api are the server's: the browser follows them). What this adds: navigate() for code,
 * followLink() for links it cannot see (inside SVG), and the flag that lets a new page's heading
 * take focus after an in-app move, as a screen reader expects after a page load.
 */
import type { AnchorHTMLAttributes, ComponentChildren } from 'preact';
import { useLocation as useRouterLocation } from 'preact-iso';

/** The links the app follows itself: everything but the server's own paths. */
export const APP_LINKS = /^\/(?!api(?:\/|$)|socket\.io\/)/;

export interface AppLocation {
  /** The path, without a trailing slash. */
  path: string;
  /** The query string with its "?", or "". */
  search: string;
}

let routeTo: ((url: string, replace?: boolean) => void) | undefined;

/** Inside the LocationProvider: hands its route() to navigate(), for code outside components. */
export function NavigationBridge() {
  routeTo = useRouterLocation().route;
  return null;
}

/** True once the reader has moved inside the app; the first page load keeps the browser's own focus. */
let hasNavigated = false;
export function navigatedWithinApp(): boolean {
  return hasNavigated;
}
/** The Router's onRouteChange: a new page is on screen after an in-app move or Back. */
export function markNavigated(): void {
  hasNavigated = true;
}

export function navigate(url: string, options: { replace?: boolean } = {}): void {
  if (url === window.location.pathname + window.location.search) return;
  if (!routeTo) {
    window.location.assign(url);
    return;
  }
  routeTo(url, options.replace);
}

export function useLocation(): AppLocation {
  const { url, path } = useRouterLocation();
  const query = url.indexOf('?');
  const search = query < 0 ? '' : url.slice(query).replace(/#.*$/, '');
  return { path, search: search === '?' ? '' : search };
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

/** An in-app link: a plain <a href>, which the LocationProvider follows without a reload. */
export function Link({ href, children, ...rest }: LinkProps) {
  return (
    <a href={href} {...rest}>
      {children}
    </a>
  );
}
