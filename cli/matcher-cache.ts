import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fullCatalogue } from '../lib/node/load-catalogues';
import { compileMatcher, loadMatcher, MATCHER_VERSION, serializeMatcher, type CompiledMatcher } from '../lib/worker/extract/matcher';
import type { CatalogueEntry } from '../lib/shared/types';

const CACHE_DIR = resolve(import.meta.dirname, '../node_modules/.cache/incident-lens');

export interface LoadedMatcher {
  entries: CatalogueEntry[];
  matcher: CompiledMatcher;
  /** Names and aliases in the automaton. */
  names: number;
}

/**
 * The catalogue (seed + --catalogue files) and its compiled matcher. Building the automaton costs far more
 * than using it, so the compiled form is kept on disk, keyed by a hash of the catalogue it was built from.
 */
export async function loadMatcherFor(paths: string[]): Promise<LoadedMatcher> {
  const entries = await fullCatalogue(paths);
  // The version changes with the compile rules (ambiguity flags), which the entries alone don't show.
  const hash = createHash('sha256').update(String(MATCHER_VERSION)).update(JSON.stringify(entries)).digest('hex').slice(0, 24);
  const file = join(CACHE_DIR, `matcher-${hash}.bin`);
  let matcher: CompiledMatcher | undefined;
  try {
    const bytes = await readFile(file);
    matcher = loadMatcher(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  } catch {
    matcher = undefined; // no cache yet, or an unreadable one: build afresh
  }
  if (!matcher) {
    matcher = compileMatcher(entries);
    try {
      await mkdir(CACHE_DIR, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, new Uint8Array(serializeMatcher(matcher)));
      await rename(tmp, file);
    } catch {
      // a read-only tree only costs the next run a rebuild
    }
  }
  return { entries, matcher, names: matcher.termCount };
}
