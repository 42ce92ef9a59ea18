/**
 * CPU time by thread from a Chromium trace: what a run cost each thread, which the machine's load moves far
 * less than wall time (on this shared 2-core machine wall times double from run to run). Every top-level
 * task of every thread carries its thread time (`tdur`); summed over the run they are the thread's CPU.
 */
import type { CDPSession } from 'playwright-core';

/** One event of a Chromium trace (the fields the benches read). */
export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** The thread's own (CPU) time, where the trace has it: far less moved by the machine's load than `dur`. */
  tdur?: number;
  args?: Record<string, unknown> & { name?: string; data?: { url?: string }; fileName?: string };
}

/** Every event of the given categories a trace of the whole browser (`cdp` from browser.newBrowserCDPSession()) records while `during` runs. */
export async function traced(cdp: CDPSession, categories: string[], during: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const collect = (e: { value: object[] }) => void events.push(...(e.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: categories } });
  try {
    await during();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
  }
  return events;
}

/** A thread's CPU and wall time (ms) in its top-level tasks, keyed "process name / thread name". */
export type ThreadTimes = Map<string, { cpu: number; wall: number }>;

/** Runs `during` under a trace of the whole browser (`cdp` from browser.newBrowserCDPSession()) and sums every thread's outermost tasks. */
export async function threadTimes(cdp: CDPSession, during: () => Promise<void>): Promise<ThreadTimes> {
  const events = await traced(cdp, ['toplevel', '__metadata'], during);
  const threads = new Map<string, string>();
  const procs = new Map<number, string>();
  for (const e of events) {
    if (e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, String(e.args?.name));
    if (e.name === 'process_name') procs.set(e.pid, String(e.args?.name));
  }
  // Top-level tasks nest (a task's runner inside the message loop's): only the outermost of each thread count.
  const tasks = events
    .filter((e) => e.ph === 'X' && e.tdur !== undefined && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const until = new Map<string, number>();
  const out: ThreadTimes = new Map();
  for (const e of tasks) {
    const thread = `${e.pid}:${e.tid}`;
    if (e.ts < (until.get(thread) ?? -Infinity)) continue;
    until.set(thread, e.ts + e.dur!);
    const k = `${procs.get(e.pid) ?? e.pid} / ${threads.get(thread) ?? e.tid}`;
    const t = out.get(k) ?? { cpu: 0, wall: 0 };
    t.cpu += e.tdur! / 1000;
    t.wall += e.dur! / 1000;
    out.set(k, t);
  }
  return out;
}

/** CPU ms of the threads whose key matches. */
export function cpuOf(times: ThreadTimes, pattern: RegExp): number {
  let ms = 0;
  for (const [k, t] of times) if (pattern.test(k)) ms += t.cpu;
  return ms;
}
