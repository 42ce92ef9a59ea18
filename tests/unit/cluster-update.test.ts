/**
 * An item rewritten under the same URL is clustered again from its new text: when it now reports another
 * event it leaves its old cluster (which stays consistent: its articles, first/last seen, title, summary;
 * dropped when emptied), in memory (the CLI) and in Dexie (the worker) alike.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { IncidentLensDb } from '../../lib/worker/db/database';
import { compileMatcher, type CompiledMatcher } from '../../lib/worker/extract/matcher';
import { seedCatalogue } from '../../lib/worker/knowledge/seed';
import { ingestFeedItemsInto } from '../../lib/worker/sync/ingest-items';
import { MemoryStore } from '../../lib/worker/cluster/memory-store';
import { DexieStore } from '../../lib/worker/cluster/dexie-store';
import type { IngestStore } from '../../lib/worker/cluster/store';
import type { ClusterRow } from '../../lib/worker/cluster/summarise';
import type { FeedItem } from '../../lib/worker/sync/item';
import { NOW, BOEING_1, BOEING_2, ICBC } from '../support/feed-items';

let matcher: CompiledMatcher;
beforeAll(() => {
  matcher = compileMatcher(seedCatalogue());
});

interface Harness {
  store: IngestStore;
  clusterOf(url: string): Promise<string | undefined>;
  clusters(): Promise<ClusterRow[]>;
}

let db: IncidentLensDb | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

const harnesses: Record<string, () => Harness> = {
  memory: () => {
    const store = new MemoryStore();
    return {
      store,
      clusterOf: async (url) => store.items.get(url)?.clusterId,
      clusters: async () => [...store.clusters.values()],
    };
  },
  dexie: () => {
    const d = new IncidentLensDb({ indexedDB: new IDBFactory(), IDBKeyRange, name: `upd-${Math.random()}` });
    db = d;
    return {
      store: new DexieStore(d),
      clusterOf: async (url) => (await d.articles.get(url))?.clusterId,
      clusters: () => d.clusters.toArray(),
    };
  },
};

/** BOEING_1's URL and guid, now telling of another company's breach by another gang. */
const BOEING_1_REWRITTEN: FeedItem = {
  ...BOEING_1,
  title: 'Toyota confirms data breach after Medusa ransomware attack on its finance arm',
  summary: 'Toyota Financial Services said the Medusa gang stole customer data from its European systems.',
};

/** BOEING_2's URL and guid, now telling of the ICBC attack. */
const BOEING_2_NOW_ICBC: FeedItem = {
  ...BOEING_2,
  title: 'ICBC paid LockBit ransom after attack disrupted Treasury trades',
  summary: 'The Industrial and Commercial Bank of China paid LockBit, the gang said after the attack on ICBC.',
};

function iso(i: FeedItem): string {
  return new Date(i.published!).toISOString();
}

function byId(rows: ClusterRow[], id: string | undefined): ClusterRow | undefined {
  return rows.find((c) => c.id === id);
}

describe.each(Object.keys(harnesses))('a rewritten item is clustered again (%s store)', (kind) => {
  async function ingest(h: Harness, items: FeedItem[]) {
    return (await ingestFeedItemsInto(h.store, items, { matcher, now: NOW })).report;
  }

  it('leaves the cluster it founded when its new text reports another event; the cluster keeps the others', async () => {
    const h = harnesses[kind]();
    await ingest(h, [BOEING_1, BOEING_2, ICBC]);
    const boeing = await h.clusterOf(BOEING_1.url);
    expect(await h.clusterOf(BOEING_2.url)).toBe(boeing);

    expect(await ingest(h, [BOEING_1_REWRITTEN])).toMatchObject({ added: 0, updated: 1 });
    const moved = await h.clusterOf(BOEING_1.url);
    expect(moved).toBeDefined();
    expect(moved).not.toBe(boeing);
    expect(moved).not.toBe(await h.clusterOf(ICBC.url));
    expect(await h.clusterOf(BOEING_2.url)).toBe(boeing);

    const rows = await h.clusters();
    const old = byId(rows, boeing);
    expect(old?.articles.map((a) => a.url)).toEqual([BOEING_2.url]);
    expect(old?.title).toBe(BOEING_2.title);
    expect(old?.firstSeen).toBe(iso(BOEING_2));
    expect(old?.lastSeen).toBe(iso(BOEING_2));
    expect(old?.victims.map((v) => v.key)).toEqual(['organization:boeing']);
    expect(old?.summary).toMatch(/Boeing/);
    const fresh = byId(rows, moved);
    expect(fresh?.articles.map((a) => a.url)).toEqual([BOEING_1.url]);
    expect(fresh?.title).toBe(BOEING_1_REWRITTEN.title);
    // One cluster per event, none left over.
    expect(rows).toHaveLength(3);
  });

  it('moves a member to the event its new text reports, and drops the cluster it emptied', async () => {
    const h = harnesses[kind]();
    await ingest(h, [BOEING_1, ICBC]);
    await ingest(h, [BOEING_2]);
    const boeing = await h.clusterOf(BOEING_1.url);
    const icbc = await h.clusterOf(ICBC.url);
    expect(await h.clusterOf(BOEING_2.url)).toBe(boeing);

    await ingest(h, [BOEING_2_NOW_ICBC]);
    expect(await h.clusterOf(BOEING_2.url)).toBe(icbc);
    let rows = await h.clusters();
    expect(byId(rows, boeing)?.articles.map((a) => a.url)).toEqual([BOEING_1.url]);
    expect(byId(rows, boeing)?.lastSeen).toBe(iso(BOEING_1));
    expect(byId(rows, icbc)?.articles.map((a) => a.url)).toEqual([BOEING_2.url, ICBC.url]);
    expect(byId(rows, icbc)?.firstSeen).toBe(iso(BOEING_2));

    // BOEING_1 alone in its cluster, rewritten into another story: that cluster goes, a new one comes.
    await ingest(h, [BOEING_1_REWRITTEN]);
    rows = await h.clusters();
    expect(byId(rows, boeing)).toBeUndefined();
    const moved = await h.clusterOf(BOEING_1.url);
    expect(byId(rows, moved)?.articles.map((a) => a.url)).toEqual([BOEING_1.url]);
    expect(rows).toHaveLength(2);
  });

  it('stays in its cluster when the new text still reports the same event', async () => {
    const h = harnesses[kind]();
    await ingest(h, [BOEING_1, BOEING_2]);
    const boeing = await h.clusterOf(BOEING_1.url);
    await ingest(h, [{ ...BOEING_1, summary: `${BOEING_1.summary} Boeing said flights are not affected.` }]);
    expect(await h.clusterOf(BOEING_1.url)).toBe(boeing);
    expect(byId(await h.clusters(), boeing)?.articles.map((a) => a.url)).toEqual([BOEING_1.url, BOEING_2.url]);
  });
});
