import { render } from 'preact';
import { App } from './app';
import { initialLanguage, loadMessages } from './shared/i18n/i18n';
import { startRestoringSession } from './shared/session';
// One stylesheet for the whole app, loaded with the first page (it is small, and a page's styles
// never arrive after the page itself): the shared rules, then each feature's.
import './styles.css';
import './features/initiatives/initiatives.css';
import './features/live/live.css';
import './features/forum/forum.css';
import './features/office/office.css';
import './features/consultations/consultations.css';

startRestoringSession();
const language = initialLanguage();
// The reader's texts come first (their own chunk); without them there is nothing to show.
void loadMessages(language).then(
  () => render(<App language={language} />, document.getElementById('app')!),
  () => {
    // Offline at the first visit: said in both languages, as the <noscript> does.
    document.getElementById('app')!.textContent =
      'Nie udało się wczytać Forum Współpracy: sprawdź połączenie i wczytaj stronę ponownie. / Cooperation Forum could not be loaded: check the connection and reload the page.';
  },
);
