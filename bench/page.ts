/// <reference types="chrome" />
/**
 * Group `page`: the reading view in headless Chromium with the built extension and the full catalogue
 * (seed + MISP galaxy clusters + KEV, written into the extension's database as the sync would):
 * - content script start → highlights painted, on the seed page and on a 10,000-word article (with a
 *   picture on its way, as news pages have, and without), in two stages (patterns and catalogue names;
 *   then the organisations found by sentence shape and the incidents), and the longest main-thread task
 *   it causes (long-task observer + our own synchronous blocks);
 * - mark.js highlighting the same article in the same run, given the catalogue names that occur in it;
 * - what the highlights add to the page's own DOM changes (2,000 mutations with vs. without them, and
 *   with live Ranges, the alternative we rejected);
 * - the hover hit test (caret position + binary search) vs. highlightsFromPoint;
 * - where extraction runs: the worker's round trip and its matcher load on wake, vs. loading the
 *   compiled matcher in the page for every page.
 * Run `npx wxt build` first.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchWithExtension, ROOT, type ExtensionBrowser } from '../scripts/chromium';
import { bundle, launch } from '../tests/fixtures/reading/browser';
import { serveReadingPages, type ReadingServer } from '../tests/fixtures/reading/pages';
import { KEV, MISP_CLUSTERS, loadCatalogue } from './lib/catalogue';
import { median } from './lib/stats';
import type { BenchGroup } from './run';
import type { ArticleAnalysis, FirstStage } from '../lib/shared/analysis/protocol';
import { ANALYSIS_MARK, FIRST_STAGE_MARK, type AnalysisTimings } from '../lib/worker/analysis/service';

const RUNS = 7;
/** tsx keeps function names with a `__name` helper that functions sent to the page would call. */
const NAME_SHIM = 'globalThis.__name = (f) => f;';
const MUTATIONS = 2000;
const MUTATION_BATCHES = 5;
/** How long a timed page is left alone after its load (the reading view, even from a stopped worker, is done well within it). */
const QUIET_MS = 700;

interface PaintTiming {
  /** Script start → the entities painted (the incidents' spans come after, in a second answer). */
  startToPainted: number;
  /** Script start → everything painted: the second stage's organisations and incidents too. */
  startToAll: number;
  detect: number;
  /** Detection's end → analysis request sent (settings, the page's own work in between). */
  toSend: number;
  /** Request sent → the worker has it; the worker's time; its answer → the page has it. */
  request: number;
  worker: number;
  answer: number;
  paintAndRender: number;
  paint: number;
  /** The sidebar's mount and first render with the analysis (a task of its own after painting). */
  render: number;
  longTask: number;
  ranges: number;
}

async function send<T>(probe: Page, type: string, data: unknown): Promise<T> {
  const answer = await probe.evaluate(
    ([t, d]) =>
      chrome.runtime.sendMessage({ id: 1, type: t, data: d, timestamp: Date.now() }) as Promise<{ res?: T; err?: { message: string } }>,
    [type, data] as const,
  );
  if (answer.err) throw new Error(`${type}: ${answer.err.message}`);
  return answer.res as T;
}

/** Writes catalogue entries into the extension's database (its own origin), as the sync does. */
async function storeCatalogue(probe: Page, entries: unknown[]): Promise<number> {
  return probe.evaluate(async (rows) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('incident-lens');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    await new Promise<void>((ok, fail) => {
      const tx = db.transaction('entities', 'readwrite');
      const store = tx.objectStore('entities');
      for (const r of rows as { name: string; aliases: string[] }[]) {
        const lower = [...new Set([r.name, ...r.aliases].map((n) => n.trim().toLowerCase()).filter(Boolean))];
        store.put({ ...r, aliasesLower: lower });
      }
      tx.oncomplete = () => ok();
      tx.onerror = () => fail(tx.error);
    });
    db.close();
    return (rows as unknown[]).length;
  }, entries);
}

/**
 * The worker's record of its latest analysis of one kind (lib/worker/analysis/service.ts), read on the worker's own
 * performance timeline: timings stay off the wire. The newest worker: a stopped one was replaced.
 */
