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
  deadlines: {
    title: 'Terminy umów',
    intro:
      'Terminy wypowiedzenia, automatyczne przedłużenia i daty wygaśnięcia dokumentów wszystkich miast partnerskich, najbliższe najpierw, z tym, co trzeba rozstrzygnąć.',
    window: 'Okres',
    months: (n: number) => `następne ${plural(n, 'miesiąc', 'miesiące', 'miesięcy')}`,
    count: (n: number, from: string, until: string) =>
      `${plural(n, 'termin', 'terminy', 'terminów')} od ${from} do ${until}.`,
    empty: 'W tym okresie nie ma żadnych terminów.',
    kind: {
      notice: 'ostatni dzień na wypowiedzenie',
      renewal: 'automatyczne przedłużenie',
      expiry: 'wygaśnięcie',
    } as Record<'notice' | 'renewal' | 'expiry', string>,
    city: 'Miasto',
    document: 'Dokument',
    decision: 'Do rozstrzygnięcia',
    decideNotice: (renewsOn: string, years: number | null) =>
      `Czy wypowiedzieć umowę? Bez wypowiedzenia do tego dnia przedłuży się ${renewsOn}${years ? ` na kolejne ${plural(years, 'rok', 'lata', 'lat')}` : ''}.`,
    decideRenewal: (years: number | null) =>
      `Umowa przedłuża się automatycznie${years ? ` na ${plural(years, 'rok', 'lata', 'lat')}` : ''}, chyba że wypowiedziano ją w terminie.`,
    decideExpiry: 'Czy przedłużyć współpracę nowym dokumentem? Tego dnia dokument wygasa.',
  },
  feed: {
    title: 'Terminy w kalendarzu',
    intro:
      'Subskrybuj terminy w swoim kalendarzu (iCalendar). Adres kanału zawiera tajny klucz, który otwiera tylko ten kalendarz; jeśli wycieknie, unieważnij go i utwórz nowy.',
    create: 'Utwórz adres kanału kalendarza',
    created: 'Utworzono kanał kalendarza. Skopiuj jego adres teraz: nie będzie już pokazany.',
    address: 'Adres kanału kalendarza',
    addressHint: 'Pokazany tylko teraz. Dodaj go w kalendarzu jako subskrypcję z adresu URL.',
    active: (since: string) => `Masz kanał kalendarza od ${since}. Jego adres był pokazany tylko przy utworzeniu.`,
    revoke: 'Unieważnij kanał kalendarza',
    revoked: 'Kanał kalendarza unieważniono: jego adres już nie działa.',
  },
};

export type OfficeMessages = typeof officePl;
