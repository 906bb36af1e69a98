/** Polish texts of public consultations (en.ts has the same shape). */
const comments = (n: number) => {
  const tens = n % 100;
  const ones = n % 10;
  if (n === 1) return '1 komentarz';
  if (ones >= 2 && ones <= 4 && (tens < 12 || tens > 14)) return `${n} komentarze`;
  return `${n} komentarzy`;
};
const supports = (n: number) => {
  const tens = n % 100;
  const ones = n % 10;
  if (n === 1) return '1 poparcie';
  if (ones >= 2 && ones <= 4 && (tens < 12 || tens > 14)) return `${n} poparcia`;
  return `${n} poparć`;
};

export const consultationsPl = {
  list: {
    title: 'Konsultacje społeczne',
    intro:
      'Miasto pyta mieszkanki i mieszkańców o cele i formy współpracy międzynarodowej. Czytać może każda osoba; komentować i popierać komentarze – każda zalogowana.',
    open: 'Otwarte',
    upcoming: 'Wkrótce',
    closed: 'Zakończone',
    noneOpen: 'Żadne konsultacje nie są teraz otwarte.',
    noneUpcoming: 'Brak zaplanowanych konsultacji.',
    noneClosed: 'Brak zakończonych konsultacji.',
    comments,
    manage: 'Prowadzenie konsultacji',
  },
  subject: { goals: 'Cele współpracy', document: 'Projekt dokumentu' },
  phase: { draft: 'Szkic', upcoming: 'Wkrótce', open: 'Otwarte', closed: 'Zakończone' },
  period: 'Okres',
  periodText: (from: string, to: string) => `od ${from} do ${to}`,
  page: {
    notFound: 'Nie ma takich konsultacji.',
    sections: 'Części do komentowania',
    noComments: 'Nikt jeszcze nie skomentował tej części.',
    commentsOf: (heading: string) => `Komentarze: ${heading}`,
    author: 'Autor lub autorka',
    deletedUser: 'konto usunięte',
    supports,
    support: 'Popieram',
    which: (author: string) => `komentarz: ${author}`,
    supported: 'Popierasz ten komentarz',
    supportedNews: 'Poparcie dodane.',
    withdraw: 'Wycofaj poparcie',
    withdrawnNews: 'Poparcie wycofane.',
    ownComment: 'Twój komentarz',
    response: 'Odpowiedź miasta',
    responseToGroup: (n: number) => `Odpowiedź miasta na ${n} komentarze`,
    finalReport: 'Raport końcowy',
    notOpenYet: (when: string) => `Komentarze będą przyjmowane od ${when}.`,
    closedAt: (when: string) => `Konsultacje zakończyły się ${when}. Komentarze i poparcia nie są już przyjmowane.`,
    signInToComment: 'Zaloguj się, aby komentować i popierać komentarze.',
    manage: 'Prowadź te konsultacje',
  },
  comment: {
    label: (heading: string) => `Komentarz do części: ${heading}`,
    hint: 'Zwykły tekst, najwyżej 2000 znaków. Będzie widoczny publicznie z Twoją nazwą wyświetlaną.',
    send: 'Dodaj komentarz',
    sent: 'Komentarz dodany.',
  },
  report: {
    open: 'Zgłoś',
    title: 'Zgłoś komentarz moderacji',
    intro: 'Zgłoszenie trafi do moderacji miasta. Komentarz można zgłosić jeden raz.',
    reason: 'Powód',
    comment: 'Uwagi',
    commentHint: 'Co jest nie tak? Najwyżej 1000 znaków.',
    send: 'Wyślij zgłoszenie',
    sent: 'Dziękujemy. Moderacja przyjrzy się zgłoszeniu.',
    sentHidden: 'Dziękujemy. Komentarz jest ukryty do decyzji moderacji.',
    already: 'Ten komentarz został już przez Ciebie zgłoszony.',
  },
  errors: {
    bodyLength: 'Komentarz musi mieć od 1 do 2000 znaków.',
    closed: 'Konsultacje są już zakończone: komentarze i poparcia nie są przyjmowane.',
    notOpen: 'Konsultacje jeszcze się nie rozpoczęły.',
    alreadySupported: 'Ten komentarz już popierasz.',
    ownComment: 'Nie można poprzeć własnego komentarza.',
    tooMany: 'Za dużo komentarzy w krótkim czasie: odczekaj kilka minut.',
    periodOrder: 'Koniec okresu musi być po jego początku.',
    textLength: 'Ten tekst ma niewłaściwą długość.',
    needsSections: 'Projekt dokumentu potrzebuje części, zanim zostanie otwarty.',
    finalReportAfter: 'Raport końcowy można opublikować po zakończeniu konsultacji.',
    chooseComments: 'Wybierz co najmniej jeden komentarz.',
  },
  office: {
    title: 'Prowadzenie konsultacji',
    editorsOnly: 'Konsultacje prowadzą osoby z rolą redakcji rejestru, którą nadaje administracja.',
    all: 'Wszystkie konsultacje',
    none: 'Nie ma jeszcze konsultacji.',
    create: 'Nowe konsultacje',
    subject: 'Czego dotyczą',
    titlePl: 'Tytuł po polsku',
    titleEn: 'Tytuł po angielsku',
    descriptionPl: 'Opis po polsku',
    descriptionEn: 'Opis po angielsku',
    opensAt: 'Początek',
    closesAt: 'Koniec',
    sections: 'Części dokumentu',
    sectionsHint: 'Dla konsultacji celów części powstają same, po jednej na każdy cel, w chwili otwarcia.',
    section: (n: number) => `Część ${n}`,
    headingPl: 'Nagłówek po polsku',
    headingEn: 'Nagłówek po angielsku',
    bodyPl: 'Treść po polsku',
    bodyEn: 'Treść po angielsku',
    addSection: 'Dodaj część',
    removeSection: (n: number) => `Usuń część ${n}`,
    createButton: 'Utwórz szkic',
    created: 'Szkic utworzony.',
    manage: 'Prowadź',
    manageLabel: (title: string) => `Prowadź: ${title}`,
    openButton: 'Otwórz konsultacje',
    openQuestion: 'Otworzyć konsultacje? Będą publiczne od razu, a komentarze przyjmowane od początku okresu.',
    opened: 'Konsultacje są otwarte.',
    closeButton: 'Zakończ teraz',
    closeQuestion: 'Zakończyć konsultacje teraz? Komentarze i poparcia przestaną być przyjmowane.',
    closedNews: 'Konsultacje zakończone.',
    respond: 'Odpowiedz na komentarze',
    respondHint: 'Zaznacz jeden komentarz albo kilka, aby odpowiedzieć na nie razem.',
    chooseComments: 'Komentarze, na które odpowiadasz',
    responsePl: 'Odpowiedź po polsku',
    responseEn: 'Odpowiedź po angielsku',
    respondButton: 'Opublikuj odpowiedź',
    responded: 'Odpowiedź opublikowana.',
    noCommentsYet: 'Nie ma jeszcze komentarzy.',
    finalReportPl: 'Raport końcowy po polsku',
    finalReportEn: 'Raport końcowy po angielsku',
    finalReportButton: 'Opublikuj raport końcowy',
    finalReportSaved: 'Raport końcowy opublikowany.',
    finalReportLater: 'Raport końcowy można opublikować po zakończeniu konsultacji.',
    view: 'Zobacz stronę publiczną',
  },
};

export type ConsultationsMessages = typeof consultationsPl;
