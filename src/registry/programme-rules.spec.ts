import { brokenRules, newlyBrokenRules, PROGRAMME_RULES, type RuleSubject } from './programme-rules';

const city = (overrides: Partial<RuleSubject> = {}): RuleSubject => ({
  key: 'frankfurt',
  country: 'DE',
  relationship: 'partner',
  inEurope: true,
  documentKinds: ['partnership_agreement'],
  sameCountry: [
    { key: 'nuremberg', relationship: 'twin' },
    { key: 'leipzig', relationship: 'partner' },
  ],
  ...overrides,
});
const names = (subject: RuleSubject) => brokenRules(subject).map((rule) => rule.name);

describe('the programme rules', () => {
  it('each has a name, a message in Polish and English and a source', () => {
    for (const rule of PROGRAMME_RULES) {
      expect(rule.name).toMatch(/^[a-z_]+$/);
      expect(rule.message.pl.length).toBeGreaterThan(20);
      expect(rule.message.en.length).toBeGreaterThan(20);
      expect(rule.source).not.toBe('');
    }
    expect(new Set(PROGRAMME_RULES.map((rule) => rule.name)).size).toBe(PROGRAMME_RULES.length);
  });

  it('lets a partner city with a partnership agreement be', () => {
    expect(names(city())).toEqual([]);
  });

  it('allows one twin city per country: a second twin in Germany is a conflict', () => {
    const second = city({ relationship: 'twin', documentKinds: ['twin_city_agreement'] });
    expect(names(second)).toEqual(['one_twin_city_per_country']);
    expect(brokenRules(second)[0].status).toBe(409);
    expect(names({ ...second, sameCountry: [{ key: 'leipzig', relationship: 'partner' }] })).toEqual([]);
  });

  it('gives the honorary title only to cities outside Europe', () => {
    const inEurope = city({ relationship: 'honorary_twin', documentKinds: ['honorary_twin_title'] });
    expect(names(inEurope)).toEqual(['honorary_title_outside_europe']);
    expect(names({ ...inEurope, inEurope: false, country: 'BR', sameCountry: [] })).toEqual([]);
  });

  it('ties the tier to the documents that make it', () => {
    expect(names(city({ documentKinds: ['twin_city_agreement'] }))).toEqual(['twin_agreement_only_with_twin_city']);
    expect(names(city({ inEurope: false, documentKinds: ['honorary_twin_title'] }))).toEqual([
      'honorary_title_only_for_honorary_twin',
    ]);
  });

  it('keeps informal cooperation to working documents the Mayor signs', () => {
    expect(names(city({ relationship: 'informal', documentKinds: ['declaration', 'protocol'] }))).toEqual([]);
    expect(names(city({ relationship: 'informal', documentKinds: ['declaration', 'sectoral_agreement'] }))).toEqual([
      'informal_cooperation_without_agreements',
    ]);
  });

  it('reports only what a write newly breaks, so an old record can still be corrected', () => {
    const moscow = city({
      key: 'moscow',
      country: 'RU',
      relationship: 'informal',
      documentKinds: ['sectoral_agreement'],
      sameCountry: [],
    });
    expect(newlyBrokenRules(moscow, { ...moscow, documentKinds: ['sectoral_agreement', 'protocol'] })).toEqual([]);
    expect(newlyBrokenRules(null, moscow).map((rule) => rule.name)).toEqual([
      'informal_cooperation_without_agreements',
    ]);
    expect(
      newlyBrokenRules(moscow, { ...moscow, inEurope: true, relationship: 'honorary_twin', documentKinds: [] }).map(
        (rule) => rule.name,
      ),
    ).toEqual(['honorary_title_outside_europe']);
  });
});
