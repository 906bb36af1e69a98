/** The statistics page's texts in Polish and English. */
import { useI18n } from '../../shared/i18n/i18n';
import type { StatisticPeriod } from './api';

/** "2026-Q3" → "III kw. 2026"; a year or an edition stays as it is. */
const ROMAN = ['I', 'II', 'III', 'IV'];

const pl = {
  title: 'Statystyki',
  intro:
    'Liczby wyliczane na bieżąco z danych platformy: inicjatywy, partnerstwa, Forum Współpracy i wizyty. Obok każdego wykresu jest tabela z tymi samymi liczbami, a każdą statystykę można pobrać jako CSV.',
  license: (name: string) =>
    `Statystyki udostępniamy, jak otwarte dane, na licencji ${name}: można je swobodnie wykorzystywać, podając Miasto jako źródło.`,
  openData: 'Otwarte dane',
  initiatives: 'Inicjatywy',
  dimension: 'Podział według',
  dimensions: {
    'initiatives-by-area': 'obszaru współpracy',
    'initiatives-by-goal': 'celu współpracy miasta',
    'initiatives-by-kind': 'rodzaju',
    'initiatives-by-city': 'miasta partnerskiego',
  } as Record<string, string>,
  category: {
    area: 'Obszar współpracy',
    goal: 'Cel współpracy',
    kind: 'Rodzaj',
    city: 'Miasto partnerskie',
    direction: 'Kierunek',
    figure: 'Liczba',
  } as Record<string, string>,
  period: 'Okres',
  periods: { year: 'lata', quarter: 'kwartały' } as Record<StatisticPeriod, string>,
  periodColumn: { year: 'Rok', quarter: 'Kwartał' } as Record<StatisticPeriod, string>,
  edition: 'Edycja',
  formatPeriod: (period: string) => {
    const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
    return quarter ? `${ROMAN[Number(quarter[2]) - 1]} kw. ${quarter[1]}` : period;
  },
  totals: (what: string) => `Razem według ${what}`,
  overTime: (name: string, period: StatisticPeriod) =>
    `${name}: inicjatywy w kolejnych ${period === 'year' ? 'latach' : 'kwartałach'}`,
  initiativesColumn: 'Inicjatywy',
  partnershipsColumn: 'Partnerstwa',
  visitsColumn: 'Wizyty',
  figure: 'Pokaż na wykresie',
  forumChart: (figure: string) => `${figure} w kolejnych edycjach`,
  chartLabel: (title: string) => `Wykres słupkowy: ${title}. Te same liczby są w tabeli pod wykresem.`,
  legend: 'Legenda',
  csv: 'Pobierz CSV',
  csvLabel: (title: string) => `Pobierz CSV: ${title}`,
  none: 'Nie ma jeszcze czego policzyć.',
};

export type StatisticsMessages = typeof pl;

const en: StatisticsMessages = {
  title: 'Statistics',
  intro:
    "Figures computed as you read them from the platform's data: initiatives, partnerships, the Cooperation Forum and visits. Beside each chart is a table with the same numbers, and each statistic can be downloaded as CSV.",
  license: (name: string) =>
    `Like the open data, the statistics are published under ${name}: reuse them freely, naming the City as the source.`,
  openData: 'Open data',
  initiatives: 'Initiatives',
  dimension: 'Counted by',
  dimensions: {
    'initiatives-by-area': 'area of cooperation',
    'initiatives-by-goal': "the city's cooperation goal",
    'initiatives-by-kind': 'kind',
    'initiatives-by-city': 'partner city',
  },
  category: {
    area: 'Area of cooperation',
    goal: 'Cooperation goal',
    kind: 'Kind',
    city: 'Partner city',
    direction: 'Direction',
    figure: 'Figure',
  },
  period: 'Period',
  periods: { year: 'years', quarter: 'quarters' },
  periodColumn: { year: 'Year', quarter: 'Quarter' },
  edition: 'Edition',
  formatPeriod: (period: string) => {
    const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
    return quarter ? `Q${quarter[2]} ${quarter[1]}` : period;
  },
  totals: (what: string) => `In total, by ${what}`,
  overTime: (name: string, period: StatisticPeriod) =>
    `${name}: initiatives ${period === 'year' ? 'year' : 'quarter'} by ${period === 'year' ? 'year' : 'quarter'}`,
  initiativesColumn: 'Initiatives',
  partnershipsColumn: 'Partnerships',
  visitsColumn: 'Visits',
  figure: 'Show in the chart',
  forumChart: (figure: string) => `${figure}, edition by edition`,
  chartLabel: (title: string) => `Bar chart: ${title}. The same numbers are in the table below the chart.`,
  legend: 'Legend',
  csv: 'Download CSV',
  csvLabel: (title: string) => `Download CSV: ${title}`,
  none: 'Nothing to count yet.',
};

export function useStatisticsMessages(): StatisticsMessages {
  return useI18n().language === 'pl' ? pl : en;
}
