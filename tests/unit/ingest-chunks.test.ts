/**
 * A feed ingested in chunks, the engine reading one chunk while the previous one is written: the same
 * rows as one batch, the writes one at a time and in order, and other tasks (a page's request) let in
 * between two items.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileMatcher, type CompiledMatcher } from '../../lib/worker/extract/matcher';
import { seedCatalogue } from '../../lib/worker/knowledge/seed';
import { ingestFeedItemsInto, prepareFeedItem } from '../../lib/worker/sync/ingest-items';
import { CHUNK_CHARS, inThread, mergeOutcomes, pipelined } from '../../lib/worker/sync/ingest-chunks';
import { nextTask } from '../../lib/worker/next-task';
import { ingestPrepared } from '../../lib/worker/cluster/ingest';
import { MemoryStore } from '../../lib/worker/cluster/memory-store';
import type { FeedItem } from '../../lib/worker/sync/item';
import { NOW, item, BOEING_1, BOEING_2, ICBC, CITRIX_PATCH, CITRIX_EXPLOITED, CITRIX_EXPLOITED_2 } from '../support/feed-items';

let matcher: CompiledMatcher;
beforeAll(() => {
  matcher = compileMatcher(seedCatalogue());
});

const TOPICS = ['Moodle', 'Jenkins', 'Confluence', 'Zimbra', 'Fortinet', 'Ivanti', 'MOVEit', 'Okta', 'Cisco', 'Atlassian'];

/** A feed's whole article: the summary, then paragraphs that name nothing. */
const withContent = (i: FeedItem): FeedItem => ({
  ...i,
  content: `${i.summary}\n\n${'The rest of the article describes the background in general terms for readers. '.repeat(50)}`,
});

/** 26 items with whole articles over five weeks, out of order: three events reported twice or more, and twenty stories apart. */
function feed(): FeedItem[] {
  const apart = Array.from({ length: 20 }, (_, i) =>
    item(
      `site${i % 4}.example`,
      `story-${i}`,
      new Date(Date.parse('2023-10-05T08:00:00Z') + i * 36 * 3_600_000).toISOString(),
      `${TOPICS[i % TOPICS.length]} ships its monthly update number ${i} for administrators`,
      `The ${TOPICS[i % TOPICS.length]} release ${i} changes settings for administrators of the product.`,
    ),
  );
  return [BOEING_2, ...apart.slice(0, 10), CITRIX_EXPLOITED_2, ICBC, BOEING_1, ...apart.slice(10), CITRIX_PATCH, CITRIX_EXPLOITED].map(
    withContent,
  );
}

/** Which items share a cluster, as sets of URLs (cluster ids depend on nothing but the first item, but compare groups). */
function groups(store: MemoryStore): string[][] {
  const by = new Map<string, string[]>();
  for (const r of store.items.values()) by.set(r.clusterId!, [...(by.get(r.clusterId!) ?? []), r.url].sort());
  return [...by.values()].sort((a, b) => a[0].localeCompare(b[0]));
}

describe('ingest in chunks', () => {
  it('stores, reports and clusters a feed longer than a chunk as one batch would', async () => {
    const items = feed();
    const text = items.reduce((n, i) => n + i.title.length + (i.summary?.length ?? 0) + (i.content?.length ?? 0), 0);
    expect(text).toBeGreaterThan(2 * CHUNK_CHARS);
    const chunked = new MemoryStore();
    const { report, outcome } = await ingestFeedItemsInto(chunked, items, { matcher, now: NOW, retentionDays: Infinity });
    const whole = new MemoryStore();
    const one = await ingestPrepared(
      whole,
      items.map((i) => prepareFeedItem(i, matcher)),
      { now: NOW, retentionDays: Infinity },
    );
    expect(report).toMatchObject({ added: items.length, updated: 0, unchanged: 0, duplicates: 0, rejected: 0 });
    expect(one.added).toBe(items.length);
    expect([...chunked.items.keys()].sort()).toEqual([...whole.items.keys()].sort());
    expect(groups(chunked)).toEqual(groups(whole));
    expect(groups(chunked)).toContainEqual([BOEING_1.url, BOEING_2.url].sort());
    expect(groups(chunked)).toContainEqual([CITRIX_EXPLOITED.url, CITRIX_EXPLOITED_2.url].sort());
    // The outcome of the chunks is the feed's: every item's cluster, every stored cluster once, in its last state.
    expect(outcome.clusterOf.size).toBe(items.length);
    expect(outcome.clusters.map((c) => c.id).sort()).toEqual([...chunked.clusters.keys()].sort());
    for (const c of outcome.clusters) expect(c).toEqual(chunked.clusters.get(c.id));
    expect(outcome.incidents.map((r) => r.id).sort()).toEqual([...chunked.incidents.keys()].sort());

    // Again: nothing changes, whatever chunk an item falls in.
    const again = await ingestFeedItemsInto(chunked, [...items].reverse(), { matcher, now: NOW, retentionDays: Infinity });
    expect(again.report).toMatchObject({ added: 0, updated: 0, unchanged: items.length });
  });

  it('lets other tasks run while it reads a feed (a page asking meanwhile waits for one item, not the feed)', async () => {
    const store = new MemoryStore();
    let written = 0;
    const write = store.write.bind(store);
    store.write = async (w) => {
      written += w.items.length;
      return write(w);
    };
    const seen: number[] = [];
    const ingest = ingestFeedItemsInto(store, feed(), { matcher, now: NOW, retentionDays: Infinity });
    // A task queued now (as a page's message would be) runs before the first chunk is even written.
    await nextTask().then(() => seen.push(written));
    await ingest;
    expect(seen).toEqual([0]);
    expect(written).toBe(feed().length);
  });
});

