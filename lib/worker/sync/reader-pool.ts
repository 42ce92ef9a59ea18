/**
 * Readers on other threads for the sync's ingest: the engine's reading of feed items is most of an
 * ingest's CPU (CPU profile: 53% of an item's time, the thread busy 96%), so with readers on other threads
 * the worker's own thread only stores and clusters while they read the next chunks.
 *
 * A chunk is cut into one slice per live reader (by the length of text read, in order), each slice sent
 * to its reader with the matcher it is to be read with (sent once a reader and a matcher, as its buffer),
 * and the slices' results put back in the chunk's order. A reader that fails or does not answer within
 * `timeoutMs` is dropped for the rest of the pool's life, and its slice is read on this thread: nothing is
 * lost, nothing read twice into the store (a late answer of a dropped reader is ignored). With no live
 * reader left, every chunk is read on this thread, item by item, as without a pool.
 */
import type { CompiledMatcher } from '../extract/matcher';
import type { ReadyItem } from '../cluster/ingest';
import { inThread } from './ingest-chunks';
import { textLength } from './ingest-items';
import type { FeedItem } from './item';
import { readItem, type FromReader, type ReaderEndpoint, type ToReader } from './reader-serve';

/** A reader's end of the pool: a Worker or a MessagePort to one. */
export interface ReaderPort extends ReaderEndpoint {
  addEventListener(type: 'message' | 'error' | 'messageerror' | 'close', listener: (e: MessageEvent) => void): void;
}

/** What the pool did, for the sync's status and the tests. */
export interface ReaderStats {
  /** Slices read by readers on other threads, and their items. */
  slicesOffThread: number;
  itemsOffThread: number;
  /** Items read on this thread (no reader left, or a reader's slice taken back). */
  itemsInThread: number;
  /** Readers dropped (an error, no answer in time). */
  readersLost: number;
}

/** Longest wait for a slice's answer before it is read on this thread: generous, a loaded machine reads slowly. */
const DEFAULT_TIMEOUT_MS = 10_000;

interface Reader {
  port: ReaderPort;
  matcher?: CompiledMatcher;
  alive: boolean;
  waiting: Map<number, { ok: (p: ReadyItem[]) => void; fail: (e: Error) => void }>;
}

export class ReaderPool {
  readonly stats: ReaderStats = { slicesOffThread: 0, itemsOffThread: 0, itemsInThread: 0, readersLost: 0 };
  private readonly readers: Reader[];
  private nextId = 1;

  constructor(
    ports: readonly ReaderPort[],
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {
    this.readers = ports.map((port) => {
      const r: Reader = { port, alive: true, waiting: new Map() };
      port.addEventListener('message', (e: MessageEvent<FromReader>) => {
        const w = r.waiting.get(e.data?.id);
        if (!w) return;
        r.waiting.delete(e.data.id);
        if ('prepared' in e.data && Array.isArray(e.data.prepared)) w.ok(e.data.prepared);
        else w.fail(new Error('error' in e.data ? e.data.error : 'no answer'));
      });
      const broken = () => this.drop(r, new Error('reader failed'));
      port.addEventListener('error', broken);
      port.addEventListener('messageerror', broken);
      // A MessagePort whose other end went away (the offscreen document closed), where the browser tells (Chrome 122+).
      port.addEventListener('close', broken);
      port.start?.();
      return r;
    });
  }

  /** Every reader out of use (whatever it was asked is read on this thread); its port closed where it can be. */
  close(): void {
    for (const r of this.readers) {
      this.drop(r, new Error('readers closed'), false);
      (r.port as { close?: () => void }).close?.();
    }
  }

  /** Readers still in use. */
  get live(): number {
    return this.readers.filter((r) => r.alive).length;
  }

  /** The chunk's items read (with `matcher`, `lede` characters in context) and their rows worked out (read at `now`), in order: ingestFeedItems's `reader`. */
  read = async (chunk: FeedItem[], matcher: CompiledMatcher, lede: number, now: number): Promise<ReadyItem[]> => {
    const readers = this.readers.filter((r) => r.alive);
    if (!readers.length) return this.inThread(chunk, matcher, lede, now);
    const slices = slicesOf(chunk, readers.length);
    const parts = await Promise.all(slices.map((slice, i) => this.readOn(readers[i], slice, matcher, lede, now)));
    return parts.flat();
  };

  private async readOn(r: Reader, slice: FeedItem[], matcher: CompiledMatcher, lede: number, now: number): Promise<ReadyItem[]> {
    if (!slice.length) return [];
    try {
      const prepared = await this.ask(r, slice, matcher, lede, now);
      if (prepared.length !== slice.length) throw new Error(`reader answered ${prepared.length} items for ${slice.length}`);
      this.stats.slicesOffThread++;
      this.stats.itemsOffThread += slice.length;
      return prepared;
    } catch (e) {
      this.drop(r, e instanceof Error ? e : new Error(String(e)));
      return this.inThread(slice, matcher, lede, now);
    }
  }

  private ask(r: Reader, items: FeedItem[], matcher: CompiledMatcher, lede: number, now: number): Promise<ReadyItem[]> {
    if (!r.alive) return Promise.reject(new Error('reader dropped'));
    const id = this.nextId++;
    return new Promise<ReadyItem[]>((ok, fail) => {
      const timer = setTimeout(() => {
        r.waiting.delete(id);
        fail(new Error(`no answer in ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      r.waiting.set(id, {
        ok: (p) => (clearTimeout(timer), ok(p)),
        fail: (e) => (clearTimeout(timer), fail(e)),
      });
      try {
        if (r.matcher !== matcher) {
          // A copy of the buffer (the worker's matcher stays whole); sent once per reader and matcher.
          r.port.postMessage({ kind: 'matcher', buffer: matcher.buffer } satisfies ToReader);
          r.matcher = matcher;
        }
        r.port.postMessage({ kind: 'read', id, items, lede, now } satisfies ToReader);
      } catch (e) {
        r.waiting.get(id)?.fail(e instanceof Error ? e : new Error(String(e)));
        r.waiting.delete(id);
      }
    });
  }

  /** A reader out of use: whatever it was asked is read on this thread by its askers. */
  private drop(r: Reader, why: Error, lost = true): void {
    if (!r.alive) return;
    r.alive = false;
    if (lost) {
      this.stats.readersLost++;
      console.warn(`Incident Lens: a sync reader stopped (${why.message}); its items are read on the worker's own thread`);
    }
    for (const w of r.waiting.values()) w.fail(why);
    r.waiting.clear();
  }

  private async inThread(items: FeedItem[], matcher: CompiledMatcher, lede: number, now: number): Promise<ReadyItem[]> {
    const out = await inThread((item: FeedItem) => readItem(item, matcher, lede, now))(items);
    this.stats.itemsInThread += items.length;
    return out;
  }
}

/** The chunk cut into `n` runs of items in order, of about equal text to read (some may be empty). */
export function slicesOf(chunk: FeedItem[], n: number): FeedItem[][] {
  if (n <= 1) return [chunk];
  const total = chunk.reduce((s, item) => s + textLength(item), 0);
  const out: FeedItem[][] = Array.from({ length: n }, () => []);
  let load = 0;
  for (const item of chunk) {
    // The slice this item's middle falls in.
    const w = textLength(item);
    const i = Math.min(n - 1, Math.floor(((load + w / 2) / Math.max(1, total)) * n));
    out[i].push(item);
    load += w;
  }
  return out;
}
