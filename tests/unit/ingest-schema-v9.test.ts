/**
 * Schema v9 finds clusters by their anchors (the keys that say which event a cluster is) instead of every
 * key their articles mention. A database the sync filled at v8 opens at v9 with the same rows, every
 * cluster found by its anchors (a row without anchors by all its keys), and the sync and the related query
 * go on from it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { IncidentLensDb } from '../../lib/worker/db/database';
import { CURRENT_VERSION, SCHEMA_HISTORY, type ClusterRow } from '../../lib/worker/db/schema';
import { relatedIncidents, forgetClusterCount } from '../../lib/worker/db/related';
import { compileMatcher, type CompiledMatcher } from '../../lib/worker/extract/matcher';
import { seedCatalogue } from '../../lib/worker/knowledge/seed';
import { ingestFeedItems } from '../../lib/worker/sync/ingest-items';
import { NOW, BOEING_1, BOEING_2, ICBC, CITRIX_PATCH, CITRIX_EXPLOITED } from '../support/feed-items';
import { anchoredBy, withAnchorIndex } from '../../lib/worker/db/anchor-index';

let matcher: CompiledMatcher;
beforeAll(() => {
  matcher = compileMatcher(seedCatalogue());
});

/** Rows as v8 stored them (the same rows as today), and one cluster row without anchors. */
async function v8Rows() {
  const db = new IncidentLensDb({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'source' });
  await ingestFeedItems(db, [BOEING_1, BOEING_2, ICBC, CITRIX_PATCH], { matcher, now: NOW });
  const articles = await db.articles.toArray();
  const clusters = await db.clusters.toArray();
  const incidents = await db.incidents.toArray();
  db.close();
  const { anchors: _a, byAnchor: _b, ...bare } = clusters.find((c) => c.victims.some((v) => v.key === 'organization:icbc')) ?? clusters[0];
  return { articles, clusters, incidents, bare: bare as Omit<ClusterRow, 'anchors' | 'byAnchor'> };
}

async function writeV8(indexedDB: IDBFactory, rows: Awaited<ReturnType<typeof v8Rows>>, withBare = true): Promise<void> {
  const v8 = new Dexie('incident-lens', { indexedDB, IDBKeyRange });
  for (const s of SCHEMA_HISTORY.filter((h) => h.version <= 8)) v8.version(s.version).stores(s.stores);
  await v8.open();
  await v8.table('articles').bulkAdd(rows.articles);
  await v8.table('clusters').bulkPut(withBare ? [...rows.clusters.filter((c) => c.id !== rows.bare.id), rows.bare] : rows.clusters);
  await v8.table('incidents').bulkAdd(rows.incidents);
  v8.close();
}

function rawIndexes(db: IncidentLensDb, table: string): string[] {
  return [...db.backendDB().transaction(table).objectStore(table).indexNames].sort();
}

describe('schema v9 (clusters found by their anchors)', () => {
  it('opens a v8 database with the same rows, each cluster found by its anchors and not by a place or an attack type', async () => {
    const rows = await v8Rows();
    const indexedDB = new IDBFactory();
    await writeV8(indexedDB, rows);
    const db = new IncidentLensDb({ indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(CURRENT_VERSION).toBeGreaterThanOrEqual(9);
    // v10 finds them newest first by the same anchors (tests/unit/ingest-schema-v10.test.ts).
    expect(rawIndexes(db, 'clusters')).toEqual(['byAnchor']);
    // Rows unchanged, but for the one without anchors, which gets all its keys as anchors.
    for (const old of rows.clusters) {
      const now = await db.clusters.get(old.id);
      if (old.id === rows.bare.id) expect(now).toEqual(withAnchorIndex({ ...rows.bare, anchors: rows.bare.entityKeys }));
      else expect(now).toEqual(old);
    }
    expect(await db.articles.toArray()).toEqual(rows.articles);
    expect(await db.incidents.toArray()).toEqual(rows.incidents);
    // Found by their anchors.
    const boeing = rows.clusters.find((c) => c.victims.some((v) => v.key === 'organization:boeing'))!;
    expect(boeing.anchors).toContain('malware:lockbit');
    expect(await anchoredBy(db.clusters, 'organization:boeing').primaryKeys()).toEqual([boeing.id]);
    expect((await anchoredBy(db.clusters, 'malware:lockbit').primaryKeys()).sort()).toEqual(
      rows.clusters
        .filter((c) => c.anchors.includes('malware:lockbit'))
        .map((c) => c.id)
        .sort(),
    );
    // A key its articles mention that is not an anchor (a place, an attack type) stays in the row and finds nothing.
    const plain = boeing.entityKeys.find((k) => !boeing.anchors.includes(k));
    expect(plain).toBeDefined();
    expect((await db.clusters.get(boeing.id))?.entityKeys).toContain(plain);
    const byPlain = await anchoredBy(db.clusters, plain!).primaryKeys();
    expect(byPlain).not.toContain(boeing.id);
    // The row written without anchors is found by every key it has.
    for (const k of rows.bare.entityKeys) expect(await anchoredBy(db.clusters, k).primaryKeys()).toContain(rows.bare.id);
    db.close();
  });

  it('goes on syncing and finding related incidents after the upgrade', async () => {
    const rows = await v8Rows();
    const indexedDB = new IDBFactory();
    await writeV8(indexedDB, rows, false);
    const db = new IncidentLensDb({ indexedDB, IDBKeyRange });
    expect(await ingestFeedItems(db, [BOEING_1, CITRIX_EXPLOITED], { matcher, now: NOW })).toMatchObject({ added: 1, unchanged: 1 });
    const exploited = (await db.articles.get(CITRIX_EXPLOITED.url))!;
    const written = (await db.clusters.get(exploited.clusterId!))!;
    expect(await anchoredBy(db.clusters, written.anchors[0]).primaryKeys()).toContain(written.id);
    forgetClusterCount();
    const boeing = rows.clusters.find((c) => c.victims.some((v) => v.key === 'organization:boeing'))!;
    const plain = boeing.entityKeys.filter((k) => !boeing.anchors.includes(k));
    const related = await relatedIncidents(db, ['organization:boeing', ...plain], undefined, { now: NOW });
    expect(related[0].id).toBe(boeing.id);
    expect(related[0].shared.map((s) => s.key)).toEqual(['organization:boeing']);
    // Sharing only a place or an attack type with the page read makes no incident related.
    forgetClusterCount();
    expect(await relatedIncidents(db, plain, undefined, { now: NOW })).toEqual([]);
    db.close();
  });
});
