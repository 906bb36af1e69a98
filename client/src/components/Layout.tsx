import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n/i18n';
import { Link, useLocation } from '../lib/router';
import { LanguageSwitch } from './LanguageSwitch';

export function Layout({ children }: { children: ComponentChildren }) {
  const { m } = useI18n();
  const { path } = useLocation();
  // The list itself is the current page; a city page is inside that section.
  const citiesCurrent = path === '/' || path === '/cities' ? 'page' : path.startsWith('/cities/') ? 'true' : undefined;
  return (
    <>
      <a class="skip-link" href="#main">
        {m.app.skipLink}
      </a>
      <header class="site-header">
        <div class="site-header__inner">
          <Link href="/" class="site-name">
            {m.app.name}
          </Link>
          <nav aria-label={m.app.navLabel}>
            <ul>
              <li>
                <Link href="/cities" aria-current={citiesCurrent}>
                  {m.app.navCities}
                </Link>
              </li>
              <li>
                <a href="/api/docs">{m.app.navApi}</a>
              </li>
            </ul>
          </nav>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer class="site-footer">
        <p>{m.app.footer}</p>
        <p>
          <a href="/api/docs">{m.app.footerApi}</a>
        </p>
      </footer>
    </>
  );
}
