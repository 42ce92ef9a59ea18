/**
 * Group `woken`: what a page pays when it finds the extension's service worker stopped (MV3 stops it after
 * ~30 s idle), split into its parts from a Chromium trace of each run:
 * - page: content script start → request sent; sent → the worker's thread starts (the browser starts it);
 * - worker: thread and isolate start, background.js fetched and decoded, compiled (from V8's code cache),
 *   evaluated (every module's top level and main()), the tasks right after (queued by main());
 * - the request reaching the handler, the matcher's load (the worker's own split, when the build records
 *   it), the analysis, the answer back to the page and its painting.
 * With IL_BENCH_BASE=/path/to/chrome-mv3 (e.g. a build of main), that build is measured in the same run,
 * alternating with this one run by run, so both see the same machine load.
 * Run `npx wxt build` first.
 */
import { loadavg } from 'node:os';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { CHROME_BUILD, launchWithExtension, type ExtensionBrowser } from '../scripts/chromium';
import { serveReadingPages, type ReadingServer } from '../tests/fixtures/reading/pages';
import { KEV, MISP_CLUSTERS, loadCatalogue } from './lib/catalogue';
import { median } from './lib/stats';
import { traced, type TraceEvent } from './lib/thread-cpu';
import type { BenchGroup } from './run';
import { FIRST_STAGE_MARK, type AnalysisTimings } from '../lib/worker/analysis/service';

const RUNS = Number(process.env.IL_BENCH_WOKEN_RUNS ?? 7);
const NAME_SHIM = 'globalThis.__name = (f) => f;';
const CATEGORIES = ['devtools.timeline', 'toplevel', 'blink.user_timing'];

/** A run whose trace lacks an event (the worker was woken by something else before the page asked): run again. */
class MissingEvent extends Error {
  constructor(what: string) {
    super(`the trace has no ${what} on the worker's thread`);
  }
}

/** One woken run's parts, in ms. */
type Split = Record<string, number>;

/** The parts of one woken run, read from its trace (µs → ms). */
function splitOf(events: TraceEvent[], worker: AnalysisTimings): Split {
  const threads = new Map<string, string>();
  for (const e of events) if (e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, String(e.args?.name));
  const onWorker = events.filter((e) => threads.get(`${e.pid}:${e.tid}`) === 'ServiceWorker thread');
  const first = (what: string, pred: (e: TraceEvent) => boolean, from = onWorker): TraceEvent => {
    const found = from.filter(pred).sort((a, b) => a.ts - b.ts)[0];
    if (!found) throw new MissingEvent(what);
    return found;
  };
  const mark = (name: string) => first(name, (e) => e.name === name && !!e.cat?.includes('user_timing'), events).ts;
  const task = (func: string) => first(func, (e) => e.name === 'ThreadControllerImpl::RunTask' && e.args?.src_func === func);
  const start = task('Start');
  const fetch = task('FetchAndRunClassicScript');
  const compile = first('v8.compile', (e) => e.name === 'v8.compile' && !!e.args?.data?.url?.endsWith('/background.js'));
  const run = first('EvaluateScript', (e) => e.name === 'EvaluateScript' && !!e.args?.data?.url?.endsWith('/background.js'));
  const evaluated = task('DidEvaluateScript');
  const ms = (us: number) => us / 1000;
  // The worker's mark is made as it answers; its detail says (wall clock) when the request reached it.
  const answeredTs = first(FIRST_STAGE_MARK, (e) => e.name === FIRST_STAGE_MARK, events).ts;
  const receivedTs = answeredTs - (worker.answeredAt - worker.receivedAt) * 1000;
  // What the handler waited for the matcher: all of its load, unless the load began as the worker woke.
  const load = worker.matcherWaitMs ?? worker.matcherLoadMs ?? 0;
  const split: Split = {
    page_to_sent: ms(mark('il:sent') - mark('il:main')),
    sent_to_thread: ms(start.ts - mark('il:sent')),
    thread_start: ms(start.dur ?? 0),
    script_fetch_decode: ms(fetch.dur ?? 0),
    script_compile: ms(compile.dur ?? 0),
    // EvaluateScript covers the compile, then the top level's run.
    script_evaluate: ms((run.dur ?? 0) - (compile.dur ?? 0)),
    after_evaluate_task: ms(evaluated.dur ?? 0),
    evaluated_to_handler: ms(receivedTs - (run.ts + (run.dur ?? 0))),
    matcher_wait: load,
    matcher_load: worker.matcherLoadMs ?? 0,
    analysis: worker.analyzeMs,
    handler_other: worker.answeredAt - worker.receivedAt - load - worker.analyzeMs,
    answer_to_painted: ms(mark('il:painted') - answeredTs),
    total: ms(mark('il:painted') - mark('il:main')),
  };
  for (const [k, v] of Object.entries(worker.matcherLoadSplit ?? {})) split[`matcher_load.${k}`] = v;
  // CPU time of the worker's thread (not moved by other processes' load): the script's compile and evaluation,
  // and every task from the thread's start to the answer.
  split['cpu.script_compile'] = ms(compile.tdur ?? NaN);
  split['cpu.script_evaluate'] = ms((run.tdur ?? NaN) - (compile.tdur ?? NaN));
  const tasks = onWorker.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ts >= start.ts && e.ts <= answeredTs);
  split['cpu.worker_to_answer'] = ms(tasks.reduce((n, e) => n + (e.tdur ?? 0), 0));
  // The task that answered (the analysis runs in it, after the matcher's read): its CPU time, which the machine's
  // load does not move as it moves the analysis' wall-clock time.
  const answering = tasks.find((e) => e.ts <= answeredTs && answeredTs <= e.ts + (e.dur ?? 0));
  if (answering) split['cpu.answer_task'] = ms(answering.tdur ?? NaN);
  return split;
}

