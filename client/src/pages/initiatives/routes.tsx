/**
 * The initiatives' pages, for app.tsx: one call that returns the page for a path, or null when the
 * path is not one of them. Keyed by path, so moving to another page starts it afresh.
 */
import { Fragment, type JSX } from 'preact';
import { EditInitiativePage, NewInitiativePage } from './InitiativeFormPage';
import { InitiativePage } from './InitiativePage';
import { InitiativesPage } from './InitiativesPage';
import { ModerationQueuePage } from './ModerationQueuePage';
import { MyInitiativesPage } from './MyInitiativesPage';

const INITIATIVE_PATH = /^\/initiatives\/([0-9a-f-]{36})(\/edit)?\/?$/i;

const PAGES: Record<string, () => JSX.Element> = {
  '/initiatives': () => <InitiativesPage />,
  '/initiatives/new': () => <NewInitiativePage />,
  '/my-initiatives': () => <MyInitiativesPage />,
  '/moderation': () => <ModerationQueuePage />,
};

export function initiativesRoute(path: string): JSX.Element | null {
  const page = PAGES[path.length > 1 ? path.replace(/\/$/, '') : path];
  // The key is the path without the query: the search is not started afresh as its filters change.
  if (page) return <Fragment key={path}>{page()}</Fragment>;
  const initiative = INITIATIVE_PATH.exec(path);
  if (!initiative) return null;
  const [, id, edit] = initiative;
  return edit ? <EditInitiativePage id={id} key={path} /> : <InitiativePage id={id} key={path} />;
}
