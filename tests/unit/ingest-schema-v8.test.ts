/**
 * Schema v8 shortens a cluster row's list of articles to its newest few, with a count of them all. A
 * database the sync filled at v7 (rows listing every article, incident rows with their spans) opens at v8
 * with the same clusters, found by the same keys, and the sync goes on from it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { IncidentLensDb } from '../../lib/worker/db/database';
import { CURRENT_VERSION, SCHEMA_HISTORY } from '../../lib/worker/db/schema';
import { LISTED_ARTICLES } from '../../lib/worker/cluster/summarise';
import { relatedIncidents, forgetClusterCount } from '../../lib/worker/db/related';
import { compileMatcher, type CompiledMatcher } from '../../lib/worker/extract/matcher';
import { seedCatalogue } from '../../lib/worker/knowledge/seed';
import { ingestFeedItems } from '../../lib/worker/sync/ingest-items';
import type { FeedItem } from '../../lib/worker/sync/item';
import { NOW, item, BOEING_1, ICBC } from '../support/feed-items';
import { clusterRowsBeforeV8 } from '../support/cluster-rows';
import { anchoredBy } from '../../lib/worker/db/anchor-index';

let matcher: CompiledMatcher;
beforeAll(() => {
  matcher = compileMatcher(seedCatalogue());
});

/** The n-th report of Boeing's attack, by a site of its own. */
function report(n: number): FeedItem {
  const at = new Date(Date.parse('2023-11-02T10:00:00Z') + n * 3_600_000).toISOString();
  return item(`site${n}.example`, `boeing-${n}`, at, `${BOEING_1.title} (update ${n})`, BOEING_1.summary!);
}
const REPORTS = Array.from({ length: 12 }, (_, i) => report(i));

/** Rows as v7 stored them: clusters listing every article, incidents with their spans. */
async function v7Rows() {
  const db = new IncidentLensDb({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'source' });
  await ingestFeedItems(db, [...REPORTS, ICBC], { matcher, now: NOW });
  const articles = await db.articles.toArray();
  const clusters = (await clusterRowsBeforeV8(db)).map((c) => ({
    ...c,
    articles: articles
      .filter((a) => a.clusterId === c.id)
      .sort((a, b) => a.features!.t - b.features!.t)
      .map((a) => ({ url: a.url, title: a.title, site: a.site, published: a.published })),
  }));
  const incidents = (await db.incidents.toArray()).map((r) => ({ ...r, spans: [{ start: 0, end: 10 }] }));
  db.close();
  return { articles, clusters, incidents };
}

async function writeV7(indexedDB: IDBFactory, rows: Awaited<ReturnType<typeof v7Rows>>): Promise<void> {
  const v7 = new Dexie('incident-lens', { indexedDB, IDBKeyRange });
  for (const s of SCHEMA_HISTORY.filter((h) => h.version <= 7)) v7.version(s.version).stores(s.stores);
  await v7.open();
  await v7.table('articles').bulkAdd(rows.articles);
  await v7.table('clusters').bulkAdd(rows.clusters);
  await v7.table('incidents').bulkAdd(rows.incidents);
  v7.close();
}

function rawIndexes(db: IncidentLensDb, table: string): string[] {
  return [...db.backendDB().transaction(table).objectStore(table).indexNames].sort();
}

describe('schema v8 (short article lists)', () => {
  it('opens a v7 database with every cluster’s newest articles listed and counted', async () => {
    const rows = await v7Rows();
    const busy = rows.clusters.find((c) => c.articles.length === 12)!;
    expect(busy).toBeDefined();
    const indexedDB = new IDBFactory();
    await writeV7(indexedDB, rows);
    const db = new IncidentLensDb({ indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(CURRENT_VERSION).toBeGreaterThanOrEqual(8);
    // v9 finds clusters by their anchors (tests/unit/ingest-schema-v9.test.ts), v10 newest first.
    expect(rawIndexes(db, 'clusters')).toEqual(['byAnchor']);
    expect(await db.clusters.count()).toBe(rows.clusters.length);
    for (const old of rows.clusters)
      expect(await db.clusters.get(old.id)).toEqual({
        ...old,
        articles: old.articles.slice(-LISTED_ARTICLES),
        articleCount: old.articles.length,
      });
    expect((await db.clusters.get(busy.id))?.articles).toHaveLength(LISTED_ARTICLES);
    // Articles and incident rows stay as they were (an old incident row keeps its spans).
    expect(await db.articles.toArray()).toEqual(rows.articles);
    expect(await db.incidents.toArray()).toEqual(rows.incidents);
    // Found by the same keys.
    expect(await anchoredBy(db.clusters, 'organization:boeing').primaryKeys()).toEqual([busy.id]);
    db.close();
  });

  it('goes on syncing and finding related incidents after the upgrade', async () => {
    const indexedDB = new IDBFactory();
    const rows = await v7Rows();
    await writeV7(indexedDB, rows);
    const busy = rows.clusters.find((c) => c.articles.length === 12)!;
    const db = new IncidentLensDb({ indexedDB, IDBKeyRange });
    const next = report(12);
    expect(await ingestFeedItems(db, [REPORTS[0], next], { matcher, now: NOW })).toMatchObject({ added: 1, unchanged: 1 });
    expect((await db.articles.get(next.url))?.clusterId).toBe(busy.id);
    const row = (await db.clusters.get(busy.id))!;
    expect(row.articleCount).toBe(13);
    expect(row.articles.map((a) => a.url)).toEqual([...REPORTS, next].slice(-LISTED_ARTICLES).map((r) => r.url));
    forgetClusterCount();
    const related = await relatedIncidents(db, ['organization:boeing'], undefined, { now: NOW, url: next.url });
    expect(related.map((r) => r.id)).toEqual([busy.id]);
    expect(related[0].sites).toHaveLength(12);
    expect(related[0].articles.map((a) => a.url)).not.toContain(next.url);
    db.close();
  });
});
