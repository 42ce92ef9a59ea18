/**
 * Counts of what the database holds, for the status the popup and options page show.
 *
 * Cost: counting a table is cheap in Chromium (a few ms at 100,000 rows); what cost was the catalogue's
 * size, the union of the bundled keys and every stored entity key, read in full on every call (tens to
 * hundreds of ms for a synced catalogue on a loaded machine, while the worker's other reads queue behind
 * it). That size changes only when the catalogue is stored again, so it is kept per database and worked
 * out again only after the `entities` table changed: Dexie's `storagemutated` event reports this context's
 * commits and other contexts' alike. A stopped worker loses it and reads the keys once more.
 */
import { Dexie, type ObservabilitySet } from 'dexie';
import type { Status } from '../../shared/messaging';
import type { IncidentLensDb } from './database';

/** Catalogue size per open database, with the bundled keys it was worked out with. */
const catalogueSizes = new Map<IncidentLensDb, { bundled: readonly string[]; size: number }>();
/** Goes up with every change seen: a size read across a change is not kept. */
let changes = 0;
let following = false;
const NO_KEYS: readonly string[] = [];

/** Forget the catalogue sizes of the databases whose `entities` table a commit changed. */
function noteMutations(parts: ObservabilitySet): void {
  changes++;
  if (parts.all) return catalogueSizes.clear();
  for (const db of catalogueSizes.keys()) if (parts[`idb://${db.name}/entities/`]) catalogueSizes.delete(db);
}

async function catalogueSize(db: IncidentLensDb, bundled: readonly string[]): Promise<number> {
  const known = catalogueSizes.get(db);
  if (known?.bundled === bundled) return known.size;
  if (!following) {
    following = true;
    Dexie.on('storagemutated', noteMutations);
  }
  const before = changes;
  const storedKeys = await db.entities.toCollection().primaryKeys();
  const size = new Set<string>([...bundled, ...storedKeys]).size;
  if (changes === before) catalogueSizes.set(db, { bundled, size });
  return size;
}

async function countRows(db: IncidentLensDb): Promise<Status['counts']> {
  const [sources, articles, incidents, entities, kev, collection] = await Promise.all([
    db.sources.count(),
    db.articles.count(),
    db.incidents.count(),
    db.entities.count(),
    db.kev.count(),
    db.collection.count(),
  ]);
  return { sources, articles, incidents, entities, kev, collection };
}

/**
 * The status the popup and options page show. The catalogue is what the matcher knows: the bundled
 * entries (`bundledKeys`, the seed) together with those the sync stored, each key counted once. Pass the
 * same array on every call (the worker keeps one) for the size to be reused.
 */
export async function getStatus(db: IncidentLensDb, version: string, bundledKeys: readonly string[] = NO_KEYS): Promise<Status> {
  const [counts, size] = await Promise.all([countRows(db), catalogueSize(db, bundledKeys)]);
  return { version, counts, catalogueSize: size };
}

/** Forget every kept catalogue size (tests). */
export function forgetCatalogueSizes(): void {
  catalogueSizes.clear();
}