async function workerTimings(ext: ExtensionBrowser, mark: string): Promise<AnalysisTimings> {
  const workers = ext.context.serviceWorkers();
  const detail = await workers[workers.length - 1]?.evaluate(
    (name) => (performance.getEntriesByName(name).at(-1) as PerformanceMark | undefined)?.detail,
    mark,
  );
  if (!detail) throw new Error(`the worker has no ${mark}`);
  return detail as AnalysisTimings;
}

/** Opens a page in the extension's browser with a long-task observer, and reads the content script's marks. */
async function timePage(ext: ExtensionBrowser, url: string): Promise<PaintTiming> {
  const page = await ext.context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url, { waitUntil: 'load' });
  // Nothing is asked of the page until the reading view is done: Playwright's first call into a page
  // evaluates its own injected script there (10–15 ms of main-thread work, seen in traces), which
  // would otherwise land between the analysis request and its answer.
  await new Promise((done) => setTimeout(done, QUIET_MS));
  await page.waitForFunction(() => performance.getEntriesByName('il:rendered').length > 0, null, { timeout: 60_000 });
  // The second stage (organisations by sentence shape, incidents) comes in a second answer.
  await page
    .waitForFunction(() => performance.getEntriesByName('il:all-painted').length > 0, null, { timeout: 5_000 })
    .catch(() => undefined);
  await page.waitForTimeout(100);
  const t = await page.evaluate(() => {
    const at = (n: string) => performance.getEntriesByName(n)[0] as PerformanceMark;
    const main = at('il:main').startTime;
    const painted = at('il:painted');
    const detail = painted.detail as { ranges: number };
    const wall = (ms: number) => performance.timeOrigin + ms;
    const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((x) => x.start >= main);
    return {
      startToPainted: painted.startTime - main,
      startToAll: (performance.getEntriesByName('il:all-painted')[0]?.startTime ?? NaN) - main,
      detect: at('il:detected').startTime - main,
      toSend: at('il:sent').startTime - at('il:detected').startTime,
      sentAt: wall(at('il:sent').startTime),
      answerAt: wall(at('il:answer').startTime),
      paintAndRender: at('il:rendered').startTime - at('il:analysed').startTime,
      paint: painted.startTime - at('il:analysed').startTime,
      render: at('il:rendered').startTime - at('il:mounting').startTime,
      longTask: Math.max(0, ...tasks.map((x) => x.duration)),
      ranges: detail.ranges,
    };
  });
  await page.close();
  const { sentAt, answerAt, ...rest } = t;
  const w = await workerTimings(ext, FIRST_STAGE_MARK);
  if (w.url !== url) throw new Error(`the worker's last first stage was of ${w.url}, not ${url}`);
  return { ...rest, request: w.receivedAt - sentAt, worker: w.answeredAt - w.receivedAt, answer: answerAt - w.answeredAt };
}

/** With IL_BENCH_RUNS=1, every timed run, to 0.1 ms. */
function printRun(label: string, t: PaintTiming): void {
  if (process.env.IL_BENCH_RUNS)
    console.log(label + JSON.stringify(Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v * 10) / 10]))));
}

async function medianTiming(ext: ExtensionBrowser, url: string): Promise<PaintTiming & { longest: number }> {
  await timePage(ext, url); // warm-up: worker awake, matcher loaded, caches warm
  const runs: PaintTiming[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await timePage(ext, url));
  const m = (f: (t: PaintTiming) => number) => median(runs.map(f));
  for (const t of runs) printRun('', t);
  // The longest task: long tasks the observer saw, or our own longest synchronous blocks (detection,
  // painting, the sidebar's mount and render, which runs in a task of its own after painting).
  const longest = m((t) => Math.max(t.longTask, t.detect, t.paint, t.render));
  return {
    startToPainted: m((t) => t.startToPainted),
    startToAll: m((t) => t.startToAll),
    detect: m((t) => t.detect),
    toSend: m((t) => t.toSend),
    request: m((t) => t.request),
    worker: m((t) => t.worker),
    answer: m((t) => t.answer),
    paintAndRender: m((t) => t.paintAndRender),
    paint: m((t) => t.paint),
    render: m((t) => t.render),
    longTask: m((t) => t.longTask),
    ranges: runs[0].ranges,
    longest,
  };
}

