/** The user's collection of saved articles. */
import type { CollectionQuery, SaveRequest, SavedArticle } from '../../shared/messaging';
import type { EntityMatch, Incident } from '../../shared/types';
import { siteOf } from '../../shared/sites';
import { articleUrl } from '../../shared/collection/article-url';
import { normaliseTags } from '../../shared/tags';
import { excerptOf, summariseEntities, withIndexes } from '../../shared/collection/saved';
import { userFieldsProblem } from '../../shared/collection/user-fields';
import { matchesFilter, sortRows, type CollectionFilter } from '../../shared/collection/filter';
import type { IncidentLensDb } from './database';
import { writing } from './errors';

/** Tags and a note past what an article keeps (user-fields.ts) are refused with the reason: nothing is written. */
function checkUserFields(row: { tags: readonly string[]; note: string }, title?: string): void {
  const problem = userFieldsProblem(row);
  if (problem) throw new Error(title ? `Not changed: “${title}”: ${problem}` : problem);
}

/** What the worker read in the article's text. */
export interface ArticleFindings {
  entities: readonly Pick<EntityMatch, 'key' | 'type' | 'subtype' | 'name'>[];
  incidents: Incident[];
}

/**
 * Save an article, or save it again. Saving again (same URL without fragment and tracking parameters:
 * lib/shared/collection/article-url.ts) keeps the first `savedAt`,
 * refreshes what the page says (title, text, entities ... when the new save brings text; otherwise the saved
 * text stays), and keeps the saved tags and note unless the request gives them (the forms show them, so
 * what they send is what the user wants kept).
 */
export async function saveArticle(db: IncidentLensDb, req: SaveRequest, now = Date.now(), found?: ArticleFindings): Promise<SavedArticle> {
  const url = articleUrl(req.url);
  return writing(() =>
    db.transaction('rw', db.collection, async () => {
      const old = await db.collection.get(url);
      const text = req.text?.trim() ? req.text : undefined;
      const fresh = text !== undefined || !old;
      const row: Omit<SavedArticle, 'entityKeys' | 'entityTypes' | 'incidentTypes'> = {
        url,
        title: req.title.trim() || old?.title || url,
        site: req.site?.trim() || old?.site || siteOf(url),
        entities: fresh ? summariseEntities(found?.entities ?? []) : old.entities,
        incidents: fresh ? (found?.incidents ?? []) : old.incidents,
        tags: req.tags ? normaliseTags(req.tags) : (old?.tags ?? []),
        note: req.note ?? old?.note ?? '',
        savedAt: old?.savedAt ?? now,
        updatedAt: now,
      };
      checkUserFields(row);
      const author = req.author?.trim() || old?.author;
      const published = req.published || old?.published;
      const keptText = text ?? old?.text;
      const excerpt = req.excerpt?.trim() || (text ? excerptOf(text) : old?.excerpt);
      if (author) row.author = author;
      if (published) row.published = published;
      if (excerpt) row.excerpt = excerpt;
      if (keptText) row.text = keptText;
      const saved = withIndexes(row);
      await db.collection.put(saved);
      return saved;
    }),
  );
}

/** Edit tags and/or the note in place. Null when the article is not in the collection. */
export async function updateArticle(
  db: IncidentLensDb,
  url: string,
  change: { tags?: string[]; note?: string },
  now = Date.now(),
): Promise<SavedArticle | null> {
  return writing(() =>
    db.transaction('rw', db.collection, async () => {
      const old = await db.collection.get(articleUrl(url));
      if (!old) return null;
      const row = { ...old, updatedAt: now };
      if (change.tags) row.tags = normaliseTags(change.tags);
      if (change.note !== undefined) row.note = change.note.trim();
      checkUserFields(row);
      await db.collection.put(row);
      return row;
    }),
  );
}

/** Add and remove tags on several articles at once; returns how many changed. */
export async function tagArticles(
  db: IncidentLensDb,
  urls: readonly string[],
  add: readonly string[],
  remove: readonly string[] = [],
  now = Date.now(),
): Promise<number> {
  const adding = normaliseTags(add);
  const removing = new Set(normaliseTags(remove));
  return writing(() =>
    db.transaction('rw', db.collection, async () => {
      const rows = (await db.collection.bulkGet(urls.map(articleUrl))).filter((r): r is SavedArticle => r !== undefined);
      const changed = rows.flatMap((r) => {
        const tags = normaliseTags([...r.tags.filter((t) => !removing.has(t)), ...adding]);
        return tags.join('\u0000') === r.tags.join('\u0000') ? [] : [{ ...r, tags, updatedAt: now }];
      });
      for (const r of changed) checkUserFields(r, r.title);
      await db.collection.bulkPut(changed);
      return changed.length;
    }),
  );
}

/** Remove articles; returns the rows removed, whole, so that the page can undo. */
export async function removeArticles(db: IncidentLensDb, urls: readonly string[]): Promise<SavedArticle[]> {
  const keys = [...new Set(urls.map(articleUrl))];
  return db.transaction('rw', db.collection, async () => {
    const rows = (await db.collection.bulkGet(keys)).filter((r): r is SavedArticle => r !== undefined);
    await db.collection.bulkDelete(rows.map((r) => r.url));
    return rows;
  });
}

/** Put removed rows back as they were (undo). A row saved again meanwhile is left as it is now. */
export async function restoreArticles(db: IncidentLensDb, rows: readonly SavedArticle[]): Promise<number> {
  return writing(() =>
    db.transaction('rw', db.collection, async () => {
      const now = await db.collection.bulkGet(rows.map((r) => r.url));
      const missing = rows.filter((_, i) => now[i] === undefined);
      await db.collection.bulkAdd(missing);
      return missing.length;
    }),
  );
}

export async function removeArticle(db: IncidentLensDb, url: string): Promise<boolean> {
  return (await removeArticles(db, [url])).length > 0;
}

export async function isSaved(db: IncidentLensDb, url: string): Promise<boolean> {
  return (await db.collection.get(articleUrl(url))) !== undefined;
}

export async function getSavedArticle(db: IncidentLensDb, url: string): Promise<SavedArticle | null> {
  return (await db.collection.get(articleUrl(url))) ?? null;
}

/** Newest first, optionally only one tag's articles. */
export async function listCollection(db: IncidentLensDb, query: CollectionQuery = {}): Promise<SavedArticle[]> {
  const limit = query.limit ?? 1000;
  if (query.tag) {
    return sortRows(
      await db.collection
        .where('tags')
        .equals(normaliseTags([query.tag])[0] ?? '')
        .toArray(),
    ).slice(0, limit);
  }
  return db.collection.orderBy('savedAt').reverse().limit(limit).toArray();
}

/**
 * The collection filtered and sorted: one index narrows the rows (the most selective filter given), the
 * rest is checked on what it returns.
 */
export async function queryCollection(db: IncidentLensDb, filter: CollectionFilter = {}): Promise<SavedArticle[]> {
  const c = db.collection;
  const rows = filter.entityKey
    ? await c.where('entityKeys').equals(filter.entityKey).toArray()
    : filter.tag
      ? await c
          .where('tags')
          .equals(normaliseTags([filter.tag])[0] ?? '')
          .toArray()
      : filter.incidentType
        ? await c.where('incidentTypes').equals(filter.incidentType).toArray()
        : filter.site
          ? await c.where('site').equals(filter.site).toArray()
          : filter.entityType
            ? await c.where('entityTypes').equals(filter.entityType).toArray()
            : await c.toArray();
  return sortRows(
    rows.filter((r) => matchesFilter(r, filter)),
    filter.sort,
  );
}
