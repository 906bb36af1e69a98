/**
 * The matching score: one function, used twice. The SQL of MatchingRepository computes the same
 * factors and orders by the same weighted sum (the weights are passed to it from here), and this
 * function turns a row's factors into its score and its reasons. Unit tests cover each factor.
 *
 * Factors, for a candidate organisation (or the organisation behind a candidate initiative):
 *   place     in a target city 40, else in a target country 30, else none
 *   tier      its city's relationship with the home city: twin 15, honorary twin 12, partner 8,
 *             informal 4; the home city itself 15 when the seeker is abroad (a Kraków partner)
 *   type      of a sought organisation type 25 ("school seeking a school")
 *   areas     5 per shared cooperation area, at most 15
 *   languages 5 per shared working language, at most 10
 *   active    active in the last 30 days 5
 *   boost     the city's own assessment: staff boost partnerships they want to revive, 0 to 20
 * Equal scores are ordered by name, then id, so the order is stable.
 */
export const WEIGHTS = {
  targetCity: 40,
  targetCountry: 30,
  tier: { twin: 15, honorary_twin: 12, partner: 8, informal: 4, home: 15 },
  soughtType: 25,
  perArea: 5,
  maxAreas: 15,
  perLanguage: 5,
  maxLanguages: 10,
  active: 5,
  maxBoost: 20,
} as const;

export type Tier = keyof typeof WEIGHTS.tier;

export interface MatchFactors {
  inTargetCity: boolean;
  inTargetCountry: boolean;
  /** The tier of the candidate's city (null: a city outside the registry). */
  tier: Tier | null;
  /** The candidate's city, for the reasons. */
  cityName: { pl: string; en: string } | null;
  /**
   * The place behind inTargetCity or inTargetCountry: the candidate's (it is where the seeker looks
   * for partners), or the seeker's own (`targetsSeeker`: the candidate initiative looks for partners
   * where the seeker is).
   */
  place: { city: { pl: string; en: string } | null; country: string | null; targetsSeeker: boolean };
  soughtType: string | null;
  sharedAreas: string[];
  sharedLanguages: string[];
  active: boolean;
  boost: number;
}

export type ReasonCode =
  | 'target_city'
  | 'target_country'
  | 'city_tier'
  | 'sought_type'
  | 'shared_areas'
  | 'shared_languages'
  | 'active'
  | 'city_boost';

export interface Reason {
  code: ReasonCode;
  text: string;
}

export type Locale = 'pl' | 'en';

/** Names of vocabulary keys in both languages, for the reasons (the client has the full catalogs). */
export interface ReasonVocabulary {
  area(key: string, locale: Locale): string;
  language(code: string, locale: Locale): string;
  orgType(key: string, locale: Locale, plural?: boolean): string;
  country(code: string, locale: Locale): string;
  /** The home city in English and in the Polish genitive and locative ("Krakowa", "Krakowie"). */
  homeCity: { en: string; plGenitive: string; plLocative: string };
}

export function score(f: MatchFactors): number {
  return (
    (f.inTargetCity ? WEIGHTS.targetCity : f.inTargetCountry ? WEIGHTS.targetCountry : 0) +
    (f.tier ? WEIGHTS.tier[f.tier] : 0) +
    (f.soughtType ? WEIGHTS.soughtType : 0) +
    Math.min(f.sharedAreas.length * WEIGHTS.perArea, WEIGHTS.maxAreas) +
    Math.min(f.sharedLanguages.length * WEIGHTS.perLanguage, WEIGHTS.maxLanguages) +
    (f.active ? WEIGHTS.active : 0) +
    Math.max(0, Math.min(f.boost, WEIGHTS.maxBoost))
  );
}

const TIER_TEXT: Record<
  Exclude<Tier, 'home'>,
  { pl: (city: string, homeGenitive: string) => string; en: (city: string, home: string) => string }
