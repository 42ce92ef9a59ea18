/**
 * Two builds of the ingest side by side in one headless Chromium page, alternating run by run, so that both
 * see the same machine (on this shared 2-core machine the load moves wall and even CPU times by half from
 * one minute to the next, more than most changes move them):
 *
 *   IL_AB_BASE=/path/to/other/checkout npx tsx bench/ab-ingest.ts [--items 3000] [--rounds 6] [--modes store,ingest,summary]
 *
 * Each round runs, in alternating order, for each build: the store alone (the same items read by the engine
 * beforehand, stored in batches of 50 into a fresh database) and the whole ingest (engine, pipelining and
 * store; feeds of 50 items, in turn as a sync run takes them where the build can), of whole articles
 * (ingest) or of their titles and summaries (summary), with the page's main-thread CPU from a trace beside
 * the wall time. Prints each round and the
 * medians, and the medians of the per-round ratios (this build over the base).
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { openAbPage } from './lib/bench-page';
import { KEV, MISP_CLUSTERS, loadCatalogue } from './lib/catalogue';
import { median } from './lib/stats';
import { benchItems } from './sync/items';
import { cpuOf, threadTimes } from './lib/thread-cpu';

type SB = typeof import('./sync/entry');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      items: { type: 'string', default: '3000' },
      rounds: { type: 'string', default: '6' },
      modes: { type: 'string', default: 'store,ingest' },
    },
  });
  const n = Number(values.items);
  const { browser, page, close } = await openAbPage('ab');
  try {
    const { entries } = await loadCatalogue([MISP_CLUSTERS, KEV]);
    const items = benchItems(n);
    const now = Date.parse(items[items.length - 1].published!) + 86_400_000;
    await page.evaluate(
      ([cat, items]) => {
        const w = window as unknown as Record<string, unknown> & { SB_base: SB; SB_this: SB };
        w.items = items;
        // Most feeds carry no full text: the same items with title and summary only (mode summary).
        w.bare = (items as { content?: string }[]).map(({ content: _c, ...rest }) => rest);
        w.m_base = w.SB_base.compileMatcher(cat);
        w.m_this = w.SB_this.compileMatcher(cat);
        // The store's input, read once (the engine is not what the store-alone runs compare).
        w.prepared = (items as Parameters<SB['prepareFeedItem']>[0][]).map((item) => ({
          prepared: w.SB_base.prepareFeedItem(item, w.m_base as never),
          weight: w.SB_base.textLength(item),
        }));
      },
      [entries, items] as const,
    );
    const cdp = await browser.newBrowserCDPSession();
    const MAIN = /^Renderer \/ CrRendererMain$/;
    // IndexedDB's backend: the browser's thread pool (its index entries and bytes are written there).
    const BACKEND = /^Browser \/ ThreadPoolForegroundWorker$/;
    let serial = 0;
    const run = async (which: 'base' | 'this', mode: 'store' | 'ingest' | 'summary') => {
      let ms = 0;
      const threads = await threadTimes(cdp, async () => {
        ms = await page.evaluate(
          async ([which, mode, at, name]) => {
            const w = window as unknown as Record<string, unknown>;
            const sb = w[`SB_${which}`] as SB;
            const db = new sb.IncidentLensDb({ name });
            await db.open();
            // The status once, as a user's database has had it: a build that keeps counts then keeps them.
            await sb.getStatus(db, 'ab');
            const t0 = performance.now();
            if (mode === 'store') {
              const prepared = w.prepared as Parameters<SB['storeTimed']>[1];
              const split = sb.emptySplit();
              for (let i = 0; i < prepared.length; i += 50) await sb.storeTimed(db, prepared.slice(i, i + 50), at, split);
            } else {
              const all = (mode === 'summary' ? w.bare : w.items) as Parameters<SB['ingestFeedItems']>[1];
              const feeds: (typeof all)[] = [];
              for (let i = 0; i < all.length; i += 50) feeds.push(all.slice(i, i + 50));
              const opts = { matcher: w[`m_${which}`] as never, now: at };
              // Feeds of 50 as a sync run takes them: in turn where the build has it (lib/worker/sync/in-turn.ts),
              // else one after the other.
              const inTurn = (sb as Partial<SB>).inTurn;
              if (inTurn)
                await inTurn(
                  feeds,
                  (feed, turn) => sb.ingestFeedItems(db, feed, { ...opts, after: turn.after, onRead: turn.read }),
                  () => undefined,
                );
              else for (const feed of feeds) await sb.ingestFeedItems(db, feed, opts);
            }
            const ms = performance.now() - t0;
            db.close();
            await new Promise((ok) => {
              const r = indexedDB.deleteDatabase(name);
              r.onsuccess = r.onerror = r.onblocked = () => ok(null);
            });
            return ms;
          },
          [which, mode, now, `ab-${serial++}`] as const,
        );
      });
      return { ms: ms / n, cpu: cpuOf(threads, MAIN) / n, backend: cpuOf(threads, BACKEND) / n };
    };
    const rows: Record<string, { ms: number; cpu: number; backend: number }[]> = {};
    const ratios: Record<string, number[]> = {};
    await run('base', 'store');
    await run('this', 'store'); // warm-up
    for (let r = 0; r < Number(values.rounds); r++) {
      for (const mode of values.modes.split(',') as ('store' | 'ingest' | 'summary')[]) {
        const order = r % 2 ? (['this', 'base'] as const) : (['base', 'this'] as const);
        const got: Record<string, { ms: number; cpu: number; backend: number }> = {};
        for (const which of order) got[which] = await run(which, mode);
        for (const which of order) (rows[`${mode} ${which}`] ??= []).push(got[which]);
        (ratios[`${mode} wall`] ??= []).push(got.this.ms / got.base.ms);
        (ratios[`${mode} cpu`] ??= []).push(got.this.cpu / got.base.cpu);
        (ratios[`${mode} backend cpu`] ??= []).push(got.this.backend / got.base.backend);
        console.log(
          `round ${r + 1} ${mode}: base ${got.base.ms.toFixed(3)} ms (${got.base.cpu.toFixed(3)} CPU, backend ${got.base.backend.toFixed(3)}), this ${got.this.ms.toFixed(3)} ms (${got.this.cpu.toFixed(3)} CPU, backend ${got.this.backend.toFixed(3)}) an item; load ${loadavg()[0].toFixed(1)}`,
        );
      }
    }
    console.log('\nmedians, ms an item:');
    for (const [k, v] of Object.entries(rows))
      console.log(
        `  ${k}: wall ${median(v.map((x) => x.ms)).toFixed(3)}, main-thread CPU ${median(v.map((x) => x.cpu)).toFixed(3)}, backend CPU ${median(v.map((x) => x.backend)).toFixed(3)}`,
      );
    for (const [k, v] of Object.entries(ratios))
      console.log(`  this / base, ${k}: median ${median(v).toFixed(3)} (${v.map((x) => x.toFixed(2)).join(' ')})`);
  } finally {
    await close();
  }
}

await main();
