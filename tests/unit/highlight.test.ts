/**
 * The highlight painter in a real page (headless Chromium): ranges land on the right words, the DOM is left
 * alone, the hit test finds the word under the pointer, and a changed page is noticed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { bundle, launch, pageWith } from '../fixtures/reading/browser';
import { highlightTexts } from '../fixtures/reading/shadow';
import { matchAt, spanToPoints } from '../../lib/page/highlight';

const ARTICLE = `<!doctype html><html><body style="font: 18px/1.6 sans-serif; margin: 40px">
<nav>APT28 in the menu</nav>
<article><p>The group <b>APT28</b>, also called Fancy Bear, exploited CVE-2023-4966 in Citrix NetScaler.</p>
<p>Traffic went to <i>evil</i>[.]com and 1.2.3[.]4; APT28 denied it.</p></article>
<aside>APT28 in a teaser</aside></body></html>`;

const WORDS = {
  APT28: 'actor',
  'Fancy Bear': 'actor',
  'CVE-2023-4966': 'vulnerability',
  Citrix: 'vendor',
  '1.2.3[.]4': 'indicator',
  'evil[.]com': 'indicator',
};

type IL = typeof import('../fixtures/reading/page-entry');
declare const IL: IL;

let browser: Browser;
let script: string;
beforeAll(async () => {
  [browser, script] = await Promise.all([launch(), bundle('tests/fixtures/reading/page-entry.ts', 'IL')]);
});
afterAll(async () => browser?.close());

async function painted(): Promise<Page> {
  const page = await pageWith(browser, ARTICLE, script);
  await page.evaluate((words) => {
    const art = IL.segmentsOf(document.querySelector('article')!);
    const painter = IL.createPainter(window);
    const matches = IL.findAll(art.text, words) as Parameters<typeof painter.paint>[1];
    (window as unknown as { painter: unknown }).painter = painter;
    (window as unknown as { result: unknown }).result = painter.paint(art, matches);
  }, WORDS);
  return page;
}

describe('painter in Chromium', () => {
  it('registers one highlight per type with exactly the article’s words', async () => {
    const page = await painted();
    const before = await browser.newPage().then(async (p) => {
      await p.setContent(ARTICLE);
      const html = await p.evaluate(() => document.body.outerHTML);
      await p.close();
      return html;
    });
    const h = await highlightTexts(page);
    expect(Object.keys(h).sort()).toEqual(['il-actor', 'il-indicator', 'il-vendor', 'il-vulnerability']);
    expect(h['il-actor'].sort()).toEqual(['APT28', 'APT28', 'Fancy Bear']);
    // "evil[.]com" spans two text nodes (<i>evil</i>[.]com): one range across both.
    expect(h['il-indicator'].sort()).toEqual(['1.2.3[.]4', 'evil[.]com']);
    expect(h['il-vulnerability']).toEqual(['CVE-2023-4966']);
    // Nothing in the nav or the teaser: every range starts inside <article>.
    const outside = await page.evaluate(
      () => [...CSS.highlights.values()].flatMap((h) => [...h]).filter((r) => !r.startContainer.parentElement?.closest('article')).length,
    );
    expect(outside).toBe(0);
    // The page's DOM is untouched and no <style> was added: the styles are an adopted sheet.
    expect(await page.evaluate(() => document.body.outerHTML)).toBe(before);
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(1);
    expect(
      await page.evaluate(() => [...document.adoptedStyleSheets[0].cssRules].some((r) => r.cssText.includes('::highlight(il-actor)'))),
    ).toBe(true);
    await page.close();
  });

  it('finds the entity under the pointer, and nothing beside it', async () => {
    const page = await painted();
    const result = await page.evaluate(() => {
      const painter = (window as unknown as { painter: ReturnType<typeof IL.createPainter> }).painter;
      const cve = painter.matches().findIndex((m) => m.key === 'vulnerability:cve-2023-4966');
      const r = painter.rectOf(cve)!;
      const onWord = painter.hitTest(r.left + r.width * 0.9, r.top + r.height / 2);
      const firstLetter = painter.hitTest(r.left + 1, r.top + r.height / 2);
      const beside = painter.hitTest(r.right + 12, r.top + r.height / 2);
      const nav = document.querySelector('nav')!.getBoundingClientRect();
      const inNav = painter.hitTest(nav.left + 5, nav.top + nav.height / 2);
      const t0 = performance.now();
      for (let i = 0; i < 200; i++) painter.hitTest(r.left + (i % 50), r.top + r.height / 2);
      const per = (performance.now() - t0) / 200;
      return { onWord: onWord?.match.key, firstLetter: firstLetter?.match.key, beside: beside?.match.key ?? null, inNav, per };
    });
    expect(result.onWord).toBe('vulnerability:cve-2023-4966');
    expect(result.firstLetter).toBe('vulnerability:cve-2023-4966');
    expect(result.beside).toBeNull();
    expect(result.inNav).toBeNull();
    expect(result.per).toBeLessThan(1);
    await page.close();
  });

  it('notices when the page changes the article’s text, and clears everything it added', async () => {
    const page = await painted();
    const states = await page.evaluate(() => {
      const painter = (window as unknown as { painter: ReturnType<typeof IL.createPainter> }).painter;
      const intactBefore = painter.intact();
      document.querySelector('aside')!.textContent = 'changed teaser';
      const intactAfterTeaser = painter.intact();
      document.querySelector('article b')!.textContent = 'APT29';
      const intactAfterEdit = painter.intact();
      painter.clear();
      return { intactBefore, intactAfterTeaser, intactAfterEdit, left: CSS.highlights.size, sheets: document.adoptedStyleSheets.length };
    });
    expect(states).toEqual({ intactBefore: true, intactAfterTeaser: true, intactAfterEdit: false, left: 0, sheets: 0 });
    await page.close();
  });

  it('hides and shows a type, and flashes one entity', async () => {
    const page = await painted();
    const r = await page.evaluate(() => {
      const painter = (window as unknown as { painter: ReturnType<typeof IL.createPainter> }).painter;
      painter.setTypeVisible('actor', false);
      const hidden = CSS.highlights.has('il-actor');
      painter.setTypeVisible('actor', true);
      const shown = CSS.highlights.get('il-actor')?.size;
      const at = painter.flash('actor:apt28', 50);
      const flash = CSS.highlights.get('il-flash')?.size;
      return { hidden, shown, at, flash };
    });
    expect(r).toEqual({ hidden: false, shown: 3, at: 0, flash: 2 });
    await page.waitForFunction(() => !CSS.highlights.has('il-flash'));
    await page.close();
  });

  it('does nothing, and says so, where CSS.highlights is missing', async () => {
    const page = await pageWith(browser, ARTICLE, script);
    const r = await page.evaluate(() => {
      Object.defineProperty(CSS, 'highlights', { value: undefined });
      const painter = IL.createPainter(window);
      const art = IL.segmentsOf(document.querySelector('article')!);
      const res = painter.paint(art, IL.findAll(art.text, { APT28: 'actor' }) as Parameters<typeof painter.paint>[1]);
      return { supported: painter.supported, res, sheets: document.adoptedStyleSheets.length };
    });
    expect(r).toEqual({ supported: false, res: { ranges: 0, unanchored: 2 }, sheets: 0 });
    await page.close();
  });
});

describe('offsets', () => {
  const node = (data: string) => ({ data }) as unknown as Text;
  const a = node('Hello ');
  const b = node('world');
  const segments = [
    { node: a, start: 0, end: 6, nodeOffset: 0 },
    { node: b, start: 7, end: 12, nodeOffset: 0 }, // offset 6 is a separator the detector added
  ];
  it('maps spans to page positions, across nodes and around separators', () => {
    expect(spanToPoints(segments, 0, 5)).toEqual({ start: { node: a, offset: 0 }, end: { node: a, offset: 5 } });
    expect(spanToPoints(segments, 3, 10)).toEqual({ start: { node: a, offset: 3 }, end: { node: b, offset: 3 } });
    expect(spanToPoints(segments, 6, 9)).toEqual({ start: { node: b, offset: 0 }, end: { node: b, offset: 2 } });
    expect(spanToPoints(segments, 6, 7)).toBeNull();
    expect(spanToPoints(segments, 12, 20)).toBeNull();
  });
  it('finds the match covering an offset by binary search', () => {
    const m = [
      { start: 0, end: 5 },
      { start: 10, end: 30 },
      { start: 12, end: 15 },
      { start: 40, end: 41 },
    ];
    expect(matchAt(m, 0)).toBe(0);
    expect(matchAt(m, 5)).toBe(-1);
    expect(matchAt(m, 13)).toBe(2);
    expect(matchAt(m, 20)).toBe(1);
    expect(matchAt(m, 40)).toBe(3);
    expect(matchAt(m, 41)).toBe(-1);
    expect(matchAt([], 3)).toBe(-1);
  });
});
