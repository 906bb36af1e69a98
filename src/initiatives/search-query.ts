/**
 * Turns what a person typed into a prefix tsquery: every word must match, each as a prefix
 * ("wspolp" finds "współpraca"), case and diacritics folded as in the stored search vector.
 * Punctuation and tsquery operators are dropped, so no input can break the query.
 */
export function toPrefixQuery(text: string | undefined): string | null {
  if (!text) return null;
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '') // diacritics, as unaccent does
    .toLowerCase()
    .replace(/ł/g, 'l')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 12);
  if (!words.length) return null;
  return words.map((word) => `${word}:*`).join(' & ');
}
