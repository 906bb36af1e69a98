/**
 * Names of the reference vocabularies in Polish and English, for texts the server writes (reasons
 * of matches, e-mails). Unknown keys (another city's vocabulary) fall back to the key itself.
 */
const AREAS: Record<string, [pl: string, en: string]> = {
  culture: ['kultura', 'culture'],
  education: ['edukacja', 'education'],
  science: ['nauka', 'science'],
  youth: ['młodzież', 'youth'],
  sport: ['sport', 'sport'],
  social: ['sprawy społeczne', 'social affairs'],
  health: ['zdrowie', 'health'],
  tourism: ['turystyka', 'tourism'],
  economy: ['gospodarka', 'economy'],
  promotion: ['promocja', 'promotion'],
  environment: ['środowisko', 'environment'],
  heritage: ['dziedzictwo', 'heritage'],
  governance: ['zarządzanie miastem', 'governance'],
  transport: ['transport', 'transport'],
  municipal: ['usługi komunalne', 'municipal services'],
  safety: ['bezpieczeństwo', 'safety'],
  eu_funds: ['fundusze UE', 'EU funds'],
  diaspora: ['Polonia', 'diaspora'],
  disability: ['niepełnosprawność', 'disability'],
  seniors: ['seniorzy', 'seniors'],
  housing: ['mieszkalnictwo', 'housing'],
  urban_planning: ['planowanie przestrzenne', 'urban planning'],
  media: ['media', 'media'],
};

const ORG_TYPES: Record<string, [pl: string, en: string]> = {
  business: ['firma', 'business'],
  chamber: ['izba gospodarcza', 'chamber of commerce'],
  city_unit: ['jednostka miejska', 'city unit'],
  consulate: ['konsulat', 'consulate'],
  cultural_institution: ['instytucja kultury', 'cultural institution'],
  diaspora_organisation: ['organizacja polonijna', 'diaspora organisation'],
  district: ['dzielnica', 'city district'],
  foreign_city_hall: ['urząd miasta partnerskiego', 'partner city hall'],
  health_institution: ['placówka zdrowia', 'health institution'],
  ngo: ['organizacja pozarządowa', 'NGO'],
  school: ['szkoła', 'school'],
  university: ['uczelnia', 'university'],
  youth_centre: ['ośrodek młodzieżowy', 'youth centre'],
};

export type Locale = 'pl' | 'en';

export function areaName(key: string, locale: Locale): string {
  return AREAS[key]?.[locale === 'pl' ? 0 : 1] ?? key;
}

export function orgTypeName(key: string, locale: Locale): string {
  return ORG_TYPES[key]?.[locale === 'pl' ? 0 : 1] ?? key;
}

const languageNames = {
  pl: new Intl.DisplayNames(['pl'], { type: 'language' }),
  en: new Intl.DisplayNames(['en'], { type: 'language' }),
};

/** "niemiecki" / "German", from the runtime's ICU data. */
export function languageName(code: string, locale: Locale): string {
  try {
    return languageNames[locale].of(code) ?? code;
  } catch {
    return code;
  }
}

const countryNames = {
  pl: new Intl.DisplayNames(['pl'], { type: 'region' }),
  en: new Intl.DisplayNames(['en'], { type: 'region' }),
};

/** "Chorwacja" / "Croatia" for an ISO 3166 code, from the runtime's ICU data. */
export function countryName(code: string, locale: Locale): string {
  try {
    return countryNames[locale].of(code.trim().toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** A school's levels (SCHOOL_LEVELS), as in "the same level: secondary" / "ten sam poziom nauczania: średni". */
const SCHOOL_LEVEL_NAMES: Record<string, [pl: string, en: string]> = {
  primary: ['podstawowy', 'primary'],
  secondary: ['średni', 'secondary'],
  vocational: ['zawodowy', 'vocational'],
  higher: ['wyższy', 'higher'],
};

const SUBJECT_NAMES: Record<string, [pl: string, en: string]> = {
  languages: ['języki obce', 'foreign languages'],
  mathematics: ['matematyka', 'mathematics'],
  science: ['przyroda i nauki ścisłe', 'science'],
  history: ['historia', 'history'],
  arts: ['plastyka', 'art'],
  music: ['muzyka', 'music'],
  sport: ['wychowanie fizyczne', 'physical education'],
  ict: ['informatyka', 'computing'],
  environment: ['ekologia', 'environment'],
  tourism: ['turystyka', 'tourism'],
  special_needs: ['edukacja specjalna', 'special needs education'],
};

/** As the object of "może być" (instrumental) / "ready to be". */
const PARTNER_ROLE_OBJECTS: Record<string, [pl: string, en: string]> = {
  lead_partner: ['partnerem wiodącym', 'the lead partner'],
  partner: ['partnerem projektu', 'a project partner'],
  associate: ['partnerem stowarzyszonym', 'an associated partner'],
};

export function schoolLevelName(key: string, locale: Locale): string {
  return SCHOOL_LEVEL_NAMES[key]?.[locale === 'pl' ? 0 : 1] ?? key;
}

export function subjectName(key: string, locale: Locale): string {
  return SUBJECT_NAMES[key]?.[locale === 'pl' ? 0 : 1] ?? key;
}

export function partnerRoleObject(key: string, locale: Locale): string {
  return PARTNER_ROLE_OBJECTS[key]?.[locale === 'pl' ? 0 : 1] ?? key;
}
