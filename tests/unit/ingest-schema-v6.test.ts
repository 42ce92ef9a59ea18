/**
 * Schema v6 drops the indexes nothing reads (articles by source, site and entity; incidents by type and
 * date; clusters by lastSeen). A database the sync filled at v5 opens at v6 with every row as it was, and
 * the sync, related incidents and search's entity lookup go on from it as they would have.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { IncidentLensDb } from '../../lib/worker/db/database';
import { CURRENT_VERSION, SCHEMA_HISTORY } from '../../lib/worker/db/schema';
import { compileMatcher, type CompiledMatcher } from '../../lib/worker/extract/matcher';
import { seedCatalogue } from '../../lib/worker/knowledge/seed';
import { ingestFeedItems } from '../../lib/worker/sync/ingest-items';
import { relatedIncidents, forgetClusterCount } from '../../lib/worker/db/related';
import { NOW, BOEING_1, BOEING_2, ICBC, CITRIX_PATCH, CITRIX_EXPLOITED } from '../support/feed-items';
import { clusterRowsBeforeV8 } from '../support/cluster-rows';

let matcher: CompiledMatcher;
beforeAll(() => {
  matcher = compileMatcher(seedCatalogue());
});

const TABLES = ['articles', 'incidents', 'clusters'] as const;

/** Rows the sync wrote, table by table (a fresh database at the current version, then read back). */
async function syncedRows(): Promise<Record<(typeof TABLES)[number], unknown[]>> {
  const db = new IncidentLensDb({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'source' });
  await ingestFeedItems(db, [BOEING_1, ICBC, CITRIX_PATCH, CITRIX_EXPLOITED], { matcher, now: NOW });
  const rows = { articles: await db.articles.toArray(), incidents: await db.incidents.toArray(), clusters: await clusterRowsBeforeV8(db) };
  db.close();
  return rows;
}

/** The same rows in a database as version 5 declared it. */
async function writeV5(indexedDB: IDBFactory, rows: Record<(typeof TABLES)[number], unknown[]>): Promise<void> {
  const v5 = new Dexie('incident-lens', { indexedDB, IDBKeyRange });
  for (const s of SCHEMA_HISTORY.filter((h) => h.version <= 5)) v5.version(s.version).stores(s.stores);
  await v5.open();
  for (const t of TABLES) await v5.table(t).bulkAdd(rows[t]);
  v5.close();
}

function rawIndexes(db: IncidentLensDb, table: string): string[] {
  const idb = db.backendDB();
  return [...idb.transaction(table).objectStore(table).indexNames].sort();
}

describe('schema v6 (fewer indexes)', () => {
  it('opens a v5 database with every row unchanged and without the indexes nothing reads', async () => {
    const rows = await syncedRows();
    expect(rows.articles).toHaveLength(4);
    const indexedDB = new IDBFactory();
    await writeV5(indexedDB, rows);
    const db = new IncidentLensDb({ indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(CURRENT_VERSION).toBeGreaterThanOrEqual(6);
    expect(await db.articles.toArray()).toEqual(rows.articles);
    expect(await db.incidents.toArray()).toEqual(rows.incidents);
    // v8 added a count to the cluster rows (tests/unit/ingest-schema-v8.test.ts).
    expect(await clusterRowsBeforeV8(db)).toEqual(rows.clusters);
    // v7 dropped two more (articles by titleKey, incidents by articleUrl): tests/unit/ingest-schema-v7.test.ts.
    expect(rawIndexes(db, 'articles')).toEqual(['clusterId', 'guid', 'published']);
    expect(rawIndexes(db, 'incidents')).toEqual(['entityKeys']);
    // v9 finds clusters by their anchors instead (tests/unit/ingest-schema-v9.test.ts), v10 newest first.
    expect(rawIndexes(db, 'clusters')).toEqual(['byAnchor']);
    db.close();
  });

  it('goes on syncing, finding related incidents and an entity’s incidents after the upgrade', async () => {
    const indexedDB = new IDBFactory();
    await writeV5(indexedDB, await syncedRows());
    const db = new IncidentLensDb({ indexedDB, IDBKeyRange });
    // An item stored at v5 is found again (unchanged), a new report joins the v5 cluster of its victim.
    const again = await ingestFeedItems(db, [BOEING_1, BOEING_2], { matcher, now: NOW });
    expect(again).toMatchObject({ added: 1, unchanged: 1 });
    const boeing = await db.articles.get(BOEING_1.url);
    expect((await db.articles.get(BOEING_2.url))?.clusterId).toBe(boeing?.clusterId);
    expect((await db.clusters.get(boeing!.clusterId!))?.articles.map((a) => a.url)).toEqual([BOEING_1.url, BOEING_2.url]);
    // The article row still holds its entity keys, which related incidents read for the reader's own cluster.
    expect(boeing?.entityKeys).toEqual(expect.arrayContaining(['organization:boeing', 'malware:lockbit']));
    forgetClusterCount();
    const related = await relatedIncidents(db, ['organization:boeing'], undefined, { now: NOW });
    expect(related.map((r) => r.id)).toEqual([boeing!.clusterId]);
    expect(await db.incidents.where('entityKeys').equals('vulnerability:cve-2023-4966').count()).toBeGreaterThan(0);
    db.close();
  });
});
