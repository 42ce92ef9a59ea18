/**
 * Group `sync`: feed items into incidents, in headless Chromium's real IndexedDB (fake-indexeddb is
 * 3–10× off either way; the unit tests use it for correctness only), with the full catalogue (seed +
 * MISP galaxy clusters + KEV), running the worker's own code bundled into a page:
 * - ingest throughput: 10,000 real news items (bench/sync/items.ts) in feed-sized batches of 50, each item
 *   read by the engine (title, summary and the whole text as content), deduplicated, clustered and
 *   written; median of 3 runs (IL_BENCH_SYNC_RUNS) into fresh databases after a warm-up. The engine reads on
 *   reader Workers as the extension's sync does (lib/worker/sync/reader-pool.ts, as many as readerCount()
 *   gives this machine), and each run is followed by one reading on the page's own thread
 *   (`sync.ingest_inthread_items_per_s`, the ingest before the readers); beside them the
 *   engine's reading alone (ms an item), the store alone on the same items read beforehand
 *   (`sync.ingest_store_ms_per_item`: dedup, clustering and the transactions, nothing else on the thread) and
 *   the same items with title and summary only (most feeds);
 * - relatedIncidents p50/p95 over 200 queries (the entity keys of real analysed items) on a database of
 *   200,000 articles and 50,000 clustered incidents, and the database's size (navigator.storage.estimate);
 * - the popup's status on that database with the catalogue stored: getStatus beside counting every table
 *   and reading every entity key on each call (what it did before);
 * - clustering quality on our labels (Node, same code), pairwise, beside the TF-IDF single-link baseline.
 */
import { bundle } from '../../tests/fixtures/reading/browser';
import { openBenchPage } from '../lib/bench-page';
import { KEV, MISP_CLUSTERS, loadCatalogue } from '../lib/catalogue';
import { median } from '../lib/stats';
import { benchItems } from '../sync/items';
import type { Split } from '../sync/timed-store';
import { fillRelatedDb } from '../sync/related-db';
import { cpuOf, threadTimes } from '../lib/thread-cpu';
import { clusterCost, clusterFigures } from '../../scripts/eval/clusters';
import { loadMatcherFor } from '../../cli/matcher-cache';
import type { BenchGroup } from '../run';

type SB = typeof import('../sync/entry');
const ITEMS = 10_000;
const BATCH = 50;
/** Runs of the 10,000-item ingest (median reported); IL_BENCH_SYNC_RUNS=1 for a quick look. */
const INGEST_RUNS = Number(process.env.IL_BENCH_SYNC_RUNS ?? 3);
/** IL_BENCH_SYNC_QUICK=1: the ingest and the store alone only (no clustering quality, related, status). */
const QUICK = process.env.IL_BENCH_SYNC_QUICK === '1';
const ARTICLES = 200_000;
const CLUSTERS = 50_000;
const QUERIES = 200;

function splitLine(s: Split, n: number): string {
  const ms = (x: number) => `${(x / n).toFixed(3)} ms`;
  const kinds = Object.entries(s.kinds)
    .map(([k, v]) => `${k} ${ms(v)}`)
    .join(', ');
  const tables = Object.entries(s.tables)
    .map(
      ([k, t]) =>
        `${k} ${ms(t.ms)} (${(t.rows / n).toFixed(2)} rows, ${Math.round(t.bytes / n)} B, ${(t.entries / n).toFixed(1)} index entries)`,
    )
    .join(', ');
  return `an item: ${ms(s.total)} in all; transactions ${ms(s.transaction)} (overlapping the engine's reading of the next chunk; ${s.chunks} of them), of which reads ${ms(s.reads)} (${kinds}), writes ${ms(s.writes)} (${tables}), commit ${ms(s.commit)}`;
}

/** The store's writes by table, an item: ms, bytes put (as JSON) and index entries written. */
function tableFigures(s: Split, n: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, t] of Object.entries(s.tables)) {
    if (!t.rows) continue;
    out[`sync.ingest_store_write_${k}_ms`] = t.ms / n;
    out[`sync.ingest_store_write_${k}_bytes`] = Math.round(t.bytes / n);
    out[`sync.ingest_store_write_${k}_index_entries`] = t.entries / n;
  }
  return out;
}

