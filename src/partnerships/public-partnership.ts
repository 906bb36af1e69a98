/**
 * THE rule that makes a partnership public, as one SQL expression over the partnership row `alias`:
 * every participating organisation agreed to show it (each of its partnership_members rows has
 * public_consent). A partnership without members is not public (bool_and of no rows is NULL). Every
 * public output that names a partnership uses it: the partnership's own page and lists, the open
 * data, the forum outcomes, the city and goal pages. Counts may count every partnership; nothing
 * public names one this expression does not admit.
 */
export function publicPartnershipSql(alias: string): string {
  return `((SELECT bool_and(consent.public_consent) FROM partnership_members consent WHERE consent.partnership_id = ${alias}.id) IS TRUE)`;
}
