/**
 * The sync's reader pool (lib/worker/sync/reader-pool.ts) against real readers (reader-serve.ts) at the far
 * end of real MessageChannels (Node's: every message structured-cloned, as between threads): the items come
 * back read as this thread reads them, in the chunk's order; a reader that fails, stays silent or answers late
 * has its slice read on this thread, once; after a new matcher the readers read with it.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { compileMatcher, type CompiledMatcher } from '../../lib/worker/extract/matcher';
import { seedCatalogue } from '../../lib/worker/knowledge/seed';
import { ingestFeedItemsInto, prepareFeedItem } from '../../lib/worker/sync/ingest-items';
import { ReaderPool, slicesOf, type ReaderPort } from '../../lib/worker/sync/reader-pool';
import { serveReader, type ToReader } from '../../lib/worker/sync/reader-serve';
import { openReaders, readerCount } from '../../lib/worker/sync/reader-hosts';
import { MemoryStore } from '../../lib/worker/cluster/memory-store';
import { itemRows } from '../../lib/worker/cluster/ingest';
import type { FeedItem } from '../../lib/worker/sync/item';
import { BOEING_1, BOEING_2, CITRIX_EXPLOITED, CITRIX_EXPLOITED_2, CITRIX_PATCH, ICBC, NOW, item } from '../support/feed-items';

const LEDE = 2_500;
let matcher: CompiledMatcher;
beforeAll(() => {
  matcher = compileMatcher(seedCatalogue());
});

const FEED: FeedItem[] = [BOEING_1, BOEING_2, ICBC, CITRIX_PATCH, CITRIX_EXPLOITED, CITRIX_EXPLOITED_2];

/** Ports to close after each test (an open Node port keeps the process alive). */
let open: { close(): void }[] = [];
afterEach(() => {
  for (const p of open) p.close();
  open = [];
});

/** A reader at the far end of a MessageChannel; the near end, and every message the reader was sent. */
function reader(): { port: ReaderPort; sent: ToReader[] } {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  const sent: ToReader[] = [];
  port2.addEventListener('message', (e) => sent.push(e.data as ToReader));
  serveReader(port2 as unknown as ReaderPort);
  return { port: port1 as unknown as ReaderPort, sent };
}

/** A port that answers nothing, or (with `late`) an answer of its own making after `late` ms. */
function silent(late?: number): ReaderPort {
  const listeners: ((e: MessageEvent) => void)[] = [];
  return {
    postMessage(m: unknown) {
      const msg = m as ToReader;
      if (late === undefined || msg.kind !== 'read') return;
      setTimeout(
        () => listeners.forEach((l) => l({ data: { id: msg.id, prepared: msg.items.map(() => ({ bogus: true })) } } as MessageEvent)),
        late,
      );
    },
    addEventListener(type: string, l: (e: MessageEvent) => void) {
      if (type === 'message') listeners.push(l);
    },
  };
}

/** What this thread reads of the items, and the rows the write path works out from that. */
const inThread = (items: FeedItem[], m = matcher) => items.map((i) => ({ rows: itemRows(prepareFeedItem(i, m, LEDE), NOW) }));

