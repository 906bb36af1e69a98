/** Vocabulary of the partner-city registry. The values are the keys of the reference data. */
export const RELATIONSHIPS = ['twin', 'honorary_twin', 'partner', 'informal'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** The city's own assessment of how alive a relationship is. */
/** `dormant`: staff confirmed, from the platform's evidence, that the partnership went quiet (src/dormancy). */
export const CITY_STATUSES = ['active', 'developing', 'limited', 'inactive', 'dormant'] as const;
export type CityStatus = (typeof CITY_STATUSES)[number];

export const DOCUMENT_KINDS = [
  'twin_city_agreement',
  'partnership_agreement',
  'honorary_twin_title',
  'sectoral_agreement',
  'cooperation_agreement',
  'framework_agreement',
  'joint_statement',
  'declaration',
  'protocol',
  'letter_of_intent',
  'programme',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** open_ended: no end; fixed: ends after term; fixed_auto_renew: renewed unless notice is given. */
export const DOCUMENT_TERMS = ['open_ended', 'fixed', 'fixed_auto_renew'] as const;
export type DocumentTerm = (typeof DOCUMENT_TERMS)[number];

/** How much of a signing date the source gives: "1998", "2003-06" or "1973-07-18". */
export const DATE_PRECISIONS = ['year', 'month', 'day'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const GOAL_SCOPES = ['thematic', 'geographic'] as const;
export type GoalScope = (typeof GOAL_SCOPES)[number];
