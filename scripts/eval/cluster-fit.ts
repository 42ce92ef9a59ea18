/**
 * Experiment: a learned pair score (logistic regression over pairVector), fitted leave-one-tuning-half-out.
 */
import { resolve } from 'node:path';
import { LEARNED, pairVector, TUNED, vetoOf, WINDOW_DAYS, cachedBag, type ItemFeatures, type Rarity } from '../../lib/worker/cluster/rule';
import { countsOfHalf, fmt, pooled, readTuningHalves, type PairCounts, type ReadHalf } from './clusters';

const DAY = 86_400_000;

/** Every pair of a half within the time window that no guard vetoes: its vector and whether it is one event. */
export function pairsOf(h: ReadHalf): { x: number[]; y: number }[] {
  const fs = h.features;
  const out: { x: number[]; y: number }[] = [];
  for (let j = 0; j < fs.length; j++) {
    const r = rarityAt(fs, j);
    for (let i = 0; i < j; i++) {
      if (vetoOf(fs[j], fs[i])) continue;
      out.push({ x: pairVector(fs[j], fs[i], r), y: h.events[i] === h.events[j] ? 1 : 0 });
    }
  }
  return out;
}

function rarityAt(fs: ItemFeatures[], j: number): Rarity {
  const df = new Map<string, number>();
  let n = 0;
  for (let i = 0; i <= j; i++)
    if (fs[j].t - fs[i].t <= WINDOW_DAYS * DAY) {
      n++;
      for (const k of cachedBag(fs[i]).keys()) df.set(k, (df.get(k) ?? 0) + 1);
    }
  return { n, df: (k) => df.get(k) ?? 0, version: j };
}

/** Logistic regression by Newton's method, L2 penalty `l2` on all weights but the intercept. */
export function fitLogistic(data: { x: number[]; y: number }[], l2 = 1, iterations = 30): number[] {
  const d = data[0].x.length;
  let w = new Array<number>(d).fill(0);
  for (let it = 0; it < iterations; it++) {
    const g = new Array<number>(d).fill(0);
    const H = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (const { x, y } of data) {
      let z = 0;
      for (let i = 0; i < d; i++) z += w[i] * x[i];
      const p = 1 / (1 + Math.exp(-z));
      const r = p * (1 - p);
      for (let i = 0; i < d; i++) {
        g[i] += (p - y) * x[i];
        for (let k = 0; k < d; k++) H[i][k] += r * x[i] * x[k];
      }
    }
    for (let i = 1; i < d; i++) {
      g[i] += l2 * w[i];
      H[i][i] += l2;
    }
    H[0][0] += 1e-6;
    const step = solve(H, g);
    w = w.map((v, i) => v - step[i]);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return w;
}

function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  return M.map((row, i) => row[n] / row[i]);
}

const JOINS = Array.from({ length: 81 }, (_, k) => Math.round((-2 + k * 0.05) * 100) / 100);
const P_FLOOR = 0.85;

function countsWith(weights: number[], join: number, halves: readonly ReadHalf[]): PairCounts[] {
  const saved = { ...TUNED };
  LEARNED.weights = weights;
  TUNED.join = join;
  try {
    return halves.map(countsOfHalf);
  } finally {
    LEARNED.weights = undefined;
    Object.assign(TUNED, saved);
  }
}

function chooseJoin(weights: number[], halves: readonly ReadHalf[]): { join: number; counts: PairCounts[] } {
  let best = { join: 0, key: [-1, -1], counts: [] as PairCounts[] };
  for (const join of JOINS) {
    const counts = countsWith(weights, join, halves);
    const p = pooled(counts);
    const key = [p.precision >= P_FLOOR ? 1 : 0, p.f1];
    if (key[0] > best.key[0] || (key[0] === best.key[0] && key[1] > best.key[1])) best = { join, key, counts };
  }
  return best;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const ROOT = resolve(import.meta.dirname, '../..');
  const { loadMatcherFor } = await import('../../cli/matcher-cache');
  const { matcher } = await loadMatcherFor([
    resolve(ROOT, '../shared/fixtures/misp-galaxy/clusters'),
    resolve(ROOT, '../shared/fixtures/kev/known_exploited_vulnerabilities.json'),
  ]);
  const l2 = Number(process.env.L2 ?? 1);
  const halves = readTuningHalves(matcher);
  const pairs = halves.map(pairsOf);
  const folds: PairCounts[] = [];
  for (const [i, h] of halves.entries()) {
    const others = halves.filter((_, j) => j !== i);
    const w = fitLogistic(pairs.filter((_, j) => j !== i).flat(), l2);
    const { join } = chooseJoin(w, others);
    const [c] = countsWith(w, join, [h]);
    folds.push(c);
    console.log(`cv ${h.split.padEnd(12)} join ${join} weights ${w.map((v) => v.toFixed(2)).join(' ')}: ${fmt(pooled([c]))}`);
  }
  const cv = pooled(folds);
  console.log(`cv learned, leave one tuning half out, pooled: ${fmt(cv)} (${cv.predictedPairs} pairs of ${cv.truePairs})`);
  const w = fitLogistic(pairs.flat(), l2);
  const all = chooseJoin(w, halves);
  console.log(`fitted on all four: join ${all.join} weights ${w.map((v) => v.toFixed(3)).join(', ')}: ${fmt(pooled(all.counts))}`);
}