async function stopWorker(cdp: CDPSession, probe: Page): Promise<void> {
  await cdp.send('ServiceWorker.stopAllWorkers');
  await probe.waitForTimeout(500);
}

async function workerTimings(ext: ExtensionBrowser): Promise<AnalysisTimings> {
  const workers = ext.context.serviceWorkers();
  const detail = await workers[workers.length - 1]?.evaluate(
    (name) => (performance.getEntriesByName(name).at(-1) as PerformanceMark | undefined)?.detail,
    FIRST_STAGE_MARK,
  );
  if (!detail) throw new Error(`the worker has no ${FIRST_STAGE_MARK}`);
  return detail as AnalysisTimings;
}

interface Subject {
  label: string;
  dir: string;
  ext: ExtensionBrowser;
  probe: Page;
  cdp: CDPSession;
  runs: Split[];
}

async function openSubject(label: string, dir: string, synced: unknown[], url: string): Promise<Subject> {
  const ext = await launchWithExtension({ headless: true, extensionDir: dir });
  await ext.context.addInitScript(NAME_SHIM);
  const probe = await ext.context.newPage();
  await probe.goto(`${ext.extensionUrl}collection.html`);
  await probe.evaluate(async (rows) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('incident-lens');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    if (!db.objectStoreNames.contains('entities')) throw new Error('the worker has not created the database yet');
    await new Promise<void>((ok, fail) => {
      const tx = db.transaction('entities', 'readwrite');
      for (const r of rows as { name: string; aliases: string[] }[]) {
        const lower = [...new Set([r.name, ...r.aliases].map((n) => n.trim().toLowerCase()).filter(Boolean))];
        tx.objectStore('entities').put({ ...r, aliasesLower: lower });
      }
      tx.oncomplete = () => ok();
      tx.onerror = () => fail(tx.error);
    });
    db.close();
  }, synced);
  const cdp = await ext.context.newCDPSession(probe);
  await cdp.send('ServiceWorker.enable');
  const subject = { label, dir, ext, probe, cdp, runs: [] };
  await readPage(subject, url); // the matcher built and stored: later wakes load it
  return subject;
}

async function readPage(s: Subject, url: string): Promise<void> {
  const page = await s.ext.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => performance.getEntriesByName('il:painted').length > 0, null, { timeout: 60_000 });
  await page.waitForTimeout(300);
  await page.close();
}

async function wokenRun(s: Subject, url: string, log: (line: string) => void): Promise<Split> {
  for (let attempt = 1; ; attempt++) {
    await stopWorker(s.cdp, s.probe);
    const events = await traced(s.cdp, CATEGORIES, () => readPage(s, url));
    const worker = await workerTimings(s.ext);
    if (worker.url !== url) throw new Error(`the worker's last first stage was of ${worker.url}, not ${url}`);
    try {
      return splitOf(events, worker);
    } catch (e) {
      if (!(e instanceof MissingEvent) || attempt === 3) throw e;
      log(`${s.label}: ${e.message}; run again`);
    }
  }
}

function medians(runs: Split[]): Split {
  const keys = [...new Set(runs.flatMap((r) => Object.keys(r)))];
  return Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]).filter((v) => v !== undefined))]));
}

export const wokenGroup: BenchGroup = {
  name: 'woken',
  async run(log) {
    const server: ReadingServer = await serveReadingPages(10_000);
    const url = `${server.origin}/gen/long-article-hero.html`;
    const { entries } = await loadCatalogue([MISP_CLUSTERS, KEV]);
    const synced = entries.filter((e) => !e.sources.includes('seed') || e.sources.length > 1);
    const builds: [string, string][] = [['branch', CHROME_BUILD]];
    if (process.env.IL_BENCH_BASE) builds.push(['base', process.env.IL_BENCH_BASE]);
    const subjects: Subject[] = [];
    try {
      for (const [label, dir] of builds) subjects.push(await openSubject(label, dir, synced, url));
      const loads: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        for (const s of i % 2 ? [...subjects].reverse() : subjects) {
          const split = await wokenRun(s, url, log);
          s.runs.push(split);
          if (process.env.IL_BENCH_RUNS)
            log(`${s.label}: ${JSON.stringify(Object.fromEntries(Object.entries(split).map(([k, v]) => [k, Math.round(v * 10) / 10])))}`);
        }
        loads.push(loadavg()[0]);
      }
      log(
        `${RUNS} woken runs per build, alternating; load average (1 min) ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`,
      );
      const out: Record<string, number> = {};
      const table = subjects.map((s) => [s.label, medians(s.runs)] as const);
      const keys = [...new Set(table.flatMap(([, m]) => Object.keys(m)))];
      log(`median ms        ${table.map(([l]) => l.padStart(9)).join('')}`);
      for (const k of keys)
        log(`${k.padEnd(28)}${table.map(([, m]) => (m[k] === undefined ? '-' : m[k].toFixed(1)).padStart(9)).join('')}`);
      for (const [label, m] of table) {
        const prefix = label === 'branch' ? 'woken' : `woken.${label}`;
        for (const [k, v] of Object.entries(m)) out[`${prefix}.${k.replace(/\./g, '_')}_ms`] = v;
        const dir = subjects.find((s) => s.label === label)!.dir;
        out[`${prefix}.background_js_bytes`] = statSync(join(dir, 'background.js')).size;
      }
      return out;
    } finally {
      for (const s of subjects) await s.ext.close();
      await server.close();
    }
  },
};
