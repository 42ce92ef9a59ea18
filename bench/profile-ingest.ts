/**
 * Where the sync's ingest spends its time, from a V8 CPU profile of the bench's ingest in headless
 * Chromium (the same page, bundle and items as `npm run bench -- --only sync`):
 *
 *   npx tsx bench/profile-ingest.ts [--items 4000] [--interval 250] [--store-only | --engine-only] [--summaries] [--top 40] [--trace]
 *
 * Prints the load average, the wall time and items/s of the profiled run, then three tables, ms an item:
 * - by module: each sample's own (self) time given to the bundled module its function is in (esbuild
 *   marks every module's first line), or to V8's own entries ((idle): the thread waiting, for IndexedDB
 *   among others; (garbage collector); (program): the engine's own work outside JS, structured clone
 *   included) and to native functions by name;
 * - by stage: each sample given to the outermost of our stage functions on its stack (the engine's
 *   reading, the ingest's row making, the clusterer, the summaries, the store's reads and writes,
 *   Dexie's callbacks), else to its module's group;
 * - the functions with the most self time.
 * `--store-only` profiles the store alone (items read by the engine before the profile starts), `--engine-only`
 * the engine's reading alone (prepareFeedItem, no database), `--sequential` each batch of 50 read whole by the
 * engine and then stored (no pipelining, no yields). `--summaries` gives the items their title and summary only (no
 * content), as most feeds carry them.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { bundle } from '../tests/fixtures/reading/browser';
import { openBenchPage } from './lib/bench-page';
import { KEV, MISP_CLUSTERS, loadCatalogue } from './lib/catalogue';
import { benchItems } from './sync/items';
import { threadTimes } from './lib/thread-cpu';

type SB = typeof import('./sync/entry');

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const SCRIPT = 'incident-lens-sync-bench.js';

/** The bundle's module boundaries: esbuild writes `  // path/to/module.ts` on the line before each module's code. */
function moduleLines(code: string): { line: number; path: string }[] {
  const out: { line: number; path: string }[] = [];
  code.split('\n').forEach((l, i) => {
    const m = /^\s*\/\/ ((?:node_modules|lib|bench|cli|scripts)\/\S+\.[cm]?[jt]sx?)$/.exec(l);
    if (m) out.push({ line: i, path: m[1] });
  });
  return out;
}

