/**
 * The matching score: one function, used twice. The SQL of MatchingRepository computes the same
 * factors and orders by the same weighted sum (the weights are passed to it from here), and this
 * function turns a row's factors into its score and its reasons. Unit tests cover each factor.
 *
 * Factors, for a candidate organisation (or the organisation behind a candidate initiative):
 *   type      of a sought organisation type 200: more than every other factor together, so that
 *             when an initiative seeks schools, no other kind of organisation ranks above a school,
 *             wherever it is (the issue's Nuremberg zoo above Kyiv's schools)
 *   place     in a target city 40, else in a target country 30, else none
 *   tier      its city's relationship with the home city: twin 15, honorary twin 12, partner 8,
 *             informal 4; the home city itself 15 when the seeker is abroad (a Kraków partner)
 *   school    a school seeking a school (both give a profile): a shared level 10, overlapping
 *             pupils' ages 10, 5 per shared subject, at most 15
 *   role      ready to take the role the initiative seeks (lead partner, partner, associate) 10
 *   programme has worked with (or, for an initiative, aims at) the funding programme the seeker
 *             aims at, while its call is open 10
 *   network   its city belongs with a target city to a city network of the home city 10
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
  soughtType: 200,
  schoolLevel: 10,
  pupilAges: 10,
  perSubject: 5,
  maxSubjects: 15,
  role: 10,
  programme: 10,
  network: 10,
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
  /** A school seeking a school: the levels, pupils' ages (the overlap) and subjects both have. */
  school: { sharedLevels: string[]; sharedAges: { min: number; max: number } | null; sharedSubjects: string[] };
  /** The role sought that the candidate is ready to take. */
  role: string | null;
  /**
   * The funding programme in common (as the seeker wrote it): the candidate has worked with it
   * (`experience`), or a candidate initiative aims at it too (`same`).
   */
  programme: { name: string; kind: 'experience' | 'same' } | null;
  /** A city network the candidate's city shares with a target city (item: multilateral projects). */
  network: { name: { pl: string; en: string }; via: { pl: string; en: string } } | null;
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
  | 'school_level'
  | 'pupil_ages'
  | 'shared_subjects'
  | 'partner_role'
  | 'funding_programme'
  | 'city_network'
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
  schoolLevel(key: string, locale: Locale): string;
  subject(key: string, locale: Locale): string;
  /** "the lead partner" / "partnerem wiodącym": as the object of "ready to be" / "może być". */
  partnerRole(key: string, locale: Locale): string;
  /** The home city in English and in the Polish genitive and locative ("Krakowa", "Krakowie"). */
  homeCity: { en: string; plGenitive: string; plLocative: string };
}

export function score(f: MatchFactors): number {
  return (
    (f.inTargetCity ? WEIGHTS.targetCity : f.inTargetCountry ? WEIGHTS.targetCountry : 0) +
    (f.tier ? WEIGHTS.tier[f.tier] : 0) +
    (f.soughtType ? WEIGHTS.soughtType : 0) +
    (f.school.sharedLevels.length ? WEIGHTS.schoolLevel : 0) +
    (f.school.sharedAges ? WEIGHTS.pupilAges : 0) +
    Math.min(f.school.sharedSubjects.length * WEIGHTS.perSubject, WEIGHTS.maxSubjects) +
    (f.role ? WEIGHTS.role : 0) +
    (f.programme ? WEIGHTS.programme : 0) +
    (f.network ? WEIGHTS.network : 0) +
    Math.min(f.sharedAreas.length * WEIGHTS.perArea, WEIGHTS.maxAreas) +
    Math.min(f.sharedLanguages.length * WEIGHTS.perLanguage, WEIGHTS.maxLanguages) +
    (f.active ? WEIGHTS.active : 0) +
    Math.max(0, Math.min(f.boost, WEIGHTS.maxBoost))
  );
}

