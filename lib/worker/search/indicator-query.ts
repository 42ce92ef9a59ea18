/**
 * A search query that is one indicator (an IP address, a domain, a URL, an e-mail address or a hash, written
 * plain or defanged: `203.0.113[.]7`, `hxxps://evil[.]example/x`) is looked up by its key, the way the engine
 * keys the indicators it finds in articles, rather than by its words: the text index splits `203.0.113.7`
 * into numbers and a hash into nothing useful.
 */
import { expandIndicators, findPatternEntities } from '../extract/patterns';

/** Punctuation a pasted indicator may carry around it (quotes, brackets, a sentence's end). */
const WRAPPING = /^[\s"'`“”‘’<([{]+|[\s"'`“”‘’>)\]},;.]+$/g;

export interface IndicatorQuery {
  /** The indicator refanged, as the engine names it. */
  value: string;
  /** Its key, and for a URL or an e-mail address its host's key as well (what else a database may know it by). */
  keys: string[];
}

/** The indicator a query is, or undefined for any other query (words, names, several indicators). */
export function indicatorQuery(query: string): IndicatorQuery | undefined {
  const q = query.replace(WRAPPING, '');
  const found = findPatternEntities(q);
  if (found.length !== 1) return undefined;
  const [m] = found;
  if (m.type !== 'indicator' || m.start !== 0 || m.end !== q.length) return undefined;
  return { value: m.name, keys: [...new Set(expandIndicators([m]).map((v) => `indicator:${v.subtype}:${v.value.toLowerCase()}`))] };
}
