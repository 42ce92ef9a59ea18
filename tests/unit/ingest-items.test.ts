import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { IncidentLensDb } from '../../lib/worker/db/database';
import { compileMatcher, type CompiledMatcher } from '../../lib/worker/extract/matcher';
import { seedCatalogue } from '../../lib/worker/knowledge/seed';
import { ingestFeedItems, ingestFeedItemsInto } from '../../lib/worker/sync/ingest-items';
import { MemoryStore } from '../../lib/worker/cluster/memory-store';
import { titleKey } from '../../lib/worker/cluster/ingest';
import { readItem } from '../../lib/worker/sync/reader-serve';
import type { FeedItem } from '../../lib/worker/sync/item';
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

async function dump(d: IncidentLensDb) {
  return {
    articles: await d.articles.toArray(),
    clusters: await d.clusters.toArray(),
    incidents: await d.incidents.toArray(),
  };
}

async function clusterOf(url: string): Promise<string | undefined> {
  return (await db.articles.get(url))?.clusterId;
}

describe('ingestFeedItems: clustering', () => {
  it('puts one victim’s breach reported by two publishers in one incident, with both articles', async () => {
    open();
    const report = await ingestFeedItems(db, [BOEING_1, BOEING_2], { matcher, now: NOW });
    expect(report).toMatchObject({ added: 2, updated: 0, unchanged: 0, duplicates: 0, rejected: 0 });
    const id = await clusterOf(BOEING_1.url);
    expect(id).toBeDefined();
    expect(await clusterOf(BOEING_2.url)).toBe(id);
    const cluster = await db.clusters.get(id!);
    expect(cluster).toMatchObject({ type: 'ransomware', title: BOEING_1.title, victims: [{ key: 'organization:boeing', name: 'Boeing' }] });
    expect(cluster?.sites).toEqual(['bleepingcomputer.example', 'therecord.example']);
    expect(cluster?.firstSeen).toBe('2023-11-02T10:00:00.000Z');
    expect(cluster?.lastSeen).toBe('2023-11-03T08:00:00.000Z');
    expect(cluster?.articleCount).toBe(2);
    expect(cluster?.entityKeys).toContain('malware:lockbit');
    // Each article keeps its entity keys and its incident rows.
    expect((await db.articles.get(BOEING_2.url))?.entityKeys).toContain('organization:boeing');
    expect(await db.incidents.filter((r) => r.articleUrl === BOEING_2.url).count()).toBeGreaterThan(0);
  });

  it('keeps two LockBit attacks on two victims apart', async () => {
    open();
    await ingestFeedItems(db, [BOEING_1, ICBC], { matcher, now: NOW });
    expect(await clusterOf(BOEING_1.url)).not.toBe(await clusterOf(ICBC.url));
    // Arriving one by one, a later Boeing report still finds Boeing's incident, not ICBC's.
    await ingestFeedItems(db, [BOEING_2], { matcher, now: NOW });
    expect(await clusterOf(BOEING_2.url)).toBe(await clusterOf(BOEING_1.url));
    expect(await db.clusters.count()).toBe(2);
  });

  it('keeps a vendor’s patch and the later exploitation wave of that CVE apart, and the wave together', async () => {
    open();
    await ingestFeedItems(db, [CITRIX_PATCH, CITRIX_EXPLOITED, CITRIX_EXPLOITED_2], { matcher, now: NOW });
    const patch = await clusterOf(CITRIX_PATCH.url);
    const wave = await clusterOf(CITRIX_EXPLOITED.url);
    expect(wave).not.toBe(patch);
    expect(await clusterOf(CITRIX_EXPLOITED_2.url)).toBe(wave);
    expect((await db.clusters.get(wave!))?.cves).toEqual(['CVE-2023-4966']);
  });

  it('clusters the same way in memory (the CLI) as in Dexie (the worker)', async () => {
    open();
    const batch = [CITRIX_PATCH, CITRIX_EXPLOITED, CITRIX_EXPLOITED_2, BOEING_1, BOEING_2, ICBC];
    await ingestFeedItems(db, batch, { matcher, now: NOW });
    const store = new MemoryStore();
    await ingestFeedItemsInto(store, batch, { matcher, now: NOW });
    for (const i of batch) expect(store.items.get(i.url)?.clusterId).toBe(await clusterOf(i.url));
    expect([...store.clusters.values()].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      (await storedClusters(db)).sort((a, b) => a.id.localeCompare(b.id)),
    );
  });
});

