/** English texts of the dormancy screen (the same shape as pl.ts). */
import type { DormancyMessages } from './pl';

export const dormancyEn: DormancyMessages = {
  title: 'Dormant partnerships',
  intro: (months: number, minimum: number) =>
    `Each partner city's activity on the platform in the last ${months} months. A city with less activity than ${minimum} is flagged as possibly dormant.`,
  flagged: 'Possibly dormant',
  others: 'Other cities',
  none: 'No city is flagged.',
  kinds: {
    initiatives: 'initiatives',
    organizations: 'organisations',
    partnerships: 'partnerships',
    messages: 'messages',
    forumSessions: 'forum sessions',
    meetings: '1:1 meetings',
    delegations: 'visits',
  },
  evidence: (city: string) => `Activity: ${city}`,
  decision: {
    confirmed: 'confirmed dormant',
    dismissed: 'flag dismissed',
    revival: 'marked for revival',
  },
  confirm: (city: string) => `Confirm dormant: ${city}`,
  confirmQuestion: (city: string) => `The status of ${city} will become "dormant". Go ahead?`,
  confirmButton: 'Confirm',
  reason: 'Why the flag is wrong',
  dismiss: 'Dismiss the flag',
  revive: 'Mark for revival',
  boost: 'Boost in matching (1 to 20)',
};
