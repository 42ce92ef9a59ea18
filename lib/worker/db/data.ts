/**
 * Everything the user has, as one file and back: export, import (merge, no duplicates) and erase.
 * The settings live in `storage.local`, which the caller hands in (this module touches no browser API).
 */
import type { SavedArticle } from '../../shared/messaging';
import { MAX_TAGS, normaliseTags } from '../../shared/tags';
import { withIndexes } from '../../shared/collection/saved';
import { toExportFile, type ExportFile } from '../export/json';
import type { ImportData } from '../export/import';
import type { IncidentLensDb } from './database';
import { writing } from './errors';

/** The part of `browser.storage.local` used here. */
export interface SettingsStore {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  clear(): Promise<void>;
}

export async function exportEverything(db: IncidentLensDb, store?: SettingsStore, now = Date.now()): Promise<ExportFile> {
  const [articles, sources] = await db.transaction('r', db.collection, db.sources, () =>
    Promise.all([db.collection.orderBy('savedAt').toArray(), db.sources.toArray()]),
  );
  return toExportFile(articles, { sources, settings: store ? await store.get(null) : undefined }, now);
}

/**
 * One article met twice (already saved, and in the file): the later-updated copy leads, the tags of both are
 * kept (as many as an article keeps, the leading copy's first), and what the leading copy lacks (note, text,
 * author ...) comes from the other.
 */
function mergeArticles(mine: SavedArticle, theirs: SavedArticle): SavedArticle {
  const [lead, other] = (theirs.updatedAt ?? 0) > (mine.updatedAt ?? 0) ? [theirs, mine] : [mine, theirs];
  const merged: SavedArticle = {
    ...other,
    ...lead,
    tags: normaliseTags([...lead.tags, ...other.tags]).slice(0, MAX_TAGS),
    note: lead.note || other.note,
    savedAt: Math.min(lead.savedAt, other.savedAt),
    updatedAt: Math.max(lead.updatedAt, other.updatedAt),
  };
  if (!lead.text && other.text) {
    merged.text = other.text;
    merged.entities = other.entities;
    merged.incidents = other.incidents;
  }
  return withIndexes(merged);
}

/** JSON with object keys in sorted order: two rows compare equal whatever order their fields were set in. */
function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}
const same = (a: unknown, b: unknown) => sortedJson(a) === sortedJson(b);

export interface ImportSummary {
  added: number;
  updated: number;
  unchanged: number;
  sourcesAdded: number;
  settings: number;
}

/**
 * Merge a validated file (lib/worker/export/import.ts) into the database, in one transaction: it all goes in, or,
 * on any failure (a full disk), nothing does. The settings are written after the database.
 */
export async function importData(db: IncidentLensDb, data: ImportData, store?: SettingsStore): Promise<ImportSummary> {
  const summary: ImportSummary = { added: 0, updated: 0, unchanged: 0, sourcesAdded: 0, settings: 0 };
  await writing(() =>
    db.transaction('rw', db.collection, db.sources, async () => {
      const existing = await db.collection.bulkGet(data.articles.map((a) => a.url));
      const rows: SavedArticle[] = [];
      data.articles.forEach((a, i) => {
        const mine = existing[i];
        if (!mine) {
          summary.added++;
          rows.push(a);
          return;
        }
        const merged = mergeArticles(mine, a);
        if (same(merged, mine)) summary.unchanged++;
        else {
          summary.updated++;
          rows.push(merged);
        }
      });
      await db.collection.bulkPut(rows);
      if (data.sources?.length) {
        const have = await db.sources.bulkGet(data.sources.map((s) => s.id));
        const fresh = data.sources.filter((_, i) => !have[i]);
        await db.sources.bulkAdd(fresh);
        summary.sourcesAdded = fresh.length;
      }
    }),
  );
  if (store && data.settings && Object.keys(data.settings).length) {
    await store.set(data.settings);
    summary.settings = Object.keys(data.settings).length;
  }
  return summary;
}

/** Erase everything: every table of the database, and the settings. */
export async function eraseEverything(db: IncidentLensDb, store?: SettingsStore): Promise<void> {
  await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((t) => t.clear())));
  await store?.clear();
}
