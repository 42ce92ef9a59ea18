import { describe, expect, test } from 'vitest';
import { matchesAfterBoundary, matchesAt, matchesBeforeListWords } from '../../lib/worker/extract/sticky';

const spans = (ms: Iterable<RegExpExecArray>) => [...ms].map((m) => [m.index, m[0], m[1]]);

describe('matchesAfterBoundary: a leading look-behind checked in code', () => {
  const NAME = /(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}+)[ \t]+(?:group|gang)/gu;
  const IS_A = /(?<![\p{L}\p{N}.@/-])(\p{Lu}[\p{L}]*),? (?:is )?an? (?:\p{L}+ )?backdoor/gu;
  const texts = [
    'Karakurt gang and the Lazarus group hit it; XKarakurt gang is not one.',
    'aKarakurt gang, 7Lazarus group, _Sandworm gang', // a letter or digit before: refused ("_" is no letter)
    'ÉKarakurt gang Éclair gang', // a non-ASCII letter before, and a non-ASCII capital that begins a name
    '𝐀Karakurt gang 𝐀 Karakurt gang', // an astral letter (a surrogate pair) before
    '\uDC00Karakurt gang \uD800Lazarus group', // lone surrogates before: no letters
    'Lazarus group', // at the start of the text
    'mail@Comet, a backdoor; file.Comet is a backdoor; path/Comet is a new backdoor; -Comet a backdoor; Comet, a backdoor',
    'Nothing here at all.',
  ];

  test('finds what matchAll finds', () => {
    for (const re of [NAME, IS_A])
      for (const text of texts) expect(spans(matchesAfterBoundary(re, text)), `${re.source} on ${text}`).toEqual(spans(text.matchAll(re)));
    expect(spans(matchesAfterBoundary(NAME, texts[0])).map((s) => s[1])).toEqual(['Karakurt gang', 'Lazarus group']);
    expect(spans(matchesAfterBoundary(IS_A, texts[6])).map((s) => s[2])).toEqual(['Comet']);
  });

  test('a match the look-behind refuses lets a later, overlapping one through', () => {
    // "aLazarus" is refused at the capital, and the scan goes on from the next character.
    const re = /(?<![a-z])[A-Z][a-z]+/g;
    expect(spans(matchesAfterBoundary(re, 'aLazarus Group'))).toEqual(spans('aLazarus Group'.matchAll(re)));
  });

  test("keeps the expression's indices flag: each group's place, as matchAll gives it", () => {
    const re = /(?<![\p{L}\p{N}])(?:[aA]n?|[oO]ne)\s+(\p{Lu}\p{L}*)(-based)?[ \t]+(hospital|bank)/dgu;
    const text = 'An Ohio hospital, aAn Iowa bank and one Texas-based bank.';
    const places = (ms: Iterable<RegExpExecArray>) => [...ms].map((m) => m.indices);
    expect(places(matchesAfterBoundary(re, text))).toEqual(places(text.matchAll(re)));
    expect(matchesAfterBoundary(re, text).map((m) => m.indices![1][0])).toEqual([3, 40]);
  });

  test('refuses an expression without a leading look-behind, or not global', () => {
    expect(() => matchesAfterBoundary(/\bgang/g, 'gang')).toThrow();
    expect(() => matchesAfterBoundary(/(?<![a-z])gang/, 'gang')).toThrow();
  });
});

describe('matchesAt: sticky tries where a match can begin', () => {
  test('leftmost matches, not overlapping, from the positions given', () => {
    const re = /[A-Z][a-z]+ [A-Z][a-z]+/y;
    const text = 'Aaron Barr Chris Doe';
    expect(spans(matchesAt(re, text, [0, 6, 11]))).toEqual([
      [0, 'Aaron Barr', undefined],
      [11, 'Chris Doe', undefined],
    ]);
  });
});

describe('matchesBeforeListWords: tries in the words before "such as", "like", "including"', () => {
  const LIST = String.raw`(?:[Bb]ackdoor|[Rr]emote [Aa]ccess [Tt]rojan|[Ff]amil(?:y|ies))s?[ \t\u00a0]*,?[ \t\u00a0]+(?:such[ \t\u00a0]+as|like|including)[ \t\u00a0]+(\p{Lu}\p{L}+)`;
  const global = new RegExp(LIST, 'gu');
  const sticky = new RegExp(LIST, 'uy');
  const texts = [
    'Remote Access Trojans such as Ghost, families , like Zorbix, and backdoors\u00a0including\tComet.',
    // inside a word (no boundary before), two list words close together, a comma too many, no blank before the word
    'Xbackdoors like Comet; backdoors such as like Comet; backdoors , , like Comet; backdoorslike Comet; families unlike Comet.',
    'Nothing here is listed, like it or not.',
  ];
  test('finds what matchAll finds', () => {
    for (const text of texts)
      expect(spans(matchesBeforeListWords(sticky, text, 'Remote Access Trojans'.length)), text).toEqual(spans(text.matchAll(global)));
    expect(spans(matchesBeforeListWords(sticky, texts[0], 21)).map((s) => s[2])).toEqual(['Ghost', 'Zorbix', 'Comet']);
  });
});
