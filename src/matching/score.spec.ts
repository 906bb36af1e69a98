import { reasons, score, WEIGHTS, type MatchFactors, type ReasonVocabulary } from './score';
import {
  areaName,
  countryName,
  languageName,
  orgTypeName,
  partnerRoleObject,
  schoolLevelName,
  subjectName,
} from '../common/vocabulary-labels';

const none: MatchFactors = {
  inTargetCity: false,
  inTargetCountry: false,
  tier: null,
  cityName: null,
  place: { city: null, country: null, targetsSeeker: false },
  soughtType: null,
  school: { sharedLevels: [], sharedAges: null, sharedSubjects: [] },
  role: null,
  programme: null,
  network: null,
  sharedAreas: [],
  sharedLanguages: [],
  active: false,
  boost: 0,
};
const nuremberg = { pl: 'Norymberga', en: 'Nuremberg' };
const vocabulary: ReasonVocabulary = {
  area: areaName,
  language: languageName,
  orgType: orgTypeName,
  country: countryName,
  schoolLevel: schoolLevelName,
  subject: subjectName,
  partnerRole: partnerRoleObject,
  homeCity: { en: 'Kraków', plGenitive: 'Krakowa', plLocative: 'Krakowie' },
};

describe('the matching score', () => {
  it('is zero with nothing in common', () => {
    expect(score(none)).toBe(0);
  });

  it('counts a target city above a target country, not both', () => {
    expect(score({ ...none, inTargetCity: true })).toBe(WEIGHTS.targetCity);
    expect(score({ ...none, inTargetCountry: true })).toBe(WEIGHTS.targetCountry);
    expect(score({ ...none, inTargetCity: true, inTargetCountry: true })).toBe(WEIGHTS.targetCity);
  });

  it('ranks twin cities above honorary twins above partners above informal ties', () => {
    const tiers = (['twin', 'honorary_twin', 'partner', 'informal'] as const).map((tier) => score({ ...none, tier }));
    expect(tiers).toEqual([...tiers].sort((a, b) => b - a));
    expect(new Set(tiers).size).toBe(4);
    expect(score({ ...none, tier: 'home' })).toBe(WEIGHTS.tier.home);
  });

  it('counts a sought organisation type above everything else together', () => {
    expect(score({ ...none, soughtType: 'school' })).toBe(WEIGHTS.soughtType);
    const everythingElse: MatchFactors = {
      ...none,
      inTargetCity: true,
      tier: 'twin',
      school: {
        sharedLevels: ['primary'],
        sharedAges: { min: 10, max: 12 },
        sharedSubjects: ['arts', 'music', 'history', 'ict'],
      },
      role: 'lead_partner',
      programme: { name: 'Erasmus+', kind: 'experience' },
      network: { name: { pl: 'Hanza', en: 'Hanse' }, via: nuremberg },
      sharedAreas: ['a', 'b', 'c', 'd'],
      sharedLanguages: ['de', 'en', 'fr'],
      active: true,
      boost: 20,
    };
    expect(score({ ...none, soughtType: 'school' })).toBeGreaterThan(score(everythingElse));
  });

  it('counts a school seeking a school by level, pupils’ ages and subjects', () => {
    const school = (s: Partial<MatchFactors['school']>) =>
      score({ ...none, school: { sharedLevels: [], sharedAges: null, sharedSubjects: [], ...s } });
    expect(school({ sharedLevels: ['secondary'] })).toBe(WEIGHTS.schoolLevel);
    expect(school({ sharedAges: { min: 12, max: 15 } })).toBe(WEIGHTS.pupilAges);
    expect(school({ sharedSubjects: ['arts', 'music'] })).toBe(2 * WEIGHTS.perSubject);
    expect(school({ sharedSubjects: ['arts', 'music', 'history', 'ict'] })).toBe(WEIGHTS.maxSubjects);
  });

  it('counts the role sought, the funding programme and a shared city network', () => {
    expect(score({ ...none, role: 'lead_partner' })).toBe(WEIGHTS.role);
    expect(score({ ...none, programme: { name: 'Erasmus+', kind: 'same' } })).toBe(WEIGHTS.programme);
    expect(score({ ...none, network: { name: { pl: 'Hanza', en: 'Hanse' }, via: nuremberg } })).toBe(WEIGHTS.network);
  });

  it('counts shared areas and languages, up to a cap', () => {
    expect(score({ ...none, sharedAreas: ['education'] })).toBe(5);
    expect(score({ ...none, sharedAreas: ['a', 'b', 'c', 'd', 'e'] })).toBe(WEIGHTS.maxAreas);
    expect(score({ ...none, sharedLanguages: ['de'] })).toBe(5);
    expect(score({ ...none, sharedLanguages: ['de', 'en', 'pl'] })).toBe(WEIGHTS.maxLanguages);
  });

  it('counts recent activity and the city boost (clamped to 0..20)', () => {
    expect(score({ ...none, active: true })).toBe(WEIGHTS.active);
    expect(score({ ...none, boost: 12 })).toBe(12);
    expect(score({ ...none, boost: 99 })).toBe(WEIGHTS.maxBoost);
    expect(score({ ...none, boost: -5 })).toBe(0);
  });

  it('adds the factors up', () => {
    const f: MatchFactors = {
      ...none,
      inTargetCity: true,
      tier: 'twin',
      cityName: nuremberg,
      soughtType: 'school',
      sharedAreas: ['education', 'youth'],
      sharedLanguages: ['de'],
      active: true,
    };
    expect(score(f)).toBe(40 + 15 + WEIGHTS.soughtType + 10 + 5 + 5);
  });
});

