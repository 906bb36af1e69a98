import type { DocumentKind, Relationship } from './registry.constants';

/**
 * The rules of the city's own documents about partner cities, in one place. Each is checked by the
 * registry service on every create and edit of a city or a document; staff may go against one only
 * with a written justification, which the audit log and the city's history keep.
 *
 * Sources (Polish, ../shared/seeds): the City Council's "forms and tools" of international
 * cooperation (001) and the International Cooperation Programme 2006-2008 (003, section 1).
 */

/** What the rules look at: a partner city as it would be after the write, and its neighbours. */
export interface RuleSubject {
  key: string;
  country: string;
  relationship: Relationship | null;
  inEurope: boolean;
  documentKinds: DocumentKind[];
  /** The other partner cities of the same country. */
  sameCountry: { key: string; relationship: Relationship | null }[];
}

export interface ProgrammeRule {
  /** Stable name, sent in errors and kept in the history and the audit log. */
  name: string;
  /** 409 when the record clashes with another one, 422 when the record itself breaks the rule. */
  status: 409 | 422;
  message: { pl: string; en: string };
  /** The document the rule comes from. */
  source: string;
  broken(subject: RuleSubject): boolean;
}

/** Documents the Mayor may sign without the City Council (informal cooperation's working documents). */
export const WORKING_DOCUMENT_KINDS: readonly DocumentKind[] = [
  'joint_statement',
  'declaration',
  'protocol',
  'letter_of_intent',
  'programme',
];

/** The least length of a justification for going against a rule. */
export const OVERRIDE_JUSTIFICATION_MIN_LENGTH = 20;

export const PROGRAMME_RULES: readonly ProgrammeRule[] = [
  {
    name: 'one_twin_city_per_country',
    status: 409,
    message: {
      pl: 'Umowę na zasadzie miast bliźniaczych zawiera się przeważnie tylko z jednym miastem w danym kraju, a ten kraj ma już miasto bliźniacze.',
      en: 'A twin-city agreement is concluded with only one city per country, and this country already has a twin city.',
    },
    source: 'Formy i narzędzia współpracy międzynarodowej (Rada Miasta Krakowa); Program 2006-2008, rozdz. 1',
    broken: (city) => city.relationship === 'twin' && city.sameCountry.some((other) => other.relationship === 'twin'),
  },
  {
    name: 'honorary_title_outside_europe',
    status: 422,
    message: {
      pl: 'Honorowy tytuł Miasta Bliźniaczego Krakowa Rada Miasta może przyznać tylko miastom spoza kontynentu europejskiego.',
      en: 'The City Council may grant the Honorary Twin City of Kraków title only to cities outside the European continent.',
    },
    source: 'Formy i narzędzia współpracy międzynarodowej (Rada Miasta Krakowa)',
    broken: (city) =>
      city.inEurope && (city.relationship === 'honorary_twin' || city.documentKinds.includes('honorary_twin_title')),
  },
  {
    name: 'twin_agreement_only_with_twin_city',
    status: 422,
    message: {
      pl: 'Umowa na zasadzie miast bliźniaczych oznacza miasto bliźniacze: najpierw zmień poziom współpracy na „miasto bliźniacze”.',
      en: 'A twin-city agreement makes a twin city: change the tier to "twin city" first.',
    },
    source: 'Formy i narzędzia współpracy międzynarodowej (Rada Miasta Krakowa)',
    broken: (city) => city.relationship !== 'twin' && city.documentKinds.includes('twin_city_agreement'),
  },
  {
    name: 'honorary_title_only_for_honorary_twin',
    status: 422,
    message: {
      pl: 'Honorowy tytuł Miasta Bliźniaczego oznacza honorowe miasto bliźniacze: najpierw zmień poziom współpracy.',
      en: 'The Honorary Twin City title makes an honorary twin city: change the tier first.',
    },
    source: 'Formy i narzędzia współpracy międzynarodowej (Rada Miasta Krakowa)',
    broken: (city) => city.relationship !== 'honorary_twin' && city.documentKinds.includes('honorary_twin_title'),
  },
  {
    name: 'informal_cooperation_without_agreements',
    status: 422,
    message: {
      pl: 'Współpraca niesformalizowana opiera się na dokumentach roboczych podpisywanych przez Prezydenta (oświadczenia, deklaracje, protokoły, listy intencyjne, programy); zawarcie umowy należy do wyłącznej kompetencji Rady Miasta i zmienia poziom współpracy.',
      en: 'Informal cooperation rests on working documents the Mayor signs (statements, declarations, protocols, letters of intent, programmes); concluding an agreement is the City Council’s exclusive competence and changes the tier.',
    },
    source: 'Formy i narzędzia współpracy międzynarodowej (Rada Miasta Krakowa)',
    broken: (city) =>
      city.relationship === 'informal' && city.documentKinds.some((kind) => !WORKING_DOCUMENT_KINDS.includes(kind)),
  },
];

export function brokenRules(subject: RuleSubject): ProgrammeRule[] {
  return PROGRAMME_RULES.filter((rule) => rule.broken(subject));
}

/**
 * The rules a write would break that the record did not break before. A record the reference data
 * brought in already breaking a rule (Moscow, informal, holds a sectoral agreement) can still have
 * its other fields corrected without a justification.
 */
export function newlyBrokenRules(before: RuleSubject | null, after: RuleSubject): ProgrammeRule[] {
  const already = new Set(before ? brokenRules(before).map((rule) => rule.name) : []);
  return brokenRules(after).filter((rule) => !already.has(rule.name));
}
