/// <reference types="chrome" />
/**
 * The built Chrome extension (.output/chrome-mv3) in headless Debian Chromium: the worker, the content
 * script on article and non-article pages, and the popup, options and collection pages talking to
 * the background. Run `npx wxt build` first (npm test does).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_BUILD, launchWithExtension, type ExtensionBrowser } from '../../scripts/chromium';
import type { DemoServer } from '../../demo/server';
import type { PageArticle, Status } from '../../lib/shared/messaging';
import { SIDEBAR, inContentWorld, serveTestPages, sidebarText, wireMessage, type WireAnswer } from './helpers';

let server: DemoServer;
let ext: ExtensionBrowser;
/** An extension page kept open to reach extension APIs (tabs, storage) without the worker's handle. */
let probe: Page;

const DEMO_TITLE = 'Kestrel Maritime confirms LockBit attack traced to unpatched Citrix Bleed flaw';

beforeAll(async () => {
  server = await serveTestPages();
  ext = await launchWithExtension({ headless: true });
  probe = await ext.context.newPage();
  await probe.goto(`${ext.extensionUrl}collection.html`);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
  return page;
}

/**
 * The tab id of a page. The extension may not read the URLs of tabs (it has no "tabs" permission),
 * so the page is brought to the front and the active tab asked for.
 */
async function tabIdOf(page: Page): Promise<number> {
  await page.bringToFront();
  const ids = await probe.evaluate(async () => (await chrome.tabs.query({ active: true })).map((t) => t.id));
  if (ids.length !== 1 || ids[0] === undefined) throw new Error(`expected one active tab, got ${ids.length}`);
  return ids[0];
}

/** Ask a tab's content script what its page is; it answers once its main() has run. */
async function askPage(page: Page): Promise<PageArticle> {
  const tabId = await tabIdOf(page);
  const message = wireMessage('getPageArticle');
  for (let i = 0; i < 50; i++) {
    const answer = await probe.evaluate(
      ([id, msg]) => chrome.tabs.sendMessage(id, msg).catch(() => undefined) as Promise<WireAnswer<PageArticle> | undefined>,
      [tabId, message] as const,
    );
    if (answer?.res) return answer.res;
    await probe.waitForTimeout(200);
  }
  throw new Error('the content script never answered');
}

describe('Incident Lens in Chromium', () => {
  it('starts its service worker, which answers the protocol', async () => {
    expect(ext.worker.url()).toBe(`${ext.extensionUrl}background.js`);
    const answer = await probe.evaluate((msg) => chrome.runtime.sendMessage(msg) as Promise<WireAnswer<Status>>, wireMessage('getStatus'));
    expect(answer.err).toBeUndefined();
    expect(answer.res?.version).toBe('0.1.0');
    expect(answer.res?.counts).toEqual({ sources: 0, articles: 0, incidents: 0, entities: 0, kev: 0, collection: 0 });
    // A fresh install already knows the bundled seed catalogue.
    expect(answer.res?.catalogueSize).toBeGreaterThan(500);
  });

  it('ships a content script without the database in it', () => {
    const bundle = readFileSync(join(CHROME_BUILD, 'content-scripts', 'content.js'), 'utf8');
    expect(bundle.length).toBeGreaterThan(1000);
    expect(bundle).not.toMatch(/indexedDB|Dexie/);
  });

  it('mounts its sidebar in a closed shadow root on the demo article', async () => {
    const page = await open('/');
    await page.waitForSelector(SIDEBAR, { state: 'attached', timeout: 20_000 });
    expect(await page.locator(SIDEBAR).count()).toBe(1);
    // The page cannot see inside.
    expect(await page.evaluate((tag) => document.querySelector(tag)?.shadowRoot ?? null, SIDEBAR)).toBeNull();
    await expect.poll(() => sidebarText(page), { timeout: 10_000 }).toContain('Not in your collection');
    const text = await sidebarText(page);
    expect(text).toContain(DEMO_TITLE);
    expect(text).toContain('Incident Lens');
    await page.close();
  });

  it('mounts on the shared seed article', async () => {
    const page = await open('/shared/icc-espionage.html');
    await page.waitForSelector(SIDEBAR, { state: 'attached', timeout: 20_000 });
    expect((await askPage(page)).isArticle).toBe(true);
    await page.close();
  });

  it('stays out of pages that are not articles', async () => {
    for (const path of ['/shared/home-listing.html', '/fixtures/tag-archive.html']) {
      const page = await open(path);
      // The content script ran (it answers) and decided this is no article ...
      expect((await askPage(page)).isArticle, path).toBe(false);
      // ... so nothing was added to the page, then or a moment later.
      await page.waitForTimeout(1000);
      expect(await page.locator(SIDEBAR).count(), path).toBe(0);
      await page.close();
    }
  });

  it('refuses content scripts privileged messages and answers them only about their own page', async () => {
    const page = await open('/');
    await page.waitForSelector(SIDEBAR, { state: 'attached', timeout: 20_000 });
    const send = (type: string, data?: unknown) =>
      inContentWorld<WireAnswer>(page, ext.extensionId, `chrome.runtime.sendMessage(${JSON.stringify(wireMessage(type, data))})`);

    expect((await send('getStatus')).err?.message).toBe('"getStatus" is not available to content scripts');
    expect((await send('listCollection')).err?.message).toBe('"listCollection" is not available to content scripts');
    expect((await send('isSaved', { url: 'https://example.com/elsewhere' })).err?.message).toBe(
      '"isSaved": a content script may only ask about its own page',
    );
    expect(await send('isSaved', { url: `${server.origin}/#section` })).toEqual({ res: false });
    await page.close();
  });

  it('saves the page from the popup, lists it on the collection page, and the sidebar knows', async () => {
    const article = await open('/');
    await article.waitForSelector(SIDEBAR, { state: 'attached', timeout: 20_000 });
    const tabId = await tabIdOf(article);

    const popup = await ext.context.newPage();
    await popup.goto(`${ext.extensionUrl}popup.html?tab=${tabId}`);
    await expect.poll(() => popup.getByTestId('page-title').textContent(), { timeout: 10_000 }).toBe(DEMO_TITLE);
    await expect.poll(() => popup.getByTestId('version').textContent()).toBe('0.1.0');
    await popup.fill('input[name=tags]', 'LockBit, Ports');
    await popup.fill('textarea[name=note]', 'Citrix Bleed again');
    await popup.getByRole('button', { name: 'Save to collection' }).click();
    await popup.getByTestId('saved').waitFor({ timeout: 10_000 });
    await expect.poll(() => popup.locator('[data-count=collection]').textContent()).toBe('1');

    const collection = await ext.context.newPage();
    await collection.goto(`${ext.extensionUrl}collection.html`);
    const item = collection.locator(`li[data-url="${server.origin}/"]`);
    await item.waitFor({ timeout: 10_000 });
    expect(await item.locator('a').textContent()).toBe(DEMO_TITLE);
    const meta = await item.textContent();
    expect(meta).toContain('Tags: lockbit, ports');
    expect(meta).toContain('Citrix Bleed again');
    expect(meta).toContain('The Patch Report');

    await article.reload();
    await article.waitForSelector(SIDEBAR, { state: 'attached', timeout: 20_000 });
    await expect.poll(() => sidebarText(article), { timeout: 10_000 }).toContain('In your collection');

    // Deleting from the collection page: the page writes the extension's database itself.
    await item.getByRole('button', { name: 'Delete' }).click();
    await collection.getByTestId('empty').waitFor({ timeout: 10_000 });
    for (const p of [article, popup, collection]) await p.close();
  });

  it('runs on a page it did not detect when the user asks from the popup', async () => {
    const listing = await open('/shared/home-listing.html');
    expect((await askPage(listing)).isArticle).toBe(false);
    expect(await listing.locator(SIDEBAR).count()).toBe(0);

    const popup = await ext.context.newPage();
    await popup.goto(`${ext.extensionUrl}popup.html?tab=${await tabIdOf(listing)}`);
    await popup.getByRole('button', { name: 'Read this page' }).click();
    await listing.waitForSelector(SIDEBAR, { state: 'attached', timeout: 20_000 });
    expect(await listing.locator(SIDEBAR).count()).toBe(1);
    await listing.close();
    if (!popup.isClosed()) await popup.close();
  });

  it("says the tab shows the browser's error page, and offers neither to save nor to read it", async () => {
    const broken = await ext.context.newPage();
    await broken.goto('http://127.0.0.1:1/').catch(() => undefined); // ERR_UNSAFE_PORT: the tab shows the browser's error page
    // The error page commits after goto has given up, in a process of its own: until it has, the page cannot be
    // brought to the front ("Not attached to an active page", seen on Chromium 120).
    let tabId: number | undefined;
    for (let i = 0; i < 50 && tabId === undefined; i++) {
      tabId = await tabIdOf(broken).catch(() => undefined);
      if (tabId === undefined) await new Promise((r) => setTimeout(r, 100));
    }
    expect(tabId).toBeDefined();
    const popup = await ext.context.newPage();
    await popup.goto(`${ext.extensionUrl}popup.html?tab=${tabId}`);
    await expect
      .poll(() => popup.getByTestId('detected').textContent(), { timeout: 10_000 })
      .toBe('127.0.0.1 · the browser shows an error page here (the page did not load): there is nothing to read or save.');
    expect(await popup.getByRole('button', { name: /Save to collection|Read this page/ }).count()).toBe(0);
    await broken.close();
    await popup.close();
  });

  it('saves a PDF under the title the browser shows, and does not offer to read it', async () => {
    // The browser's PDF viewer: the document has no title of its own (the tab shows the file's) and no text to read.
    const pdf = await open('/fixtures/threat-report.pdf');
    expect(await askPage(pdf)).toMatchObject({ isArticle: false, pdf: true });
    const tabId = await tabIdOf(pdf);
    // The viewer reads the file's title a moment after the load.
    await expect
      .poll(() => probe.evaluate(async (id) => (await chrome.tabs.get(id)).title, tabId), { timeout: 10_000 })
      .toBe('Threat report Q1');
    const popup = await ext.context.newPage();
    await popup.goto(`${ext.extensionUrl}popup.html?tab=${tabId}`);
    await expect.poll(() => popup.getByTestId('page-title').textContent(), { timeout: 10_000 }).toBe('Threat report Q1');
    expect(await popup.getByTestId('detected').textContent()).toBe(
      '127.0.0.1 · a PDF document: Incident Lens cannot read its text, but you can save it to your collection.',
    );
    expect(await popup.getByRole('button', { name: 'Read this page' }).count()).toBe(0);
    await popup.getByRole('button', { name: 'Save to collection' }).click();
    await expect.poll(() => popup.getByTestId('saved').textContent(), { timeout: 15_000 }).toMatch(/^Saved on /);
    const saved = await probe.evaluate((msg) => chrome.runtime.sendMessage(msg), wireMessage('getSavedArticle', { url: pdf.url() }));
    expect(saved).toMatchObject({ res: { url: pdf.url(), title: 'Threat report Q1', site: '127.0.0.1' } });
    await probe.evaluate((msg) => chrome.runtime.sendMessage(msg), wireMessage('removeArticle', { url: pdf.url() }));
    await pdf.close();
    await popup.close();
  });

  it("the popup's sync line leads to where the sources' permission is given", async () => {
    const popup = await ext.context.newPage();
    await popup.goto(`${ext.extensionUrl}popup.html`);
    // A fresh profile has granted no source's host: a run asks nothing of them, and they wait.
    await popup.getByTestId('sync-line').getByRole('button', { name: 'Sync now' }).click();
    const link = popup.getByTestId('sync-line').getByRole('link', { name: /^\d+ waiting for your permission$/ });
    await link.waitFor({ timeout: 15_000 });
    expect(await link.getAttribute('href')).toBe('/options.html#sources');
    await popup.close();
  });

  it('opens the options page with data from the background and stores settings', async () => {
    const options = await ext.context.newPage();
    await options.goto(`${ext.extensionUrl}options.html`);
    await expect.poll(() => options.getByTestId('version').textContent(), { timeout: 10_000 }).toBe('0.1.0');
    expect(Number(await options.getByTestId('catalogue').textContent())).toBeGreaterThan(500);
    const indicator = options.locator('input[name=type-indicator]');
    expect(await indicator.isChecked()).toBe(true);
    await indicator.uncheck();
    await expect
      .poll(() => probe.evaluate(async () => (await chrome.storage.local.get('highlightTypes')).highlightTypes as Record<string, boolean>))
      .toMatchObject({ indicator: false, actor: true });
    await options.close();
  });
});
