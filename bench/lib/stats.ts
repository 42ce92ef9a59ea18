/** Timing helpers for the benchmark: warm-up, then the median of several runs. */
export function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Milliseconds: `warmup` unmeasured runs, then the median of `runs` measured ones. */
export function timeMedian(fn: () => unknown, runs = 15, warmup = 3): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

export function timeOnce(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/**
 * Medians of several functions measured in interleaved rounds (a, b, c, a, b, c ...), so that a burst of
 * load on a shared machine or a garbage collection falls on all of them alike rather than on one.
 */
export function timeInterleaved(fns: Record<string, () => unknown>, rounds = 25, warmup = 3): Record<string, number> {
  const names = Object.keys(fns);
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < warmup + rounds; r++) {
    for (const n of names) {
      const t = performance.now();
      fns[n]();
      if (r >= warmup) times[n].push(performance.now() - t);
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(times[n])]));
}