/** The tier alone, when the reason before it already named the city ("Kraków's twin city"). */
const TIER_ONLY_TEXT: Record<
  Exclude<Tier, 'home'>,
  { pl: (homeGenitive: string) => string; en: (home: string) => string }
> = {
  twin: { pl: (h) => `miasto bliźniacze ${h}`, en: (h) => `${h}'s twin city` },
  honorary_twin: { pl: (h) => `honorowe miasto bliźniacze ${h}`, en: (h) => `${h}'s honorary twin city` },
  partner: { pl: (h) => `miasto partnerskie ${h}`, en: (h) => `${h}'s partner city` },
  informal: {
    pl: (h) => `współpracuje z władzami ${h} bez umowy`,
    en: (h) => `cooperates with ${h} without an agreement`,
  },
};

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
  if (f.school.sharedLevels.length)
    out.push({
      code: 'school_level',
      text: `${pl ? 'ten sam poziom nauczania:' : 'the same level:'} ${list(
        f.school.sharedLevels.map((level) => vocabulary.schoolLevel(level, locale)),
        locale,
      )}`,
    });
  if (f.school.sharedAges) {
    const { min, max } = f.school.sharedAges;
    const ages = min === max ? `${min}` : `${min}–${max}`;
    out.push({
      code: 'pupil_ages',
      text: pl ? `uczniowie w tym samym wieku (${ages} lat)` : `pupils of the same age (${ages})`,
    });
  }
  if (f.school.sharedSubjects.length)
    out.push({
      code: 'shared_subjects',
      text: `${pl ? 'wspólne przedmioty:' : 'subjects in common:'} ${list(
        f.school.sharedSubjects.map((subject) => vocabulary.subject(subject, locale)),
        locale,
      )}`,
    });
  if (f.role)
    out.push({
      code: 'partner_role',
      text: `${pl ? 'może być' : 'ready to be'} ${vocabulary.partnerRole(f.role, locale)}`,
    });
  if (f.programme)
    out.push({
      code: 'funding_programme',
      text:
        f.programme.kind === 'experience'
          ? pl
            ? `doświadczenie w programie ${f.programme.name}`
            : `has worked with ${f.programme.name}`
          : pl
            ? `ten sam program: ${f.programme.name}`
            : `aims at ${f.programme.name} too`,
    });
  const home = locale === 'pl' ? vocabulary.homeCity.plGenitive : vocabulary.homeCity.en;
  // The target-city reason has already named the candidate's city: the tier does not name it again.
  const cityNamed = f.inTargetCity && !f.place.targetsSeeker;
  if (f.tier && f.tier !== 'home' && city)
    out.push({
      code: 'city_tier',
      text: cityNamed ? TIER_ONLY_TEXT[f.tier][locale](home) : TIER_TEXT[f.tier][locale](city, home),
    });
  if (f.tier === 'home' && !cityNamed)
    out.push({
      code: 'city_tier',
      text: locale === 'pl' ? `w ${vocabulary.homeCity.plLocative}` : `in ${vocabulary.homeCity.en}`,
    });
  if (f.network)
    out.push({
      code: 'city_network',
      text: pl
        ? `w sieci ${f.network.name.pl}, tak jak ${f.network.via.pl}`
        : `in the ${f.network.name.en} network, like ${f.network.via.en}`,
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
      text: `${locale === 'pl' ? 'wspólne dziedziny:' : 'shares'} ${list(
        f.sharedAreas.map((a) => vocabulary.area(a, locale)),
        locale,
      )}`,
    });
  if (f.sharedLanguages.length)
    out.push({
      code: 'shared_languages',
      // Organisations: "obie organizacje" (feminine), never "oboje" (a man and a woman).
      text: `${locale === 'pl' ? 'obie organizacje pracują w językach:' : 'both work in'} ${list(
        f.sharedLanguages.map((l) => vocabulary.language(l, locale)),
        locale,
      )}`,
    });
  if (f.active) out.push({ code: 'active', text: locale === 'pl' ? 'aktywna w tym miesiącu' : 'active this month' });
  return out;
}
