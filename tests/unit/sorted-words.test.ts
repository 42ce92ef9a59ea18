import { describe, expect, it } from 'vitest';
import { inSortedWords, sortedWordsLookup } from '../../lib/worker/extract/matcher/words/sorted-words';
import { COMMON_WORDS } from '../../lib/worker/extract/matcher/words/common-words';
import { GIVEN_NAMES } from '../../lib/worker/extract/matcher/words/given-names';

const names = GIVEN_NAMES.split(' ');
const set = new Set(names);

const isGivenName = (w: string, list = GIVEN_NAMES) => inSortedWords(w, list);

describe('inSortedWords (bisection over a sorted list as written)', () => {
  it('finds every name of the list, the first and the last included', () => {
    expect(names[0] < names[1]).toBe(true);
    for (const n of names) expect(isGivenName(n), n).toBe(true);
  });

  it('answers as a Set of the names would for words that are not in it', () => {
    const others = [
      '',
      ' ',
      'a',
      'zzzz',
      'Kevin',
      'kevin beaumont',
      'kevin ',
      ' kevin',
      'lazarus',
      'ransomware',
      ...names.flatMap((n) => [n.slice(0, -1), `${n}x`, `${n} ${n}`, `a${n}`]),
    ];
    for (const w of others) expect(isGivenName(w), JSON.stringify(w)).toBe(set.has(w));
  });

  it('works on short lists, with one name and none', () => {
    expect(isGivenName('bob', 'bob')).toBe(true);
    expect(isGivenName('bo', 'bob')).toBe(false);
    expect(isGivenName('bobby', 'bob')).toBe(false);
    for (const w of ['ann', 'bob', 'cy', 'dee', 'eve']) expect(isGivenName(w, 'ann bob cy dee eve')).toBe(true);
    for (const w of ['al', 'bo', 'cz', 'dex', 'f', 'eve ann']) expect(isGivenName(w, 'ann bob cy dee eve')).toBe(false);
  });

  it('answers as a Set would over the common words too', () => {
    const common = COMMON_WORDS.split(' ');
    const commonSet = new Set(common);
    for (const w of common) expect(inSortedWords(w, COMMON_WORDS), w).toBe(true);
    for (const w of [...common.slice(0, 3000).flatMap((c) => [`${c}s`, c.slice(1), `${c}-`]), 'Kevin', 'ZZZ', 'é', 'aé'])
      expect(inSortedWords(w, COMMON_WORDS), w).toBe(commonSet.has(w));
  });

  it('sortedWordsLookup answers as the list does, before and after it turns to a Set (after 2,000 different words)', () => {
    const common = COMMON_WORDS.split(' ');
    const commonSet = new Set(common);
    const lookup = sortedWordsLookup(COMMON_WORDS);
    const asked = common.slice(0, 5000).flatMap((c) => [c, `${c}q`]);
    for (const w of [...asked, ...asked.slice(0, 100)]) expect(lookup(w), w).toBe(commonSet.has(w));
  });
});
