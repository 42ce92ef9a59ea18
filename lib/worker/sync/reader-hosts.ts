/**
 * Where the sync's readers (./reader-pool.ts) run in the extension, opened for a sync run and closed after it:
 * - Firefox's background page (an event page) has `Worker`: the readers are its own Workers (/reader.js);
 * - Chrome's service worker has none: an offscreen document (reason WORKERS) starts them, and the service
 *   worker talks to each on a MessagePort it sent the document (chunks and results structured-cloned, no
 *   runtime message, no JSON);
 * - elsewhere (Node, tests, a browser without either) there are none, and the sync reads on its own thread.
 * Nothing depends on the document staying up: a reader that stops answering is dropped by the pool and its
 * chunk read on the worker's thread; a document left open by a stopped worker is reused by the next run.
 */
import type { IncidentLensDb } from '../db/database';
import { ingestFeedItems, type IngestItemsOptions, type IngestItemsReport } from './ingest-items';
import type { FeedItem } from './item';
import { ReaderPool } from './reader-pool';

/** The readers of one run: the pool, and how to let them go. */
export interface OpenReaders {
  pool: ReaderPool;
  close(): Promise<void>;
}

const READER_URL = '/reader.js';
const OFFSCREEN_URL = '/offscreen.html';

/**
 * Readers for this machine: one a core beside the worker's own thread, at least one, at most three (the
 * worker's store takes about a third of a reader's time an item: bench/readers-ab.ts). On two busy cores two
 * readers did no better than one, and often worse (more CPU an item for each).
 */
export function readerCount(cores = globalThis.navigator?.hardwareConcurrency ?? 2): number {
  return Math.max(1, Math.min(3, cores - 1));
}

interface OffscreenApi {
  createDocument(p: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}

/** The service worker's view of its clients (the offscreen document among them). */
interface ClientList {
  matchAll(o: { includeUncontrolled: boolean }): Promise<{ url: string; postMessage(m: unknown, transfer: Transferable[]): void }[]>;
}

interface Runtime {
  getURL(path: string): string;
}

/**
 * Users of the offscreen document in this worker life (a sync run, an ingestFeedItems request): it is closed
 * when the last one is done, so that one does not close it under another's readers.
 */
let documentUsers = 0;
/** The document's opening, shared by the users who ask while it opens or is open (a second createDocument would fail). */
let documentOpen: Promise<void> | undefined;

/** Opens the readers, or undefined where none can run here (the caller reads on its own thread). */
export async function openReaders(count = readerCount()): Promise<OpenReaders | undefined> {
  const g = globalThis as unknown as {
    Worker?: typeof Worker;
    chrome?: { offscreen?: OffscreenApi; runtime?: Runtime };
    browser?: { runtime?: Runtime };
    clients?: ClientList;
  };
  const runtime = g.browser?.runtime ?? g.chrome?.runtime;
  if (!runtime) return undefined;
  try {
    if (typeof g.Worker === 'function') {
      const workers = Array.from({ length: count }, () => new g.Worker!(runtime.getURL(READER_URL)));
      const pool = new ReaderPool(workers);
      return {
        pool,
        close: async () => {
          pool.close();
          for (const w of workers) w.terminate();
        },
      };
    }
    const offscreen = g.chrome?.offscreen;
    if (!offscreen || !g.clients) return undefined;
    const url = runtime.getURL(OFFSCREEN_URL);
    documentUsers++;
    let doc: Awaited<ReturnType<ClientList['matchAll']>>[number] | undefined;
    try {
      documentOpen ??= offscreen
        .createDocument({ url, reasons: ['WORKERS'], justification: 'Reads synced news items on other threads.' })
        .catch((e: unknown) => {
          // Left open by a worker that was stopped: it takes a new set of readers.
          if (!/single offscreen document/i.test(String(e))) throw e;
        });
      await documentOpen;
      doc = (await g.clients.matchAll({ includeUncontrolled: true })).find((c) => c.url === url);
      if (!doc) throw new Error('the offscreen document is not there');
    } catch (e) {
      if (--documentUsers === 0) documentOpen = undefined;
      throw e;
    }
    const channels = Array.from({ length: count }, () => new MessageChannel());
    doc.postMessage(
      { kind: 'readers' },
      channels.map((c) => c.port2),
    );
    const pool = new ReaderPool(channels.map((c) => c.port1));
    return {
      pool,
      close: async () => {
        pool.close();
        if (--documentUsers > 0) return;
        documentOpen = undefined;
        await offscreen.closeDocument().catch(() => undefined);
      },
    };
  } catch (e) {
    console.warn('Incident Lens: the sync reads on the worker’s own thread (no readers:', e, ')');
    return undefined;
  }
}

/** ingestFeedItems with readers opened for it (and closed after): the report says where the items were read. */
export async function ingestFeedItemsOffThread(
  db: IncidentLensDb,
  items: FeedItem[],
  opts: IngestItemsOptions,
): Promise<IngestItemsReport> {
  const readers = await openReaders();
  try {
    const report = await ingestFeedItems(db, items, { ...opts, reader: readers?.pool.read });
    return readers ? { ...report, readers: { ...readers.pool.stats } } : report;
  } finally {
    await readers?.close();
  }
}