> = {
  twin: { pl: (c, h) => `${c} to miasto bliźniacze ${h}`, en: (c, h) => `${c} is ${h}'s twin city` },
  honorary_twin: {
    pl: (c, h) => `${c} to honorowe miasto bliźniacze ${h}`,
    en: (c, h) => `${c} is ${h}'s honorary twin city`,
  },
  partner: { pl: (c, h) => `${c} to miasto partnerskie ${h}`, en: (c, h) => `${c} is ${h}'s partner city` },
  informal: {
    pl: (c, h) => `${c} współpracuje z władzami ${h} bez umowy`,
    en: (c, h) => `${c} cooperates with ${h} without an agreement`,
  },
};

function list(items: string[], locale: Locale): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${locale === 'pl' ? 'i' : 'and'} ${items[items.length - 1]}`;
}

/** Why it matched, in the viewer's language, strongest reasons first. */
export function reasons(
  f: MatchFactors,
  seekerType: string | null,
  locale: Locale,
  vocabulary: ReasonVocabulary,
): Reason[] {
  const out: Reason[] = [];
  const city = f.cityName?.[locale] ?? '';
  const pl = locale === 'pl';
  if (f.inTargetCity) {
    const place = f.place.city?.[locale] ?? '';
    out.push({
      code: 'target_city',
      text: f.place.targetsSeeker
        ? pl
          ? `szuka partnerów w mieście ${place}`
          : `looking for partners in ${place}`
        : pl
          ? `w docelowym mieście: ${place}`
          : `in a target city: ${place}`,
    });
  } else if (f.inTargetCountry) {
    const place = f.place.country ? vocabulary.country(f.place.country, locale) : '';
    out.push({
      code: 'target_country',
      text: f.place.targetsSeeker
        ? pl
          ? `szuka partnerów w kraju: ${place}`
          : `looking for partners in ${place}`
        : pl
          ? `w docelowym kraju: ${place}`
          : `in a target country: ${place}`,
    });
  }
  if (f.soughtType) {
    const sought = vocabulary.orgType(f.soughtType, locale);
    const seeker = seekerType ? vocabulary.orgType(seekerType, locale) : '';
    out.push({
      code: 'sought_type',
      text: seeker
        ? locale === 'pl'
          ? `${seeker} szuka partnera typu: ${sought}`
          : `${seeker} seeking a ${sought}`
        : locale === 'pl'
          ? `poszukiwany partner: ${sought}`
          : `a sought type: ${sought}`,
    });
  }
  const home = locale === 'pl' ? vocabulary.homeCity.plGenitive : vocabulary.homeCity.en;
  if (f.tier && f.tier !== 'home' && city) out.push({ code: 'city_tier', text: TIER_TEXT[f.tier][locale](city, home) });
  if (f.tier === 'home')
    out.push({
      code: 'city_tier',
      text: locale === 'pl' ? `w ${vocabulary.homeCity.plLocative}` : `in ${vocabulary.homeCity.en}`,
    });
  if (f.boost > 0 && city)
    out.push({
      code: 'city_boost',
      text:
        locale === 'pl'
          ? `miasto chce ożywić współpracę z miastem ${city}`
          : `the city wants to revive its partnership with ${city}`,
    });
  if (f.sharedAreas.length)
    out.push({
      code: 'shared_areas',
      text: `${locale === 'pl' ? 'wspólne dziedziny' : 'shares'} ${list(
        f.sharedAreas.map((a) => vocabulary.area(a, locale)),
        locale,
      )}`,
    });
  if (f.sharedLanguages.length)
    out.push({
      code: 'shared_languages',
      text: `${locale === 'pl' ? 'oboje pracują w językach:' : 'both work in'} ${list(
        f.sharedLanguages.map((l) => vocabulary.language(l, locale)),
        locale,
      )}`,
    });
  if (f.active) out.push({ code: 'active', text: locale === 'pl' ? 'aktywna w tym miesiącu' : 'active this month' });
  return out;
}
