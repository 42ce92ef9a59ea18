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

/** What a guarded pattern needs of a string: a cheap pattern that must match, or a test of its own. */
type Need = RegExp | ((s: string) => boolean);

/** A pattern's `test` and `exec`, run only where its needs are met. */
export interface GuardedRegExp {
  test(s: string): boolean;
  exec(s: string): RegExpExecArray | null;
}

/**
 * A long pattern run only where cheap tests of what it needs pass (a noun it must find, its opening). Each need
 * matches wherever the pattern can (the same flags, or looser), so the answers are the pattern's own. V8 compiles
 * a pattern, and builds its Unicode classes case-closed under `iu`, the first time it runs it: 0.5–2 ms a pattern
 * in a woken worker, paid by the page that woke it. A pattern whose needs a page never meets is never built.
 */
export function guarded(full: RegExp, ...needs: Need[]): GuardedRegExp {
  const met = (s: string) => needs.every((n) => (typeof n === 'function' ? n(s) : n.test(s)));
  return { test: (s) => met(s) && full.test(s), exec: (s) => (met(s) ? full.exec(s) : null) };
}