function moduleAt(map: { line: number; path: string }[], line: number): string {
  let lo = 0;
  let hi = map.length - 1;
  let found = '(bundle prelude)';
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid].line <= line) {
      found = map[mid].path;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** A module's group: what the tables add up. */
function groupOf(path: string): string {
  if (path.startsWith('node_modules/dexie')) return 'Dexie';
  if (path.startsWith('node_modules/')) return `lib ${path.split('/')[1]}`;
  if (/^lib\/worker\/cluster\/(rule|assign|features|summarise)\.ts$/.test(path)) return 'clustering';
  if (/^lib\/worker\/(cluster|db)\//.test(path)) return 'store code';
  if (/^lib\/worker\/sync\//.test(path)) return 'sync glue';
  if (/^lib\/(worker\/(extract|knowledge|engine|analysis)|shared)/.test(path)) return 'engine';
  if (path.startsWith('bench/')) return 'bench harness';
  return path;
}

/** Stage functions, outermost first wins: a sample inside one of these belongs to that stage. */
const STAGES: [string, RegExp, RegExp][] = [
  ['engine: prepareFeedItem', /^prepareFeedItem$/, /ingest-items\.ts$/],
  ['store: rows + features (before the transaction)', /^(toRows|itemFeatures|titleKey)$/, /./],
  ['store: clusterer.add', /^add$/, /cluster\/assign\.ts$/],
  ['store: Clusterer (window setup)', /^Clusterer$/, /cluster\/assign\.ts$/],
  ['store: summariseCluster', /^summariseCluster$/, /./],
  ['store: memberOf', /^memberOf$/, /./],
  ['store: DexieStore.write', /^write$/, /cluster\/dexie-store\.ts$/],
  ['store: memory (member-cache)', /./, /cluster\/member-cache\.ts$/],
  [
    'store: DexieStore reads',
    /^(range|known|membersOf|publishedBetween|publishedBefore|getByUrls|getByGuids|getByTitleKeys)$/,
    /dexie-store\.ts$/,
  ],
];

function analyse(profile: Profile, map: { line: number; path: string }[], items: number, top: number): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const where = (f: CallFrame) => (f.url.endsWith(SCRIPT) ? moduleAt(map, f.lineNumber) : '');
  const selfGroup = (f: CallFrame) => {
    if (f.url.endsWith(SCRIPT)) return groupOf(where(f));
    if (f.functionName.startsWith('(')) return f.functionName;
    return `native ${f.functionName || '(anonymous)'}${f.url ? ` ${f.url.split('/').pop()}` : ''}`;
  };
  const byGroup = new Map<string, number>();
  const byModule = new Map<string, number>();
  const byStage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    const node = byId.get(id)!;
    const f = node.callFrame;
    const g = selfGroup(f);
    add(byGroup, g, dt);
    if (f.url.endsWith(SCRIPT)) add(byModule, where(f), dt);
    add(byFunction, `${f.functionName || '(anonymous)'} ${where(f) || f.url.split('/').pop() || ''}:${f.lineNumber + 1}`, dt);
    // The outermost stage on the stack.
    const stack: CallFrame[] = [];
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) stack.push(byId.get(n)!.callFrame);
    let stage: string | undefined;
    for (let k = stack.length - 1; k >= 0 && !stage; k--) {
      const s = STAGES.find(([, fn, mod]) => fn.test(stack[k].functionName) && mod.test(where(stack[k])));
      if (s) stage = s[0];
    }
    if (!stage) stage = g === '(idle)' || g === '(program)' || g === '(garbage collector)' ? g : `other: ${g}`;
    add(byStage, stage, dt);
  });
  const table = (title: string, m: Map<string, number>, n = 25) => {
    console.log(`\n${title} (ms an item, % of ${total.toFixed(0)} ms profiled)`);
    for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n))
      console.log(`  ${(v / items).toFixed(3).padStart(7)}  ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
  };
  table('self time by group', byGroup);
  table('self time by module', byModule, top);
  table('by stage (outermost stage function on the stack)', byStage);
  table('self time by function', byFunction, top);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      items: { type: 'string', default: '4000' },
      interval: { type: 'string', default: '250' },
      top: { type: 'string', default: '40' },
      'store-only': { type: 'boolean', default: false },
      'engine-only': { type: 'boolean', default: false },
      sequential: { type: 'boolean', default: false },
      trace: { type: 'boolean', default: false },
      summaries: { type: 'boolean', default: false },
    },
  });
  const n = Number(values.items);
  const { browser, page, close } = await openBenchPage('ingest profile');
  try {
    const code = await bundle('bench/sync/entry.ts', 'SB');
    await page.addScriptTag({ content: `${code}\n//# sourceURL=${SCRIPT}` });
    const { entries } = await loadCatalogue([MISP_CLUSTERS, KEV]);
    await page.evaluate((cat) => {
      const w = window as unknown as { SB: SB; matcher: unknown };
      w.matcher = w.SB.compileMatcher(cat);
    }, entries);
    const items = benchItems(n).map(({ content, ...rest }) => (values.summaries ? rest : { ...rest, content }));
    await page.evaluate(() => ((window as unknown as { items: unknown[] }).items = []));
    for (let i = 0; i < items.length; i += 1000)
      await page.evaluate((chunk) => (window as unknown as { items: unknown[] }).items.push(...chunk), items.slice(i, i + 1000));
    const now = Date.parse(items[items.length - 1].published!) + 86_400_000;
    const storeOnly = values['store-only'];
    const engineOnly = values['engine-only'];
    const sequential = values.sequential;
    // Run in the page: a warm-up of 300 items into a database deleted afterwards, then the profiled run.
    const run = (name: string, count: number) =>
      page.evaluate(
        async ([dbName, count, at, storeOnly, engineOnly, sequential]) => {
          const w = window as unknown as {
            SB: SB;
            matcher: Parameters<SB['ingestFeedItems']>[2]['matcher'];
            items: Parameters<SB['ingestFeedItems']>[1];
          };
          const list = w.items.slice(0, count);
          const prepared = storeOnly
            ? list.map((item) => ({ prepared: w.SB.prepareFeedItem(item, w.matcher), weight: w.SB.textLength(item) }))
            : [];
          const db = new w.SB.IncidentLensDb({ name: dbName });
          await db.open();
          // The caller starts the profiler once this run is ready, then calls `go`.
          const started = new Promise<void>((ok) => ((w as unknown as { go: () => void }).go = ok));
          (w as unknown as { ready: string }).ready = dbName;
          await started;
          const t0 = performance.now();
          let added = 0;
          const split = w.SB.emptySplit();
          if (sequential)
            for (let i = 0; i < count; i += 50) {
              const batch = list
                .slice(i, i + 50)
                .map((item) => ({ prepared: w.SB.prepareFeedItem(item, w.matcher), weight: w.SB.textLength(item) }));
              added += await w.SB.storeTimed(db, batch, at, split);
            }
          else if (engineOnly) {
            for (const item of list) w.SB.prepareFeedItem(item, w.matcher);
            added = list.length;
          } else if (storeOnly)
            for (let i = 0; i < prepared.length; i += 50) added += await w.SB.storeTimed(db, prepared.slice(i, i + 50), at, split);
          else
            for (let i = 0; i < count; i += 50)
              added += (await w.SB.ingestFeedItems(db, list.slice(i, i + 50), { matcher: w.matcher, now: at })).added;
          const ms = performance.now() - t0;
          db.close();
          await new Promise((ok) => {
            const r = indexedDB.deleteDatabase(dbName);
            r.onsuccess = r.onerror = r.onblocked = () => ok(null);
          });
          return { ms, added };
        },
        [name, count, now, storeOnly, engineOnly, sequential] as const,
      );
    const ready = (name: string) => page.waitForFunction((n) => (window as unknown as { ready?: string }).ready === n, name);
    const go = () => page.evaluate(() => (window as unknown as { go: () => void }).go());
    const warm = run('profile-warmup', 300);
    await ready('profile-warmup');
    await go();
    await warm;
    if (values.trace) {
      const cdp = await browser.newBrowserCDPSession();
      const measured = run('profile-run', n);
      await ready('profile-run');
      const events = await threadTimes(cdp, async () => {
        await go();
        await measured;
      });
      const res = await measured;
      console.log(
        `ingest: ${res.added} items in ${(res.ms / 1000).toFixed(2)} s → ${((res.added / res.ms) * 1000).toFixed(0)} items/s; load ${loadavg()[0].toFixed(2)}`,
      );
      for (const [thread, t] of [...events].sort((a, b) => b[1].cpu - a[1].cpu).slice(0, 12))
        console.log(`  ${(t.cpu / res.added).toFixed(3)} ms CPU, ${(t.wall / res.added).toFixed(3)} ms in tasks an item: ${thread}`);
      return;
    }
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: Number(values.interval) });
    const measured = run('profile-run', n);
    await ready('profile-run');
    await cdp.send('Profiler.start');
    const load = loadavg()[0];
    await go();
    const res = await measured;
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    console.log(
      `${storeOnly ? 'store alone' : engineOnly ? 'engine alone' : sequential ? 'engine then store, batch by batch' : 'ingest'}: ${res.added} items in ${(res.ms / 1000).toFixed(2)} s → ${((res.added / res.ms) * 1000).toFixed(0)} items/s; load average ${load.toFixed(2)} → ${loadavg()[0].toFixed(2)}`,
    );
    analyse(profile, moduleLines(code), res.added, Number(values.top));
  } finally {
    await close();
  }
}

await main();
