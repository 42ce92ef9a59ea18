/**
 * A regular expression built when it is first asked for, not when its module loads. V8 reads a pattern
 * when it is constructed and builds every Unicode property class in it then (each `\p{L}` costs tens of
 * microseconds; a name pattern holds a dozen): module-level patterns are paid for by every start of the
 * service worker, whether it then reads a text or answers a search.
 */
export function lazyRegExp(source: string, flags: string): () => RegExp {
  let re: RegExp | undefined;
  return () => (re ??= new RegExp(source, flags));
}

/** A pattern's `test` and `exec`, run only where its needs are met, or as a cheaper pattern with the same answers. */
export interface GuardedRegExp {
  test(s: string): boolean;
  exec(s: string): RegExpExecArray | null;
}

/** What a guarded pattern needs of a string: a cheap pattern that must match, or a test of its own. */
type Need = RegExp | GuardedRegExp | ((s: string) => boolean);

/**
 * A long pattern run only where cheap tests of what it needs pass (a noun it must find, its opening). Each need
 * matches wherever the pattern can (the same flags, or looser), so the answers are the pattern's own. V8 compiles
 * a pattern, and builds its Unicode classes case-closed under `iu`, the first time it runs it: 0.5–2 ms a pattern
 * in a woken worker, paid by the page that woke it. A pattern whose needs a page never meets is never built.
 */
export function guarded(full: RegExp | GuardedRegExp | (() => RegExp), ...needs: Need[]): GuardedRegExp {
  const met = (s: string) => needs.every((n) => (typeof n === 'function' ? n(s) : n.test(s)));
  // A pattern given as lazyRegExp's getter is also constructed only then (V8 parses it, classes and all, as it is made).
  const re = typeof full === 'function' ? full : () => full;
  return { test: (s) => met(s) && re().test(s), exec: (s) => (met(s) ? re().exec(s) : null) };
}

/**
 * Where `u` changes what a pattern of ASCII words reads: under `iu` the long s folds to s and the Kelvin sign to k
 * (no other letter folds to an ASCII one), `\b` and `\w` count them as word letters, and a surrogate pair is one
 * character, not two.
 */
const U_READS_OTHERWISE = /[\u017f\u212a\ud800-\udfff]/;

/**
 * A pattern of ASCII words and classes with `iu` (no Unicode property, no code point escape, nothing past ASCII
 * but quotes), run as the same pattern without `u` on a string where `u` changes nothing (U_READS_OTHERWISE): the
 * same answers, at a third of its cost to build where it has a `\b` (V8 builds `\b` under `iu` from a case-closed
 * class of word letters as the pattern is first run: 1–2 ms in a woken worker). Not for a global or sticky
 * pattern (two lastIndex).
 */
export function withoutUnicodeFolds(full: RegExp): GuardedRegExp {
  if (!full.unicode || full.global || full.sticky || /\\[pP]\{|\\u\{|[^\x00-\x7f‘’“”]/.test(full.source)) {
    throw new Error(`withoutUnicodeFolds: not a pattern of ASCII words with u: /${full.source}/${full.flags}`);
  }
  let light: RegExp | undefined;
  const pick = (s: string) => (U_READS_OTHERWISE.test(s) ? full : (light ??= new RegExp(full.source, full.flags.replace('u', ''))));
  return { test: (s) => pick(s).test(s), exec: (s) => pick(s).exec(s) };
}

const PAST_ASCII = /[^\x00-\x7f]/;

/**
 * A pattern with Unicode classes, and its twin with each class cut to its ASCII part (`\p{Lu}` to `A-Z`, `[\p{L}\p{N}]`
 * to `[A-Za-z0-9]`): on an ASCII string the two answer alike, so the twin reads it, and V8 builds the Unicode classes
 * (as the pattern is first run: milliseconds in a woken worker) only for a string with a character past ASCII. Not
 * for a global or sticky pattern (two lastIndex).
 */
export function asciiTwin(full: RegExp, ascii: RegExp): GuardedRegExp {
  if (full.global || full.sticky) throw new Error(`asciiTwin: a global or sticky pattern: /${full.source}/${full.flags}`);
  const pick = (s: string) => (PAST_ASCII.test(s) ? full : ascii);
  return { test: (s) => pick(s).test(s), exec: (s) => pick(s).exec(s) };
}
