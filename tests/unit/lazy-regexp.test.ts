import { expect, test, vi } from 'vitest';
import { guarded, lazyRegExp } from '../../lib/worker/extract/lazy-regexp';

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

test('guarded runs its pattern only where every need is met, and answers as the pattern does', () => {
  const full = /^\s+is an? (?:\p{L}+\s+)?trojan\b/iu;
  // (A RegExp's `test` runs its `exec`: every run of the pattern is seen here.)
  const exec = vi.spyOn(full, 'exec');
  const re = guarded(full, /trojan/i, (s) => /^\s+is\s/i.test(s));
  expect(re.test(' is a banking trojan')).toBe(true);
  expect(re.exec(' is an old Trojan horse')?.[0]).toBe(' is an old Trojan');
  expect(re.test(' is a banking tool')).toBe(false); // the noun is missing: not run
  expect(re.exec(' was a trojan')).toBeNull(); // the opening is missing: not run
  expect(exec).toHaveBeenCalledTimes(2);
});
