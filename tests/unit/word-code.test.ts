import { expect, test } from 'vitest';
import { isWordCode } from '../../lib/worker/extract/matcher/fold';

test('isWordCode answers as letters, digits, marks and the underscore, its filled ranges included', () => {
  const word = /[\p{L}\p{N}\p{M}_]/u;
  const wrong: string[] = [];
  for (let c = 0; c < 0x3000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    if (isWordCode(c) !== word.test(String.fromCharCode(c))) wrong.push(c.toString(16));
  }
  expect(wrong).toEqual([]);
  expect(isWordCode(0xd83d)).toBe(true); // half of a surrogate pair: read as a word character
});