/**
 * The bench's clustering figures and the eval's figures they are (scripts/eval/clusters.ts): the held-out
 * half, the tuned half and the baseline beside it; every held-out half pooled (27 March – 12 April,
 * February and May 2017), and the same with October–December 2018 added.
 */
const CLUSTER_FIGURES: [string, string][] = [
  ['sync.cluster_precision', 'clusters.heldout.precision'],
  ['sync.cluster_recall', 'clusters.heldout.recall'],
  ['sync.cluster_tfidf_precision', 'clusters.heldout.tfidf_precision'],
  ['sync.cluster_tfidf_recall', 'clusters.heldout.tfidf_recall'],
  ['sync.cluster_f1', 'clusters.heldout.f1'],
  ['sync.cluster_tfidf_f1', 'clusters.heldout.tfidf_f1'],
  ['sync.cluster_tune_precision', 'clusters.tune.precision'],
  ['sync.cluster_tune_recall', 'clusters.tune.recall'],
  ['sync.cluster_heldout_pooled_precision', 'clusters.heldout_pooled.precision'],
  ['sync.cluster_heldout_pooled_recall', 'clusters.heldout_pooled.recall'],
  ['sync.cluster_heldout_all_pooled_precision', 'clusters.heldout_all_pooled.precision'],
  ['sync.cluster_heldout_all_pooled_recall', 'clusters.heldout_all_pooled.recall'],
];

/** Clustering quality on our labels (Node): the held-out half is the figure; the tuned half and the baseline beside it. */
async function clusterQuality(matcher: Parameters<typeof clusterFigures>[0], log: (line: string) => void): Promise<Record<string, number>> {
  const q = await clusterFigures(matcher, log);
  const figures = Object.fromEntries(CLUSTER_FIGURES.map(([ours, theirs]) => [ours, q[theirs]]));
  // What clustering costs an item (CPU time, Node, the engine and the store left out) at this bench's density.
  figures['sync.cluster_cpu_ms_per_item'] = clusterCost(matcher, { items: ITEMS, perDay: ITEMS / 300 }).perItemMs;
  return figures;
}

