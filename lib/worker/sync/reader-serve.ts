/**
 * The reading side of a reader (./reader-pool.ts): on another thread (a dedicated Worker, in Firefox's
 * background page or in Chrome's offscreen document), it loads the matcher it is sent and reads the chunks of
 * feed items it is sent with the engine, as the sync would on its own thread (prepareFeedItem), and answers
 * with the prepared items (structured clone: plain data). Messages on one port arrive in order, so a matcher
 * sent before a chunk is the one that chunk is read with.
 */
import { loadMatcher, type CompiledMatcher } from '../extract/matcher';
import type { PreparedItem } from '../cluster/ingest';
import { prepareFeedItem } from './ingest-items';
import type { FeedItem } from './item';

/** To a reader: the matcher to read with from now on (its buffer), or a chunk to read. */
export type ToReader = { kind: 'matcher'; buffer: ArrayBuffer } | { kind: 'read'; id: number; items: FeedItem[]; lede: number };

/** From a reader: a chunk's prepared items (in the chunk's order), or why it could not read it. */
export type FromReader = { id: number; prepared: PreparedItem[] } | { id: number; error: string };

/** Anything messages come and go on: a Worker's global scope, a MessagePort. */
export interface ReaderEndpoint {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
  start?: () => void;
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
      answer = { id: msg.id, prepared: msg.items.map((item) => prepareFeedItem(item, m, msg.lede)) };
    } catch (err) {
      answer = { id: msg.id, error: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(answer);
  });
  port.start?.();
}