describe('ReaderPool', () => {
  it('reads a chunk on its readers as this thread would, in the chunk’s order, sending the matcher once a reader', async () => {
    const readers = [reader(), reader()];
    const pool = new ReaderPool(readers.map((r) => r.port));
    expect(await pool.read(FEED, matcher, LEDE, NOW)).toEqual(inThread(FEED));
    expect(await pool.read(FEED.slice(0, 3), matcher, LEDE, NOW)).toEqual(inThread(FEED.slice(0, 3)));
    expect(pool.stats).toEqual({ slicesOffThread: 4, itemsOffThread: 9, itemsInThread: 0, readersLost: 0 });
    for (const r of readers) {
      expect(r.sent.filter((m) => m.kind === 'matcher')).toHaveLength(1);
      expect(r.sent.filter((m) => m.kind === 'read')).toHaveLength(2);
    }
    pool.close();
  });

  it('stores through the readers exactly what the ingest stores reading on its own thread', async () => {
    const feed = [...FEED, ...FEED.map((f, i) => ({ ...f, url: `${f.url}-again`, guid: `${f.guid}-again`, title: `${f.title} ${i}` }))];
    const alone = new MemoryStore();
    const viaReaders = new MemoryStore();
    const pool = new ReaderPool([reader().port, reader().port]);
    const a = await ingestFeedItemsInto(alone, feed, { matcher, now: NOW });
    // Chunks of 500 characters: a feed of one chunk is read on this thread, readers or not.
    const b = await ingestFeedItemsInto(viaReaders, feed, { matcher, now: NOW, reader: pool.read, chunkChars: 500 });
    expect(b.report).toEqual(a.report);
    expect([...viaReaders.items.values()]).toEqual([...alone.items.values()]);
    expect([...viaReaders.clusters.values()]).toEqual([...alone.clusters.values()]);
    expect([...viaReaders.incidents.values()]).toEqual([...alone.incidents.values()]);
    expect(pool.stats.itemsOffThread).toBe(feed.length);
    // One chunk: read on this thread, the readers not asked.
    const c = await ingestFeedItemsInto(new MemoryStore(), feed, { matcher, now: NOW, reader: pool.read });
    expect(c.report).toEqual(a.report);
    expect(pool.stats.itemsOffThread).toBe(feed.length);
    pool.close();
  });

  it('reads a silent reader’s slice on this thread after the timeout, drops the reader, and ignores its late answer', async () => {
    const good = reader();
    // The good reader answers on this thread's own event loop, so the timeout must outlast its reading of its
    // slice even on a loaded machine (40 ms did not, now and then); the silent reader's late answer comes after.
    const pool = new ReaderPool([good.port, silent(700)], 400);
    expect(await pool.read(FEED, matcher, LEDE, NOW)).toEqual(inThread(FEED));
    expect(pool.stats.readersLost).toBe(1);
    expect(pool.stats.itemsOffThread + pool.stats.itemsInThread).toBe(FEED.length);
    expect(pool.stats.itemsInThread).toBeGreaterThan(0);
    expect(pool.live).toBe(1);
    // The late answer (bogus items) arrives meanwhile and changes nothing; the next chunk goes to the live reader.
    await new Promise((ok) => setTimeout(ok, 750));
    expect(await pool.read(FEED, matcher, LEDE, NOW)).toEqual(inThread(FEED));
    expect(pool.stats.itemsOffThread).toBeGreaterThanOrEqual(FEED.length);
    pool.close();
  });

  it('drops a reader whose port closes (its document went away) without waiting for the timeout', async () => {
    const { port1, port2 } = new MessageChannel();
    open.push(port1);
    const pool = new ReaderPool([port1 as unknown as ReaderPort], 60_000);
    port2.close();
    // Well within the test's own 5 s limit, against a 60 s timeout.
    expect(await pool.read(FEED, matcher, LEDE, NOW)).toEqual(inThread(FEED));
    expect(pool.stats).toMatchObject({ readersLost: 1, itemsInThread: FEED.length, itemsOffThread: 0 });
    pool.close();
  });

  it('reads on this thread when a reader answers with an error, or when no reader is left', async () => {
    const { port1, port2 } = new MessageChannel();
    open.push(port1, port2);
    // A reader that never got its matcher answers every chunk with an error.
    port2.addEventListener('message', (e) => {
      const m = e.data as ToReader;
      if (m.kind === 'read') port2.postMessage({ id: m.id, error: 'no matcher yet' });
    });
    port2.start();
    const pool = new ReaderPool([port1 as unknown as ReaderPort]);
    expect(await pool.read(FEED, matcher, LEDE, NOW)).toEqual(inThread(FEED));
    expect(pool.stats).toMatchObject({ readersLost: 1, itemsInThread: FEED.length, itemsOffThread: 0 });
    expect(await pool.read(FEED.slice(1), matcher, LEDE, NOW)).toEqual(inThread(FEED.slice(1)));
    expect(pool.stats.itemsInThread).toBe(2 * FEED.length - 1);
    pool.close();
  });

  it('reads with a new matcher once it is given one (a rebuild during the sync)', async () => {
    const text = item('news.example', 'zz', '2023-11-05T10:00:00Z', 'Zorblax Kitten hits a bank', 'Zorblax Kitten breached a bank.');
    const grown = compileMatcher([
      ...seedCatalogue(),
      { key: 'actor:zorblax-kitten', type: 'actor', name: 'Zorblax Kitten', aliases: [], sources: ['test'] },
    ]);
    const r = reader();
    const pool = new ReaderPool([r.port]);
    const keys = async (m: CompiledMatcher) => (await pool.read([text], m, LEDE, NOW))[0].rows.row.entityKeys;
    expect(await keys(matcher)).not.toContain('actor:zorblax-kitten');
    expect(await keys(grown)).toContain('actor:zorblax-kitten');
    expect(r.sent.filter((m) => m.kind === 'matcher')).toHaveLength(2);
    pool.close();
  });

  it('cuts a chunk into runs in order, by the text each item gives the engine', () => {
    const sized = (n: number, len: number) => item('s.example', `i${n}`, '2023-11-05T10:00:00Z', 'T', 'x'.repeat(len));
    const chunk = [sized(1, 900), sized(2, 100), sized(3, 100), sized(4, 100), sized(5, 700)];
    const slices = slicesOf(chunk, 2);
    expect(slices.flat()).toEqual(chunk);
    expect(slices.map((s) => s.map((i) => i.url.slice(-2)))).toEqual([
      ['i1', 'i2'],
      ['i3', 'i4', 'i5'],
    ]);
    expect(slicesOf(chunk, 1)).toEqual([chunk]);
    expect(slicesOf([chunk[0]], 3).flat()).toEqual([chunk[0]]);
  });

  it('starts one reader a core beside the worker’s own, one to three, and none where no Worker can be made', async () => {
    expect([1, 2, 3, 4, 8, 64].map((cores) => readerCount(cores))).toEqual([1, 1, 2, 3, 3, 3]);
    // Node (as the CLI and these tests run): no extension runtime, so the ingest reads on its own thread.
    expect(await openReaders()).toBeUndefined();
  });
});
