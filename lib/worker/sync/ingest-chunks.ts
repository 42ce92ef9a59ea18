/**
 * A feed's items ingested in chunks (by the length of text the engine reads), the engine's reading of one chunk overlapping the previous chunk's
 * transaction: IndexedDB does its part of a write away from the worker's thread, so while it reads,
 * clusters and commits chunk k the engine reads chunk k+1. Between two items the worker lets other tasks
 * run (a page's analysis request, the transaction's own callbacks), so a page asking during a sync waits
 * for one item's reading at most, not a whole feed's. Who reads is one seam (ChunkReader): this thread item
 * by item (inThread), or readers on other threads (./reader-pool.ts), which read the next chunks while this
 * thread only stores and clusters.
 *
 * The items go in publication order across chunks (each ingest sorts its batch the same way), so that
 * clustering meets them in the same order as in one batch. What differs from one batch: an item that
 * appears twice in a feed, once in each of two chunks, counts as stored then updated (or unchanged)
 * rather than once.
 */
import { emptyOutcome, type IngestOutcome } from '../cluster/ingest';
import type { ClusterRow } from '../cluster/summarise';
import { nextTask } from '../next-task';

/**
 * Text the engine reads per chunk (characters): a chunk costs a transaction, whose round trips are the
 * same for 5 items as for 50, so short items (a title and a summary, most feeds) go together, and a feed
 * with whole articles (several ms of reading each) is split into chunks whose writes the reading hides.
 */
export const CHUNK_CHARS = 25_000;

/**
 * Chunks read but not yet written, at most: the engine reads on while that many wait for their turn to be
 * written. With one, the reading stopped at the end of each chunk until the chunk before it was written,
 * and the thread sat idle on IndexedDB whenever the writing took longer than the reading (14% of the
 * ingest's time in the profile once the writes' JavaScript was cut); with two it has the next chunk to read.
 */
const CHUNKS_AHEAD = 2;

/** Reads a chunk of items (in order, one result per item): on this thread, or handed to readers elsewhere. */
export type ChunkReader<I, P> = (chunk: I[]) => Promise<P[]>;

/**
 * A chunk reader on this thread: `read` on each item in order, yielding between items, one chunk at a time
 * (a chunk asked for while another is read waits for it, so two chunks' items never interleave).
 */
export function inThread<I, P>(read: (item: I) => P): ChunkReader<I, P> {
  let queue: Promise<unknown> = Promise.resolve();
  return (chunk) => {
    const done = queue.then(async () => {
      const out: P[] = [];
      for (const item of chunk) {
        out.push(read(item));
        await nextTask();
      }
      return out;
    });
    queue = done.catch(() => undefined);
    return done;
  };
}

/** The items cut into chunks: a chunk ends when its items' `weight` reaches `budget`. */
export function chunksOf<I>(items: readonly I[], weight: (item: I) => number, budget = CHUNK_CHARS): I[][] {
  const out: I[][] = [];
  let chunk: I[] = [];
  let load = 0;
  for (const item of items) {
    chunk.push(item);
    load += weight(item);
    if (load >= budget) {
      out.push(chunk);
      chunk = [];
      load = 0;
    }
  }
  if (chunk.length) out.push(chunk);
  return out;
}

/**
 * Runs `read` on each chunk (chunksOf: a chunk ends when its items' `weight` reaches `budget`) and `write`
 * on each chunk's results, one write at a time and in order, while the next chunks are read (at most
 * `ahead` of them read or being read while waiting for their write). Returns the writes' results. With no
 * items, `write` runs once on nothing (retention still has its turn). A failed read or write fails the
 * call, and no chunk after it is written.
 */
export async function pipelined<I, P, O>(
  items: readonly I[],
  read: ChunkReader<I, P>,
  write: (chunk: P[]) => Promise<O>,
  weight: (item: I) => number,
  budget = CHUNK_CHARS,
  ahead = CHUNKS_AHEAD,
): Promise<O[]> {
  if (!items.length) return [await write([])];
  const writes: Promise<O>[] = [];
  /** Settles when the last write issued has (each write starts once the one before it has succeeded). */
  let last: Promise<unknown> = Promise.resolve();
  for (const chunk of chunksOf(items, weight, budget)) {
    // Written chunks are done with; wait while too many are still to be written.
    if (writes.length > ahead) await writes[writes.length - 1 - ahead];
    const reading = read(chunk);
    const w = last.then(() => reading).then((c) => write(c));
    // Awaited later (or never, after an earlier failure): until then a failure must not count as unhandled.
    reading.catch(() => undefined);
    w.catch(() => undefined);
    writes.push(w);
    last = w;
  }
  return Promise.all(writes);
}

/** The outcomes of a feed's chunks as one: counts added up; an item's or a cluster's last state kept. */
export function mergeOutcomes(list: readonly IngestOutcome[]): IngestOutcome {
  if (list.length === 1) return list[0];
  const out = emptyOutcome();
  const clusters = new Map<string, ClusterRow>();
  const lastWrite = new Map<string, number>();
  list.forEach((o, i) => o.incidents.forEach((r) => lastWrite.set(r.articleUrl, i)));
  list.forEach((o, i) => {
    out.added += o.added;
    out.updated += o.updated;
    out.unchanged += o.unchanged;
    out.duplicates += o.duplicates;
    out.expired += o.expired;
    for (const [url, id] of o.clusterOf) out.clusterOf.set(url, id);
    for (const c of o.clusters) clusters.set(c.id, c);
    out.incidents.push(...o.incidents.filter((r) => lastWrite.get(r.articleUrl) === i));
  });
  out.clusters = [...clusters.values()];
  return out;
}
