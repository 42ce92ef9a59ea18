/**
 * Schema v7 drops the articles' titleKey index and the incidents' articleUrl index (the ingest finds
 * near-identical titles in the window it reads, and an article's incidents by the ids its row lists), adds
 * `ingestMeta` (the ingest memory's stamp), and gives every article a full ISO date. A database the sync
 * filled at v6 opens at v7 with its rows as they were (dates made full), and the sync goes on from it:
 * a syndicated copy is still recognised by its title, an updated item still loses its old incident rows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { IncidentLensDb } from '../../lib/worker/db/database';
import { CURRENT_VERSION, SCHEMA_HISTORY, type ArticleRow } from '../../lib/worker/db/schema';
import { compileMatcher, type CompiledMatcher } from '../../lib/worker/extract/matcher';
import { seedCatalogue } from '../../lib/worker/knowledge/seed';
import { ingestFeedItems } from '../../lib/worker/sync/ingest-items';
import { NOW, item, BOEING_1, BOEING_2, ICBC } from '../support/feed-items';
import { clusterRowsBeforeV8 } from '../support/cluster-rows';

let matcher: CompiledMatcher;
beforeAll(() => {
  matcher = compileMatcher(seedCatalogue());
});

const TABLES = ['articles', 'incidents', 'clusters'] as const;
type Rows = Record<(typeof TABLES)[number], unknown[]>;

/** Rows the sync wrote (a fresh database at the current version, read back). */
async function syncedRows(): Promise<Rows> {
  const db = new IncidentLensDb({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'source' });
  await ingestFeedItems(db, [BOEING_1, BOEING_2, ICBC], { matcher, now: NOW });
  const rows = { articles: await db.articles.toArray(), incidents: await db.incidents.toArray(), clusters: await clusterRowsBeforeV8(db) };
  db.close();
  return rows;
}

/** The same rows in a database as version 6 declared it. */
async function writeV6(indexedDB: IDBFactory, rows: Rows): Promise<void> {
  const v6 = new Dexie('incident-lens', { indexedDB, IDBKeyRange });
  for (const s of SCHEMA_HISTORY.filter((h) => h.version <= 6)) v6.version(s.version).stores(s.stores);
  await v6.open();
  for (const t of TABLES) await v6.table(t).bulkAdd(rows[t]);
  v6.close();
}

function rawIndexes(db: IncidentLensDb, table: string): string[] {
  return [...db.backendDB().transaction(table).objectStore(table).indexNames].sort();
}

describe('schema v7 (the ingest memory)', () => {
  it('opens a v6 database with its rows, full ISO dates, and without the titleKey and articleUrl indexes', async () => {
    const rows = await syncedRows();
    // A row an early version stored with the date its page gave.
    const icbc = rows.articles.find((r) => (r as ArticleRow).url === ICBC.url) as ArticleRow;
    icbc.published = '2023-11-10';
    const indexedDB = new IDBFactory();
    await writeV6(indexedDB, rows);
    const db = new IncidentLensDb({ indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(rawIndexes(db, 'articles')).toEqual(['clusterId', 'guid', 'published']);
    expect(rawIndexes(db, 'incidents')).toEqual(['entityKeys']);
    expect(await db.ingestMeta.count()).toBe(0);
    expect((await db.articles.get(ICBC.url))?.published).toBe('2023-11-10T00:00:00.000Z');
    const after = await db.articles.toArray();
    expect(after.filter((r) => r.url !== ICBC.url)).toEqual(rows.articles.filter((r) => (r as ArticleRow).url !== ICBC.url));
    expect(await db.incidents.toArray()).toEqual(rows.incidents);
    expect(await clusterRowsBeforeV8(db)).toEqual(rows.clusters);
    db.close();
  });

  it('goes on deduplicating by title and replacing an updated item’s incident rows after the upgrade', async () => {
    const indexedDB = new IDBFactory();
    await writeV6(indexedDB, await syncedRows());
    const db = new IncidentLensDb({ indexedDB, IDBKeyRange });
    const oldIds = (await db.articles.get(ICBC.url))!.incidentIds;
    expect(oldIds.length).toBeGreaterThan(0);
    // BOEING_1's headline on another site the next day: a syndicated copy, not stored.
    const copy = item('news.example', 'boeing-copy', '2023-11-03T12:00:00Z', BOEING_1.title, BOEING_1.summary!);
    // ICBC's story told again, now without saying who did it: an update of the stored item.
    const icbcUpdated = {
      ...ICBC,
      title: 'Industrial and Commercial Bank of China restores systems',
      summary: 'The bank says its systems are back.',
    };
    const report = await ingestFeedItems(db, [copy, icbcUpdated], { matcher, now: NOW });
    expect(report).toMatchObject({ added: 0, duplicates: 1, updated: 1 });
    expect(await db.articles.get(copy.url)).toBeUndefined();
    const updated = (await db.articles.get(ICBC.url))!;
    expect(updated.title).toBe(icbcUpdated.title);
    const incidents = await db.incidents.filter((r) => r.articleUrl === ICBC.url).toArray();
    expect(incidents.map((r) => r.id).sort()).toEqual([...updated.incidentIds].sort());
    for (const id of oldIds.filter((i) => !updated.incidentIds.includes(i))) expect(await db.incidents.get(id)).toBeUndefined();
    expect(await db.ingestMeta.count()).toBe(1);
    db.close();
  });
});
