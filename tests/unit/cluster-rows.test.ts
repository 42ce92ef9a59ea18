/**
 * Schema v8's cluster rows: a busy cluster's row lists its newest LISTED_ARTICLES articles and a count,
 * related incidents still show every publisher and leave out the page being read (its cluster's other
 * articles read by the cluster index), and incident rows are stored without spans.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { IncidentLensDb } from '../../lib/worker/db/database';
import { DexieStore } from '../../lib/worker/cluster/dexie-store';
import { LISTED_ARTICLES } from '../../lib/worker/cluster/summarise';
import { relatedIncidents, forgetClusterCount } from '../../lib/worker/db/related';
import { compileMatcher, type CompiledMatcher } from '../../lib/worker/extract/matcher';
import { seedCatalogue } from '../../lib/worker/knowledge/seed';
import { ingestFeedItemsInto } from '../../lib/worker/sync/ingest-items';
import type { FeedItem } from '../../lib/worker/sync/item';
import { NOW, item, BOEING_1 } from '../support/feed-items';

let matcher: CompiledMatcher;
beforeAll(() => {
  matcher = compileMatcher(seedCatalogue());
});

const dbs: IncidentLensDb[] = [];
afterEach(() => {
  for (const d of dbs.splice(0)) d.close();
});

function open(indexedDB = new IDBFactory()): IncidentLensDb {
  const d = new IncidentLensDb({ indexedDB, IDBKeyRange, name: 'rows' });
  dbs.push(d);
  return d;
}

/** The n-th report of Boeing's ransomware attack, by a site of its own, an hour after the one before. */
function report(n: number, summary = BOEING_1.summary!): FeedItem {
  const at = new Date(Date.parse('2023-11-02T10:00:00Z') + n * 3_600_000).toISOString();
  return item(`site${n}.example`, `boeing-${n}`, at, `${BOEING_1.title} (update ${n})`, summary);
}

async function ingest(store: DexieStore, items: FeedItem[]) {
  return (await ingestFeedItemsInto(store, items, { matcher, now: NOW })).outcome;
}

describe('cluster rows (schema v8)', () => {
  it('lists a busy cluster’s newest articles and counts them all; related incidents still name every publisher', async () => {
    const db = open();
    const reports = Array.from({ length: 12 }, (_, i) => report(i));
    await ingest(new DexieStore(db), reports);
    const id = (await db.articles.get(reports[0].url))!.clusterId!;
    // Precondition: one event, twelve reports.
    expect(await db.articles.where('clusterId').equals(id).count()).toBe(12);
    const row = (await db.clusters.get(id))!;
    expect(row.articleCount).toBe(12);
    expect(row.articles.map((a) => a.url)).toEqual(reports.slice(-LISTED_ARTICLES).map((r) => r.url));
    expect(row.sites).toHaveLength(12);
    expect(row.entityKeys).toEqual(expect.arrayContaining(['organization:boeing', 'malware:lockbit']));

    forgetClusterCount();
    const [seen] = await relatedIncidents(db, ['organization:boeing'], undefined, { now: NOW });
    expect(seen.id).toBe(id);
    // Newest first, as the sidebar lists them, and every publisher.
    expect(seen.articles.map((a) => a.url)).toEqual(
      reports
        .slice(-LISTED_ARTICLES)
        .map((r) => r.url)
        .reverse(),
    );
    expect(seen.sites).toHaveLength(12);

    // Read from the newest report itself: its cluster counts by the eleven others, read by the cluster index.
    const self = reports[11];
    const [mine] = await relatedIncidents(db, ['organization:boeing', 'malware:lockbit'], undefined, { now: NOW, url: self.url });
    expect(mine.articles.map((a) => a.url)).toEqual(
      reports
        .slice(11 - LISTED_ARTICLES, 11)
        .map((r) => r.url)
        .reverse(),
    );
    expect(mine.sites).toHaveLength(11);
    expect(mine.sites).not.toContain('site11.example');
    expect(mine.shared.map((s) => s.key).sort()).toEqual(['malware:lockbit', 'organization:boeing']);

    // The ingest's memory knows every member, not the few the row lists: a thirteenth report counts them all.
    await ingest(new DexieStore(db), [report(12)]);
    const after = (await db.clusters.get(id))!;
    expect(after.articleCount).toBe(13);
    expect(after.sites).toHaveLength(13);
    expect(after.articles.map((a) => a.url)).toEqual([...reports, report(12)].slice(-LISTED_ARTICLES).map((r) => r.url));
  });

  it('stores incident rows without spans, and deletes a cluster its last member leaves', async () => {
    const db = open();
    const lone = report(0);
    await ingest(new DexieStore(db), [lone]);
    const id = (await db.articles.get(lone.url))!.clusterId!;
    const incidentIds = (await db.articles.get(lone.url))!.incidentIds;
    expect(incidentIds.length).toBeGreaterThan(0);
    for (const row of await db.incidents.bulkGet(incidentIds)) {
      expect(row?.entityKeys).toContain('organization:boeing');
      expect(row).not.toHaveProperty('spans');
    }
    // The item rewritten as another event leaves its cluster, which goes.
    await ingest(new DexieStore(db), [{ ...lone, title: 'Gardening tips for the first frost of the season', summary: 'Cover the roses.' }]);
    expect((await db.articles.get(lone.url))?.clusterId).not.toBe(id);
    expect(await db.clusters.get(id)).toBeUndefined();
  });
});
