/// <reference types="chrome" />
/**
 * Group `search`: the popup's search in headless Chromium with the built extension, on 100,000 feed
 * articles and 20,000 entities (the full catalogue — seed, MISP galaxy clusters, KEV — topped up with
 * made-up organisations), written into the extension's database as the sync would write them:
 * - search.index_build_ms: the worker rebuilding its index from those tables and storing it;
 * - search.index_bytes: the stored index (every `search:` blob);
 * - search.p50_ms / p95_ms: per keystroke, realistic queries typed letter by letter, the popup's message
 *   to the worker and back (what the popup waits for, less its 80 ms debounce);
 * - popup.open_ms: opening the popup, typing "lockbit" and seeing its first hits (the debounce included);
 * - search.cold_first_ms, search.cold_ready_ms, popup.open_cold_ms: once the worker was stopped (as MV3 stops
 *   it when idle), the first hits of a search (entities load first), every kind loaded, and the popup's first hits.
 * Sizes: IL_BENCH_SEARCH_ARTICLES, IL_BENCH_SEARCH_ENTITIES. Run `npx wxt build` first.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/chromium';
import { KEV, MISP_CLUSTERS, SHARED, loadCatalogue } from '../lib/catalogue';
import { median } from '../lib/stats';
import type { BenchGroup } from '../run';
import type { SearchAnswer, SearchProgress } from '../../lib/worker/search/protocol';

const ARTICLES = Number(process.env.IL_BENCH_SEARCH_ARTICLES ?? 100_000);
const ENTITIES = Number(process.env.IL_BENCH_SEARCH_ENTITIES ?? 20_000);
const QUERIES = [
  'lockbit',
  'fancy bear',
  'CVE-2023-4966',
  'ransomware hospital',
  'citrix bleed',
  'phishng campaign',
  'volt typhoon',
  'microsoft exchange',
];
const PASSES = 3;
const POPUP_RUNS = 7;
const NAME_SHIM = 'globalThis.__name = (f) => f;';

/** Sentences of real security news (the CASIE articles), to make titles and summaries of. */
function sentences(): string[] {
  const lines = readFileSync(resolve(SHARED, 'eval/incidents/casie-dev.jsonl'), 'utf8').trim().split('\n');
  return lines.flatMap((l) => (JSON.parse(l) as { text: string }).text.split(/(?<=\.)\s+/)).filter((s) => s.length > 40 && s.length < 300);
}

async function send<T>(probe: Page, type: string, data?: unknown): Promise<T> {
  const answer = await probe.evaluate(
    ([t, d]) =>
      chrome.runtime.sendMessage({ id: 1, type: t, data: d, timestamp: Date.now() }) as Promise<{ res?: T; err?: { message: string } }>,
    [type, data] as const,
  );
  if (answer.err) throw new Error(`${type}: ${answer.err.message}`);
  return answer.res as T;
}

/** Articles made in the page from the sentences (nothing large crosses the DevTools connection), and entities. */
async function fill(probe: Page, pool: string[], entities: unknown[]): Promise<void> {
  await probe.evaluate(NAME_SHIM);
  await probe.evaluate(
    async ([pool, entities, count]) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open('incident-lens');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      const put = (store: string, rows: unknown[]) =>
        new Promise<void>((ok, fail) => {
          const tx = db.transaction(store, 'readwrite');
          const s = tx.objectStore(store);
          for (const r of rows) s.put(r);
          tx.oncomplete = () => ok();
          tx.onerror = () => fail(tx.error);
        });
      let seed = 7;
      const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
      const pick = () => pool[Math.floor(rnd() * pool.length)];
      const sites = ['bleepingcomputer.com', 'therecord.media', 'securityweek.com', 'thehackernews.com', 'darkreading.com'];
      for (let start = 0; start < count; start += 5000) {
        const rows = [];
        for (let i = start; i < Math.min(count, start + 5000); i++) {
          const site = sites[i % sites.length];
          const title = pick().slice(0, 110);
          rows.push({
            url: `https://${site}/news/${i}`,
            sourceId: `feed:${site}`,
            title,
            site,
            published: new Date(Date.UTC(2017, 0, 1) + i * 600_000).toISOString(),
            summary: pick(),
            fetchedAt: Date.now(),
            entityKeys: [],
            incidentIds: [],
          });
        }
        await put('articles', rows);
      }
      await put('entities', entities as unknown[]);
      db.close();
    },
    [pool, entities, ARTICLES] as const,
  );
}