describe('pipelined', () => {
  it('reads a chunk while the previous one is written, writes one at a time in order, and keeps every result', async () => {
    const log: string[] = [];
    let writing = 0;
    const results = await pipelined(
      [1, 2, 3, 4, 5, 6, 7],
      inThread((n: number) => (log.push(`read ${n}`), n * 10)),
      async (chunk) => {
        expect(writing).toBe(0);
        writing++;
        log.push(`write ${chunk.join(',')}`);
        await nextTask();
        await nextTask();
        log.push(`wrote ${chunk.join(',')}`);
        writing--;
        return chunk.length;
      },
      () => 1,
      3,
    );
    expect(results).toEqual([3, 3, 1]);
    expect(log.filter((l) => l.startsWith('write'))).toEqual(['write 10,20,30', 'write 40,50,60', 'write 70']);
    // The second chunk's reading began before the first chunk was written.
    expect(log.indexOf('read 4')).toBeLessThan(log.indexOf('wrote 10,20,30'));
    expect(log.indexOf('write 40,50,60')).toBeGreaterThan(log.indexOf('wrote 10,20,30'));
  });

  it('reads on while two chunks wait for their writes, and no further (CHUNKS_AHEAD)', async () => {
    const log: string[] = [];
    let release: () => void = () => undefined;
    const slow = new Promise<void>((ok) => (release = ok));
    const done = pipelined(
      [1, 2, 3, 4, 5, 6, 7, 8],
      inThread((n: number) => (log.push(`read ${n}`), n)),
      async (chunk) => {
        log.push(`write ${chunk.join(',')}`);
        // The first write takes until the reading has gone as far as it may.
        if (chunk[0] === 1) await slow;
        log.push(`wrote ${chunk.join(',')}`);
        return chunk.length;
      },
      () => 1,
      2,
    );
    for (let i = 0; i < 50; i++) await nextTask();
    // Chunk [1,2] is being written, [3,4] and [5,6] wait for their turn: the reading stopped there.
    // (The next chunk's reading is asked for as soon as it is cut, so 'read 3' may come before 'write 1,2'.)
    expect(log.filter((l) => l.startsWith('read'))).toEqual(['read 1', 'read 2', 'read 3', 'read 4', 'read 5', 'read 6']);
    expect(log.filter((l) => l.startsWith('write'))).toEqual(['write 1,2']);
    expect(log.indexOf('write 1,2')).toBeGreaterThan(log.indexOf('read 2'));
    release();
    expect(await done).toEqual([2, 2, 2, 2]);
    expect(log.filter((l) => l.startsWith('write'))).toEqual(['write 1,2', 'write 3,4', 'write 5,6', 'write 7,8']);
  });

  it('passes a failed read on after the chunks read before it are written, and writes nothing of it or after it', async () => {
    const writes: number[][] = [];
    await expect(
      pipelined(
        [1, 2, 3, 4, 5, 6],
        inThread((n: number) => {
          if (n === 5) throw new Error('bad item');
          return n;
        }),
        async (c) => void writes.push(c),
        () => 1,
        2,
      ),
    ).rejects.toThrow('bad item');
    expect(writes).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('writes no chunk after one whose write failed', async () => {
    const written: number[][] = [];
    await expect(
      pipelined(
        [1, 2, 3, 4, 5, 6],
        inThread((n: number) => n),
        async (c) => {
          if (c[0] === 3) throw new Error('disk full');
          written.push(c);
          return c.length;
        },
        () => 1,
        2,
      ),
    ).rejects.toThrow('disk full');
    expect(written).toEqual([[1, 2]]);
  });

  it('writes once with nothing when there are no items, and passes a failed write on', async () => {
    const chunks: number[][] = [];
    expect(
      await pipelined(
        [],
        inThread((n: number) => n),
        async (c) => (chunks.push(c), 'done'),
        () => 1,
      ),
    ).toEqual(['done']);
    expect(chunks).toEqual([[]]);
    await expect(
      pipelined(
        [1, 2, 3, 4],
        inThread((n: number) => n),
        async (c) => {
          if (c[0] === 1) throw new Error('disk full');
          return c.length;
        },
        () => 1,
        2,
      ),
    ).rejects.toThrow('disk full');
  });

  it('ends a chunk when its items weigh the budget: short items together, long ones apart', async () => {
    const chunks: string[][] = [];
    await pipelined(
      ['a', 'b', 'c', 'long', 'd', 'e'],
      inThread((s: string) => s),
      async (c) => void chunks.push(c),
      (s) => (s === 'long' ? 10 : 1),
      3,
    );
    expect(chunks).toEqual([['a', 'b', 'c'], ['long'], ['d', 'e']]);
  });

  it('adds the chunks’ counts up and keeps the last state of a cluster', () => {
    const base = { added: 0, updated: 0, unchanged: 0, duplicates: 0, expired: 0, incidents: [] };
    const c = (id: string, title: string) => ({ id, title }) as never;
    const merged = mergeOutcomes([
      { ...base, added: 2, expired: 1, clusterOf: new Map([['a', 'x']]), clusters: [c('x', 'old')] },
      { ...base, added: 1, unchanged: 1, clusterOf: new Map([['b', 'x']]), clusters: [c('x', 'new'), c('y', 'y')] },
    ]);
    expect(merged).toMatchObject({ added: 3, unchanged: 1, expired: 1 });
    expect([...merged.clusterOf]).toEqual([
      ['a', 'x'],
      ['b', 'x'],
    ]);
    expect(merged.clusters).toEqual([c('x', 'new'), c('y', 'y')]);
  });
});
