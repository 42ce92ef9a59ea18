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
