/**
 * The clustering eval's cross-validation (scripts/eval/cluster-cv.ts): each half is scored with the
 * setting chosen on the other halves, never on itself.
 */
import { describe, expect, it } from 'vitest';
import { leaveOneOut } from '../../scripts/eval/cluster-cv';

/** Counts of a half: `tp` of `pp` predicted pairs right, `tpairs` same-event pairs. */
const c = (tp: number, pp: number, tpairs = 10) => ({ tp, pp, tpairs });

describe('leave one half out', () => {
  it('scores each half with the setting best on the others, not the one best on itself', () => {
    // Setting 0 is perfect on half 0 only; setting 1 is good on halves 1–3 and poor on half 0.
    const table = [
      [c(10, 10), c(2, 10), c(2, 10), c(2, 10)],
      [c(3, 10), c(9, 10), c(9, 10), c(9, 10)],
    ];
    const { chosen, counts } = leaveOneOut(table);
    expect(chosen).toEqual([1, 1, 1, 1]);
    // Half 0 is scored under setting 1, its poor one.
    expect(counts[0]).toEqual(c(3, 10));
  });

  it('prefers a setting that keeps precision 0.85 over one with a better F1 below it', () => {
    // Setting 0: precision 0.8, recall 1 (F1 0.889); setting 1: precision 0.9, recall 0.6 (F1 0.72).
    const table = [
      [c(8, 10, 8), c(8, 10, 8), c(8, 10, 8)],
      [c(9, 10, 15), c(9, 10, 15), c(9, 10, 15)],
    ];
    expect(leaveOneOut(table).chosen).toEqual([1, 1, 1]);
  });
});
