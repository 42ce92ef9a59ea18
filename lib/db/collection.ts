/** The user's collection of saved articles. */
import type { CollectionQuery, SaveRequest, SavedArticle } from '../messaging';
import { pageUrl, siteOf } from '../sites';
import type { IncidentLensDb } from './database';
import { normaliseTags } from './schema';

/** Save or update an article. A second save keeps the first `savedAt` and replaces the rest. */
export async function saveArticle(db: IncidentLensDb, req: SaveRequest, now = Date.now()): Promise<SavedArticle> {
  const url = pageUrl(req.url);
  return db.transaction('rw', db.collection, async () => {
    const existing = await db.collection.get(url);
    const row: SavedArticle = {
      url,
      title: req.title.trim() || url,
      site: req.site?.trim() || siteOf(url),
      tags: normaliseTags(req.tags),
      note: req.note ?? '',
      savedAt: existing?.savedAt ?? now,
    };
    if (req.published) row.published = req.published;
    await db.collection.put(row);
    return row;
  });
}

export async function removeArticle(db: IncidentLensDb, url: string): Promise<boolean> {
  const key = pageUrl(url);
  return db.transaction('rw', db.collection, async () => {
    const found = (await db.collection.get(key)) !== undefined;
    if (found) await db.collection.delete(key);
    return found;
  });
}

export async function isSaved(db: IncidentLensDb, url: string): Promise<boolean> {
  return (await db.collection.get(pageUrl(url))) !== undefined;
}

/** Newest first, optionally only one tag's articles. */
export async function listCollection(db: IncidentLensDb, query: CollectionQuery = {}): Promise<SavedArticle[]> {
  const limit = query.limit ?? 1000;
  if (query.tag) {
    const rows = await db.collection.where('tags').equals(query.tag.trim().toLowerCase()).toArray();
    return rows.sort((a, b) => b.savedAt - a.savedAt).slice(0, limit);
  }
  return db.collection.orderBy('savedAt').reverse().limit(limit).toArray();
}
