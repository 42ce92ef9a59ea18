/**
 * contentHash (lib/worker/cluster/ingest.ts) is stored with every ingested item: an item read again with
 * the same text must hash as it did when it was stored, or every stored item would count as changed.
 * Against the joined-string reading it had when those rows were written.
 */
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../lib/worker/cluster/ingest';
import { benchItems } from '../../bench/sync/items';

function joined(...parts: (string | undefined)[]): string {
  let h = 0x811c9dc5;
  for (const p of parts) {
    const s = `${p ?? ''}\u0000`;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

describe('contentHash', () => {
  it('hashes as the joined string did: feed items, empty and missing parts, non-ASCII text', () => {
    const cases: (string | undefined)[][] = [
      [],
      [''],
      [undefined],
      ['', ''],
      ['a', undefined, 'b'],
      ['Ünïcødé — “quoted” 漢字', '\u0000'],
      ['x'.repeat(5000)],
    ];
    for (const it of benchItems(300)) cases.push([it.title, it.summary, it.content, it.published]);
    for (const c of cases) expect(contentHash(...c)).toBe(joined(...c));
    // Where the parts end matters: moving a boundary changes the hash.
    expect(contentHash('ab', 'c')).not.toBe(contentHash('a', 'bc'));
  });
});