async function storedBytes(probe: Page): Promise<number> {
  return probe.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('incident-lens');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const rows = await new Promise<{ key: string; data: ArrayBuffer | ArrayBufferView }[]>((ok, fail) => {
      const req = db.transaction('blobs').objectStore('blobs').getAll(IDBKeyRange.bound('search:', 'search;'));
      req.onsuccess = () => ok(req.result as { key: string; data: ArrayBuffer | ArrayBufferView }[]);
      req.onerror = () => fail(req.error);
    });
    db.close();
    return rows.reduce((n, r) => n + r.data.byteLength, 0);
  });
}

/** Every prefix of every query, asked in turn from the popup page; ms per answer. */
async function keystrokes(popup: Page): Promise<{ times: number[]; hits: Record<string, number>; slow: [string, number][] }> {
  await popup.evaluate(NAME_SHIM);
  return popup.evaluate(async (queries) => {
    const times: number[] = [];
    const hits: Record<string, number> = {};
    const slow: [string, number][] = [];
    for (const q of queries) {
      for (let n = 1; n <= q.length; n++) {
        const t = performance.now();
        const a = (await chrome.runtime.sendMessage({ id: n, type: 'search', data: { query: q.slice(0, n) }, timestamp: Date.now() })) as {
          res: SearchAnswer;
        };
        times.push(performance.now() - t);
        slow.push([q.slice(0, n), performance.now() - t]);
        if (n === q.length) hits[q] = Object.values(a.res.groups).reduce((s, g) => s + g.length, 0);
      }
    }
    slow.sort((a, b) => b[1] - a[1]);
    return { times, hits, slow: slow.slice(0, 5) };
  }, QUERIES);
}

function percentile(xs: number[], p: number): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

