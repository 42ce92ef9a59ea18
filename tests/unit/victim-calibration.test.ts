import { describe, expect, test } from 'vitest';
import { isotonicBlocks } from '../../scripts/eval/victim-calibration';

const points = (score: number, right: number, wrong: number) => [
  ...Array.from({ length: right }, () => ({ score, right: true })),
  ...Array.from({ length: wrong }, () => ({ score, right: false })),
];

describe('the isotonic fit of the victim calibration', () => {
  test('a score whose share falls below the one before is pooled with it', () => {
    const blocks = isotonicBlocks([...points(1, 1, 9), ...points(2, 8, 2), ...points(3, 6, 4), ...points(4, 9, 1)], 1);
    expect(blocks.map((b) => [b.lo, b.hi, b.right, b.n])).toEqual([
      [1, 1, 1, 10],
      [2, 3, 14, 20],
      [4, 4, 9, 10],
    ]);
  });

  test('a block smaller than the least is pooled with its smaller neighbour, and the order holds', () => {
    const blocks = isotonicBlocks([...points(1, 1, 9), ...points(2, 3, 2), ...points(3, 14, 6), ...points(5, 9, 1)], 10);
    expect(blocks.map((b) => [b.lo, b.hi, b.n])).toEqual([
      [1, 2, 15],
      [3, 3, 20],
      [5, 5, 10],
    ]);
    for (let k = 1; k < blocks.length; k++) expect(blocks[k].right / blocks[k].n).toBeGreaterThan(blocks[k - 1].right / blocks[k - 1].n);
  });
});
