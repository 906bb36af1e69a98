/** Polish texts of the city office's pages (the reference catalog; en.ts has the same shape). */
const rules = new Intl.PluralRules('pl');

/** 1 wpis, 2–4 wpisy, 5 wpisów (and 22 wpisy). */
export function plural(n: number, one: string, few: string, many: string): string {
  const form = rules.select(n);
  return `${n} ${form === 'one' ? one : form === 'few' ? few : many}`;
}

export const officePl = {
  audit: {
    title: 'Dziennik zdarzeń',
    adminOnly: 'Ta strona jest tylko dla administratorów.',
    intro:
      'Każda decyzja pracowników miasta: kto, co, kiedy i dlaczego. Najnowsze najpierw. Filtry zawężają listę i plik CSV.',
    filters: 'Filtry dziennika',
    person: 'Osoba (adres e-mail)',
    action: 'Działanie',
    anyAction: 'Wszystkie działania',
    targetType: 'Rodzaj obiektu',
    targetId: 'Identyfikator obiektu',
    from: 'Od dnia',
    to: 'Do dnia (włącznie)',
    apply: 'Pokaż',
    clear: 'Wyczyść filtry',
    download: 'Pobierz CSV',
    downloaded: (file: string) => `Zapisano plik ${file}.`,
    empty: 'Żaden wpis nie pasuje do tych filtrów.',
    shown: (n: number) => `Pokazano ${plural(n, 'wpis', 'wpisy', 'wpisów')}.`,
    more: 'Pokaż starsze wpisy',
    when: 'Kiedy',
    who: 'Kto',
    what: 'Działanie',
    object: 'Obiekt',
    reason: 'Uzasadnienie',
    system: 'system',
    deletedAccount: 'usunięte konto',
    tableCaption: 'Wpisy dziennika, najnowsze najpierw',
  },
};

export type OfficeMessages = typeof officePl;
