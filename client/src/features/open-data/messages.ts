/** The open-data page's texts in Polish and English. */
import { useI18n } from '../../shared/i18n/i18n';

const pl = {
  title: 'Otwarte dane',
  intro:
    'Wszystkie publiczne dane platformy do pobrania jako CSV (UTF-8, z wierszem nagłówka) i JSON. Oba pliki każdego zbioru zawierają te same wiersze. Nie ma w nich danych osobowych.',
  license: 'Licencja',
  licenseText: (name: string) =>
    `Dane udostępniamy na licencji ${name}: można je swobodnie wykorzystywać, podając Miasto jako źródło.`,
  publisher: 'Udostępnia',
  catalogue: 'Katalog w formacie JSON (w stylu DCAT-AP)',
  datasets: 'Zbiory danych',
  modified: 'Ostatnia zmiana',
  notRecorded: 'nie odnotowano (dane referencyjne bez zmian od importu)',
  columns: 'Kolumny',
  download: (format: string, title: string) => `Pobierz ${format}: ${title}`,
  formulas:
    'W plikach CSV komórka tekstowa zaczynająca się od =, +, -, @ ma na początku apostrof, aby arkusz kalkulacyjny nie wykonał jej jako formuły.',
};

export type OpenDataMessages = typeof pl;

const en: OpenDataMessages = {
  title: 'Open data',
  intro:
    "All of the platform's public data, to download as CSV (UTF-8, with a header row) and JSON. Both files of each dataset hold the same rows. They contain no personal data.",
  license: 'Licence',
  licenseText: (name: string) =>
    `The data are published under ${name}: reuse them freely, naming the City as the source.`,
  publisher: 'Published by',
  catalogue: 'The catalogue as JSON (DCAT-AP style)',
  datasets: 'Datasets',
  modified: 'Last changed',
  notRecorded: 'not recorded (reference data unchanged since the import)',
  columns: 'Columns',
  download: (format: string, title: string) => `Download ${format}: ${title}`,
  formulas:
    'In the CSV files a text cell starting with =, +, -, @ begins with an apostrophe, so that a spreadsheet does not run it as a formula.',
};

export function useOpenDataMessages(): OpenDataMessages {
  return useI18n().language === 'pl' ? pl : en;
}