describe('ingestFeedItems: deduplication, updates, idempotence', () => {
  it('changes nothing when the same batch comes again (a worker stopped mid-run runs again)', async () => {
    open();
    const batch = [BOEING_1, BOEING_2, ICBC, CITRIX_PATCH];
    await ingestFeedItems(db, batch, { matcher, now: NOW });
    const before = await dump(db);
    const again = await ingestFeedItems(db, batch, { matcher, now: NOW + 3_600_000 });
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 4 });
    expect(await dump(db)).toEqual(before);
  });

  it('keeps one row for the same guid under a new link, and updates it', async () => {
    open();
    await ingestFeedItems(db, [BOEING_1], { matcher, now: NOW });
    const moved = {
      ...BOEING_1,
      url: 'https://bleepingcomputer.example/news/boeing-lockbit-updated',
      summary: `${BOEING_1.summary} Updated with Boeing's statement.`,
    };
    const report = await ingestFeedItems(db, [moved], { matcher, now: NOW });
    expect(report).toMatchObject({ added: 0, updated: 1 });
    expect(await db.articles.get(BOEING_1.url)).toBeUndefined();
    expect((await db.articles.get(moved.url))?.summary).toContain('Updated');
    expect(await db.articles.count()).toBe(1);
    expect(await db.incidents.filter((r) => r.articleUrl === BOEING_1.url).count()).toBe(0);
  });

  it('updates an item whose text changed, and its cluster with it', async () => {
    open();
    await ingestFeedItems(db, [BOEING_1, BOEING_2], { matcher, now: NOW });
    const id = await clusterOf(BOEING_1.url);
    const retitled = { ...BOEING_1, title: 'Boeing: LockBit ransomware attack hit parts and distribution business' };
    expect(await ingestFeedItems(db, [retitled], { matcher, now: NOW })).toMatchObject({ added: 0, updated: 1, unchanged: 0 });
    expect((await db.articles.get(BOEING_1.url))?.title).toBe(retitled.title);
    expect(await clusterOf(BOEING_1.url)).toBe(id);
    const cluster = await db.clusters.get(id!);
    expect(cluster?.title).toBe(retitled.title);
    expect(cluster?.articles.map((a) => a.url)).toEqual([BOEING_1.url, BOEING_2.url]);
  });

  it('does not store a syndicated copy (same headline, another site, same days) twice', async () => {
    open();
    const copy = item('yahoo.example', 'boeing-copy', '2023-11-02T14:00:00Z', `${BOEING_1.title} - BleepingComputer`, 'Syndicated.');
    const report = await ingestFeedItems(db, [BOEING_1, copy], { matcher, now: NOW });
    expect(report).toMatchObject({ added: 1, duplicates: 1 });
    expect(await db.articles.get(copy.url)).toBeUndefined();
    expect(titleKey('Boeing confirms LockBit ransomware attack | SecurityWeek')).toBe('boeing confirms lockbit ransomware attack');
  });

  it('rejects items without a usable link or title, and keeps the others', async () => {
    open();
    const bad = [
      { ...BOEING_1, url: 'javascript:alert(1)' },
      { ...BOEING_1, url: 'not a url' },
      { ...BOEING_1, url: 'https://x.example/empty', title: '   ' },
    ];
    const report = await ingestFeedItems(db, [...bad, ICBC], { matcher, now: NOW });
    expect(report).toMatchObject({ added: 1, rejected: 3 });
  });
});

