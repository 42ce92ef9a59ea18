/**
 * The bundled seed without its data: what names it in a stored matcher's stamp, and the catalogue loaded
 * on demand. A worker woken by a page checks its stored matcher's stamp before it answers, and counting the
 * seed's rows there evaluated every data module (~300 kB of arrays) on every wake; the stamp is worked out
 * from the rows when the extension is built instead (wxt.config.ts and vitest.config.ts define it, with
 * lib/node/seed-stamp.ts), and the rows are imported only by what builds a matcher or lists the seed.
 */
import type { CatalogueEntry, EntityType } from '../../../shared/types';
import type { SeedRow } from './row';

/** seedStampOf(SEED_ROWS), written in by the bundler; undefined where nothing did (a script run by tsx). */
declare const __IL_SEED_STAMP__: string | undefined;

/**
 * The rows' count and a digest (32-bit FNV-1a) of their JSON: a new build's seed with a row added, removed
 * or changed (an alias, a cue, a description) has another stamp, and the stored matcher is rebuilt.
 */
export function seedStampOf(groups: readonly { type: EntityType; rows: readonly SeedRow[] }[]): string {
  let count = 0;
  let h = 0x811c9dc5;
  for (const { type, rows } of groups) {
    count += rows.length;
    const json = JSON.stringify([type, rows]);
    for (let i = 0; i < json.length; i++) h = Math.imul(h ^ json.charCodeAt(i), 0x01000193);
  }
  return `${count}:${(h >>> 0).toString(16).padStart(8, '0')}`;
}

/** The bundled seed's stamp: the one the build wrote in, else worked out from the rows (imported for it). */
export async function bundledSeedStamp(): Promise<string> {
  if (typeof __IL_SEED_STAMP__ === 'string') return __IL_SEED_STAMP__;
  return seedStampOf((await import('./data')).SEED_ROWS);
}

/** Every bundled seed entry (./index.ts), its data evaluated at the first call. */
export async function bundledSeed(): Promise<CatalogueEntry[]> {
  return (await import('./index')).seedCatalogue();
}
