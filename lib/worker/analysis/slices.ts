/**
 * Long work in the worker, cut into slices: the merge and the matcher's compile are generators that yield
 * every few hundred iterations (lib/worker/knowledge/merge.ts mergeSteps, lib/worker/extract/matcher/build.ts buildSteps),
 * and runSliced runs them, giving the event loop a turn whenever a slice has taken `sliceMs`. A page's
 * request that arrives meanwhile is answered (by the old matcher) between two slices, not after the whole.
 */
import { nextTask } from '../next-task';

/** What slicing cost: how many pauses, and the longest stretch the thread was not free (ms). */
export interface SliceStats {
  pauses: number;
  longestSliceMs: number;
}

/** Runs the steps to their end in one go. */
export function runToEnd<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs the steps, pausing for a task whenever `sliceMs` have passed since the last pause. */
export async function runSliced<T>(
  steps: Generator<void, T, void>,
  { sliceMs = 8, pause = nextTask, stats }: { sliceMs?: number; pause?: () => Promise<void>; stats?: SliceStats } = {},
): Promise<T> {
  let start = performance.now();
  for (;;) {
    const r = steps.next();
    const now = performance.now();
    if (stats) stats.longestSliceMs = Math.max(stats.longestSliceMs, now - start);
    if (r.done) return r.value;
    if (now - start >= sliceMs) {
      await pause();
      if (stats) stats.pauses++;
      start = performance.now();
    }
  }
}
