import { toPrefixQuery } from './search-query';

describe('toPrefixQuery', () => {
  it('folds case and diacritics and matches prefixes of every word', () => {
    expect(toPrefixQuery('Współpraca Kraków')).toBe('wspolpraca:* & krakow:*');
    expect(toPrefixQuery('  Łódź   ')).toBe('lodz:*');
  });

  it('drops punctuation and tsquery operators', () => {
    expect(toPrefixQuery("a & b | !c:* (d) 'e'")).toBe('a:* & b:* & c:* & d:* & e:*');
    expect(toPrefixQuery('!!! ??? &&&')).toBeNull();
    expect(toPrefixQuery('')).toBeNull();
    expect(toPrefixQuery(undefined)).toBeNull();
  });

  it('keeps at most 12 words', () => {
    expect(toPrefixQuery(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '))!.split(' & ')).toHaveLength(12);
  });
});