describe('the reasons of a match', () => {
  const f: MatchFactors = {
    ...none,
    inTargetCity: true,
    tier: 'twin',
    cityName: nuremberg,
    place: { city: nuremberg, country: 'DE', targetsSeeker: false },
    soughtType: 'school',
    sharedAreas: ['education', 'youth'],
    sharedLanguages: ['de'],
    active: true,
    boost: 10,
  };

  it('speaks English', () => {
    expect(reasons(f, 'school', 'en', vocabulary).map((r) => r.text)).toEqual([
      'in a target city: Nuremberg',
      'school seeking a school',
      "Kraków's twin city",
      'the city wants to revive its partnership with Nuremberg',
      'shares education and youth',
      'both work in German',
      'active this month',
    ]);
  });

  it('speaks Polish', () => {
    expect(reasons(f, 'school', 'pl', vocabulary).map((r) => r.text)).toEqual([
      'w docelowym mieście: Norymberga',
      'szkoła szuka partnera typu: szkoła',
      'miasto bliźniacze Krakowa',
      'miasto chce ożywić współpracę z miastem Norymberga',
      'wspólne dziedziny: edukacja i młodzież',
      'obie organizacje pracują w językach: niemiecki',
      'aktywna w tym miesiącu',
    ]);
  });

  it('names the place that matched: where the seeker looks, or the seeker’s own place a candidate looks for', () => {
    const zagreb = { pl: 'Zagrzeb', en: 'Zagreb' };
    const krakow = { pl: 'Kraków', en: 'Kraków' };
    const text = (factors: MatchFactors, locale: 'pl' | 'en') => reasons(factors, null, locale, vocabulary)[0].text;
    const targetsKrakow: MatchFactors = {
      ...none,
      inTargetCity: true,
      cityName: zagreb,
      place: { city: krakow, country: 'PL', targetsSeeker: true },
    };
    expect(text(targetsKrakow, 'en')).toBe('looking for partners in Kraków');
    expect(text(targetsKrakow, 'pl')).toBe('szuka partnerów w mieście Kraków');
    const inCroatia: MatchFactors = {
      ...none,
      inTargetCountry: true,
      cityName: zagreb,
      place: { city: zagreb, country: 'HR', targetsSeeker: false },
    };
    expect(text(inCroatia, 'en')).toBe('in a target country: Croatia');
    expect(text(inCroatia, 'pl')).toBe('w docelowym kraju: Chorwacja');
    const targetsPoland: MatchFactors = {
      ...none,
      inTargetCountry: true,
      cityName: zagreb,
      place: { city: krakow, country: 'PL', targetsSeeker: true },
    };
    expect(text(targetsPoland, 'en')).toBe('looking for partners in Poland');
    expect(text(targetsPoland, 'pl')).toBe('szuka partnerów w kraju: Polska');
  });

  it('never names a place twice, and reads naturally for schools, roles and programmes', () => {
    const nurembergSchool: MatchFactors = {
      ...f,
      school: { sharedLevels: ['primary', 'secondary'], sharedAges: { min: 12, max: 15 }, sharedSubjects: ['history'] },
      role: 'lead_partner',
      programme: { name: 'Erasmus+', kind: 'experience' },
    };
    const en = reasons(nurembergSchool, 'school', 'en', vocabulary).map((r) => r.text);
    expect(en).toEqual(
      expect.arrayContaining([
        'the same level: primary and secondary',
        'pupils of the same age (12–15)',
        'subjects in common: history',
        'ready to be the lead partner',
        'has worked with Erasmus+',
      ]),
    );
    const pl = reasons(nurembergSchool, 'school', 'pl', vocabulary).map((r) => r.text);
    expect(pl).toEqual(
      expect.arrayContaining([
        'ten sam poziom nauczania: podstawowy i średni',
        'uczniowie w tym samym wieku (12–15 lat)',
        'wspólne przedmioty: historia',
        'może być partnerem wiodącym',
        'doświadczenie w programie Erasmus+',
      ]),
    );
    for (const texts of [en, pl]) expect(texts.filter((t) => /Nuremberg|Norymberga/.test(t))).toHaveLength(2); // place and boost
    // A target city that is the home city is named once, not again as "in Kraków".
    const krakow = { pl: 'Kraków', en: 'Kraków' };
    const inKrakow: MatchFactors = {
      ...none,
      inTargetCity: true,
      tier: 'home',
      cityName: krakow,
      place: { city: krakow, country: 'PL', targetsSeeker: false },
    };
    expect(reasons(inKrakow, null, 'en', vocabulary).map((r) => r.text)).toEqual(['in a target city: Kraków']);
    expect(reasons(inKrakow, null, 'pl', vocabulary).map((r) => r.text)).toEqual(['w docelowym mieście: Kraków']);
  });

  it('names a city network shared with a target city, in the reader’s language', () => {
    const budapest = { pl: 'Budapeszt', en: 'Budapest' };
    const network = {
      name: { pl: 'Organizacja Miast Dziedzictwa Światowego', en: 'Organization of World Heritage Cities' },
      via: budapest,
    };
    expect(reasons({ ...none, network }, null, 'en', vocabulary)).toEqual([
      { code: 'city_network', text: 'in the Organization of World Heritage Cities network, like Budapest' },
    ]);
    expect(reasons({ ...none, network }, null, 'pl', vocabulary)).toEqual([
      { code: 'city_network', text: 'w sieci Organizacja Miast Dziedzictwa Światowego, tak jak Budapeszt' },
    ]);
  });

  it('gives each reason a stable code', () => {
    expect(reasons(f, 'school', 'en', vocabulary).map((r) => r.code)).toEqual([
      'target_city',
      'sought_type',
      'city_tier',
      'city_boost',
      'shared_areas',
      'shared_languages',
      'active',
    ]);
    expect(reasons({ ...none, tier: 'home' }, null, 'en', vocabulary)).toEqual([
      { code: 'city_tier', text: 'in Kraków' },
    ]);
    expect(reasons({ ...none, tier: 'home' }, null, 'pl', vocabulary)).toEqual([
      { code: 'city_tier', text: 'w Krakowie' },
    ]);
  });
});
