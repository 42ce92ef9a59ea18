/**
 * The ingest's memory (lib/worker/cluster/member-cache.ts, used by DexieStore): ingesting in many small
 * batches through Dexie (the window, titles and cluster members answered from memory) clusters exactly as
 * the in-memory store does, and the memory never says more than the database: not after the user's erase,
 * not after a failed write, not after another database object (another worker) wrote, not after an old
 * item arrived by another path than the sync's.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IDBFactory, IDBIndex, IDBKeyRange, IDBObjectStore } from 'fake-indexeddb';
import { IncidentLensDb } from '../../lib/worker/db/database';
import { ingestArticles } from '../../lib/worker/db/ingest';
import { IngestMemory, type KnownRow } from '../../lib/worker/cluster/member-cache';
import { compileMatcher, type CompiledMatcher } from '../../lib/worker/extract/matcher';
import { seedCatalogue } from '../../lib/worker/knowledge/seed';
import { ingestFeedItems, ingestFeedItemsInto } from '../../lib/worker/sync/ingest-items';
import { MemoryStore } from '../../lib/worker/cluster/memory-store';
import { DexieStore } from '../../lib/worker/cluster/dexie-store';
import type { StoreWrite } from '../../lib/worker/cluster/store';
import { storedClusters } from '../support/cluster-rows';
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
    expect(sorted(await storedClusters(db))).toEqual(sorted([...store.clusters.values()]));
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

  it('writes a chunk whole or not at all when one of its requests fails (IndexedDB aborts the transaction)', async () => {
    open();
    await ingestFeedItems(db, [BOEING_1], { matcher, now: NOW });
    // A row IndexedDB cannot store, put after the chunk's article and incident rows were sent.
    class Uncloneable extends DexieStore {
      override write(w: StoreWrite): Promise<void> {
        return super.write({ ...w, clusters: w.clusters.map((c) => ({ ...c, names: { bad: (() => 1) as unknown as string } })) });
      }
    }
    await expect(ingestFeedItemsInto(new Uncloneable(db), [BOEING_2, ICBC], { matcher, now: NOW })).rejects.toThrow();
    expect((await db.articles.toArray()).map((r) => r.url)).toEqual([BOEING_1.url]);
    expect(await db.incidents.count()).toBe((await db.articles.get(BOEING_1.url))!.incidentIds.length);
    // The memory did not keep the rows that never were: the same items go in as into a fresh database.
    await ingestFeedItems(db, [BOEING_2, ICBC], { matcher, now: NOW });
    expect(await db.articles.count()).toBe(3);
    expect((await db.articles.get(BOEING_2.url))?.clusterId).toBe((await db.articles.get(BOEING_1.url))?.clusterId);
  });

  it('forgets what it knew when another database object wrote meanwhile (its stamp is not ours)', async () => {
    const indexedDB = new IDBFactory();
    const a = new IncidentLensDb({ indexedDB, IDBKeyRange, name: 'shared' });
    const b = new IncidentLensDb({ indexedDB, IDBKeyRange, name: 'shared' });
    const store = new MemoryStore();
    // a learns Boeing's story; b rewrites it (another event entirely) behind a's back; a goes on.
    const steps: [IncidentLensDb, typeof BOEING_1][] = [
      [a, BOEING_1],
      [b, BOEING_1_REWRITTEN],
      [a, BOEING_2],
    ];
    for (const [db, it] of steps) {
      const viaDexie = await ingestFeedItems(db, [it], { matcher, now: NOW });
      const { report } = await ingestFeedItemsInto(store, [it], { matcher, now: NOW });
      expect(viaDexie).toEqual(report);
    }
    expect((await a.articles.toArray()).map((r) => [r.url, r.title, r.clusterId]).sort()).toEqual(
      [...store.items.values()].map((r) => [r.url, r.title, r.clusterId]).sort(),
    );
    expect(sorted(await storedClusters(a))).toEqual(sorted([...store.clusters.values()]));
    // BOEING_2 did not join the rewritten item through what a remembered of it.
    expect((await a.articles.get(BOEING_2.url))?.clusterId).not.toBe((await a.articles.get(BOEING_1.url))?.clusterId);
    a.close();
    b.close();
  });

  it("reads a new worker's first chunk in one round trip: stamp, URLs, guids, window and retention together", async () => {
    const indexedDB = new IDBFactory();
    const before = new IncidentLensDb({ indexedDB, IDBKeyRange, name: 'shared' });
    await ingestFeedItems(before, [BOEING_1, CITRIX_PATCH], { matcher, now: NOW });
    before.close();
    // Every request of the next ingest (a new database object: a new worker), in order, and each request's
    // success: a request issued after an answer came back begins a new round trip.
    const log: string[] = [];
    const patched: [object, string, unknown][] = [];
    for (const [proto, names] of [
      [IDBObjectStore.prototype, ['get', 'getAll', 'put', 'delete']],
      [IDBIndex.prototype, ['get', 'getAll', 'getAllKeys', 'openCursor', 'openKeyCursor']],
    ] as const) {
      for (const name of names) {
        const p = proto as unknown as Record<string, (...a: unknown[]) => IDBRequest>;
        const orig = p[name];
        patched.push([p, name, orig]);
        p[name] = function (this: unknown, ...args: unknown[]) {
          const r = orig.apply(this, args);
          log.push(name === 'put' || name === 'delete' ? 'write' : 'read:' + (this as { name: string }).name + '.' + name);
          r.addEventListener('success', () => log.push('answer'));
          return r;
        };
      }
    }
    try {
      db = new IncidentLensDb({ indexedDB, IDBKeyRange, name: 'shared' });
      await ingestFeedItems(db, [BOEING_2, ICBC], { matcher, now: NOW, retentionDays: 30 });
    } finally {
      for (const [p, name, orig] of patched) (p as Record<string, unknown>)[name] = orig;
    }
    // Before its transaction, the ingest asks which of its URLs are stored already (an unchanged item is not
    // read again): one request an item, in a read-only transaction of its own.
    const start = log.findIndex((e) => e.startsWith('read:') && e !== 'read:articles.get');
    expect(log.slice(0, start).filter((e) => e.startsWith('read:'))).toEqual(['read:articles.get', 'read:articles.get']);
    const ingest = log.slice(start);
    // The stamp and the kept counts (lib/worker/db/counts.ts), the URLs, the guids, the window and retention
    // (items a month old go) before any answer...
    const first = ingest.slice(0, ingest.indexOf('answer'));
    expect(first.filter((e) => e === 'read:ingestMeta.get')).toHaveLength(2);
    expect(first.filter((e) => e === 'read:published.getAll')).toHaveLength(2);
    // ...and none of them again once the stamp said the memory knew nothing (only what clustering found out:
    // the members of the clusters the chunk touched).
    const later = ingest.slice(ingest.indexOf('answer')).filter((e) => e.startsWith('read:'));
    expect(later.filter((e) => !e.startsWith('read:clusterId.') && e !== 'read:articles.get')).toEqual([]);
    // The patch story, more than 30 days old, went.
    expect((await db.articles.toArray()).map((r) => r.url).sort()).toEqual([BOEING_1.url, BOEING_2.url, ICBC.url].sort());
  });

  it('stores a batch spread over months (read without the memory) as the in-memory store does', async () => {
    open();
    const store = new MemoryStore();
    const july = item('krebs.example', 'old-news', '2023-07-01T09:00:00Z', 'Payroll firm leaks employee records in July', 'An old story.');
    const copy = item('news.example', 'boeing-copy', '2023-11-03T12:00:00Z', BOEING_1.title, BOEING_1.summary!);
    for (const b of [
      [july, BOEING_1, copy, BOEING_2],
      [BOEING_3, ICBC],
    ]) {
      const viaDexie = await ingestFeedItems(db, b, { matcher, now: NOW });
      const { report } = await ingestFeedItemsInto(store, b, { matcher, now: NOW });
      expect(viaDexie).toEqual(report);
    }
    expect(await db.articles.get(copy.url)).toBeUndefined();
    expect((await db.articles.toArray()).map((r) => [r.url, r.clusterId]).sort()).toEqual(
      [...store.items.values()].map((r) => [r.url, r.clusterId]).sort(),
    );
    expect(sorted(await storedClusters(db))).toEqual(sorted([...store.clusters.values()]));
    expect((await db.articles.get(BOEING_3.url))?.clusterId).toBe((await db.articles.get(BOEING_1.url))?.clusterId);
  });

  it('applies retention again once an old item came in by another path than the sync', async () => {
    open();
    await ingestFeedItems(db, [BOEING_1], { matcher, now: NOW, retentionDays: 365 });
    // The analysed-article path keeps what it is given, however old.
    const old = {
      url: 'https://old.example/story',
      sourceId: 'feed:old',
      title: 'An old story',
      site: 'old.example',
      entities: [],
      incidents: [],
    };
    await ingestArticles(db, [{ ...old, published: '2021-03-01T00:00:00.000Z' }], NOW);
    expect(await db.articles.get(old.url)).toBeDefined();
    const report = await ingestFeedItems(db, [BOEING_2], { matcher, now: NOW, retentionDays: 365 });
    expect(report).toMatchObject({ added: 1, expired: 1 });
    expect(await db.articles.get(old.url)).toBeUndefined();
  });
});

describe('IngestMemory', () => {
  const row = (url: string, published: string): KnownRow => ({
    url,
    published,
    sourceId: 's',
    title: url,
    site: 'x',
    entityKeys: [],
    incidentIds: [],
  });

  it('answers a range newest first in index order (date, then URL), and reads only what its span lacks', () => {
    const m = new IngestMemory();
    expect(m.missing('2023-01-01', '2023-01-31')).toEqual([['2023-01-01', '2023-01-31', false, false]]);
    m.cover('2023-01-10', '2023-01-20', [
      row('https://a/2', '2023-01-15'),
      row('https://a/1', '2023-01-15'),
      row('https://a/3', '2023-01-12'),
    ]);
    expect(m.between('2023-01-10', '2023-01-20').map((r) => r.url)).toEqual(['https://a/2', 'https://a/1', 'https://a/3']);
    expect(m.between('2023-01-10', '2023-01-20', 1).map((r) => r.url)).toEqual(['https://a/2']);
    // Only the ends it lacks, open where the span begins and ends.
    expect(m.missing('2023-01-05', '2023-01-25')).toEqual([
      ['2023-01-05', '2023-01-10', false, true],
      ['2023-01-20', '2023-01-25', true, false],
    ]);
    expect(m.missing('2023-01-12', '2023-01-18')).toEqual([]);
    m.cover('2023-01-12', '2023-01-25', [row('https://a/4', '2023-01-22')]);
    expect(m.covers('2023-01-10', '2023-01-25')).toBe(true);
    expect(m.between('2023-01-14', '2023-01-25').map((r) => r.url)).toEqual(['https://a/4', 'https://a/2', 'https://a/1']);
    // A write moves a row and forgets a deleted one.
    m.applyWrite({
      items: [row('https://a/3', '2023-01-24')],
      deleteUrls: ['https://a/2'],
      clusters: [],
      members: new Map(),
      deleteClusters: [],
    });
    expect(m.between('2023-01-10', '2023-01-25').map((r) => r.url)).toEqual(['https://a/3', 'https://a/4', 'https://a/1']);
  });

  it('knows a cluster whole from a write (every member, not the few its row lists), and forgets a range it has no room for', () => {
    const m = new IngestMemory(3);
    m.applyWrite({
      items: [],
      deleteUrls: [],
      clusters: [{ id: 'c1' }],
      members: new Map([['c1', ['https://a/1', 'https://a/2']]]),
      deleteClusters: [],
    });
    expect([...m.membersOf('c1')!]).toEqual(['https://a/1', 'https://a/2']);
    m.applyWrite({ items: [], deleteUrls: [], clusters: [], members: new Map(), deleteClusters: ['c1'] });
    expect(m.membersOf('c1')).toBeUndefined();
    const token = m.token;
    m.cover(
      '2023-01-01',
      '2023-01-31',
      [1, 2, 3, 4].map((i) => row(`https://a/${i}`, `2023-01-0${i}`)),
    );
    expect(m.covers('2023-01-01', '2023-01-31')).toBe(false);
    // Emptied with a new token: a stamp written before it no longer matches.
    expect(m.token).not.toBe(token);
  });
});
