/** Counts of what the database holds, for the status the popup and options page show. */
import type { Status } from '../../shared/messaging';
import type { IncidentLensDb } from './database';

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
 * entries (`bundledKeys`, the seed) together with those the sync stored, each key counted once.
 */
export async function getStatus(db: IncidentLensDb, version: string, bundledKeys: readonly string[] = []): Promise<Status> {
  const [counts, storedKeys] = await Promise.all([countRows(db), db.entities.toCollection().primaryKeys()]);
  const catalogueSize = new Set<string>([...bundledKeys, ...storedKeys]).size;
  return { version, counts, catalogueSize };
}