export const syncGroup: BenchGroup = {
  name: 'sync',
  async run(log) {
    const figures: Record<string, number> = {};

    // Clustering quality (Node): the held-out half is the figure; the tuned half and the baseline beside it.
    const { matcher } = await loadMatcherFor([MISP_CLUSTERS, KEV]);
    if (!QUICK) Object.assign(figures, await clusterQuality(matcher, log));

    const { browser, page, close } = await openBenchPage('sync bench');
    try {
      await page.addScriptTag({ content: await bundle('bench/sync/entry.ts', 'SB') });
      // The sync's readers: dedicated Workers of the reader script, as many as the extension would start here.
      const readerScript = await bundle('bench/sync/reader-entry.ts', 'READER');
      const readers = await page.evaluate((script) => {
        const w = window as unknown as { SB: SB; pool: InstanceType<SB['ReaderPool']> };
        const url = URL.createObjectURL(new Blob([`globalThis.__name = (f) => f;\n${script}`], { type: 'text/javascript' }));
        const n = w.SB.readerCount();
        w.pool = new w.SB.ReaderPool(Array.from({ length: n }, () => new Worker(url)) as never);
        return n;
      }, readerScript);
      log(`readers: ${readers} Workers (${await page.evaluate(() => navigator.hardwareConcurrency)} cores)`);
      const { entries } = await loadCatalogue([MISP_CLUSTERS, KEV]);
      const terms = await page.evaluate((cat) => {
        const w = window as unknown as { SB: SB; matcher: unknown };
        const m = w.SB.compileMatcher(cat);
        w.matcher = m;
        return m.termCount;
      }, entries);
      log(`matcher compiled in the page: ${terms} names`);

      const items = benchItems(ITEMS);
      await page.evaluate(() => ((window as unknown as { items: unknown[] }).items = []));
      for (let i = 0; i < items.length; i += 1000)
        await page.evaluate((chunk) => (window as unknown as { items: unknown[] }).items.push(...chunk), items.slice(i, i + 1000));
      const now = Date.parse(items[items.length - 1].published!) + 86_400_000;

      // Ingest: a warm-up on 300 items, then fresh databases of 10,000.
      const ingest = (name: string, count: number, offThread = true) =>
        page.evaluate(
          async ([dbName, n, batch, at, off]) => {
            const w = window as unknown as {
              SB: SB;
              matcher: Parameters<SB['ingestFeedItems']>[2]['matcher'];
              items: Parameters<SB['ingestFeedItems']>[1];
              pool: InstanceType<SB['ReaderPool']>;
            };
            const reader = off ? w.pool.read : undefined;
            const offBefore = w.pool.stats.itemsOffThread;
            const db = new w.SB.IncidentLensDb({ name: dbName });
            await db.open();
            const t0 = performance.now();
            let added = 0;
            const split = w.SB.emptySplit();
            // Feeds of `batch` items, in turn as a sync run takes them (lib/worker/sync/in-turn.ts): the next
            // one read while the one before it finishes its writes.
            const feeds: (typeof w.items)[] = [];
            for (let i = 0; i < n; i += batch) feeds.push(w.items.slice(i, i + batch));
            await w.SB.inTurn(
              feeds,
              (feed, turn) =>
                w.SB.ingestTimed(db, feed, { matcher: w.matcher, now: at, reader, after: turn.after, onRead: turn.read }, split),
              (_feed, r) => void (added += r.added),
            );
            const ms = performance.now() - t0;
            const clusters = await db.clusters.count();
            const multi = await db.clusters.filter((c) => c.articleCount > 1).count();
            db.close();
            // What the origin stores now: this database (the ones before it are deleted).
            const bytes = (await navigator.storage.estimate()).usage ?? 0;
            return { ms, added, clusters, multi, split, bytes, offThread: w.pool.stats.itemsOffThread - offBefore };
          },
          [name, count, BATCH, now, offThread] as const,
        );
      const deleteDb = (name: string) =>
        page.evaluate(
          (n) =>
            new Promise((ok) => {
              const r = indexedDB.deleteDatabase(n);
              r.onsuccess = r.onerror = r.onblocked = () => ok(null);
            }),
          name,
        );
      await ingest('bench-warmup', 300);
      await deleteDb('bench-warmup');
      await ingest('bench-warmup', 300, false);
      await deleteDb('bench-warmup');
      const rates: number[] = [];
      const splits: Awaited<ReturnType<typeof ingest>>['split'][] = [];
      const bytes: number[] = [];
      // CPU time by thread (a trace of the whole browser): the page's main thread (the engine, the store's
      // JavaScript, structured clone) and the browser's thread pool (IndexedDB's backend). Wall time on this
      // shared machine moves with its load; CPU time far less, so back-to-back comparisons read it.
      const cdp = await browser.newBrowserCDPSession();
      const MAIN = /^Renderer \/ CrRendererMain$/;
      const BACKEND = /^Browser \/ ThreadPoolForegroundWorker$/;
      const READERS = /^Renderer \/ DedicatedWorker thread$/;
      const cpuMain: number[] = [];
      const cpuBackend: number[] = [];
      const cpuReaders: number[] = [];
      const inThreadRates: number[] = [];
      const cpuMainInThread: number[] = [];
      for (let r = 0; r < INGEST_RUNS; r++) {
        let res!: Awaited<ReturnType<typeof ingest>>;
        const threads = await threadTimes(cdp, async () => {
          res = await ingest(`bench-ingest-${r}`, ITEMS);
        });
        cpuMain.push(cpuOf(threads, MAIN) / res.added);
        cpuBackend.push(cpuOf(threads, BACKEND) / res.added);
        cpuReaders.push(cpuOf(threads, READERS) / res.added);
        rates.push((res.added / res.ms) * 1000);
        if (res.offThread !== ITEMS) throw new Error(`readers read ${res.offThread} of ${ITEMS} items`);
        splits.push(res.split);
        bytes.push(res.bytes);
        log(
          `ingest run ${r + 1}: ${res.added} items in ${(res.ms / 1000).toFixed(2)} s → ${rates[r].toFixed(0)} items/s; ${res.clusters} clusters, ${res.multi} with several articles`,
        );
        log(`  ${splitLine(res.split, ITEMS)}`);
        if (r < INGEST_RUNS - 1) await deleteDb(`bench-ingest-${r}`);
        // The same ingest reading on the page's own thread (as before the readers), right after.
        let alone!: Awaited<ReturnType<typeof ingest>>;
        const aloneThreads = await threadTimes(cdp, async () => {
          alone = await ingest(`bench-ingest-inthread-${r}`, ITEMS, false);
        });
        await deleteDb(`bench-ingest-inthread-${r}`);
        inThreadRates.push((alone.added / alone.ms) * 1000);
        cpuMainInThread.push(cpuOf(aloneThreads, MAIN) / alone.added);
        log(
          `  read on the page's own thread: ${inThreadRates[r].toFixed(0)} items/s, main thread ${cpuMainInThread[r].toFixed(3)} ms CPU an item`,
        );
      }
      figures['sync.ingest_inthread_items_per_s'] = Math.round(median(inThreadRates));
      figures['sync.ingest_inthread_cpu_main_ms_per_item'] = median(cpuMainInThread);
      figures['sync.ingest_cpu_readers_ms_per_item'] = median(cpuReaders);
      figures['sync.ingest_readers'] = readers;
      figures['sync.ingest_items_per_s'] = Math.round(median(rates));
      figures['sync.ingest_cpu_main_ms_per_item'] = median(cpuMain);
      figures['sync.ingest_cpu_backend_ms_per_item'] = median(cpuBackend);
      log(
        `ingest CPU an item (medians): the page's main thread ${median(cpuMain).toFixed(3)} ms, the readers ${median(cpuReaders).toFixed(3)} ms, IndexedDB's backend (browser thread pool) ${median(cpuBackend).toFixed(3)} ms`,
      );
      // The stored size of the 10,000 ingested items with their incidents and clusters (the last run's).
      figures['sync.ingest_db_bytes'] = bytes[bytes.length - 1];
      // The split, ms an item (medians over the runs): the transactions' wall time and, within it, the
      // store's reads, writes and commit; the engine's part is measured alone below.
      const per = (f: (s: (typeof splits)[number]) => number) => median(splits.map(f)) / ITEMS;
      figures['sync.ingest_split_transaction_ms'] = per((s) => s.transaction);
      figures['sync.ingest_split_reads_ms'] = per((s) => s.reads);
      figures['sync.ingest_split_writes_ms'] = per((s) => s.writes);
      figures['sync.ingest_split_commit_ms'] = per((s) => s.commit);

      // Where the time goes: the engine's reading of the items alone (no database), on 2,000 of them.
      // In tasks of 100 items (a trace may drop one task of many seconds); the time is summed in the page.
      let analysis = 0;
      const analysisThreads = await threadTimes(cdp, async () => {
        for (let from = 0; from < 2000; from += 100)
          analysis += await page.evaluate(
            ([a, b]) => {
              const w = window as unknown as {
                SB: SB;
                matcher: Parameters<SB['prepareFeedItem']>[1];
                items: Parameters<SB['prepareFeedItem']>[0][];
              };
              const t0 = performance.now();
              for (const item of w.items.slice(a, b)) w.SB.prepareFeedItem(item, w.matcher);
              return performance.now() - t0;
            },
            [from, from + 100] as const,
          );
      });
      analysis /= 2000;
      figures['sync.ingest_analysis_ms_per_item'] = analysis;
      figures['sync.ingest_analysis_cpu_ms_per_item'] = cpuOf(analysisThreads, MAIN) / 2000;
      log(
        `the engine alone reads an item (title, summary, content: its lede in context) in ${analysis.toFixed(2)} ms (${figures['sync.ingest_analysis_cpu_ms_per_item'].toFixed(2)} ms CPU)`,
      );
      // Beside it, the same items read whole in context (no lede: as before the sync read a lede, as a page is read).
      const whole = await page.evaluate(
        ([n]) => {
          const w = window as unknown as {
            SB: SB;
            matcher: Parameters<SB['prepareFeedItem']>[1];
            items: Parameters<SB['prepareFeedItem']>[0][];
          };
          const t0 = performance.now();
          for (const item of w.items.slice(0, n)) w.SB.prepareFeedItem(item, w.matcher, Infinity);
          return (performance.now() - t0) / n;
        },
        [2000] as const,
      );
      figures['sync.ingest_analysis_whole_ms_per_item'] = whole;
      log(`  read whole in context (no lede), the same items: ${whole.toFixed(2)} ms`);

      // And the store alone: the same 10,000 items read by the engine beforehand, then stored as the ingest
      // does (batches of 50, chunks by text length, one transaction each) with nothing else on the thread.
      await page.evaluate(() => {
        const w = window as unknown as {
          SB: SB;
          matcher: Parameters<SB['prepareFeedItem']>[1];
          items: Parameters<SB['prepareFeedItem']>[0][];
          prepared: unknown;
        };
        w.prepared = w.items.map((item) => ({ prepared: w.SB.prepareFeedItem(item, w.matcher), weight: w.SB.textLength(item) }));
      });
      let storeOnly!: { added: number; clusters: number; split: Split };
      const storeThreads = await threadTimes(cdp, async () => {
        storeOnly = await page.evaluate(
          async ([batch, at]) => {
            const w = window as unknown as { SB: SB; prepared: Parameters<SB['storeTimed']>[1] };
            const db = new w.SB.IncidentLensDb({ name: 'bench-store-only' });
            await db.open();
            const split = w.SB.emptySplit();
            let added = 0;
            for (let i = 0; i < w.prepared.length; i += batch)
              added += await w.SB.storeTimed(db, w.prepared.slice(i, i + batch), at, split);
            const clusters = await db.clusters.count();
            db.close();
            w.prepared = [];
            return { added, clusters, split };
          },
          [BATCH, now] as const,
        );
      });
      figures['sync.ingest_store_cpu_main_ms_per_item'] = cpuOf(storeThreads, MAIN) / storeOnly.added;
      figures['sync.ingest_store_cpu_backend_ms_per_item'] = cpuOf(storeThreads, BACKEND) / storeOnly.added;
      await deleteDb('bench-store-only');
      figures['sync.ingest_store_ms_per_item'] = storeOnly.split.total / storeOnly.added;
      Object.assign(figures, tableFigures(storeOnly.split, storeOnly.added));
      log(
        `the store alone (items read beforehand): ${storeOnly.added} items, ${storeOnly.clusters} clusters; CPU an item: main thread ${figures['sync.ingest_store_cpu_main_ms_per_item'].toFixed(3)} ms, IndexedDB's backend ${figures['sync.ingest_store_cpu_backend_ms_per_item'].toFixed(3)} ms`,
      );
      log(`  ${splitLine(storeOnly.split, storeOnly.added)}`);
      if (QUICK) return figures;
      // Most feeds carry no full text: the same items with title and summary only.
      await page.evaluate(() => {
        const w = window as unknown as { items: { content?: string }[] };
        for (const item of w.items) delete item.content;
      });
      // A feed of titles and summaries is one chunk, read on the page's own thread with readers or without
      // (none is handed to them): the two figures run the same code, so they are taken in alternating order,
      // as many runs as the whole articles' (one run each in a fixed order measured the first one slower).
      const bareRates: number[] = [];
      const bareAloneRates: number[] = [];
      for (let r = 0; r < INGEST_RUNS; r++) {
        for (const off of r % 2 ? [false, true] : [true, false]) {
          const name = off ? 'bench-ingest-summary' : 'bench-ingest-summary-inthread';
          const res = await ingest(name, ITEMS, off);
          await deleteDb(name);
          if (res.offThread) throw new Error(`readers read ${res.offThread} items of titles and summaries`);
          (off ? bareRates : bareAloneRates).push((res.added / res.ms) * 1000);
        }
      }
      figures['sync.ingest_summary_items_per_s'] = Math.round(median(bareRates));
      figures['sync.ingest_summary_inthread_items_per_s'] = Math.round(median(bareAloneRates));
      log(
        `ingest, title and summary only: ${bareRates.map((x) => x.toFixed(0)).join(', ')} items/s (read on the page's own thread: ${bareAloneRates.map((x) => x.toFixed(0)).join(', ')})`,
      );

      // The queries: entity keys of real analysed items (from the last ingest), as a page would send them.
      const queries = await page.evaluate(
        async ([n, dbName]) => {
          const w = window as unknown as { SB: SB };
          const db = new w.SB.IncidentLensDb({ name: dbName });
          const rows = await db.articles.toArray();
          db.close();
          const step = Math.max(1, Math.floor(rows.length / n));
          return rows
            .filter((_, i) => i % step === 0)
            .slice(0, n)
            .map((r) => r.entityKeys);
        },
        [QUERIES, `bench-ingest-${INGEST_RUNS - 1}`] as const,
      );
      if (!queries.length) throw new Error('no analysed items to take queries from');
      await deleteDb(`bench-ingest-${INGEST_RUNS - 1}`);

      // A database of 200,000 articles and 50,000 clustered incidents: keys drawn from the real items'
      // keys by their frequency, one victim of its own per incident, ids sortable by time.
      const fill = await page.evaluate(fillRelatedDb, [ARTICLES, CLUSTERS, queries, now, 'bench-related', 'SB'] as const);
      log(
        `related: database of ${fill.articles} articles and ${fill.clusters} clustered incidents written in ${(fill.fillMs / 1000).toFixed(1)} s`,
      );

      const rel = await page.evaluate(
        async ([keyLists, at]) => {
          const w = window as unknown as { SB: SB };
          const db = new w.SB.IncidentLensDb({ name: 'bench-related' });
          await db.open();
          w.SB.forgetClusterCount();
          const times: number[] = [];
          let answered = 0;
          let articles = 0;
          // Warm-up: the first queries open the database and fill its caches.
          for (const keys of keyLists.slice(0, 10))
            await w.SB.relatedIncidents(db, keys, new Date(at).toISOString(), { limit: 10, now: at });
          for (const keys of keyLists) {
            const t0 = performance.now();
            const r = await w.SB.relatedIncidents(db, keys, new Date(at).toISOString(), { limit: 10, now: at });
            times.push(performance.now() - t0);
            if (r.length) answered++;
            articles += r.reduce((n, x) => n + x.articles.length, 0);
          }
          db.close();
          const est = await navigator.storage.estimate();
          return { times, answered, articles, bytes: est.usage ?? 0, keys: keyLists.reduce((n, k) => n + k.length, 0) / keyLists.length };
        },
        [queries, now] as const,
      );
      const sorted = [...rel.times].sort((a, b) => a - b);
      const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
      log(
        `related: ${rel.times.length} queries of ${rel.keys.toFixed(1)} keys on average; ${rel.answered} answered, ${(rel.articles / Math.max(1, rel.answered)).toFixed(1)} articles per answer`,
      );
      figures['sync.related_p50_ms'] = pct(0.5);
      figures['sync.related_p95_ms'] = pct(0.95);
      figures['sync.db_bytes'] = rel.bytes;

      // The popup's status on the same database, with the synced catalogue stored: every table counted and
      // every stored entity key read on each call (as before), against getStatus, which keeps the
      // catalogue's size until the catalogue changes (its first call, as in a woken worker, reads the keys).
      const status = await page.evaluate(
        async ([cat, runs]) => {
          const w = window as unknown as { SB: SB };
          const db = new w.SB.IncidentLensDb({ name: 'bench-related' });
          await db.entities.bulkPut(cat.map((e) => ({ ...e, aliasesLower: [e.name.toLowerCase()] })));
          const bundled = w.SB.seedCatalogue().map((e) => e.key);
          const everyKey = async () => {
            const [counts, stored] = await Promise.all([
              Promise.all([db.sources, db.articles, db.incidents, db.entities, db.kev, db.collection].map((t) => t.count())),
              db.entities.toCollection().primaryKeys(),
            ]);
            return { counts, size: new Set([...bundled, ...stored]).size };
          };
          const time = async (f: () => Promise<unknown>) => {
            const t0 = performance.now();
            await f();
            return performance.now() - t0;
          };
          await everyKey();
          const first = await time(() => w.SB.getStatus(db, 'bench', bundled));
          const before: number[] = [];
          const after: number[] = [];
          for (let i = 0; i < runs; i++) {
            before.push(await time(everyKey));
            after.push(await time(() => w.SB.getStatus(db, 'bench', bundled)));
          }
          const s = await w.SB.getStatus(db, 'bench', bundled);
          db.close();
          return { first, before, after, articles: s.counts.articles, entities: s.counts.entities, catalogue: s.catalogueSize };
        },
        [entries, 9] as const,
      );
      log(
        `status: ${status.articles} articles, ${status.entities} stored entities (${status.catalogue} with the seed); every key read each time ${median(status.before).toFixed(1)} ms, getStatus ${median(status.after).toFixed(1)} ms (its first call ${status.first.toFixed(1)} ms)`,
      );
      figures['sync.status_every_key_ms'] = median(status.before);
      figures['sync.status_ms'] = median(status.after);
      figures['sync.status_first_ms'] = status.first;
    } finally {
      await close();
    }
    return figures;
  },
};
