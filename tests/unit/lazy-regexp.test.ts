import { expect, test } from 'vitest';
import { lazyRegExp } from '../../lib/worker/extract/lazy-regexp';

test('lazyRegExp builds its expression once, when first asked for', () => {
  const get = lazyRegExp(String.raw`(?<![\p{L}\p{N}])\p{Lu}\p{Ll}+`, 'gu');
  const re = get();
  expect(re).toBeInstanceOf(RegExp);
  expect(get()).toBe(re); // one object: a sticky or global scan's lastIndex stays its own
  expect(re.flags).toBe('gu');
  expect([...'Acme and ÉCole Éva'.matchAll(re)].map((m) => m[0])).toEqual(['Acme', 'Éva']);
  // A pattern that does not compile fails when asked for, not when its module loads.
  const bad = lazyRegExp('(', 'u');
  expect(bad).toThrow(SyntaxError);
});
