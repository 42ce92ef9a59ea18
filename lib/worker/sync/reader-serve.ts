/**
 * The reading side of a reader (./reader-pool.ts): on another thread (a dedicated Worker, in Firefox's
 * background page or in Chrome's offscreen document), it loads the matcher it is sent and reads the chunks of
 * feed items it is sent with the engine, as the sync would on its own thread (prepareFeedItem), works out
 * their rows (itemRows: what the write path would, before its transaction) and answers with them (structured
 * clone: plain data; in Node's V8, 0.14 ms an item of whole articles against 0.21 for a JSON round trip, and
 * the items sent 0.006 against 0.07). Messages on one port arrive in order, so a matcher
 * sent before a chunk is the one that chunk is read with.
 */
import { loadMatcher, type CompiledMatcher } from '../extract/matcher';
import { itemRows, type ReadyItem } from '../cluster/ingest';
import { prepareFeedItem } from './ingest-items';
import type { FeedItem } from './item';

/** To a reader: the matcher to read with from now on (its buffer), or a chunk to read. */
export type ToReader =
  { kind: 'matcher'; buffer: ArrayBuffer } | { kind: 'read'; id: number; items: FeedItem[]; lede: number; now: number };

/** From a reader: a chunk's items read, their rows worked out (in the chunk's order), or why it could not read them. */
export type FromReader = { id: number; prepared: ReadyItem[] } | { id: number; error: string };

/** Anything messages come and go on: a Worker's global scope, a MessagePort. */
export interface ReaderEndpoint {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
  start?: () => void;
}

/** One item read and its rows worked out, as a reader does it (and the pool, for a reader's slice it takes back). */
export function readItem(item: FeedItem, matcher: CompiledMatcher, lede: number, now: number): ReadyItem {
  return { rows: itemRows(prepareFeedItem(item, matcher, lede), now) };
}

/** Answers every chunk that arrives on `port`. */
export function serveReader(port: ReaderEndpoint): void {
  let matcher: CompiledMatcher | undefined;
  port.addEventListener('message', (e: MessageEvent<ToReader>) => {
    const msg = e.data;
    if (msg?.kind === 'matcher') {
      matcher = loadMatcher(msg.buffer);
      return;
    }
    if (msg?.kind !== 'read') return;
    let answer: FromReader;
    try {
      if (!matcher) throw new Error('no matcher yet');
      const m = matcher;
      answer = { id: msg.id, prepared: msg.items.map((item) => readItem(item, m, msg.lede, msg.now)) };
    } catch (err) {
      answer = { id: msg.id, error: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(answer);
  });
  port.start?.();
}
