import { toPrefixQuery, toSearchWords } from './search-query';

describe('toSearchWords', () => {
  it('folds case and diacritics', () => {
    expect(toSearchWords('Współpraca Kraków')).toEqual(['wspolpraca', 'krakow']);
    expect(toSearchWords('  Łódź   ')).toEqual(['lodz']);
  });

  it('drops punctuation and tsquery operators', () => {
    expect(toSearchWords("a & b | !c:* (d) 'e'")).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(toSearchWords('!!! ??? &&&')).toBeNull();
    expect(toSearchWords('')).toBeNull();
    expect(toSearchWords(undefined)).toBeNull();
  });

  it('keeps at most 12 words', () => {
    expect(toSearchWords(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '))).toHaveLength(12);
  });
});

describe('toPrefixQuery', () => {
  it('matches a prefix of every word', () => {
    expect(toPrefixQuery('Współpraca Kraków')).toBe('wspolpraca:* & krakow:*');
    expect(toPrefixQuery('a & b | !c:*')).toBe('a:* & b:* & c:*');
    expect(toPrefixQuery('!!!')).toBeNull();
  });
});
