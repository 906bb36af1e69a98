import type { DocumentKind } from '../registry/registry.constants';
import type { Locale } from '../users/users.constants';
import type { DeadlineKind } from './deadlines';

/**
 * The words the server itself writes about deadlines (the reminder mail, the calendar feed), in
 * Polish and English; the web client's catalogs hold the same words for the page.
 */
export const DOCUMENT_KIND_NAMES: Record<DocumentKind, Record<Locale, string>> = {
  twin_city_agreement: { pl: 'Umowa o współpracy miast bliźniaczych', en: 'Twin-city agreement' },
  partnership_agreement: { pl: 'Umowa o partnerstwie', en: 'Partnership agreement' },
  honorary_twin_title: { pl: 'Tytuł Honorowego Miasta Bliźniaczego', en: 'Honorary Twin City title' },
  sectoral_agreement: { pl: 'Umowa branżowa', en: 'Sectoral agreement' },
  cooperation_agreement: { pl: 'Porozumienie o współpracy', en: 'Cooperation agreement' },
  framework_agreement: { pl: 'Umowa ramowa', en: 'Framework agreement' },
  joint_statement: { pl: 'Wspólne oświadczenie', en: 'Joint statement' },
  declaration: { pl: 'Deklaracja', en: 'Declaration' },
  protocol: { pl: 'Protokół', en: 'Protocol' },
  letter_of_intent: { pl: 'List intencyjny', en: 'Letter of intent' },
  programme: { pl: 'Program współpracy', en: 'Cooperation programme' },
};

export const DEADLINE_KIND_NAMES: Record<DeadlineKind, Record<Locale, string>> = {
  notice: { pl: 'ostatni dzień na wypowiedzenie', en: 'last day to give notice' },
  renewal: { pl: 'automatyczne przedłużenie', en: 'automatic renewal' },
  expiry: { pl: 'wygaśnięcie', en: 'end' },
};

const polishYears = new Intl.PluralRules('pl');
function years(n: number, locale: Locale): string {
  if (locale === 'en') return `${n} year${n === 1 ? '' : 's'}`;
  const form = polishYears.select(n);
  return `${n} ${form === 'one' ? 'rok' : form === 'few' ? 'lata' : 'lat'}`;
}

/** A calendar date as people read it: "18 stycznia 2028", "18 January 2028". */
export function longDate(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'pl' ? 'pl-PL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** What must be decided by a deadline, in one sentence. */
export function decisionText(
  deadline: { kind: DeadlineKind; renewsOn: string | null; renewalYears: number | null },
  locale: Locale,
): string {
  const span = deadline.renewalYears ? years(deadline.renewalYears, locale) : null;
  if (deadline.kind === 'notice') {
    const renews = deadline.renewsOn ? longDate(deadline.renewsOn, locale) : '';
    return locale === 'pl'
      ? `Czy wypowiedzieć umowę? Bez wypowiedzenia do tego dnia przedłuży się ${renews}${span ? ` na kolejne ${span}` : ''}.`
      : `Give notice? Without notice by this day it renews on ${renews}${span ? ` for another ${span}` : ''}.`;
  }
  if (deadline.kind === 'renewal')
    return locale === 'pl'
      ? `Umowa przedłuża się automatycznie${span ? ` na ${span}` : ''}, chyba że wypowiedziano ją w terminie.`
      : `The agreement renews automatically${span ? ` for ${span}` : ''} unless notice was given in time.`;
  return locale === 'pl'
    ? 'Czy przedłużyć współpracę nowym dokumentem? Tego dnia dokument wygasa.'
    : 'Continue the cooperation with a new document? The document ends on this day.';
}
