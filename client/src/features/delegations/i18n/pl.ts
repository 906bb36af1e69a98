/** Polish texts of the delegations register (the reference catalog; en.ts has the same shape). */
const rules = new Intl.PluralRules('pl');

/** 1 wizyta, 2–4 wizyty, 5 wizyt. */
function plural(n: number, one: string, few: string, many: string): string {
  const form = rules.select(n);
  return `${n} ${form === 'one' ? one : form === 'few' ? few : many}`;
}

export const delegationsPl = {
  direction: { incoming: 'przyjazd do Krakowa', outgoing: 'wyjazd z Krakowa' },
  directionShort: { incoming: 'Przyjazdy', outgoing: 'Wyjazdy' },
  public: {
    title: 'Wizyty i delegacje',
    intro:
      'Delegacje przyjęte w Krakowie i wysłane za granicę: liczby według roku, kierunku i miasta. Liczone są wizyty, które pracownicy miasta oznaczyli jako publiczne.',
    byYear: 'Wizyty według roku',
    byYearCaption: 'Liczba wizyt w każdym roku, według kierunku',
    byCity: 'Wizyty według miasta',
    byCityCaption: (year: number) => `Wizyty w roku ${year} według miasta i kierunku`,
    year: 'Rok',
    city: 'Miasto',
    visits: 'Wizyty',
    people: 'Osoby',
    otherPlaces: 'inne miejsca',
    chooseYear: 'Rok',
    list: (year: number) => `Wizyty w roku ${year}`,
    none: 'Brak publicznych wizyt w rejestrze.',
    noneInYear: 'Brak publicznych wizyt w tym roku.',
  },
  visit: {
    dates: 'Termin',
    place: 'Miejsce',
    purpose: 'Cel',
    host: 'Gospodarz',
    outcomes: 'Rezultaty',
    organizations: 'Organizacje',
    people: (n: number) => plural(n, 'osoba', 'osoby', 'osób'),
  },
  staff: {
    title: 'Rejestr wizyt',
    editorsOnly: 'Rejestr wizyt prowadzą pracownicy z rolą redaktora rejestru; nadaje ją administrator.',
    intro: 'Wszystkie wizyty, także niepubliczne. Publiczne widzi każdy na stronie „Wizyty i delegacje”.',
    add: 'Dodaj wizytę',
    year: 'Rok',
    show: 'Pokaż',
    shown: (n: number) => `Pokazano ${plural(n, 'wizytę', 'wizyty', 'wizyt')}.`,
    empty: 'Brak wizyt w tym roku.',
    edit: 'Edytuj',
    editLabel: (what: string) => `Edytuj: ${what}`,
    isPublic: 'publiczna',
    isPrivate: 'niepubliczna',
    saved: 'Zapisano wizytę.',
    import: 'Import z pliku CSV',
    importHint:
      'Pierwszy wiersz nazywa kolumny: direction, starts_on, ends_on, city, place, purpose, people (wymagane) oraz language, areas, organizations, host, outcomes, initiatives, partnerships, public. Listy rozdziela się średnikiem. Jeśli którykolwiek wiersz jest błędny, nic nie zostanie zapisane.',
    file: 'Plik CSV',
    importButton: 'Importuj',
    imported: (n: number) => `Zaimportowano ${plural(n, 'wizytę', 'wizyty', 'wizyt')}.`,
    rejected: 'Nic nie zaimportowano. Wiersze do poprawienia:',
    line: (n: number) => `Wiersz ${n}`,
    chooseFile: 'Wybierz plik CSV.',
  },
  form: {
    newTitle: 'Nowa wizyta',
    editTitle: 'Edycja wizyty',
    back: 'Rejestr wizyt',
    direction: 'Kierunek',
    startsOn: 'Pierwszy dzień',
    endsOn: 'Ostatni dzień',
    city: 'Miasto partnerskie',
    otherPlace: 'inne miejsce (poniżej)',
    place: 'Inne miejsce',
    placeHint: 'Tylko gdy wizyta nie dotyczy miasta partnerskiego, np. „Bruksela, Komitet Regionów”.',
    purpose: 'Cel wizyty',
    language: 'Język opisu',
    languages: { pl: 'polski', en: 'angielski' },
    areas: 'Obszary współpracy',
    people: 'Liczba osób',
    host: 'Gospodarz',
    hostHint: 'Kto przyjmował wizytę albo kogo odwiedzono.',
    outcomes: 'Rezultaty',
    organizations: 'Organizacje z tego miasta',
    isPublic: 'Wizyta publiczna (widoczna na stronie „Wizyty i delegacje”)',
    save: 'Zapisz wizytę',
  },
};

export type DelegationsMessages = typeof delegationsPl;
