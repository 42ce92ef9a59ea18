/**
 * The victim confidence's calibration, refitted (`casie.ts --calibrate`): on tuned fold a only, every victim
 * the engine names (no floor, one per article and name, as victim-scores.ts reads them) sorted by its cue
 * score; an isotonic fit of right/named (pool adjacent violators, a score's victims never split), blocks
 * pooled with a neighbour until each holds at least MIN_BLOCK; the table is each block's mean score and
 * share right, as roles.ts's CALIBRATION writes it. Then on fold b, never read victim by victim: each
 * block's share predicted (fold a's, and the mean of what roles.ts says now over fold b's victims in it)
 * beside fold b's share observed, and the mean absolute gap weighted by victims.
 */
import type { CompiledMatcher } from '../../lib/worker/extract/matcher';
import { victimConfidence } from '../../lib/worker/extract/incidents/roles';
import { inFold } from './victim-match';
import { victimsOf, type Named, type Row } from './victim-scores';

const MIN_BLOCK = 25;

interface Block {
  lo: number;
  hi: number;
  n: number;
  right: number;
  scoreSum: number;
}

const share = (b: Block) => b.right / b.n;

function merge(a: Block, b: Block): Block {
  return { lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi), n: a.n + b.n, right: a.right + b.right, scoreSum: a.scoreSum + b.scoreSum };
}

/** Isotonic blocks of (score, right) with at least `min` victims each (the last block may pool backwards). */
export function isotonicBlocks(points: readonly { score: number; right: boolean }[], min: number): Block[] {
  const byScore = new Map<number, Block>();
  for (const p of points) {
    const b = byScore.get(p.score) ?? { lo: p.score, hi: p.score, n: 0, right: 0, scoreSum: 0 };
    b.n++;
    b.scoreSum += p.score;
    if (p.right) b.right++;
    byScore.set(p.score, b);
  }
  const blocks: Block[] = [];
  for (const b of [...byScore.values()].sort((x, y) => x.lo - y.lo)) {
    blocks.push(b);
    while (blocks.length > 1 && share(blocks[blocks.length - 2]) >= share(blocks[blocks.length - 1]))
      blocks.splice(-2, 2, merge(blocks[blocks.length - 2], blocks[blocks.length - 1]));
  }
  // Pool each block that is too small with its smaller neighbour (merging neighbours keeps the order).
  for (;;) {
    const k = blocks.findIndex((b) => b.n < min);
    if (k < 0 || blocks.length === 1) break;
    const j = k === 0 ? 1 : k === blocks.length - 1 ? k - 1 : blocks[k - 1].n <= blocks[k + 1].n ? k - 1 : k + 1;
    const [i0, i1] = j < k ? [j, k] : [k, j];
    blocks.splice(i0, 2, merge(blocks[i0], blocks[i1]));
  }
  return blocks;
}

const f2 = (x: number) => x.toFixed(2);

export function showCalibration(rows: Row[], matcher: CompiledMatcher): void {
  const named = (fold: 'a' | 'b'): Named[] => rows.filter((r) => inFold(r.id, fold)).flatMap((r) => victimsOf(r, matcher));
  const a = named('a');
  const b = named('b');
  const blocks = isotonicBlocks(a, MIN_BLOCK);
  console.log(`\n#### victim confidence refitted on fold a (${a.length} victims; isotonic, blocks of at least ${MIN_BLOCK})`);
  console.log(
    '  const CALIBRATION = [[0, 0], ' + blocks.map((k) => `[${+(k.scoreSum / k.n).toFixed(2)}, ${f2(share(k))}]`).join(', ') + '];',
  );
  // Fold b's victims fall in the block whose scores they are nearest (between two blocks: the nearer one's edge).
  const blockOf = (s: number) => {
    let best = 0;
    for (let k = 0; k < blocks.length; k++) if (s >= blocks[k].lo || (k > 0 && s > (blocks[k - 1].hi + blocks[k].lo) / 2)) best = k;
    return best;
  };
  console.log(`\n  fold b (${b.length} victims): per block, the share fold a predicts, what roles.ts says now, fold b's share right`);
  let gapFit = 0;
  let gapNow = 0;
  blocks.forEach((k, i) => {
    const inB = b.filter((n) => blockOf(n.score) === i);
    const right = inB.filter((n) => n.right).length;
    const obs = inB.length ? right / inB.length : 0;
    const now = inB.length ? inB.reduce((s, n) => s + victimConfidence(n.score), 0) / inB.length : 0;
    gapFit += inB.length * Math.abs(share(k) - obs);
    gapNow += inB.length * Math.abs(now - obs);
    console.log(
      `  scores ${k.lo}–${k.hi}: fold a ${k.right}/${k.n} ${f2(share(k))}   roles.ts now ${f2(now)}   fold b ${right}/${inB.length} ${f2(obs)}   gap ${f2(Math.abs(share(k) - obs))}`,
    );
  });
  console.log(`  mean gap on fold b, weighted by victims: fold a's fit ${f2(gapFit / b.length)}, roles.ts now ${f2(gapNow / b.length)}`);
}