/** Stops the extension's service worker, as Chrome does after 30 s without events. */
async function stopWorker(probe: Page): Promise<void> {
  const cdp = await probe.context().newCDPSession(probe);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  await probe.waitForTimeout(500);
}

/** Script start → painted when the page finds the worker stopped (it starts, loads its matcher, analyses). */
async function wokenTiming(ext: ExtensionBrowser, probe: Page, url: string): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    await stopWorker(probe);
    const t = await timePage(ext, url);
    printRun('woken: ', t);
    runs.push(t.startToPainted);
  }
  return median(runs);
}

/**
 * Milliseconds for `MUTATIONS` changes to a page's paragraphs (`article p` unless said), observers'
 * callbacks included, for each target. The targets are sampled in turn, so that what a shared machine
 * does meanwhile falls on all of them alike; each sample averages MUTATION_BATCHES runs, as a page's
 * clock is too coarse for one run of about a millisecond.
 */
async function mutationCosts(targets: [Page, string?][]): Promise<number[]> {
  const times = targets.map(() => [] as number[]);
  for (let i = 0; i < 2 * RUNS + 1; i++) {
    for (const [j, [page, where]] of targets.entries()) {
      times[j].push(
        await page.evaluate(
          async ([n, sel, batches]) => {
            const paras = [...document.querySelectorAll(sel)];
            const t0 = performance.now();
            for (let b = 0; b < batches; b++) {
              // Half insertions, half removals: what a page's widgets, ads and comment counters do all day.
              for (let k = 0; k < n / 2; k++) {
                const p = paras[(k * 7) % paras.length];
                const span = document.createElement('span');
                p.insertBefore(span, p.firstChild);
                span.remove();
              }
              // Observers' callbacks run as microtasks queued by the mutations: awaiting one more microtask
              // takes them in, without waiting for a frame (whose timing would drown a few milliseconds).
              await Promise.resolve();
            }
            const dt = (performance.now() - t0) / batches;
            await new Promise((r) => setTimeout(r, 50));
            return dt;
          },
          [MUTATIONS, where ?? 'article p', MUTATION_BATCHES] as const,
        ),
      );
    }
  }
  return times.map((ts) => median(ts.slice(1)));
}

