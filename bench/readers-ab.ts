/**
 * The sync's ingest with the engine's reading on this thread against readers in 1 and 2 dedicated Workers
 * (lib/worker/sync/reader-pool.ts), interleaved round by round in one headless Chromium page, so that every
 * mode sees the same machine:
 *
 *   npx tsx bench/readers-ab.ts [--items 3000] [--rounds 4] [--modes 0,1,2] [--kinds whole,summary] [--budgets 25000] [--one-by-one]
 *
 * Each round ingests the bench's items (bench/sync/items.ts: whole articles, or title and summary only) in
 * feed-sized batches of 50 into a fresh database, once per mode (0: in-thread), and reads the CPU time of
 * the page's main thread and of the workers' threads from a trace. Prints each round, the medians, and the
 * machine's load average. The feeds are taken in turn as a sync run takes them (lib/worker/sync/in-turn.ts:
 * the next one read while the one before it is written); `--one-by-one` takes each after the one before it.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { bundle } from '../tests/fixtures/reading/browser';
import { openBenchPage } from './lib/bench-page';
import { KEV, MISP_CLUSTERS, loadCatalogue } from './lib/catalogue';
import { median } from './lib/stats';
import { benchItems } from './sync/items';
import { cpuOf, threadTimes } from './lib/thread-cpu';

type SB = typeof import('./sync/entry');
const MAIN = /^Renderer \/ CrRendererMain$/;
const WORKERS = /^Renderer \/ DedicatedWorker thread$/;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      items: { type: 'string', default: '3000' },
      rounds: { type: 'string', default: '4' },
      modes: { type: 'string', default: '0,1,2' },
      kinds: { type: 'string', default: 'whole,summary' },
      // Characters per chunk, as many as given (each mode is run with each), e.g. 25000,50000,100000
      budgets: { type: 'string', default: '25000' },
      'one-by-one': { type: 'boolean', default: false },
    },
  });
  const n = Number(values.items);
  const modes = values.budgets.split(',').flatMap((b) => values.modes.split(',').map((m) => `${m}@${b}`));
  const kinds = values.kinds.split(',') as ('whole' | 'summary')[];
  const { browser, page, close } = await openBenchPage('readers');
  try {
    await page.addScriptTag({ content: await bundle('bench/sync/entry.ts', 'SB') });
    const readerScript = await bundle('bench/sync/reader-entry.ts', 'READER');
    const { entries } = await loadCatalogue([MISP_CLUSTERS, KEV]);
    const items = benchItems(n);
    const now = Date.parse(items[items.length - 1].published!) + 86_400_000;
    await page.evaluate(
      ([cat, items, script]) => {
        const w = window as unknown as Record<string, unknown> & { SB: SB };
        w.whole = items;
        w.summary = (items as { content?: string }[]).map(({ content: _, ...rest }) => rest);
        w.matcher = w.SB.compileMatcher(cat);
        w.readerUrl = URL.createObjectURL(new Blob(['globalThis.__name = (f) => f;\n', script], { type: 'text/javascript' }));
      },
      [entries, items, readerScript] as const,
    );
    const cdp = await browser.newBrowserCDPSession();
    let serial = 0;
    const run = async (modeAt: string, kind: 'whole' | 'summary') => {
      const [mode, budget] = modeAt.split('@').map(Number);
      let res!: { ms: number; added: number; offThread: number };
      const threads = await threadTimes(cdp, async () => {
        res = await page.evaluate(
          async ([mode, kind, at, name, budget, oneByOne]) => {
            const w = window as unknown as Record<string, unknown> & { SB: SB };
            // One pool per mode for the whole bench (warmed up by the first run), as a sync keeps its readers for the run.
            const pools = (w.pools ??= {}) as Record<number, InstanceType<SB['ReaderPool']>>;
            if (mode && !pools[mode])
              pools[mode] = new w.SB.ReaderPool(Array.from({ length: mode }, () => new Worker(w.readerUrl as string)) as never);
            const pool = pools[mode];
            const before = pool?.stats.itemsOffThread ?? 0;
            const db = new w.SB.IncidentLensDb({ name });
            await db.open();
            const list = w[kind] as Parameters<SB['ingestFeedItems']>[1];
            const t0 = performance.now();
            let added = 0;
            const opts = { matcher: w.matcher as never, now: at, reader: pool?.read, chunkChars: budget };
            const feeds: (typeof list)[] = [];
            for (let i = 0; i < list.length; i += 50) feeds.push(list.slice(i, i + 50));
            if (oneByOne) for (const feed of feeds) added += (await w.SB.ingestFeedItems(db, feed, opts)).added;
            else
              await w.SB.inTurn(
                feeds,
                (feed, turn) => w.SB.ingestFeedItems(db, feed, { ...opts, after: turn.after, onRead: turn.read }),
                (_feed, r) => void (added += r.added),
              );
            const ms = performance.now() - t0;
            db.close();
            await new Promise((ok) => {
              const r = indexedDB.deleteDatabase(name);
              r.onsuccess = r.onerror = r.onblocked = () => ok(null);
            });
            return { ms, added, offThread: (pool?.stats.itemsOffThread ?? 0) - before };
          },
          [mode, kind, now, `readers-${serial++}`, budget, values['one-by-one']] as const,
        );
      });
      return {
        rate: (res.added / res.ms) * 1000,
        main: cpuOf(threads, MAIN) / res.added,
        workers: cpuOf(threads, WORKERS) / res.added,
        offThread: res.offThread,
      };
    };
    type Row = Awaited<ReturnType<typeof run>>;
    const rows: Record<string, Row[]> = {};
    for (const kind of kinds) for (const mode of modes) await run(mode, kind); // warm-up: every mode's pool and JIT
    for (let r = 0; r < Number(values.rounds); r++) {
      for (const kind of kinds) {
        const order = r % 2 ? [...modes].reverse() : modes;
        for (const mode of order) {
          const got = await run(mode, kind);
          (rows[`${kind} ${mode}`] ??= []).push(got);
          console.log(
            `round ${r + 1} ${kind}, ${mode.startsWith('0@') ? `in-thread@${mode.slice(2)}` : mode.replace('@', ' reader(s)@')} chars: ${got.rate.toFixed(0)} items/s; CPU an item: main ${got.main.toFixed(3)} ms, readers ${got.workers.toFixed(3)} ms; ${got.offThread} items read off-thread; load ${loadavg()[0].toFixed(1)}`,
          );
        }
      }
    }
    console.log(
      `\nmedians (load now ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}):`,
    );
    for (const [k, v] of Object.entries(rows))
      console.log(
        `  ${k}: ${median(v.map((x) => x.rate)).toFixed(0)} items/s; CPU an item: main ${median(v.map((x) => x.main)).toFixed(3)} ms, readers ${median(v.map((x) => x.workers)).toFixed(3)} ms`,
      );
  } finally {
    await close();
  }
}

await main();
