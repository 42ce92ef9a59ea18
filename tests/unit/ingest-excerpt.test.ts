/**
 * summaryOpensContent (lib/worker/sync/ingest-items.ts) looks for an excerpt's trailing ellipsis only in
 * the last characters of the text: the same answers as the plain reading below, which tries every
 * position, on texts made of the pieces that matter (words, runs of spaces and line breaks, ellipses,
 * brackets) and on the sync bench's items.
 */
import { describe, expect, it } from 'vitest';
import { summaryOpensContent } from '../../lib/worker/sync/ingest-items';
import { benchItems } from '../../bench/sync/items';

function plainEverywhere(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/\s*(?:\[\s*(?:…|\.\.\.)\s*\]|…|\.\.\.)\s*$/, '')
    .trim();
}

function reference(summary: string, content: string): boolean {
  const s = plainEverywhere(summary);
  return s.length > 0 && plainEverywhere(content.slice(0, summary.length * 2 + 200)).startsWith(s);
}

const PIECES = ['Boeing', 'said', 'LockBit', ' ', '  ', '\n', '\n\n \t', '…', '...', '.', '[', ']', '[…]', '[ ... ]', ' […] ', '&', 'x'];

describe('summaryOpensContent', () => {
  it('answers as trying the ellipsis at every position would, on 20,000 made-up pairs', () => {
    let seed = 11;
    const rnd = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
    const text = (n: number) => Array.from({ length: n }, () => PIECES[rnd(PIECES.length)]).join('');
    let opens = 0;
    for (let i = 0; i < 20_000; i++) {
      const content = text(5 + rnd(60));
      // A summary that is the content's opening (cut anywhere, an ellipsis or spaces added), or any text.
      const summary = rnd(3) ? content.slice(0, rnd(content.length + 1)) + text(rnd(4)) : text(rnd(30));
      const want = reference(summary, content);
      expect(summaryOpensContent(summary, content), JSON.stringify([summary, content])).toBe(want);
      if (want) opens++;
    }
    // Both answers are common, so both were compared.
    expect(opens).toBeGreaterThan(2_000);
    expect(opens).toBeLessThan(18_000);
  });

  it('answers as before on the sync bench items (their summaries open their content)', () => {
    const items = benchItems(851);
    for (const it of items) expect(summaryOpensContent(it.summary!, it.content!)).toBe(reference(it.summary!, it.content!));
    expect(items.filter((it) => summaryOpensContent(it.summary!, it.content!)).length).toBeGreaterThan(800);
  });
});
