import { describe, expect, it } from 'vitest';
import { isGivenName } from '../../lib/worker/extract/matcher/words/given-name-lookup';
import { GIVEN_NAMES } from '../../lib/worker/extract/matcher/words/given-names';

const names = GIVEN_NAMES.split(' ');
const set = new Set(names);

describe('isGivenName (bisection over the sorted list)', () => {
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
});
