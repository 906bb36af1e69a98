/**
 * The language of the interface (Polish or English): remembered in localStorage, first guessed
 * from the browser, and mirrored on <html lang> so screen readers pronounce the page correctly.
 * Only the reader's catalog is loaded with the first page; the other one when asked for.
 */
import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { setRequestLanguage, type DatePrecision } from '../api/client';
import type { Messages } from './pl';

export type Language = 'pl' | 'en';
export const LANGUAGES: readonly Language[] = ['pl', 'en'];
const CATALOG_LOADERS: Record<Language, () => Promise<Messages>> = {
  pl: () => import('./pl').then((module) => module.pl),
  en: () => import('./en').then((module) => module.en),
};
const catalogs = new Map<Language, Promise<Messages>>();
const loadedCatalogs = new Map<Language, Messages>();

/** The shared texts in a language: loaded once, then at hand. */
export function loadMessages(language: Language): Promise<Messages> {
  let catalog = catalogs.get(language);
  if (!catalog) {
    catalog = CATALOG_LOADERS[language]().then((messages) => {
      loadedCatalogs.set(language, messages);
      return messages;
    });
    // A failed load (offline) may be tried again.
    catalog.catch(() => catalogs.delete(language));
    catalogs.set(language, catalog);
  }
  return catalog;
}
const LOCALES: Record<Language, string> = { pl: 'pl-PL', en: 'en-GB' };
const STORAGE_KEY = 'cooperation-forum.language';

function isLanguage(value: unknown): value is Language {
  return value === 'pl' || value === 'en';
}

export function initialLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be disabled (private mode, policies): fall back to the browser's language.
  }
  return navigator.language.toLowerCase().startsWith('pl') ? 'pl' : 'en';
}

/** A YYYY-MM-DD date as a UTC Date, so no time zone can shift it by a day. */
function parseDay(isoDate: string): Date {
  const [year, month = 1, day = 1] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

export interface I18n {
  language: Language;
  locale: string;
  m: Messages;
  setLanguage: (language: Language) => void;
  /** A date for a person; with precision 'month' or 'year' only the part the source gives. */
  formatDate: (isoDate: string, precision?: DatePrecision | null) => string;
  /** A moment (an ISO timestamp) for a person, in the reader's time zone, to the minute. */
  formatDateTime: (isoTimestamp: string) => string;
  countryName: (code: string) => string;
  /** A language's name from its ISO 639-1 code, in the interface language. */
  languageName: (code: string) => string;
  areaName: (key: string) => string;
  organizationTypeName: (key: string) => string;
  /** A place's name in the interface language (the English one where no Polish one is known). */
  placeName: (place: { name: string; namePl: string | null }) => string;
  /**
   * The `lang` attribute for a text written in `textLanguage` (an ISO 639-1 code): set where it is
   * not the interface's language, so a screen reader reads it with the right rules. Texts stored
   * before their language was recorded have none (null): no attribute, the page's language applies.
   */
  langOf: (textLanguage: string | null | undefined) => string | undefined;
}

function createI18n(language: Language, m: Messages, setLanguage: (language: Language) => void): I18n {
  const locale = LOCALES[language];
  const dateFormats = {
    day: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
    month: new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
    year: new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' }),
  };
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' });
  const regions = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  const languages = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
  return {
    language,
    locale,
    m,
    setLanguage,
    formatDate: (isoDate, precision) => dateFormats[precision ?? 'day'].format(parseDay(isoDate)),
    formatDateTime: (isoTimestamp) => dateTimeFormat.format(new Date(isoTimestamp)),
    countryName: (code) => regions.of(code) ?? code,
    languageName: (code) => {
      try {
        return languages.of(code) ?? code;
      } catch {
        return code; // not a well-formed language code
      }
    },
    areaName: (key) => m.area[key] ?? key.replace(/_/g, ' '),
    organizationTypeName: (key) => m.organizationType[key] ?? key.replace(/_/g, ' '),
    placeName: (place) => (language === 'pl' ? (place.namePl ?? place.name) : place.name),
    langOf: (textLanguage) => (textLanguage && textLanguage !== language ? textLanguage : undefined),
  };
}

const I18nContext = createContext<I18n | null>(null);

/** The interface in `language`, whose catalog main.tsx has loaded before the first render. */
export function I18nProvider({ language: first, children }: { language: Language; children: ComponentChildren }) {
  const [language, setLanguageState] = useState<Language>(first);
  const [messages, setMessages] = useState<Messages>(() => loadedCatalogs.get(first)!);

  // Before any request of the page (useApi's effects run after layout effects): the server answers
  // in the interface language.
  setRequestLanguage(language);
  useLayoutEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const i18n = useMemo(
    () =>
      createI18n(language, messages, (next) => {
        try {
          window.localStorage.setItem(STORAGE_KEY, next);
        } catch {
          // Not remembered, but still switched for this visit.
        }
        const show = (loaded: Messages) => {
          setMessages(loaded);
          setLanguageState(next);
        };
        const loaded = loadedCatalogs.get(next);
        if (loaded) show(loaded);
        else loadMessages(next).then(show, () => undefined);
      }),
    [language, messages],
  );
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n must be used inside <I18nProvider>');
  return i18n;
}

/** Sets the tab title: the page first, then the product, in the current language. */
export function useDocumentTitle(pageTitle: string): void {
  const { m } = useI18n();
  // Layout effect: the title changes with the page, before anything (a test, a screen reader) reads it.
  useLayoutEffect(() => {
    document.title = pageTitle ? `${pageTitle} – ${m.app.name}` : m.app.name;
  }, [pageTitle, m]);
}
