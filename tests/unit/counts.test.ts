/**
 * The kept row counts (lib/worker/db/counts.ts): after every path that writes the counted tables (a sync of
 * feeds and catalogues, a re-sync of changed items, retention, the collection, an import, an erase) the kept
 * counts equal what counting every table says; a database from before is counted once; a count gone wrong
 * (a writer that kept nothing) is corrected by the daily recount.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { IncidentLensDb } from '../../lib/worker/db/database';
import { COUNTED, COUNTS_KEY, parseKept, recount, RECOUNT_MS, type Counts } from '../../lib/worker/db/counts';
import { getStatus, statusRecount } from '../../lib/worker/db/status';
import { removeArticle, saveArticle } from '../../lib/worker/db/collection';
import { eraseEverything, importData } from '../../lib/worker/db/data';
import { SCHEMA_HISTORY } from '../../lib/worker/db/schema';
import { runSync } from '../../lib/worker/sync/run';
import { ingestFeedItems } from '../../lib/worker/sync/ingest-items';
import { BUILTIN_SOURCES } from '../../lib/worker/sync/sources';
import { compileMatcher } from '../../lib/worker/extract/matcher';
import { seedCatalogue } from '../../lib/worker/knowledge/seed';
import { fakeServer, FIXTURE_OF } from './sync-fixtures';
import { BOEING_1, BOEING_2, CITRIX_EXPLOITED, CITRIX_EXPLOITED_2, CITRIX_PATCH, ICBC, NOW } from '../support/feed-items';
import { forgetClusterCount, relatedIncidents } from '../../lib/worker/db/related';
import { actorRow } from '../support/entity-row';

const url = (id: string) => BUILTIN_SOURCES.find((s) => s.id === id)!.url;
const FEEDS = ['feed:therecord', 'feed:bleepingcomputer', 'feed:cisa'];

let indexedDB: IDBFactory;
let db: IncidentLensDb;
let name: string;
beforeEach(() => {
  fakeBrowser.reset();
  indexedDB = new IDBFactory();
  name = `counts-${Math.random()}`;
  db = new IncidentLensDb({ indexedDB, IDBKeyRange, name });
});

async function realCounts(d: Dexie = db): Promise<Counts> {
  const n = await Promise.all(COUNTED.map((t) => d.table(t).count()));
  return Object.fromEntries(COUNTED.map((t, i) => [t, n[i]])) as Counts;
}
async function kept(): Promise<Counts | undefined> {
  return parseKept((await db.ingestMeta.get(COUNTS_KEY))?.value)?.counts;
}
/** The kept counts equal the real ones (read without letting the status count anything). */
async function expectKept(): Promise<Counts> {
  const real = await realCounts();
  expect(await kept()).toEqual(real);
  return real;
}

const entity = actorRow;

