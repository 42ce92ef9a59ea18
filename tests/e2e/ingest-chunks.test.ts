/// <reference types="chrome" />
/**
 * A feed of whole articles through the built extension's worker (headless Chromium, real IndexedDB): its
 * items are read and written in many chunks, the engine reading ahead while two chunks wait for their
 * writes, each chunk's rows sent as IndexedDB's own requests. What the worker stores is what the same
 * code stores in memory in Node (the CLI's path): the same items, each in the same incident, the same
 * cluster rows and incident rows. And in a page with the worker's ingest bundled in: a chunk that
 * IndexedDB refuses (a row it cannot clone) leaves nothing of itself nor of the chunks after it, and the
 * same feed then goes in whole.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../lib/worker/extract/matcher';
import { seedCatalogue } from '../../lib/worker/knowledge/seed';
import { ingestFeedItemsInto } from '../../lib/worker/sync/ingest-items';
import { MemoryStore } from '../../lib/worker/cluster/memory-store';
import { withAnchorIndex } from '../../lib/worker/db/anchor-index';
import { CHUNK_CHARS } from '../../lib/worker/sync/ingest-chunks';
import { benchItems } from '../../bench/sync/items';
import { probeSession } from './probe-session';
import { bundle, launch } from '../fixtures/reading/browser';

const { ingest, tableRows } = probeSession();

/** CASIE news articles as a feed with full text (read in place from ../shared), published over the last month. */
const ITEMS = benchItems(80, Date.now() - 40 * 86_400_000, 30);
const byUrl = <T extends { url?: unknown; id?: unknown }>(rows: T[]) =>
  [...rows].sort((a, b) => String(a.url ?? a.id).localeCompare(String(b.url ?? b.id)));

describe('a feed of whole articles, in many chunks, through the worker', () => {
  it('stores what the in-memory store stores: every item in the same incident, the same rows', async () => {
    const chars = ITEMS.reduce((n, i) => n + i.title.length + (i.summary?.length ?? 0) + (i.content?.length ?? 0), 0);
    expect(chars / CHUNK_CHARS).toBeGreaterThan(6);
    const report = await ingest(ITEMS);
    expect(report).toMatchObject({ added: ITEMS.length, rejected: 0 });
    // Read by the sync's readers (Workers of the offscreen document), none on the worker's own thread.
    expect(report.readers).toMatchObject({ itemsOffThread: ITEMS.length, itemsInThread: 0, readersLost: 0 });
    expect(report.readers!.slicesOffThread).toBeGreaterThan(6);

    const memory = new MemoryStore();
    await ingestFeedItemsInto(memory, ITEMS, { matcher: compileMatcher(seedCatalogue()) });
    const articles = await tableRows('articles');
    expect(Object.fromEntries(articles.map((a) => [a.url, a.clusterId]))).toEqual(
      Object.fromEntries([...memory.items.values()].map((a) => [a.url, a.clusterId])),
    );
    // Several items share incidents (the feed repeats no article, but stories of one event meet).
    expect(new Set(articles.map((a) => a.clusterId)).size).toBeLessThan(ITEMS.length);
    const clusters = await tableRows('clusters');
    // With the entries the ingest adds for the anchors' index (schema v10), as Dexie's middleware would.
    expect(byUrl(clusters)).toEqual(JSON.parse(JSON.stringify(byUrl([...memory.clusters.values()].map(withAnchorIndex)))));
    const incidents = await tableRows('incidents');
    expect(incidents.length).toBe(memory.incidents.size);
    expect(byUrl(incidents).map((r) => [r.id, r.type, r.summary])).toEqual(
      byUrl([...memory.incidents.values()]).map((r) => [r.id, r.type, r.summary]),
    );
  });

  it('keeps nothing of a chunk IndexedDB refuses, nor of the chunks after it, and takes the feed again whole', async () => {
    // The worker's own ingest bundled into a page of a loopback origin (the message API validates items, so
    // no feed can carry a row IndexedDB refuses): an item whose source is a function cannot be cloned, its
    // article's put throws after the chunk's first rows were sent, and the chunk's transaction aborts.
    const server = createServer((_req, res) => res.end('<!DOCTYPE html><title>ingest</title>'));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const browser = await launch();
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      await page.addScriptTag({ content: await bundle('bench/sync/entry.ts', 'SB') });
      const first = benchItems(3, Date.now() - 30 * 86_400_000, 1);
      const feed = benchItems(40, Date.now() - 20 * 86_400_000, 10).map((it) => ({
        ...it,
        url: `${it.url}&feed=2`,
        guid: `${it.guid}-feed2`,
      }));
      const result = await page.evaluate(
        async ([first, feed, catalogue]) => {
          const { SB } = window as unknown as { SB: typeof import('../../bench/sync/entry') };
          const matcher = SB.compileMatcher(catalogue);
          const db = new SB.IncidentLensDb({ name: 'ingest-abort' });
          const urls = async () => (await db.articles.toCollection().primaryKeys()).length;
          await SB.ingestFeedItems(db, first, { matcher });
          const bad = feed.map((it, i) => (i === 2 ? { ...it, sourceId: (() => 'x') as unknown as string } : it));
          const error = await SB.ingestFeedItems(db, bad, { matcher }).then(
            () => 'none',
            (e: Error) => e.name,
          );
          const afterFailure = { articles: await urls(), incidents: await db.incidents.count() };
          const again = await SB.ingestFeedItems(db, feed, { matcher });
          return { error, afterFailure, again, articles: await urls() };
        },
        [first, feed, seedCatalogue()] as const,
      );
      expect(result.error).toBe('DataCloneError');
      // The failed chunk was the feed's first: nothing of the feed is stored.
      expect(result.afterFailure.articles).toBe(first.length);
      expect(result.again).toMatchObject({ added: feed.length, updated: 0, unchanged: 0 });
      expect(result.articles).toBe(first.length + feed.length);
    } finally {
      await browser.close();
      server.close();
    }
  });
});
