import type { DelegationDirection } from '../delegations/delegations.constants';
import type { InitiativeKind } from '../initiatives/initiatives.constants';

/** How a statistic over time groups its dates: by calendar year or by quarter (of the city's calendar). */
export const STATISTIC_PERIODS = ['year', 'quarter'] as const;
export type StatisticPeriod = (typeof STATISTIC_PERIODS)[number];

/** What the `category` of a statistic's rows is; the client names it in the reader's language. */
export const STATISTIC_DIMENSIONS = ['area', 'goal', 'kind', 'city', 'direction', 'figure'] as const;
export type StatisticDimension = (typeof STATISTIC_DIMENSIONS)[number];

export const STATISTIC_FORMATS = ['json', 'csv'] as const;
export type StatisticFormat = (typeof STATISTIC_FORMATS)[number];

/** The figures of a forum edition, in the order they are shown. */
export const FORUM_FIGURES = ['participants', 'sessions', 'questions', 'meetings', 'partnerships'] as const;
export type ForumFigure = (typeof FORUM_FIGURES)[number];

export interface TextPlEn {
  pl: string;
  en: string;
}

/** One statistic: its key (the address), what it counts and by what. */
export interface StatisticDefinition {
  key: string;
  title: TextPlEn;
  /** What is counted, and what is not: shown beside the chart. */
  description: TextPlEn;
  dimension: StatisticDimension;
  /** The periods it may be grouped by, the first the default; empty when it is not over time. */
  periods: readonly StatisticPeriod[];
}

const PUBLIC_INITIATIVES = {
  pl: 'Liczone są tylko inicjatywy widoczne publicznie (opublikowane, w realizacji, zakończone lub zarchiwizowane, nieukryte przez moderację, zweryfikowanych organizacji), według daty publikacji.',
  en: 'Only initiatives shown in public are counted (published, in progress, completed or archived, not hidden by moderation, of verified organisations), by the date they were published.',
};

export const STATISTICS: readonly StatisticDefinition[] = [
  {
    key: 'initiatives-by-area',
    title: { pl: 'Inicjatywy według obszaru współpracy', en: 'Initiatives by area of cooperation' },
    description: {
      pl: `${PUBLIC_INITIATIVES.pl} Inicjatywa z kilkoma obszarami jest liczona w każdym z nich.`,
      en: `${PUBLIC_INITIATIVES.en} An initiative with several areas counts in each of them.`,
    },
    dimension: 'area',
    periods: STATISTIC_PERIODS,
  },
  {
    key: 'initiatives-by-goal',
    title: { pl: 'Inicjatywy według celu współpracy miasta', en: "Initiatives by the city's cooperation goal" },
    description: {
      pl: `${PUBLIC_INITIATIVES.pl} Inicjatywa z kilkoma celami jest liczona przy każdym z nich.`,
      en: `${PUBLIC_INITIATIVES.en} An initiative with several goals counts for each of them.`,
    },
    dimension: 'goal',
    periods: STATISTIC_PERIODS,
  },
  {
    key: 'initiatives-by-kind',
    title: { pl: 'Inicjatywy według rodzaju', en: 'Initiatives by kind' },
    description: PUBLIC_INITIATIVES,
    dimension: 'kind',
    periods: STATISTIC_PERIODS,
  },
  {
    key: 'initiatives-by-city',
    title: { pl: 'Inicjatywy według miasta partnerskiego', en: 'Initiatives by partner city' },
    description: {
      pl: `${PUBLIC_INITIATIVES.pl} Inicjatywa skierowana do kilku miast partnerskich jest liczona przy każdym z nich.`,
      en: `${PUBLIC_INITIATIVES.en} An initiative aimed at several partner cities counts for each of them.`,
    },
    dimension: 'city',
    periods: STATISTIC_PERIODS,
  },
  {
    key: 'partnerships-by-city',
    title: { pl: 'Partnerstwa według miasta partnerskiego', en: 'Partnerships by partner city' },
    description: {
      pl: 'Liczone są tylko partnerstwa, które wszystkie uczestniczące organizacje zgodziły się pokazać publicznie, przy mieście partnerskim każdej z nich (partnerstwo organizacji z dwóch miast jest liczone przy obu).',
      en: 'Only partnerships that every participating organisation agreed to show in public are counted, for the partner city of each of them (a partnership of organisations from two cities counts for both).',
    },
    dimension: 'city',
    periods: [],
  },
  {
    key: 'forum-editions',
    title: { pl: 'Forum Współpracy w kolejnych edycjach', en: 'The Cooperation Forum, edition by edition' },
    description: {
      pl: 'Edycje z opublikowanym programem: osoby z potwierdzoną rejestracją, przyjęte sesje, pytania widoczne w sesjach, przyjęte spotkania 1:1 i partnerstwa zapoczątkowane na forum. Bez danych osobowych.',
      en: 'Editions whose agenda is published: people with a confirmed registration, accepted sessions, questions shown in the sessions, accepted 1:1 meetings and the partnerships the forum started. No personal data.',
    },
    dimension: 'figure',
    periods: [],
  },
  {
    key: 'delegations-by-direction',
    title: { pl: 'Wizyty i delegacje według kierunku', en: 'Visits and delegations by direction' },
    description: {
      pl: 'Wizyty przyjęte w mieście i wysłane za granicę, według daty rozpoczęcia. Liczone są tylko wizyty, które urząd oznaczył jako publiczne.',
      en: 'Visits received in the city and sent abroad, by the day they began. Only visits the city office marked public are counted.',
    },
    dimension: 'direction',
    periods: STATISTIC_PERIODS,
  },
];

/** Names of the categories the database holds no names for (areas come from vocabulary-labels); a Record, so a new kind or direction must be named here. */
export const KIND_NAMES: Record<InitiativeKind, TextPlEn> = {
  joint_project: { pl: 'Wspólny projekt', en: 'Joint project' },
  partner_search: { pl: 'Poszukiwanie partnera', en: 'Partner search' },
  event: { pl: 'Wydarzenie', en: 'Event' },
  exchange: { pl: 'Wymiana', en: 'Exchange' },
  study_visit: { pl: 'Wizyta studyjna', en: 'Study visit' },
  funding_application: { pl: 'Wniosek o dofinansowanie', en: 'Funding application' },
};

export const DIRECTION_NAMES: Record<DelegationDirection, TextPlEn> = {
  incoming: { pl: 'Wizyty przyjęte', en: 'Visits received' },
  outgoing: { pl: 'Wizyty za granicą', en: 'Visits abroad' },
};

export const FORUM_FIGURE_NAMES: Record<ForumFigure, TextPlEn> = {
  participants: { pl: 'Osoby zarejestrowane', en: 'People registered' },
  sessions: { pl: 'Sesje', en: 'Sessions' },
  questions: { pl: 'Pytania', en: 'Questions' },
  meetings: { pl: 'Spotkania 1:1', en: '1:1 meetings' },
  partnerships: { pl: 'Zapoczątkowane partnerstwa', en: 'Partnerships started' },
};
