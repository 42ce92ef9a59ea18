/// <reference types="chrome" />
/**
 * A page that finds the service worker stopped (MV3 stops it after ~30 s idle) wakes it, and the worker answers
 * the page without evaluating the sync's code (the sync, the feed parser, the importers: lib/worker/sync/worker.ts
 * and what it imports, inlined behind a lazy initialiser that only `import()` runs); the woken worker read its
 * matcher from the database (nothing rebuilt), checked with the seed's stamp the build worked out, without
 * evaluating the seed's data. A sync message then evaluates the sync in that same worker life, a status request the seed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/chromium';
import { serveReadingPages, type ReadingServer } from '../fixtures/reading/pages';
import type { WireAnswer } from './helpers';
import { FIRST_STAGE_MARK, type AnalysisTimings } from '../../lib/worker/analysis/service';
import { DB_NAME } from '../../lib/worker/db/schema';
import { COUNTS_KEY, parseKept } from '../../lib/worker/db/counts';
import { MERGE_RECORD } from '../../lib/worker/knowledge/stored-catalogue';
import { SEED_ROWS } from '../../lib/worker/knowledge/seed/data';
import { seedStampOf } from '../../lib/worker/knowledge/seed/stamp';

const SYNC_MARK = 'il:sync-evaluated';
const SEED_MARK = 'il:seed-evaluated';

let server: ReadingServer;
let ext: ExtensionBrowser;
let probe: Page;

beforeAll(async () => {
  server = await serveReadingPages(2_000);
  ext = await launchWithExtension({ headless: true });
  probe = await ext.context.newPage();
  await probe.goto(`${ext.extensionUrl}collection.html`);
  // No sync alarm may wake the worker during the test (the first is set a minute after install).
  await probe.evaluate(() => chrome.alarms.clearAll());
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

function newestWorker(): Worker {
  const workers = ext.context.serviceWorkers().filter((w) => w.url().startsWith(ext.extensionUrl));
  return workers[workers.length - 1];
}

async function stopWorker(): Promise<void> {
  const before = newestWorker();
  // A mark of this worker life, gone in the next one.
  await before.evaluate(() => ((globalThis as Record<string, unknown>).__oldLife = 1));
  const cdp = await ext.context.newCDPSession(probe);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

async function readArticle(): Promise<void> {
  const page = await ext.context.newPage();
  await page.goto(`${server.origin}/shared/icc-espionage.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => performance.getEntriesByName('il:painted').length > 0, null, { timeout: 60_000 });
  await page.close();
}

async function workerState(): Promise<{
  oldLife: unknown;
  syncMarks: number;
  /** When the seed's data was evaluated in this worker life (wall-clock ms, as the analysis marks' times). */
  seedEvaluatedAt: number[];
  firstStage?: AnalysisTimings;
}> {
  return newestWorker().evaluate(
    ([syncMark, seedMark, firstStageMark]) => ({
      oldLife: (globalThis as Record<string, unknown>).__oldLife,
      syncMarks: performance.getEntriesByName(syncMark).length,
      seedEvaluatedAt: performance.getEntriesByName(seedMark).map((m) => performance.timeOrigin + m.startTime),
      firstStage: (performance.getEntriesByName(firstStageMark).at(-1) as PerformanceMark | undefined)?.detail as
        AnalysisTimings | undefined,
    }),
    [SYNC_MARK, SEED_MARK, FIRST_STAGE_MARK] as const,
  );
}

describe('after an install or an update', () => {
  it('the worker works out the status at once, before anything asks for it', async () => {
    // The kept counts' row: without it the popup's first status would count every table (seconds on a
    // database from before them, at 200,000 articles). Nothing here asks for the status.
    const stored = () =>
      probe.evaluate(
        ([db, key]) =>
          new Promise<unknown>((ok) => {
            const open = indexedDB.open(db);
            open.onerror = () => ok(undefined);
            open.onsuccess = () => {
              const conn = open.result;
              if (!conn.objectStoreNames.contains('ingestMeta')) return ok((conn.close(), undefined));
              const get = conn.transaction('ingestMeta').objectStore('ingestMeta').get(key);
              get.onsuccess = () => ok((conn.close(), (get.result as { value?: string } | undefined)?.value));
              get.onerror = () => ok((conn.close(), undefined));
            };
          }),
        [DB_NAME, COUNTS_KEY] as const,
      );
    await expect.poll(async () => parseKept(await stored())?.catalogue?.size ?? 0, { timeout: 20_000 }).toBeGreaterThan(1_000);
  });
});

describe('a worker woken by a page', () => {
  it('answers the page without evaluating the sync, with the matcher read from the database', async () => {
    await readArticle(); // the matcher is built and stored by this first worker life
    await stopWorker();
    await readArticle();
    const woken = await workerState();
    expect(woken.oldLife).toBeUndefined(); // a new worker life answered
    expect(woken.firstStage?.url).toContain('/shared/icc-espionage.html');
    expect(woken.firstStage?.matcherBuilt).toBe(false);
    expect(Object.keys(woken.firstStage?.matcherLoadSplit ?? {}).sort()).toEqual(['openMs', 'readMs', 'viewsMs']);
    expect(woken.syncMarks).toBe(0);
    // Not before the page's first stage was answered (the card facts, asked later, may read the seed for a key
    // the catalogue's table does not hold).
    const answeredAt = woken.firstStage?.answeredAt ?? 0;
    expect(answeredAt).toBeGreaterThan(0);
    expect(woken.seedEvaluatedAt.filter((t) => t <= answeredAt)).toEqual([]);
    // The stamp the stored matcher was checked with is the build's, worked out from the rows it bundles.
    const version = await probe.evaluate(() => chrome.runtime.getManifest().version);
    const record = await probe.evaluate(
      ([db, key]) =>
        new Promise<unknown>((ok) => {
          const open = indexedDB.open(db);
          open.onsuccess = () => {
            const get = open.result.transaction('blobs').objectStore('blobs').get(key);
            get.onsuccess = () => ok((open.result.close(), (get.result as { meta?: { seed?: string } } | undefined)?.meta?.seed));
          };
        }),
      [DB_NAME, MERGE_RECORD] as const,
    );
    expect(record).toBe(`${version}|seed:${seedStampOf(SEED_ROWS)}`);
    // The popup's status lists the seed's keys: that evaluates its data (once) in this same worker life.
    const status = await probe.evaluate(
      () => chrome.runtime.sendMessage({ id: 2, type: 'getStatus', timestamp: Date.now() }) as Promise<WireAnswer>,
    );
    expect(status.err).toBeUndefined();
    expect((await workerState()).seedEvaluatedAt).toHaveLength(1);

    // The mark is the sync module's own: a sync message evaluates the module in this same worker life.
    const answer = await probe.evaluate(
      () => chrome.runtime.sendMessage({ id: 1, type: 'getSyncStatus', timestamp: Date.now() }) as Promise<WireAnswer>,
    );
    expect(answer.err).toBeUndefined();
    const after = await workerState();
    expect(after.oldLife).toBeUndefined();
    expect(after.syncMarks).toBe(1);
  });
});
