/// <reference types="chrome" />
/**
 * The options page and the collection page in the built extension (headless Chromium): axe-core finds no
 * serious or critical violation, light or dark; every control can be reached and used by keyboard; a colour
 * chosen here repaints the highlights of an open article; a site turned off here is listed and stored.
 * Screenshots of the options page, light and dark, go to test-results/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchWithExtension, ROOT, type ExtensionBrowser } from '../../scripts/chromium';
import type { DemoServer } from '../../demo/server';
import { SIDEBAR, screenshot, serveTestPages } from './helpers';
import { seriousViolations } from './axe';
import { BUILTIN_SOURCES } from '../../lib/worker/sync/sources';

let ext: ExtensionBrowser;
let server: DemoServer;
const SHOTS = `${ROOT}/test-results`;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await serveTestPages();
  ext = await launchWithExtension({ headless: true });
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

async function openOptions(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`${ext.extensionUrl}options.html`);
  await page.locator('input[name=color-actor]').waitFor();
  return page;
}

/** The text of every rule of the page's adopted style sheets (where the highlight styles live). */
const adoptedCss = (page: Page) =>
  page.evaluate(() => [...document.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n'));

describe('options page', () => {
  it('has no serious accessibility violation, light or dark, and looks right (screenshots)', async () => {
    const page = await openOptions();
    await page.setViewportSize({ width: 1000, height: 1400 });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expect.poll(() => page.getByTestId('index-state').textContent(), { timeout: 20_000 }).toMatch(/up to date|first search/);
      expect(await seriousViolations(page), scheme).toEqual([]);
      await screenshot(page, { path: `${SHOTS}/options-${scheme}.png`, fullPage: true });
    }
    expect(await page.getByTestId('storage-used').textContent()).toMatch(/^Using \d/);
    await page.close();
  });

  it('is usable by keyboard alone, with a visible focus on every stop', async () => {
    const page = await openOptions();
    const stops: string[] = [];
    for (let i = 0; i < 250; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        // Back at an element already reached: the walk has gone round (rows of a table can look alike).
        if (el.dataset.walked) return null;
        el.dataset.walked = '1';
        const style = getComputedStyle(el);
        const focusVisible = el.matches(':focus-visible') && (style.outlineStyle !== 'none' || style.boxShadow !== 'none');
        const name = el.getAttribute('aria-label') || el.getAttribute('name') || el.textContent?.trim().slice(0, 40) || el.tagName;
        return `${focusVisible ? 'ok' : 'NO-FOCUS-RING'} ${el.tagName.toLowerCase()} ${name}`;
      });
      if (!stop) break;
      stops.push(stop);
    }
    expect(stops.filter((s) => s.startsWith('NO-FOCUS-RING'))).toEqual([]);
    // Every kind of control is reached: links of the section list, checkboxes, colours, buttons, the site box.
    for (const want of [
      'a Highlighting',
      'input Highlight Threat actor',
      'input Colour of Threat actor',
      'input disable-site',
      'button Rebuild the search index',
    ]) {
      expect(
        stops.some((s) => s.endsWith(want)),
        want,
      ).toBe(true);
    }

    // Turn a site off with the keyboard.
    await page.locator('input[name=disable-site]').focus();
    await page.keyboard.type('https://www.Example.org/some/page');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('disabled-sites').textContent()).toContain('example.org');
    const stored = await page.evaluate(async () => (await chrome.storage.local.get('disabledSites')).disabledSites as string[]);
    expect(stored).toEqual(['example.org']);
    await page.getByRole('button', { name: 'Turn back on for example.org' }).press('Enter');
    await expect
      .poll(() => page.evaluate(async () => (await chrome.storage.local.get('disabledSites')).disabledSites as string[]))
      .toEqual([]);
    // The news items' retention reads as a person says it ('1 months' was offered).
    expect(await page.locator('select[name=retention] option').allTextContents()).toEqual([
      '1 month',
      '3 months',
      '6 months',
      '1 year',
      '2 years',
      '5 years',
      '10 years',
    ]);
    await page.close();
  });

  it('keeps a disabled feed through OPML: exported marked, and an import turns it off', async () => {
    const page = await openOptions();
    const [first, second] = BUILTIN_SOURCES.filter((s) => s.kind === 'feed');
    const box = (id: string) => page.locator(`tr[data-source="${id}"] input[type=checkbox]`);
    await box(first.id).uncheck();
    await expect.poll(() => box(first.id).isChecked()).toBe(false);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export OPML' }).click()]);
    const opml = readFileSync((await download.path())!, 'utf8');
    expect(opml).toContain(`xmlUrl="${first.url}" disabled="true"/>`);
    expect(opml).toContain(`xmlUrl="${second.url}"/>`);

    // A list from another profile where the second feed was off: it is turned off here too.
    await page.locator('input[name=opml]').setInputFiles({
      name: 'moved.opml',
      mimeType: 'text/x-opml',
      buffer: Buffer.from(`<opml version="2.0"><body><outline text="x" xmlUrl="${second.url}" disabled="true"/></body></opml>`),
    });
    await expect
      .poll(() => page.locator('#sources [role=status]').textContent())
      .toBe('Nothing new in moved.opml: 1 feed already in the list. 1 feed turned off, as in the file.');
    await expect.poll(() => box(second.id).isChecked()).toBe(false);

    // A hostile list is refused, and the refusal names what it is: a file, not a feed.
    await page.locator('input[name=opml]').setInputFiles({
      name: 'laughs.opml',
      mimeType: 'text/x-opml',
      buffer: Buffer.from('<?xml version="1.0"?><!DOCTYPE o [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><opml><body/></opml>'),
    });
    await expect
      .poll(() => page.locator('#sources [role=status]').textContent())
      .toMatch(/^Not imported: the file declares its own XML entities \(a DOCTYPE with <!ENTITY>\), refused/);
    await page.close();
  });

  it('repaints the highlights of an open article in the colour chosen here', async () => {
    const article = await ext.context.newPage();
    await article.goto(`${server.origin}/`, { waitUntil: 'load' });
    await article.waitForSelector(SIDEBAR, { state: 'attached', timeout: 20_000 });
    await expect.poll(() => adoptedCss(article), { timeout: 20_000 }).toContain('::highlight(il-actor)');
    expect(await adoptedCss(article)).not.toContain('rgb(18, 52, 86)');

    const options = await openOptions();
    await options.locator('input[name=color-actor]').fill('#123456');
    await expect
      .poll(() =>
        options.evaluate(async () => (await chrome.storage.local.get('highlightColors')).highlightColors as Record<string, string>),
      )
      .toEqual({ actor: '#123456' });
    await expect.poll(() => adoptedCss(article), { timeout: 10_000 }).toMatch(/::highlight\(il-actor\) \{[^}]*rgb\(18, 52, 86\)/);

    await options.getByRole('button', { name: 'Back to the built-in colours' }).click();
    await expect.poll(() => adoptedCss(article), { timeout: 10_000 }).not.toContain('rgb(18, 52, 86)');
    await options.close();
    await article.close();
  });
});

describe('collection page', () => {
  it('has no serious accessibility violation, light or dark', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${ext.extensionUrl}collection.html`);
    await page.waitForLoadState('load');
    await page.waitForTimeout(500);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(page), scheme).toEqual([]);
    }
    await page.close();
  });
});
