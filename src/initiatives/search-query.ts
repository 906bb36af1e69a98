/**
 * Turns what a person typed into the words of a search: case and diacritics folded as in the
 * stored search vector ("Współpraca" -> "wspolpraca"), punctuation and tsquery operators dropped,
 * so no input can break the query; at most 12 words. Every word is matched as a prefix, for
 * type-ahead ("wspolp" finds "współpraca").
 */
export function toSearchWords(text: string | undefined): string[] | null {
  if (!text) return null;
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '') // diacritics, as unaccent does
    .toLowerCase()
    .replace(/ł/g, 'l')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 12);
  return words.length ? words : null;
}

/**
 * The same words as one prefix tsquery ("wspolpraca:* & krakow:*"), for what tests one initiative
 * at a time (saved searches against a newly published initiative). The search over all initiatives
 * expands the prefixes into known words in SQL instead (search_words_query(), migration SearchWords).
 */
export function toPrefixQuery(text: string | undefined): string | null {
  return (
    toSearchWords(text)
      ?.map((word) => `${word}:*`)
      .join(' & ') ?? null
  );
}