export const searchGroup: BenchGroup = {
  name: 'search',
  async run(log) {
    const pool = sentences();
    const catalogue = (await loadCatalogue([MISP_CLUSTERS, KEV])).entries;
    const entities: unknown[] = catalogue.slice(0, ENTITIES).map((e) => ({
      ...e,
      aliasesLower: [...new Set([e.name, ...e.aliases].map((n) => n.trim().toLowerCase()).filter(Boolean))],
    }));
    for (let i = 0; entities.length < ENTITIES; i++) {
      const words = pool[i % pool.length].split(/\W+/).filter((w) => /^[A-Z][a-z]{3,}$/.test(w));
      const name = `${words[0] ?? 'Acme'} ${words[1] ?? 'Holdings'} ${i}`;
      entities.push({
        key: `organization:bench-${i}`,
        type: 'organization',
        name,
        aliases: [],
        sources: ['bench'],
        aliasesLower: [name.toLowerCase()],
      });
    }
    log(`${ARTICLES} articles, ${entities.length} entities (${catalogue.length} from the catalogue), ${pool.length} sentences`);

    const ext: ExtensionBrowser = await launchWithExtension({ headless: true });
    try {
      const probe = await ext.context.newPage();
      await probe.goto(`${ext.extensionUrl}options.html`);
      let t = performance.now();
      await fill(probe, pool, entities);
      log(`rows written in ${((performance.now() - t) / 1000).toFixed(1)} s`);

      t = performance.now();
      await send<SearchProgress>(probe, 'rebuildSearchIndex');
      let progress: SearchProgress;
      for (;;) {
        await new Promise((r) => setTimeout(r, 200));
        progress = await send<SearchProgress>(probe, 'searchIndexStatus');
        if (progress.state !== 'building' && progress.state !== 'loading') break;
      }
      if (progress.state !== 'ready') throw new Error(`the index build failed: ${progress.error}`);
      // The build is done when it has stored the index: asking once more waits behind that write.
      const buildMs = performance.now() - t;
      const indexBytes = await storedBytes(probe);
      log(
        `index of ${progress.total} rows built and stored in ${(buildMs / 1000).toFixed(1)} s; ${(indexBytes / 1048576).toFixed(1)} MiB stored`,
      );

      const popup = await ext.context.newPage();
      await popup.goto(`${ext.extensionUrl}popup.html`);
      await keystrokes(popup); // warm-up
      const all: number[] = [];
      let hits: Record<string, number> = {};
      for (let i = 0; i < PASSES; i++) {
        const r = await keystrokes(popup);
        all.push(...r.times);
        hits = r.hits;
        log(`pass ${i + 1}, slowest: ${r.slow.map(([q, ms]) => `"${q}" ${ms.toFixed(1)} ms`).join(', ')}`);
      }
      log(`hits per query (of 24 at most): ${JSON.stringify(hits)}`);
      log(`${all.length} keystrokes; max ${Math.max(...all).toFixed(1)} ms`);
      await popup.close();

      const opens: number[] = [];
      const boxes: number[] = [];
      for (let i = 0; i < POPUP_RUNS + 1; i++) {
        const page = await ext.context.newPage();
        await page.setViewportSize({ width: 380, height: 600 });
        const t0 = performance.now();
        await page.goto(`${ext.extensionUrl}popup.html`);
        await page.locator('#search-box').waitFor();
        const box = performance.now() - t0;
        await page.locator('#search-box').fill('lockbit');
        await page.locator('[role=option]').first().waitFor();
        if (i > 0) {
          opens.push(performance.now() - t0);
          boxes.push(box);
        }
        await page.close();
      }
      // What else the popup asks the worker as it opens, which a first search may wait behind.
      const roundTrip = async (type: string, data?: unknown) => {
        const times: number[] = [];
        for (let i = 0; i < 3; i++) {
          const t1 = performance.now();
          await send(probe, type, data);
          times.push(performance.now() - t1);
        }
        return median(times).toFixed(0);
      };
      log(
        `round trips from a page: getStatus ${await roundTrip('getStatus')} ms, search "lockbit" ${await roundTrip('search', { query: 'lockbit' })} ms`,
      );
      log(`popup: search box there after ${median(boxes).toFixed(0)} ms (median), its first hits after ${median(opens).toFixed(0)} ms`);

      // A stopped worker (MV3 stops it when idle): the first search wakes it and loads the stored index.
      const cdp = await ext.context.newCDPSession(probe);
      await cdp.send('ServiceWorker.enable');
      const colds: number[] = [];
      const readies: number[] = [];
      const coldOpens: number[] = [];
      for (let i = 0; i < 2; i++) {
        await cdp.send('ServiceWorker.stopAllWorkers');
        await new Promise((r) => setTimeout(r, 500));
        const t1 = performance.now();
        // Answered at once from what is loaded so far; asked again (as the popup does) until every kind is in.
        let answer = await send<SearchAnswer>(probe, 'search', { query: 'lockbit' });
        while (!answer.groups.entity.length && answer.progress.state === 'loading')
          answer = await send<SearchAnswer>(probe, 'search', { query: 'lockbit' });
        colds.push(performance.now() - t1);
        while (answer.progress.state === 'loading') {
          await new Promise((r) => setTimeout(r, 100));
          answer = await send<SearchAnswer>(probe, 'search', { query: 'lockbit' });
        }
        readies.push(performance.now() - t1);
        if (answer.progress.from !== 'stored')
          throw new Error(`a woken worker ${answer.progress.from ?? answer.progress.state} its index instead of loading it`);

        await cdp.send('ServiceWorker.stopAllWorkers');
        await new Promise((r) => setTimeout(r, 500));
        const page = await ext.context.newPage();
        const t2 = performance.now();
        await page.goto(`${ext.extensionUrl}popup.html`);
        await page.locator('#search-box').fill('lockbit');
        await page.locator('[role=option]').first().waitFor({ timeout: 120_000 });
        coldOpens.push(performance.now() - t2);
        await page.close();
      }
      log(
        `stopped worker: first hits ${colds.map((x) => x.toFixed(0)).join(', ')} ms, every kind loaded ${readies.map((x) => x.toFixed(0)).join(', ')} ms; popup open to first hits ${coldOpens.map((x) => x.toFixed(0)).join(', ')} ms`,
      );

      return {
        'search.cold_first_ms': median(colds),
        'search.cold_ready_ms': median(readies),
        'popup.open_cold_ms': median(coldOpens),
        'search.p50_ms': percentile(all, 50),
        'search.p95_ms': percentile(all, 95),
        'search.index_build_ms': buildMs,
        'search.index_bytes': indexBytes,
        'popup.open_ms': median(opens),
      };
    } finally {
      await ext.close();
    }
  },
};
