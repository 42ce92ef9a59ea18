/**
 * The compiled multi-pattern matcher over every catalogue name and alias (Aho–Corasick over a folded
 * alphabet, in typed arrays). Build once with compileMatcher (worker, CLI), ship or store the buffer
 * from serializeMatcher, and loadMatcher it wherever text is read: loading is a few views, no rebuild.
 */
import type { CatalogueEntry } from '../../../shared/types';
import { buildMatcherBuffer, buildSteps } from './build';
import { CompiledMatcher } from './compiled';
import { FORMAT_VERSION } from './layout';
import { RULES_VERSION } from './ambiguity';

export { CompiledMatcher, leftmostLongest, type EntityInfo } from './compiled';
export { F_NEEDS_CASE, F_NEEDS_CUE, F_EXACT_CASE, F_ATTACK_ID, F_LOOKUP_ONLY, DEFAULT_CUES } from './ambiguity';
export { isWordCode, isUpperCode } from './fold';

/**
 * Changes whenever a compiled matcher built by older code would behave differently: the buffer layout
 * (FORMAT_VERSION, checked on load) or the compile-time rules (term flags, word lists). Caches of
 * compiled matchers must key on it as well as on the catalogue.
 */
export const MATCHER_VERSION = `${FORMAT_VERSION}.${RULES_VERSION}`;

/** Builds the automaton over the catalogue (CVE ids are left to the CVE patterns; vulnerabilities' nicknames are terms). */
export function compileMatcher(entries: readonly CatalogueEntry[]): CompiledMatcher {
  return new CompiledMatcher(buildMatcherBuffer(entries));
}

/** compileMatcher as resumable steps (see buildSteps), for a caller that pauses between slices. */
export function* compileSteps(entries: readonly CatalogueEntry[]): Generator<void, CompiledMatcher, void> {
  return new CompiledMatcher(yield* buildSteps(entries));
}

/** The matcher as one ArrayBuffer (automaton, term and entity tables). */
export function serializeMatcher(matcher: CompiledMatcher): ArrayBuffer {
  return matcher.buffer;
}

/** A matcher from serializeMatcher's buffer. Throws on a foreign or damaged buffer. */
export function loadMatcher(buffer: ArrayBuffer | ArrayBufferView): CompiledMatcher {
  if (buffer instanceof ArrayBuffer) return new CompiledMatcher(buffer);
  // A view (Node Buffer, Uint8Array): typed arrays need the bytes 8-aligned at offset 0, so copy once.
  const copy = new Uint8Array(buffer.byteLength);
  copy.set(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
  return new CompiledMatcher(copy.buffer);
}
