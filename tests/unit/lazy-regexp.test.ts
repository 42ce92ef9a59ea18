import { expect, test, vi } from 'vitest';
import { asciiTwin, guarded, lazyRegExp, withoutUnicodeFolds } from '../../lib/worker/extract/lazy-regexp';

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

test('withoutUnicodeFolds reads with the pattern itself only where `u` changes the answer', () => {
  const full = /\bsteal(?:s|er)?\b/iu;
  const exec = vi.spyOn(full, 'exec');
  const re = withoutUnicodeFolds(full);
  expect(re.test('It STEALS keys')).toBe(true);
  expect(re.exec('a stealer, then')?.[0]).toBe('stealer');
  expect(re.test('a stealthy one')).toBe(false);
  expect(exec).not.toHaveBeenCalled(); // ASCII: the same pattern without `u` answered
  // The long s and the Kelvin sign fold to s and k under `iu` only, and a surrogate pair is one character under `u`.
  expect(re.test('It ſteals keys')).toBe(true);
  expect(withoutUnicodeFolds(/^\s*\bkit\b/iu).test(' \u212Ait')).toBe(true);
  expect(withoutUnicodeFolds(/^.$/u).test('😀')).toBe(true);
  expect(exec).toHaveBeenCalledTimes(1);
  // Nothing it would read otherwise: Unicode classes, code point escapes, a global pattern's lastIndex.
  expect(() => withoutUnicodeFolds(/\p{L}/u)).toThrow();
  expect(() => withoutUnicodeFolds(/\u{1F600}/u)).toThrow();
  expect(() => withoutUnicodeFolds(/a/giu)).toThrow();
  expect(() => withoutUnicodeFolds(/a/i)).toThrow();
});

test('asciiTwin reads an ASCII string with its twin, any other with the pattern', () => {
  const full = /^\p{Lu}[\p{L}\p{N}]*/u;
  const exec = vi.spyOn(full, 'exec');
  const re = asciiTwin(full, /^[A-Z][A-Za-z0-9]*/);
  expect(re.exec('APT28 and more')?.[0]).toBe('APT28');
  expect(re.test('lazarus')).toBe(false);
  expect(exec).not.toHaveBeenCalled();
  expect(re.exec('Ärës and more')?.[0]).toBe('Ärës');
  expect(re.exec('Kim Ærø, “Sam”')?.[0]).toBe('Kim');
  expect(exec).toHaveBeenCalledTimes(2);
  expect(() => asciiTwin(/a/g, /a/g)).toThrow();
});

test('guarded makes a pattern given as a getter only once a string meets its needs', () => {
  const make = vi.fn(() => /\bnasty\s+\p{L}+/u);
  const re = guarded(make, /nasty/);
  expect(re.test('a plain text')).toBe(false);
  expect(make).not.toHaveBeenCalled();
  expect(re.exec('a nasty trojan')?.[0]).toBe('nasty trojan');
  expect(make).toHaveBeenCalledTimes(1);
});
