/** Polish texts of the dormancy screen (the reference catalog; en.ts has the same shape). */
import type { components } from '../../../shared/api/schema';

export type ActivityKind = keyof components['schemas']['CityActivityDto']['activity'];

export const dormancyPl = {
  title: 'Uśpione partnerstwa',
  intro: (months: number, minimum: number) =>
    `Aktywność każdego miasta partnerskiego na platformie w ostatnich ${months} miesiącach. Miasto z aktywnością mniejszą niż ${minimum} jest oznaczone jako być może uśpione.`,
  flagged: 'Być może uśpione',
  others: 'Pozostałe miasta',
  none: 'Żadne miasto nie jest oznaczone.',
  kinds: {
    initiatives: 'inicjatywy',
    organizations: 'organizacje',
    partnerships: 'partnerstwa',
    messages: 'wiadomości',
    forumSessions: 'sesje forum',
    meetings: 'spotkania 1:1',
    delegations: 'wizyty',
  } as Record<ActivityKind, string>,
  evidence: (city: string) => `Aktywność: ${city}`,
  decision: {
    confirmed: 'potwierdzono uśpienie',
    dismissed: 'odrzucono oznaczenie',
    revival: 'do ożywienia',
  } as Record<string, string>,
  confirm: (city: string) => `Potwierdź uśpienie: ${city}`,
  confirmQuestion: (city: string) => `Status miasta ${city} zmieni się na „uśpiona”. Kontynuować?`,
  confirmButton: 'Potwierdź',
  reason: 'Powód odrzucenia',
  dismiss: 'Odrzuć oznaczenie',
  revive: 'Oznacz do ożywienia',
  boost: 'Wzmocnienie w dopasowaniach (1–20)',
};

export type DormancyMessages = typeof dormancyPl;