export const pageGroup: BenchGroup = {
  name: 'page',
  async run(log) {
    const server: ReadingServer = await serveReadingPages(10_000);
    const ext = await launchWithExtension({ headless: true });
    await ext.context.addInitScript(NAME_SHIM);
    let plain: Browser | undefined;
    try {
      const probe = await ext.context.newPage();
      await probe.goto(`${ext.extensionUrl}collection.html`);
      await send(probe, 'getStatus', undefined); // opens the database in the worker

      const { entries } = await loadCatalogue([MISP_CLUSTERS, KEV]);
      const synced = entries.filter((e) => !e.sources.includes('seed') || e.sources.length > 1);
      await storeCatalogue(probe, synced);
      log(`catalogue: ${entries.length} entries (${synced.length} stored as synced); article: ${server.longWords} words`);

      const seed = await medianTiming(ext, `${server.origin}/shared/icc-espionage.html`);
      // The long article as news pages come: with a picture on its way, so the page is laid out before the
      // content script starts (document_idle waits for the load event). And the same page with nothing to
      // fetch: loaded in one go, its own first layout (25–35 ms for 10,000 words) may come after the script
      // starts, and then falls between the analysis request and its answer.
      const long = await medianTiming(ext, `${server.origin}/gen/long-article-hero.html`);
      const bare = await medianTiming(ext, `${server.origin}/gen/long-article.html`);
      const longWoken = await wokenTiming(ext, probe, `${server.origin}/gen/long-article-hero.html`);
      log(`seed: ${seed.ranges} ranges; detect ${seed.detect.toFixed(1)} ms, paint+render ${seed.paintAndRender.toFixed(1)} ms`);
      log(
        `10k: ${long.ranges} ranges; detect ${long.detect.toFixed(1)} ms, paint ${long.paint.toFixed(1)} ms, paint+render ${long.paintAndRender.toFixed(1)} ms, long tasks ${long.longTask.toFixed(0)} ms`,
      );
      log(
        `10k, script start → painted (medians): detect ${long.detect.toFixed(1)}, detected → request sent ${long.toSend.toFixed(1)}, request delivery ${long.request.toFixed(1)}, in the worker ${long.worker.toFixed(1)}, answer delivery ${long.answer.toFixed(1)}, paint ${long.paint.toFixed(1)} ms; sidebar mount+render after painting ${long.render.toFixed(1)} ms`,
      );
      log(
        `10k with nothing to fetch (the page's own first layout may fall inside): painted ${bare.startToPainted.toFixed(1)} ms (answer delivery ${bare.answer.toFixed(1)} ms)`,
      );
      log(
        `10k, two stages: patterns and catalogue names painted ${long.startToPainted.toFixed(1)} ms after script start; with the organisations found by sentence shape and the incidents (second answer) ${long.startToAll.toFixed(1)} ms`,
      );

      // Where extraction runs. In the worker: the round trip a page pays (text out, analysis back).
      const longHtml = await (await fetch(`${server.origin}/gen/long-article.html`)).text();
      plain = await launch();
      const page = await plain.newPage({ viewport: { width: 1280, height: 900 } });
      await page.addInitScript(NAME_SHIM);
      await page.setContent(longHtml);
      await page.evaluate(NAME_SHIM);
      await page.addScriptTag({ content: await bundle('bench/page-entry.ts', 'IL') });
      const article = await page.evaluate(() => {
        const IL = (window as unknown as { IL: typeof import('./page-entry') }).IL;
        const info = IL.detectArticle(document, 'http://127.0.0.1/gen/long-article.html');
        return { text: info.text, published: info.published };
      });
      const roundTrips: number[] = [];
      let analysis: ArticleAnalysis | undefined;
      for (let i = 0; i < RUNS + 1; i++) {
        const t0 = performance.now();
        analysis = await send<ArticleAnalysis>(probe, 'analyzeArticle', { url: 'http://127.0.0.1/gen/long-article.html', ...article });
        roundTrips.push(performance.now() - t0);
      }
      const a = analysis as ArticleAnalysis;
      const whole = await workerTimings(ext, ANALYSIS_MARK);
      log(
        `analysis answer: ${a.entities.length} entities, ${Object.keys(a.facts).length} card facts, ${(JSON.stringify(a).length / 1024).toFixed(0)} KiB`,
      );
      const first = await send<FirstStage>(probe, 'analyzeFirstStage', { url: 'http://127.0.0.1/gen/long-article.html', ...article });
      log(
        `the page's first answer (first stage, packed, no card facts): ${first.entities.kinds.length} distinct matches, ${first.entities.spans.length / 3} spans, ${(JSON.stringify(first).length / 1024).toFixed(0)} KiB`,
      );

      // A woken worker: stop it, then the first analysis loads the matcher from the database.
      await stopWorker(probe);
      await send<ArticleAnalysis>(probe, 'analyzeArticle', { url: 'http://127.0.0.1/gen/long-article.html', ...article });
      const woken = await workerTimings(ext, ANALYSIS_MARK);

      // The alternative: every page loads the compiled matcher itself (bytes fetched, views made) and extracts.
      // The buffer is compiled inside the page's bundle (untimed), so its format is the bundle's own.
      const inPage = await page.evaluate(
        ([catalogue, text, published]) => {
          const IL = (window as unknown as { IL: typeof import('./page-entry') }).IL;
          const bytes = new Uint8Array(IL.serializeMatcher(IL.compileMatcher(catalogue)));
          // Extension messages are JSON: the bytes would reach a page as a string (base64 here).
          let bin = '';
          for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
          const b64 = btoa(bin);
          const loads: number[] = [];
          const extracts: number[] = [];
          for (let i = 0; i < 5; i++) {
            const t0 = performance.now();
            const raw = atob(b64);
            const copy = new Uint8Array(raw.length);
            for (let k = 0; k < raw.length; k++) copy[k] = raw.charCodeAt(k);
            const m = IL.loadMatcher(copy.buffer);
            const t1 = performance.now();
            IL.analyzeText(text, m, { published });
            extracts.push(performance.now() - t1);
            loads.push(t1 - t0);
          }
          const mid = (xs: number[]) => xs.sort((x, y) => x - y)[xs.length >> 1];
          return { load: mid(loads), extract: mid(extracts), bytes: bytes.byteLength };
        },
        [entries, article.text, article.published ?? ''] as const,
      );

      // mark.js on the same article, given the catalogue names that occur in it.
      const names = [...new Set(a.entities.filter((e) => !e.why?.pattern).map((e) => e.text))];
      const markjs = readFileSync(resolve(ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');
      const markPage = await plain.newPage({ viewport: { width: 1280, height: 900 } });
      await markPage.addInitScript(NAME_SHIM);
      const markTimes: number[] = [];
      for (let i = 0; i < RUNS + 1; i++) {
        await markPage.setContent(longHtml);
        await markPage.evaluate(NAME_SHIM);
        await markPage.addScriptTag({ content: markjs });
        markTimes.push(
          await markPage.evaluate(
            (terms) =>
              new Promise<number>((done) => {
                const Mark = (window as unknown as { Mark: new (el: Element) => { mark(t: string[], o: object): void } }).Mark;
                const t0 = performance.now();
                new Mark(document.querySelector('article')!).mark(terms, {
                  separateWordSearch: false,
                  accuracy: 'exactly',
                  diacritics: false,
                  done: () => {
                    document.body.getBoundingClientRect(); // the DOM it changed, laid out
                    done(performance.now() - t0);
                  },
                });
              }),
            names,
          ),
        );
      }
      const markjsMs = median(markTimes.slice(1));

      // Page mutations: without highlights, with our StaticRange highlights, with the same ranges live.
      const paintIn = (live: boolean) =>
        page.evaluate(
          ([entities, isLive]) => {
            const IL = (window as unknown as { IL: typeof import('./page-entry') }).IL;
            CSS.highlights.clear();
            const info = IL.detectArticle(document, 'http://127.0.0.1/gen/long-article.html');
            const painter = IL.createPainter(window);
            (window as unknown as { painter: unknown }).painter = painter;
            painter.paint(info, entities as Parameters<typeof painter.paint>[1]);
            if (!isLive) return CSS.highlights.size;
            // The rejected alternative: the same ranges as live Ranges.
            for (const [name, h] of [...CSS.highlights]) {
              const lives = [...h].map((r) => {
                const l = document.createRange();
                l.setStart(r.startContainer, r.startOffset);
                l.setEnd(r.endContainer, r.endOffset);
                return l;
              });
              CSS.highlights.set(name, new Highlight(...lives));
            }
            return CSS.highlights.size;
          },
          [a.entities, live] as const,
        );
      await page.evaluate(() => CSS.highlights.clear());
      const [without] = await mutationCosts([[page]]);
      // The same page in the extension's browser (highlights painted, the content script's observer on), and
      // bare in that same browser: the same HTML set into about:blank, where no content script runs.
      const extPage = await ext.context.newPage();
      await extPage.setViewportSize({ width: 1280, height: 900 });
      await extPage.goto(`${server.origin}/gen/long-article.html`, { waitUntil: 'load' });
      await extPage.waitForFunction(() => performance.getEntriesByName('il:all-painted').length > 0, null, { timeout: 60_000 });
      await extPage.waitForTimeout(500); // the card facts and related incidents come in meanwhile
      const barePage = await ext.context.newPage();
      await barePage.setViewportSize({ width: 1280, height: 900 });
      await barePage.setContent(longHtml);
      await barePage.evaluate(NAME_SHIM);
      const [withExtension, bareInExtBrowser, outsideWithExtension, outsideBare] = await mutationCosts([
        [extPage],
        [barePage],
        [extPage, 'aside p'],
        [barePage, 'aside p'],
      ]);
      await extPage.close();
      await barePage.close();
      await paintIn(false);
      const [withStatic] = await mutationCosts([[page]]);
      // Hover hit test on the painted long article: points on highlighted words and beside them.
      const hover = await page.evaluate(() => {
        const painter = (window as unknown as { painter: ReturnType<(typeof import('./page-entry'))['createPainter']> }).painter;
        const ms = painter.matches();
        const timeAll = (f: (x: number, y: number) => unknown) => {
          const t: number[] = [];
          for (let i = 0; i < ms.length && t.length < 200; i += Math.max(1, Math.floor(ms.length / 200))) {
            const r = painter.reveal(i);
            if (!r) continue;
            const x = r.left + r.width / 2;
            const y = r.top + r.height / 2;
            const t0 = performance.now();
            for (let k = 0; k < 10; k++) f(x + k * 0.1, y);
            t.push((performance.now() - t0) / 10);
          }
          t.sort((p, q) => p - q);
          return t[t.length >> 1];
        };
        let hits = 0;
        const ours = timeAll((x, y) => {
          if (painter.hitTest(x, y)) hits++;
        });
        const registry = CSS.highlights as unknown as { highlightsFromPoint?: (x: number, y: number) => unknown[] };
        const native = typeof registry.highlightsFromPoint === 'function' ? timeAll((x, y) => registry.highlightsFromPoint!(x, y)) : -1;
        return { ours, native, hits, points: Math.min(200, ms.length) };
      });
      await paintIn(true);
      const [withLive] = await mutationCosts([[page]]);

      log(
        `worker round trip ${median(roundTrips.slice(1)).toFixed(1)} ms (analysis ${whole.analyzeMs.toFixed(1)} ms, card facts ${whole.factsMs?.toFixed(1)} ms of it); woken worker loaded its matcher in ${woken.matcherLoadMs?.toFixed(1)} ms`,
      );
      log(
        `in-page alternative: decode + load matcher ${inPage.load.toFixed(1)} ms (${(inPage.bytes / 1048576).toFixed(1)} MiB) + extract ${inPage.extract.toFixed(1)} ms, per page`,
      );
      log(`mark.js given ${names.length} catalogue names found in the article`);
      log(
        `mutations: ${without.toFixed(1)} ms bare (${bareInExtBrowser.toFixed(1)} ms in the extension's browser, no content script), ${withExtension.toFixed(1)} ms with the extension (highlights + observer), ${withStatic.toFixed(1)} ms with the painter's static highlights alone, ${withLive.toFixed(1)} ms with the same ranges live; outside the article ${outsideBare.toFixed(1)} → ${outsideWithExtension.toFixed(1)} ms`,
      );
      log(
        `hit test: ${hover.hits} hits in ${hover.points * 10} tries on highlighted words; highlightsFromPoint ${hover.native >= 0 ? `${hover.native.toFixed(3)} ms` : 'not available'}`,
      );

      const out: Record<string, number> = {
        'page.seed_highlight_ms': seed.startToPainted,
        'page.seed_longest_task_ms': seed.longest,
        'page.article10k_highlight_ms': long.startToPainted,
        'page.article10k_all_painted_ms': long.startToAll,
        'page.article10k_no_subresources_highlight_ms': bare.startToPainted,
        'page.article10k_longest_task_ms': long.longest,
        'page.article10k_woken_worker_highlight_ms': longWoken,
        'page.article10k_ranges': long.ranges,
        'page.article10k_markjs_ms': markjsMs,
        'page.article10k_markjs_terms': names.length,
        'page.mutation_overhead_ratio': withExtension / bareInExtBrowser,
        'page.mutation_overhead_ratio_painter_only': withStatic / without,
        'page.mutation_overhead_ratio_outside_article': outsideWithExtension / outsideBare,
        'page.mutation_overhead_ratio_live_ranges': withLive / without,
        'page.hover_hit_test_ms': hover.ours,
        'page.worker_roundtrip_ms': median(roundTrips.slice(1)),
        'page.worker_matcher_load_ms': woken.matcherLoadMs ?? -1,
        'page.content_matcher_load_ms': inPage.load,
        'page.content_extract_ms': inPage.extract,
        'page.matcher_bytes': inPage.bytes,
      };
      if (hover.native >= 0) out['page.hover_highlights_from_point_ms'] = hover.native;
      return out;
    } finally {
      await plain?.close();
      await ext.close();
      await server.close();
    }
  },
};
