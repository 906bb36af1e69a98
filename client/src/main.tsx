import { render } from 'preact';
import { App } from './app';
import { startRestoringSession } from './shared/session';
// One stylesheet for the whole app, loaded with the first page (it is small, and a page's styles
// never arrive after the page itself): the shared rules, then each feature's.
import './styles.css';
import './features/initiatives/initiatives.css';
import './features/live/live.css';
import './features/forum/forum.css';

startRestoringSession();
render(<App />, document.getElementById('app')!);
