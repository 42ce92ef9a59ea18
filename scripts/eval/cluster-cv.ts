/**
 * Leave-one-tuning-half-out cross-validation of the clustering rule (issue 10): how the rule would score
 * on items it was not tuned on, without looking at the held-out halves.
 *
 * The numbers the rule takes from data (TUNED in lib/worker/cluster/rule.ts) are chosen, for each tuning
 * half, on the other three pooled (the best F1 among the settings of GRID whose precision is P_FLOOR or
 * more), and that half is scored with them; the four halves' counts pooled are the CV figure. Beside it:
 * the rule as it stands on the four halves pooled (its tuning figure; the gap is what its numbers owe to
 * the halves they were chosen on) and the setting best on all four; and the baseline (TF-IDF cosine
 * single-link) cross-validated alike, its threshold chosen on the other three halves. What the CV figure cannot see: the
 * rule's parts were written while reading these halves, so a part fitted to one half helps it here too.
 * CV clusters each half with one Clusterer over features read once (countsOfHalf), not through the
 * ingest and its store: the same clusters but for one predicted pair of tune-mar (noted when run): two
 * CASIE items of one bulletin share a URL (casie-10074, casie-10075), which the store keeps as one row, so
 * through the ingest the two are one item in a cluster of its own, and clustered directly they are a pair.
 */
import type { CompiledMatcher } from '../../lib/worker/extract/matcher';
import { TUNED } from '../../lib/worker/cluster/rule';
import { countsOf, countsOfHalf, fmt, ingestCountsOfHalf, pooled, tfidfAt, THRESHOLDS, type PairCounts, type ReadHalf } from './clusters';

type Setting = typeof TUNED;

const range = (from: number, to: number, step: number) =>
  Array.from({ length: Math.round((to - from) / step) + 1 }, (_, k) => Math.round((from + k * step) * 1000) / 1000);

/** The settings tried: every combination of these values. */
const GRID: { [K in keyof Setting]: number[] } = {
  join: range(0.25, 0.55, 0.03),
  evidence: range(0.03, 0.15, 0.03),
  evidenceMinCosine: range(0, 0.15, 0.05),
};
/** The precision a setting must keep on the halves it is chosen on (the target is 0.90). */
const P_FLOOR = 0.85;

function settings(): Setting[] {
  let out: Setting[] = [{ ...TUNED }];
  for (const [k, values] of Object.entries(GRID) as [keyof Setting, number[]][])
    out = out.flatMap((s) => values.map((v) => ({ ...s, [k]: v })));
  return out;
}

const show = (s: Setting) => `join ${s.join} evidence ${s.evidence} min cos ${s.evidenceMinCosine}`;

/** Each half's counts under a setting (TUNED set to it, then put back). */
function countsUnder(s: Setting, halves: readonly ReadHalf[]): PairCounts[] {
  const saved = { ...TUNED };
  Object.assign(TUNED, s);
  try {
    return halves.map(countsOfHalf);
  } finally {
    Object.assign(TUNED, saved);
  }
}

/** The setting best on some halves pooled: the best F1 among those with precision P_FLOOR or more, else the best F1. */
function choose(table: PairCounts[][], halves: number[]): number {
  let best = -1;
  let bestKey = [-1, -1];
  table.forEach((counts, i) => {
    const p = pooled(halves.map((h) => counts[h]));
    const key = [p.precision >= P_FLOOR ? 1 : 0, p.f1];
    if (key[0] > bestKey[0] || (key[0] === bestKey[0] && key[1] > bestKey[1])) [best, bestKey] = [i, key];
  });
  return best;
}

/**
 * Leave one half out over a table of counts (`table[setting][half]`): for each half, the setting chosen on
 * the others, and that half's counts under it. The half itself is never looked at for its own choice.
 */
export function leaveOneOut(table: PairCounts[][]): { chosen: number[]; counts: PairCounts[] } {
  const halves = table[0].map((_, i) => i);
  const chosen = halves.map((i) =>
    choose(
      table,
      halves.filter((j) => j !== i),
    ),
  );
  return { chosen, counts: chosen.map((c, i) => table[c][i]) };
}

/** The CV figure of the rule as it stands, its tuning figure and the setting best on all four, logged; the CV figure returned. */
export async function crossValidate(
  halves: readonly ReadHalf[],
  matcher: CompiledMatcher,
  log: (line: string) => void = console.log,
): Promise<ReturnType<typeof pooled>> {
  // The Clusterer over features read once (what CV runs, many times) against the worker's ingest.
  const direct = countsUnder(TUNED, halves);
  for (const [i, h] of halves.entries()) {
    const viaIngest = await ingestCountsOfHalf(h, matcher);
    if (JSON.stringify(viaIngest) !== JSON.stringify(direct[i]))
      log(`note: ${h.split} clustered directly ${JSON.stringify(direct[i])} ≠ through the ingest ${JSON.stringify(viaIngest)}`);
  }
  const grid = settings();
  const table = grid.map((s) => countsUnder(s, halves));
  const folds = leaveOneOut(table);
  for (const [i, h] of halves.entries())
    log(`cv ${h.split.padEnd(12)} with ${show(grid[folds.chosen[i]])} (chosen on the other three): ${fmt(pooled([folds.counts[i]]))}`);
  const cv = pooled(folds.counts);
  const onAll = choose(
    table,
    halves.map((_, i) => i),
  );
  log(`tuning     the rule as it stands (${show(TUNED)}), four halves pooled: ${fmt(pooled(direct))}`);
  log(`tuning     best on all four (${show(grid[onAll])}): ${fmt(pooled(table[onAll]))}`);
  log(`cv         leave one tuning half out, pooled: ${fmt(cv)} (${cv.predictedPairs} pairs of ${cv.truePairs})`);
  // The baseline alike: each half at the threshold chosen on the other three.
  const base = THRESHOLDS.map((th) => halves.map((h) => countsOf(tfidfAt(h, th))));
  const baseFolds = leaveOneOut(base);
  log(
    `cv         TF-IDF single-link, its threshold chosen alike (${baseFolds.chosen.map((c) => THRESHOLDS[c]).join(', ')}): ${fmt(pooled(baseFolds.counts))}`,
  );
  return cv;
}
