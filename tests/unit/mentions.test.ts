import { describe, expect, it } from 'vitest';
import { someMention } from '../../lib/worker/extract/mentions';

describe('someMention', () => {
  it('tries every place the needle occurs, overlapping ones too, and stops at the first that holds', () => {
    const seen: number[] = [];
    expect(someMention('abababa', 'aba', (start) => (seen.push(start), start === 4))).toBe(true);
    expect(seen).toEqual([0, 2, 4]);
  });

  it('gives the end of each place and is false when no place holds or the needle is absent or empty', () => {
    expect(someMention('x Foo y Foo.', 'Foo', (_, end) => 'x Foo y Foo.'[end] === '.')).toBe(true);
    expect(someMention('x Foo y', 'Foo', () => false)).toBe(false);
    expect(someMention('x Foo y', 'Bar', () => true)).toBe(false);
    expect(someMention('x Foo y', '', () => true)).toBe(false);
  });
});