describe('ingestFeedItems: retention', () => {
  it('drops items older than the limit with their place in their cluster, and never the collection', async () => {
    open();
    const old = item(
      'bleepingcomputer.example',
      'old-boeing',
      '2022-01-05T00:00:00Z',
      'Boeing hit by LockBit ransomware, old story',
      'Boeing and LockBit, long ago.',
    );
    await ingestFeedItems(db, [old, BOEING_1, BOEING_2], { matcher, now: Date.parse('2022-01-10'), retentionDays: 3650 });
    await db.collection.put({
      url: old.url,
      title: old.title,
      site: 'bleepingcomputer.example',
      tags: ['keep'],
      note: 'mine',
      savedAt: 1,
      updatedAt: 1,
      entities: [],
      incidents: [],
      entityKeys: [],
      entityTypes: [],
      incidentTypes: [],
    });
    expect(await db.articles.count()).toBe(3);
    const oldCluster = await clusterOf(old.url);

    const report = await ingestFeedItems(db, [ICBC], { matcher, now: NOW, retentionDays: 365 });
    expect(report).toMatchObject({ added: 1, expired: 1 });
    expect(await db.articles.get(old.url)).toBeUndefined();
    expect(await db.incidents.filter((r) => r.articleUrl === old.url).count()).toBe(0);
    expect(oldCluster).not.toBe(await clusterOf(BOEING_1.url));
    expect(await db.clusters.get(oldCluster!)).toBeUndefined();
    for (const c of await db.clusters.toArray()) expect(c.articles.map((a) => a.url)).not.toContain(old.url);
    // The user's collection is not the sync's to prune.
    expect(await db.collection.get(old.url)).toMatchObject({ note: 'mine', tags: ['keep'] });
    // An item already too old when it arrives is not stored.
    expect(await ingestFeedItems(db, [old], { matcher, now: NOW })).toMatchObject({ added: 0, expired: 1 });
  });
});

describe('ingestFeedItems: items stored before are not read again', () => {
  it('reads only what is new or changed; an item stored with the same content is unchanged, in its cluster', async () => {
    open();
    await ingestFeedItems(db, [BOEING_1, ICBC], { matcher, now: NOW });
    const boeing = await clusterOf(BOEING_1.url);
    const read: string[] = [];
    // A reader that notes what it is given (a chunk of one item each: chunkChars 1), then reads it as the pool does.
    const reader = async (chunk: FeedItem[], m: CompiledMatcher, lede: number, now: number) => {
      read.push(...chunk.map((i) => i.url));
      return chunk.map((i) => readItem(i, m, lede, now));
    };
    const changed = { ...ICBC, summary: `${ICBC.summary ?? ''} The bank said trading had resumed.` };
    const report = await ingestFeedItems(db, [BOEING_1, changed, BOEING_2], { matcher, now: NOW, reader, chunkChars: 1 });
    expect(report).toMatchObject({ added: 1, updated: 1, unchanged: 1, duplicates: 0 });
    expect(read.sort()).toEqual([BOEING_2.url, ICBC.url].sort());
    expect(await clusterOf(BOEING_1.url)).toBe(boeing);
    expect(await clusterOf(BOEING_2.url)).toBe(boeing);
    expect((await db.articles.get(ICBC.url))?.summary).toContain('trading had resumed');
  });

  it('the same in memory (the CLI’s store): a batch ingested twice is read once', async () => {
    const store = new MemoryStore();
    let reads = 0;
    const reader = async (chunk: FeedItem[], m: CompiledMatcher, lede: number, now: number) => {
      reads += chunk.length;
      return chunk.map((i) => readItem(i, m, lede, now));
    };
    const batch = [BOEING_1, BOEING_2, ICBC];
    const first = await ingestFeedItemsInto(store, batch, { matcher, now: NOW, reader, chunkChars: 1 });
    expect(reads).toBe(3);
    let told = false;
    const again = await ingestFeedItemsInto(store, batch, { matcher, now: NOW, reader, chunkChars: 1, onRead: () => (told = true) });
    expect(reads).toBe(3);
    expect(told).toBe(true);
    expect(first.report).toMatchObject({ added: 3, unchanged: 0 });
    expect(again.report).toMatchObject({ added: 0, updated: 0, unchanged: 3 });
    expect(again.outcome.clusterOf.get(BOEING_2.url)).toBe(first.outcome.clusterOf.get(BOEING_2.url));
  });
});
