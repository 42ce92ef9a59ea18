/**
 * The sidebar never hides what the reader is reading: on the dark test page and on real news pages
 * (../shared/fixtures/pages/secnews, served locally, their outside resources refused), at 1280 and 1920 px,
 * the open sidebar overlaps no line of the article's text; where the text leaves it no room it is a narrow
 * tab at the window's edge until the reader opens it. Each case is measured against what the always-open
 * sidebar of before (the right 340 px, 12 px from the edge) would have covered, printed, and photographed
 * under test-results/.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, ROOT, type ExtensionBrowser } from '../../scripts/chromium';
import { serveReadingPages, type ReadingServer } from '../fixtures/reading/pages';
import { inShadow } from '../fixtures/reading/shadow';
import { screenshot } from './helpers';

const SHOTS = resolve(ROOT, 'test-results');
const PAGES = [
  '/reading/dark.html',
  '/shared/secnews/krebsonsecurity.com--are-the-days-of-booter-services-numbered.html.gz',
  '/shared/secnews/threatpost.com--final-report-diginotar-hack-shows-total-compromise-ca.html.gz',
  '/shared/secnews/welivesecurity.com--lazarus-killdisk-central-american-casino.html.gz',
  '/shared/secnews/securelist.com--darkvishnya.html.gz',
];
const WIDTHS = [1280, 1920];

let server: ReadingServer;
let ext: ExtensionBrowser;

beforeAll(async () => {
  server = await serveReadingPages(200);
  ext = await launchWithExtension({ headless: true });
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The sidebar's box and whether it is collapsed, read inside its closed shadow root. */
async function sidebarBox(page: Page): Promise<(Box & { collapsed: boolean }) | undefined> {
  return inShadow(
    page,
    'function () { const a = this.querySelector(".il-sidebar"); if (!a) return undefined; const b = a.getBoundingClientRect(); return { left: b.left, right: b.right, top: b.top, bottom: b.bottom, collapsed: a.dataset.collapsed === "true" }; }',
  );
}

/**
 * The lines of the article's text (every line box of the blocks that hold a highlight) whose horizontal
 * extent meets `box`'s: the sidebar is fixed, so scrolling brings any such line under it.
 */
async function linesUnder(page: Page, box: Pick<Box, 'left' | 'right'>): Promise<{ lines: number; under: number }> {
  return page.evaluate((b) => {
    const blocks = new Set<Element>();
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('il-')) continue;
      for (const r of h) {
        const block = r.startContainer.parentElement?.closest('p, li, td, blockquote, h1, h2, h3, h4, pre, div');
        if (block) blocks.add(block);
      }
    }
    let lines = 0;
    let under = 0;
    for (const block of blocks) {
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const line of range.getClientRects()) {
          if (line.width < 1) continue;
          lines++;
          if (line.right > b.left && line.left < b.right) under++;
        }
      }
    }
    return { lines, under };
  }, box);
}

describe('the sidebar beside the text', () => {
  for (const width of WIDTHS) {
    for (const path of PAGES) {
      const name = path
        .split('/')
        .pop()!
        .replace(/\.html(\.gz)?$/, '');
      it(`${name} at ${width} px: the open sidebar covers no line of the article`, async () => {
        const page = await ext.context.newPage();
        // Saved pages name their sites' style sheets and scripts: nothing leaves the machine.
        await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${server.origin}${path}`, { waitUntil: 'domcontentloaded' });
        await page.waitForFunction(() => performance.getEntriesByName('il:rendered').length > 0, null, { timeout: 30_000 });
        const box = await sidebarBox(page);
        expect(box).toBeDefined();
        const before = await linesUnder(page, { left: width - 12 - 340, right: width - 12 });
        const now = await linesUnder(page, box!);
        expect(before.lines).toBeGreaterThan(0);
        console.log(
          `${name} @${width}: ${box!.collapsed ? `tab ${Math.round(box!.right - box!.left)} px wide` : 'open beside the text'}; ` +
            `article lines under it ${now.under}/${now.lines} (the always-open sidebar: ${before.under})`,
        );
        await screenshot(page, { path: resolve(SHOTS, `layout-${name}-${width}.png`) });
        if (!box!.collapsed) expect(now.under).toBe(0);
        else {
          // A tab: narrow, at the window's edge; it opens when the reader asks, over the text then.
          expect(box!.right - box!.left).toBeLessThanOrEqual(40);
          expect(box!.right).toBeGreaterThanOrEqual(width - 1);
          await inShadow(page, 'function () { this.querySelector(\'button[aria-expanded="false"]\').click(); }');
          await expect.poll(async () => (await sidebarBox(page))?.collapsed).toBe(false);
        }
        await page.close();
      });
    }
  }

  it('on the dark page at 1280 px the tab leaves every line visible; at 1920 px, on a column page, the sidebar opens, and a narrower window makes it a tab', async () => {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.origin}/reading/dark.html`, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => performance.getEntriesByName('il:rendered').length > 0, null, { timeout: 30_000 });
    const tab = await sidebarBox(page);
    expect(tab?.collapsed).toBe(true);
    expect((await linesUnder(page, tab!)).under).toBe(0);
    await page.close();
    // The generated long article: a 3:1 column and aside, so no room at 1280; at 1920 with a narrow body there is.
    const wide = await ext.context.newPage();
    await wide.setViewportSize({ width: 1920, height: 900 });
    await wide.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        document.body.style.maxWidth = '1100px';
      });
    });
    await wide.goto(`${server.origin}/gen/long-article.html`, { waitUntil: 'domcontentloaded' });
    await wide.waitForFunction(() => performance.getEntriesByName('il:rendered').length > 0, null, { timeout: 30_000 });
    const open = await sidebarBox(wide);
    expect(open?.collapsed).toBe(false);
    expect((await linesUnder(wide, open!)).under).toBe(0);
    await screenshot(wide, { path: resolve(SHOTS, 'layout-long-article-1920-open.png') });
    // Narrowed to 1000 px the text reaches under it: the sidebar the layout placed becomes a tab.
    await wide.setViewportSize({ width: 1000, height: 900 });
    await expect.poll(async () => (await sidebarBox(wide))?.collapsed).toBe(true);
    await wide.close();
  });
});