describe('kept counts', () => {
  it('stay equal to the real counts through a sync, a re-sync of changed items, retention, the collection, an import and an erase', async () => {
    await getStatus(db, '1');
    expect(await expectKept()).toEqual({ sources: 0, articles: 0, incidents: 0, entities: 0, kev: 0, clusters: 0 });

    // A sync: feeds (articles, incidents, clusters), KEV, a MISP galaxy (the catalogue), the built-in sources.
    let clock = Date.UTC(2026, 6, 6, 12);
    const net = fakeServer(Object.fromEntries(Object.entries(FIXTURE_OF).map(([id, file]) => [url(id), file])));
    const deps = { db, fetch: net.fetch, now: () => clock };
    await runSync(deps, { force: true, only: [...FEEDS, 'kev', 'misp:threat-actor'] });
    const synced = await expectKept();
    for (const t of ['sources', 'articles', 'incidents', 'clusters', 'kev', 'entities'] as const) expect(synced[t]).toBeGreaterThan(0);

    // The same feed again with every item changed: each replaces its row, its incidents and its cluster's.
    const cisa = await (await net.fetch(url('feed:cisa'))).text();
    net.answers.set(url('feed:cisa'), () => new Response(cisa.replace(/<title>/g, '<title>Updated: ').replace(/ransomware/gi, 'malware')));
    clock += 31 * 60_000;
    const again = await runSync(deps, { force: true, only: ['feed:cisa'] });
    expect(again.outcomes[0].outcome).toBe('ok');
    await expectKept();

    // The ingest of the sync directly, then retention: items a month older than the last go, with their incidents.
    const matcher = compileMatcher(seedCatalogue());
    await ingestFeedItems(db, [BOEING_1, BOEING_2], { matcher, now: NOW, retentionDays: Infinity });
    await expectKept();
    const before = (await realCounts()).articles;
    await ingestFeedItems(db, [ICBC], { matcher, now: NOW + 400 * 86_400_000, retentionDays: 30 });
    expect((await expectKept()).articles).toBeLessThan(before);

    // The collection (not kept: counted by the status): saved, saved again (replaced), removed.
    await saveArticle(db, { url: 'https://a.example/1', title: 'One' }, 1);
    await saveArticle(db, { url: 'https://a.example/2', title: 'Two' }, 2);
    await saveArticle(db, { url: 'https://a.example/1', title: 'One again' }, 3);
    await expectKept();
    expect((await getStatus(db, '1')).counts.collection).toBe(2);
    await removeArticle(db, 'https://a.example/2');
    await removeArticle(db, 'https://a.example/2');
    await expectKept();
    expect((await getStatus(db, '1')).counts.collection).toBe(1);

    // An import: one article already saved, one new, a source already there and a new one.
    const mine = (await db.collection.toArray())[0];
    const other = { ...mine, url: 'https://b.example/new', title: 'New' };
    const source = (await db.sources.toArray())[0];
    await importData(db, {
      articles: [{ ...mine, note: 'merged', updatedAt: 99 }, other],
      sources: [source, { ...source, id: 'feed:imported', url: 'https://b.example/feed' }],
    });
    const imported = await expectKept();
    expect((await getStatus(db, '1')).counts.collection).toBe(2);
    expect(imported.sources).toBe(synced.sources + 1);

    // An erase: every table, the kept row too; the status counts the empty tables again.
    await eraseEverything(db);
    expect(await kept()).toBeUndefined();
    expect((await getStatus(db, '1')).counts).toEqual({ sources: 0, articles: 0, incidents: 0, entities: 0, kev: 0, collection: 0 });
    await expectKept();
  }, 60_000);

  it("follow the ingest's own writes: a link that moved within a batch, a version with fewer incidents, a copy", async () => {
    await getStatus(db, '1');
    const matcher = compileMatcher(seedCatalogue());
    const opts = { matcher, now: NOW, retentionDays: Infinity };
    // The same item (its guid) under two links in one batch: the later replaces the earlier before either is stored.
    const moved = { ...BOEING_1, url: `${BOEING_1.url}-moved`, summary: `${BOEING_1.summary} Updated.` };
    await ingestFeedItems(db, [BOEING_1, moved, CITRIX_PATCH], opts);
    expect((await expectKept()).articles).toBe(2);
    // A new version that reports nothing any more (its incident rows go), and a syndicated copy (not stored).
    await ingestFeedItems(db, [{ ...moved, title: 'Aerospace firm posts quarterly results', summary: 'Revenue rose.' }], opts);
    await ingestFeedItems(
      db,
      [{ ...CITRIX_EXPLOITED }, { ...CITRIX_EXPLOITED, url: 'https://copy.example/citrix', sourceId: 'feed:copy.example' }],
      opts,
    );
    const after = await expectKept();
    expect(after.articles).toBe(3);
    // The same items again, unchanged, change nothing; the first version back replaces the second.
    await ingestFeedItems(db, [moved, CITRIX_PATCH], opts);
    await expectKept();
    // Reports joining stored incidents: their cluster rows are rewritten, not added.
    const clusters = (await expectKept()).clusters;
    await ingestFeedItems(db, [CITRIX_EXPLOITED_2], opts);
    await ingestFeedItems(db, [BOEING_2], opts);
    expect((await expectKept()).clusters).toBe(clusters);
  });

  it("follow Dexie's writes of every kind: repeated keys, refused adds, deletes of missing rows, ranges, a clear, an abort", async () => {
    await getStatus(db, '1');
    await db.entities.bulkPut([entity('actor:a'), entity('actor:b'), entity('actor:a')]);
    expect((await expectKept()).entities).toBe(2);
    await db.entities.bulkAdd([entity('actor:b'), entity('actor:c')]).catch(() => undefined);
    expect((await expectKept()).entities).toBe(3);
    await db.entities.bulkDelete(['actor:c', 'actor:zz']);
    expect((await expectKept()).entities).toBe(2);
    await db.entities.update('actor:a', { name: 'A' });
    await db.entities.where('key').above('actor:a').delete();
    expect((await expectKept()).entities).toBe(1);
    await db.entities.toCollection().modify((row) => void (row.name = 'AA'));
    await db.transaction('rw', db.entities, db.kev, async () => {
      await db.entities.clear();
      await db.entities.bulkPut([entity('actor:x'), entity('actor:y')]);
      await db.kev.clear();
    });
    expect((await expectKept()).entities).toBe(2);
    // A transaction that fails keeps nothing, counts included.
    await db
      .transaction('rw', db.entities, async () => {
        await db.entities.put(entity('actor:z'));
        throw new Error('no');
      })
      .catch(() => undefined);
    expect((await expectKept()).entities).toBe(2);
  });

  it('count a database from before once, then read the kept row', async () => {
    await db.entities.bulkPut([entity('actor:a'), entity('actor:b')]);
    await db.collection.put((await saveArticle(db, { url: 'https://a.example/1', title: 'One' }, 1)) as never);
    expect(await kept()).toBeUndefined(); // writers keep nothing until there is a row
    // Each Dexie instance has its own Table class: the tables counted, by name, of the instances watched.
    const counted: string[] = [];
    const watch = (d: Dexie) => {
      const original = d.Table.prototype.count;
      d.Table.prototype.count = function (this: { name: string }, ...a: Parameters<typeof original>) {
        counted.push(this.name);
        return original.apply(this as never, a);
      } as typeof original;
    };
    watch(db);
    expect((await getStatus(db, '1')).counts).toMatchObject({ entities: 2, collection: 1 });
    // Every kept table once, and the collection, whose count the status takes each time (not kept).
    expect(counted.sort()).toEqual([...COUNTED, 'collection'].sort());
    await db.entities.put(entity('actor:c'));
    // Another database object (a worker woken later) reads the row: it counts the collection only.
    counted.length = 0;
    const woken = new IncidentLensDb({ indexedDB, IDBKeyRange, name });
    watch(woken);
    expect((await getStatus(woken, '1')).counts).toMatchObject({ entities: 3, collection: 1 });
    expect(counted).toEqual(['collection']);
    woken.close();
  });

  it('count a database from before once when two status calls find no row (the one after an install, the popup)', async () => {
    await db.entities.bulkPut([entity('actor:a'), entity('actor:b')]);
    const counted: string[] = [];
    const original = db.Table.prototype.count;
    db.Table.prototype.count = function (this: { name: string }, ...a: Parameters<typeof original>) {
      counted.push(this.name);
      return original.apply(this as never, a);
    } as typeof original;
    const [first, second] = await Promise.all([getStatus(db, '1'), getStatus(db, '1')]);
    expect(first.counts).toEqual(second.counts);
    expect(first.counts).toMatchObject({ entities: 2 });
    // Every kept table once (the second call found the first one's row), and the collection each time.
    expect(counted.filter((t) => t !== 'collection').sort()).toEqual([...COUNTED].sort());
    await expectKept();
  });

  it('are corrected by the daily recount when a writer kept nothing', async () => {
    const t0 = Date.UTC(2026, 0, 1);
    await getStatus(db, '1', [], t0);
    // A writer that does not keep the counts (code without the middleware, as another version would write).
    const bare = new Dexie(name, { indexedDB, IDBKeyRange });
    for (const { version, stores } of SCHEMA_HISTORY) bare.version(version).stores(stores);
    await bare.table('entities').bulkPut([entity('actor:a'), entity('actor:b')]);
    bare.close();
    await db.entities.put(entity('actor:c'));
    expect(await kept()).toMatchObject({ entities: 1 });

    // Within the day the status answers what is kept and recounts nothing.
    expect((await getStatus(db, '1', [], t0 + RECOUNT_MS - 1)).counts.entities).toBe(1);
    await statusRecount();
    expect(await kept()).toMatchObject({ entities: 1 });
    // A day on it answers at once, then recounts and corrects the row.
    expect((await getStatus(db, '1', [], t0 + RECOUNT_MS)).counts.entities).toBe(1);
    await statusRecount();
    await expectKept();
    expect((await getStatus(db, '1', [], t0 + RECOUNT_MS + 1)).counts.entities).toBe(3);
    // A recount that finds nothing wrong says so.
    expect(await recount(db, t0 + 3 * RECOUNT_MS)).toEqual({});
  });

  it('give related incidents the number of clusters, without counting them', async () => {
    const matcher = compileMatcher(seedCatalogue());
    await ingestFeedItems(db, [BOEING_1, ICBC], { matcher, now: NOW });
    await getStatus(db, '1');
    const score = async () => {
      forgetClusterCount();
      const [first] = await relatedIncidents(db, ['organization:boeing', 'malware:lockbit'], undefined, { now: NOW });
      return first.score;
    };
    const kept = await score();
    // The kept count, not a count of the table, weighs the keys: a larger one makes each shared key rarer.
    const row = parseKept((await db.ingestMeta.get(COUNTS_KEY))!.value)!;
    await db.ingestMeta.put({ key: COUNTS_KEY, value: JSON.stringify({ ...row, counts: { ...row.counts, clusters: 1000 } }) });
    expect(await score()).toBeGreaterThan(kept);
    forgetClusterCount();
  });
});
