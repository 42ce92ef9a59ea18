/** Counts of what the database holds, for the status the popup and options page show. */
import type { Status } from '../messaging';
import type { IncidentLensDb } from './database';

export async function countRows(db: IncidentLensDb): Promise<Status['counts']> {
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

export async function getStatus(db: IncidentLensDb, version: string): Promise<Status> {
  const counts = await countRows(db);
  return { version, counts, catalogueSize: counts.entities };
}
