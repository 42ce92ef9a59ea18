/** Words looked up by bisection (their answers kept) before the list is turned into a Set. */
const BISECT_LIMIT = 2_000;

/**
 * Membership in one list, cheap for a worker that reads one page and for one that reads thousands: the
 * first BISECT_LIMIT different words are looked up in the string as written (inSortedWords, about 1.5 µs
 * each, answers kept in a Map), and only a worker that asks for more builds the Set of the whole list
 * (3–12 ms for the common words, whose Set answers in under 0.1 µs). A woken service worker's first
 * page analysis used to pay for that Set, and for the given names' one, before its first answer.
 */
export function sortedWordsLookup(words: string): (word: string) => boolean {
  const memo = new Map<string, boolean>();
  let all: Set<string> | undefined;
  return (word) => {
    if (all) return all.has(word);
    let known = memo.get(word);
    if (known === undefined) {
      if (memo.size >= BISECT_LIMIT) {
        all = new Set(words.split(' '));
        memo.clear();
        return all.has(word);
      }
      known = inSortedWords(word, words);
      memo.set(word, known);
    }
    return known;
  };
}

/**
 * Whether a word is in a word list as the generated lists are written (one string of words sorted by code
 * unit, one space apart: GIVEN_NAMES, COMMON_WORDS), found by bisection over the string: nothing is built.
 * A Set of such a list costs its split and the hashing of every word at the first lookup (given names:
 * 3–8 ms; common words: about 12 ms in the CPU profile of a woken service worker's first page analysis),
 * while a lookup here compares about fifteen words in place.
 */
export function inSortedWords(word: string, words: string): boolean {
  // lo and hi are word starts (hi may be one past the end); every word in [lo, hi) is still possible.
  let lo = 0;
  let hi = words.length + 1;
  const m = word.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    // The start of the word that holds mid - 1 (a word start in [lo, mid], so below hi).
    const start = words.lastIndexOf(' ', mid - 1) + 1;
    const space = words.indexOf(' ', start);
    const end = space < 0 ? words.length : space;
    const n = end - start;
    let i = 0;
    while (i < n && i < m && word.charCodeAt(i) === words.charCodeAt(start + i)) i++;
    if (i === n && i === m) return true;
    // The order of JavaScript's `<` on strings: a prefix comes first, then the first differing code unit.
    const before = i === m || (i < n && word.charCodeAt(i) < words.charCodeAt(start + i));
    if (before) hi = start;
    else lo = end + 1;
  }
  return false;
}
