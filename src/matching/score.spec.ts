import { reasons, score, WEIGHTS, type MatchFactors, type ReasonVocabulary } from './score';
import { areaName, countryName, languageName, orgTypeName } from '../common/vocabulary-labels';

const none: MatchFactors = {
  inTargetCity: false,
  inTargetCountry: false,
  tier: null,
  cityName: null,
  place: { city: null, country: null, targetsSeeker: false },
  soughtType: null,
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

  it('counts a sought organisation type', () => {
    expect(score({ ...none, soughtType: 'school' })).toBe(WEIGHTS.soughtType);
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
    expect(score(f)).toBe(40 + 15 + 25 + 10 + 5 + 5);
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
      "Nuremberg is Kraków's twin city",
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
      'Norymberga to miasto bliźniacze Krakowa',
      'miasto chce ożywić współpracę z miastem Norymberga',
      'wspólne dziedziny edukacja i młodzież',
      'oboje pracują w językach: niemiecki',
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
