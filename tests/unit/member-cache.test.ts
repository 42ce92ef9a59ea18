/**
 * The ingest's member cache (lib/worker/cluster/member-cache.ts, used by DexieStore): ingesting in many small
 * batches through Dexie (rows met before come from the cache) clusters exactly as the in-memory store does,
 * and the cache never says more than the database: not after the user's erase, not after a failed write.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { IncidentLensDb } from '../../lib/worker/db/database';
import { compileMatcher, type CompiledMatcher } from '../../lib/worker/extract/matcher';
import { seedCatalogue } from '../../lib/worker/knowledge/seed';
import { ingestFeedItems, ingestFeedItemsInto } from '../../lib/worker/sync/ingest-items';
import { MemoryStore } from '../../lib/worker/cluster/memory-store';
import { DexieStore } from '../../lib/worker/cluster/dexie-store';
import type { StoreWrite } from '../../lib/worker/cluster/store';
import { NOW, item, BOEING_1, BOEING_2, ICBC, CITRIX_PATCH, CITRIX_EXPLOITED, CITRIX_EXPLOITED_2 } from '../support/feed-items';

let matcher: CompiledMatcher;
beforeAll(() => {
  matcher = compileMatcher(seedCatalogue());
});

let db: IncidentLensDb;
afterEach(() => db?.close());
function open(): IncidentLensDb {
  db = new IncidentLensDb({ indexedDB: new IDBFactory(), IDBKeyRange, name: `t-${Math.random()}` });
  return db;
}

const BOEING_3 = item(
  'securityweek.example',
  'boeing-lockbit-data',
  '2023-11-06T08:00:00Z',
  'LockBit leaks Boeing data after the aerospace giant refuses to pay',
  'The LockBit ransomware gang published data stolen from Boeing.',
);

/** BOEING_1's link, later saying something else entirely. */
const BOEING_1_REWRITTEN = {
  ...BOEING_1,
  title: 'Gardening tips for the first frost of the season',
  summary: 'How to keep tomatoes and roses alive when the nights get cold.',
};

const sorted = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

describe('the ingest member cache', () => {
  it('clusters batch after batch through Dexie exactly as the in-memory store does, updates included', async () => {
    open();
    const store = new MemoryStore();
    const batches = [
      [CITRIX_PATCH],
      [CITRIX_EXPLOITED],
      [CITRIX_EXPLOITED_2, BOEING_1],
      [BOEING_2],
      [BOEING_1_REWRITTEN],
      [BOEING_3],
      [ICBC],
    ];
    for (const b of batches) {
      const viaDexie = await ingestFeedItems(db, b, { matcher, now: NOW });
      const { report } = await ingestFeedItemsInto(store, b, { matcher, now: NOW });
      expect(viaDexie).toEqual(report);
    }
    expect((await db.articles.toArray()).map((r) => [r.url, r.clusterId]).sort()).toEqual(
      [...store.items.values()].map((r) => [r.url, r.clusterId]).sort(),
    );
    expect(sorted(await db.clusters.toArray())).toEqual(sorted([...store.clusters.values()]));
    // The Boeing stories met across batches (BOEING_3 joined through rows read in earlier batches).
    const boeing = (await db.articles.get(BOEING_2.url))!.clusterId;
    expect((await db.articles.get(BOEING_3.url))?.clusterId).toBe(boeing);
    expect((await db.articles.get(ICBC.url))?.clusterId).not.toBe(boeing);
  });

  it('does not bring back what the user erased', async () => {
    open();
    await ingestFeedItems(db, [BOEING_1], { matcher, now: NOW });
    await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((t) => t.clear())));
    await ingestFeedItems(db, [BOEING_2], { matcher, now: NOW });
    const id = (await db.articles.get(BOEING_2.url))!.clusterId!;
    expect((await db.clusters.get(id))?.articles.map((a) => a.url)).toEqual([BOEING_2.url]);
    expect(await db.articles.count()).toBe(1);
  });

  it('keeps what the database says after a write that failed (its transaction rolled back)', async () => {
    open();
    await ingestFeedItems(db, [BOEING_1], { matcher, now: NOW });
    class FullDisk extends DexieStore {
      override async write(w: StoreWrite): Promise<void> {
        await super.write(w);
        throw new Error('QuotaExceededError');
      }
    }
    await expect(ingestFeedItemsInto(new FullDisk(db), [BOEING_1_REWRITTEN], { matcher, now: NOW })).rejects.toThrow('QuotaExceededError');
    expect((await db.articles.get(BOEING_1.url))?.title).toBe(BOEING_1.title);
    // BOEING_2 meets BOEING_1 as stored (about Boeing), not the rewrite that never was.
    await ingestFeedItems(db, [BOEING_2], { matcher, now: NOW });
    expect((await db.articles.get(BOEING_2.url))?.clusterId).toBe((await db.articles.get(BOEING_1.url))?.clusterId);
  });
});
