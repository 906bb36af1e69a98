/** Polish texts of a partnership's workspace (the reference catalogue; en.ts has the same shape). */
const rules = new Intl.PluralRules('pl');

/** 1 plik, 2–4 pliki, 5 plików (and 22 pliki). */
function plural(n: number, one: string, few: string, many: string): string {
  const form = rules.select(n);
  return `${n} ${form === 'one' ? one : form === 'few' ? few : many}`;
}

export const workspacePl = {
  heading: 'Przestrzeń robocza',
  intro: 'Pliki, zadania i dziennik projektu – tylko dla osób z organizacji uczestniczących w partnerstwie.',
  sections: 'Części przestrzeni roboczej',
  tabs: { files: 'Pliki', tasks: 'Zadania i kamienie milowe', diary: 'Dziennik projektu' },
  unknownPerson: 'usunięte konto',
  files: {
    listLabel: 'Udostępnione pliki',
    empty: 'Nikt nie udostępnił jeszcze żadnego pliku.',
    count: (n: number) => `${plural(n, 'plik', 'pliki', 'plików')} w przestrzeni roboczej.`,
    shared: (name: string, when: string) => `Dodano ${when} (${name})`,
    download: 'Pobierz',
    saved: (name: string) => `Zapisano plik ${name}.`,
    delete: 'Usuń',
    deleteQuestion: (name: string) => `Usunąć plik „${name}” dla wszystkich organizacji partnerstwa?`,
    deleteConfirm: 'Tak, usuń plik',
    deleted: (name: string) => `Usunięto plik ${name}.`,
    uploadHeading: 'Udostępnij plik',
    fileLabel: 'Plik',
    limits: (size: string, types: string) =>
      `Najwyżej ${size}. Przyjmowane typy: ${types}. Typ sprawdzamy na podstawie zawartości: plik, którego zawartość nie pasuje do nazwy, zostanie odrzucony. Pliki zawsze są pobierane, nigdy otwierane w przeglądarce.`,
    upload: 'Udostępnij plik',
    uploaded: (name: string) => `Udostępniono plik ${name}.`,
    chooseFile: 'Najpierw wybierz plik.',
  },
  tasks: {
    listLabel: 'Zadania i kamienie milowe',
    empty: 'Nie ma jeszcze zadań ani kamieni milowych.',
    open: 'Do zrobienia',
    done: 'Zrobione',
    noneOpen: 'Nie ma nic do zrobienia.',
    kind: { task: 'Zadanie', milestone: 'Kamień milowy' },
    due: 'Termin',
    noDue: 'bez terminu',
    overdue: 'po terminie',
    owner: 'Odpowiada',
    noOwner: 'nikt',
    markDone: 'Oznacz jako zrobione',
    reopen: 'Przywróć do zrobienia',
    markedDone: (title: string) => `Zrobione: ${title}.`,
    reopened: (title: string) => `Znów do zrobienia: ${title}.`,
    delete: 'Usuń',
    deleteQuestion: (title: string) => `Usunąć „${title}”?`,
    deleteConfirm: 'Tak, usuń',
    deleted: (title: string) => `Usunięto: ${title}.`,
    addHeading: 'Dodaj zadanie lub kamień milowy',
    kindLegend: 'Rodzaj',
    titleLabel: 'Tytuł',
    ownerLabel: 'Osoba odpowiedzialna',
    ownerHint: 'Osoba z jednej z organizacji uczestniczących.',
    ownerNone: 'Na razie nikt',
    person: (name: string, organization: string) => `${name} (${organization})`,
    dueLabel: 'Termin',
    add: 'Dodaj',
    added: (title: string) => `Dodano: ${title}.`,
  },
  calendar: {
    heading: 'Kalendarz',
    intro: 'Zadania i kamienie milowe z terminem, do zaimportowania w aplikacji kalendarza (iCalendar).',
    download: 'Pobierz kalendarz partnerstwa (.ics)',
    saved: (file: string) => `Zapisano plik ${file}.`,
  },
  diary: {
    intro:
      'Wpisy widzą tylko osoby z organizacji uczestniczących, dopóki każda z tych organizacji nie zgodzi się na publikację wpisu na stronie partnerstwa.',
    listLabel: 'Wpisy w dzienniku',
    empty: 'W dzienniku nie ma jeszcze wpisów.',
    by: (name: string, when: string) => `${name}, ${when}`,
    // 1 zgadza się, 2–4 zgadzają się, 5 zgadza się: the verb follows the numeral.
    agree: (n: number, total: number) =>
      `${n} z ${total} organizacji ${rules.select(n) === 'few' ? 'zgadzają' : 'zgadza'} się na publikację`,
    isPublic: 'Opublikowany na stronie partnerstwa',
    isPrivate: 'Niepubliczny',
    agrees: 'zgadza się',
    notYet: 'jeszcze nie',
    consentLabel: (organization: string) => `${organization} zgadza się na publikację tego wpisu`,
    consentSaved: 'Zgoda zapisana.',
    published: 'Wszystkie organizacje się zgadzają: wpis jest opublikowany.',
    consentWithdrawn: 'Zgoda wycofana: wpis nie jest publiczny.',
    addHeading: 'Dodaj wpis',
    titleLabel: 'Tytuł',
    bodyLabel: 'Treść',
    bodyHint: 'Zwykły tekst. Widzą go tylko organizacje partnerstwa, dopóki każda z nich nie zgodzi się na publikację.',
    add: 'Dodaj wpis',
    added: 'Dodano wpis.',
    publicHeading: 'Dziennik projektu',
    publicEmpty: 'Organizacje partnerstwa nie opublikowały jeszcze żadnego wpisu.',
  },
  organizations: {
    remove: 'Usuń z partnerstwa',
    removeQuestion: (organization: string) =>
      `Usunąć organizację ${organization} z partnerstwa? Osoby z tej organizacji od razu stracą dostęp do kanału, plików, zadań i dziennika.`,
    removeConfirm: 'Tak, usuń',
    removed: (organization: string) => `Organizacja ${organization} nie uczestniczy już w partnerstwie.`,
  },
  errors: {
    fileType: (types: string) =>
      `Takiego typu pliku nie przyjmujemy albo jego zawartość nie pasuje do nazwy. Przyjmowane typy: ${types}.`,
    tooLarge: (size: string) =>
      `Plik jest większy niż ${size} – tyle najwyżej przyjmuje przestrzeń robocza. Zmniejsz go albo udostępnij link do niego.`,
    emptyFile: 'Plik jest pusty: wybierz plik z zawartością.',
    tooManyFiles: (n: number) =>
      `W przestrzeni roboczej jest już ${plural(n, 'plik', 'pliki', 'plików')}: najpierw usuń niepotrzebny.`,
    fileName: 'Nazwa pliku musi mieć od 1 do 200 znaków, razem z rozszerzeniem (np. plan.pdf).',
    fileGone: 'Tego pliku nie ma już w przestrzeni roboczej.',
    taskGone: 'Tego zadania nie ma już w przestrzeni roboczej.',
    entryGone: 'Tego wpisu nie ma już w dzienniku.',
    ownerNotMember: 'Wybierz osobę odpowiedzialną z listy: musi należeć do jednej z organizacji uczestniczących.',
    dueDate: 'Podaj termin jako istniejący dzień, np. 2027-03-05.',
    titleLength: 'Tytuł musi mieć od 1 do 200 znaków.',
    bodyLength: 'Wpis musi mieć od 1 do 10 000 znaków.',
    notEditor:
      'Zgodę organizacji może wyrazić lub wycofać tylko osoba z rolą właściciela lub redaktora w tej organizacji.',
    notMember:
      'Przestrzeń robocza jest tylko dla osób z organizacji uczestniczących w partnerstwie: Twoja organizacja mogła je opuścić.',
    leadStays: 'Organizacji prowadzącej nie można usunąć: zamiast tego zakończ partnerstwo.',
    removeNotAllowed:
      'Organizację może usunąć osoba z rolą właściciela lub redaktora w organizacji prowadzącej albo z rolą właściciela w tej organizacji.',
    alreadyLeft: 'Ta organizacja już nie uczestniczy w partnerstwie.',
  },
};

export type WorkspaceMessages = typeof workspacePl;
