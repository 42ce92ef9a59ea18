/**
 * The extension's own pages in Firefox (popup, collection, options), driven over WebDriver BiDi with
 * system access: the same journeys as the Chromium suite's, against Firefox's event-page background.
 * Run `npx wxt build -b firefox` first (npm test does).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FIREFOX_BUILD } from '../../scripts/chromium';
import type { DemoServer } from '../../demo/server';
import { EXTENSION_ID, EXTENSION_URL, launchFirefox, type BidiFirefox } from './firefox';
import { SIDEBAR, serveTestPages, wireMessage } from './helpers';

const DEMO_TITLE = 'Kestrel Maritime confirms LockBit attack traced to unpatched Citrix Bleed flaw';

let server: DemoServer;
let firefox: BidiFirefox;

beforeAll(async () => {
  server = await serveTestPages();
  firefox = await launchFirefox();
  const installed = await firefox.send<{ extension: string }>('webExtension.install', {
    extensionData: { type: 'path', path: FIREFOX_BUILD },
  });
  expect(installed.extension).toBe(EXTENSION_ID);
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

/** A new tab at `url`, loaded. */
async function openTab(url: string): Promise<string> {
  const { context } = await firefox.send<{ context: string }>('browsingContext.create', { type: 'tab' });
  await firefox.send('browsingContext.navigate', { context, url, wait: 'complete' });
  return context;
}

/** Evaluates `expression` (awaited) in a tab and returns its value: keep it a string, number or boolean. */
async function js<T extends string | number | boolean | null>(context: string, expression: string): Promise<T> {
  const r = await firefox.send<{ type: string; result?: { value?: T }; exceptionDetails?: { text: string } }>('script.evaluate', {
    expression,
    target: { context },
    awaitPromise: true,
  });
  if (r.type === 'exception') throw new Error(`in the page: ${r.exceptionDetails?.text}`);
  return (r.result?.value ?? null) as T;
}

const text = (selector: string) => `document.querySelector(${JSON.stringify(selector)})?.textContent ?? null`;

/** The popup opened for the tab showing `url` (as the toolbar button opens it for the active tab). */
async function popupFor(url: string): Promise<string> {
  const popup = await openTab(`${EXTENSION_URL}popup.html`);
  let tabId = -1;
  await expect
    .poll(
      async () =>
        (tabId = await js<number>(
          popup,
          `browser.tabs.query({}).then((tabs) => tabs.find((t) => t.url === ${JSON.stringify(url)})?.id ?? -1)`,
        )),
      { timeout: 10_000 },
    )
    .toBeGreaterThan(0);
  await firefox.send('browsingContext.navigate', { context: popup, url: `${EXTENSION_URL}popup.html?tab=${tabId}`, wait: 'complete' });
  return popup;
}

/** Types into a field the way a user does: the value, then the input event the UI listens to. */
const type = (selector: string, value: string) =>
  `(() => { const el = document.querySelector(${JSON.stringify(selector)}); el.value = ${JSON.stringify(value)}; el.dispatchEvent(new Event('input', { bubbles: true })); return true; })()`;

describe('the extension pages in Firefox', () => {
  it('saves the article from the popup and lists it on the collection page', async () => {
    const article = await openTab(`${server.origin}/`);
    await expect.poll(() => js(article, `document.querySelectorAll(${JSON.stringify(SIDEBAR)}).length`), { timeout: 20_000 }).toBe(1);

    const popup = await openTab(`${EXTENSION_URL}popup.html`);
    // The article's tab: the one whose content script says it is reading our page (tab URLs are hidden
    // from an extension without the "tabs" permission).
    const tabId = await js<number>(
      popup,
      `(async () => {
        for (const t of await browser.tabs.query({})) {
          const a = await browser.tabs.sendMessage(t.id, ${JSON.stringify(wireMessage('getPageArticle'))}).catch(() => undefined);
          if (a?.res?.url === ${JSON.stringify(`${server.origin}/`)}) return t.id;
        }
        return -1;
      })()`,
    );
    expect(tabId).toBeGreaterThan(0);
    await firefox.send('browsingContext.navigate', { context: popup, url: `${EXTENSION_URL}popup.html?tab=${tabId}`, wait: 'complete' });
    await expect.poll(() => js(popup, text('[data-testid="page-title"]')), { timeout: 10_000 }).toBe(DEMO_TITLE);
    await expect.poll(() => js(popup, text('[data-testid="version"]'))).toBe('0.1.0');
    await js(popup, type('input[name=tags]', 'LockBit, Ports'));
    await js(popup, type('textarea[name=note]', 'Citrix Bleed again'));
    await js(popup, `[...document.querySelectorAll('button')].find((b) => b.textContent === 'Save to collection').click(), true`);
    await expect.poll(() => js(popup, text('[data-testid="saved"]')), { timeout: 10_000 }).toMatch(/^Saved on .*See it in your collection/);
    await expect.poll(() => js(popup, text('[data-count="collection"]'))).toBe('1');

    const collection = await openTab(`${EXTENSION_URL}collection.html`);
    const item = `li[data-url="${server.origin}/"]`;
    await expect.poll(() => js(collection, text(`${item} a`)), { timeout: 10_000 }).toBe(DEMO_TITLE);
    const meta = await js<string>(collection, text(item));
    expect(meta).toContain('Tags: lockbit, ports');
    expect(meta).toContain('Citrix Bleed again');
    // What the worker read in the saved text is kept and shown: the entities it names.
    expect(await js<string>(collection, text(`${item} .chips`))).toContain('LockBit');
    // The saved text reads offline, and a filter narrows the list (the collection page reads IndexedDB itself).
    await js(collection, `[...document.querySelectorAll('${item} button')].find((b) => b.textContent === 'Read saved text').click(), true`);
    await expect.poll(() => js(collection, text('[data-testid="reader-text"]')), { timeout: 10_000 }).toContain('Kestrel Maritime');
    await js(collection, `[...document.querySelectorAll('button')].find((b) => b.textContent.startsWith('← Back')).click(), true`);
    await js(collection, type('input[name=q]', 'no such words anywhere'));
    await expect
      .poll(() => js(collection, text('[data-testid="none-match"]')), { timeout: 10_000 })
      .toBe('No saved article matches these filters.');
  });

  it("says the tab shows the browser's error page, and offers neither to save nor to read it", async () => {
    // A loopback port nobody listens on: the connection is refused and Firefox shows its error page in the tab,
    // which keeps the address it tried. Firefox's refusal to run a script there says only "Missing host permission".
    const closed = createServer();
    await new Promise<void>((ok) => closed.listen(0, '127.0.0.1', ok));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
    await new Promise((ok) => closed.close(ok));
    const { context: broken } = await firefox.send<{ context: string }>('browsingContext.create', { type: 'tab' });
    await firefox.send('browsingContext.navigate', { context: broken, url, wait: 'complete' }).catch(() => undefined);
    const popup = await popupFor(url);
    await expect
      .poll(() => js(popup, text('[data-testid="detected"]')), { timeout: 10_000 })
      .toBe(
        '127.0.0.1 · the browser shows a page of its own here (an error page, or its viewer of a file that is no web page): there is nothing to read or save.',
      );
    expect(
      await js<number>(
        popup,
        `[...document.querySelectorAll('button')].filter((b) => /Save to collection|Read this page/.test(b.textContent)).length`,
      ),
    ).toBe(0);
    await firefox.send('browsingContext.close', { context: broken });
  });

  it('offers to save a PDF, not to read it (Firefox refuses its PDF viewer to scripts as it does its error page)', async () => {
    const url = `${server.origin}/fixtures/threat-report.pdf`;
    const pdf = await openTab(url);
    const popup = await popupFor(url);
    await expect
      .poll(() => js(popup, text('[data-testid="detected"]')), { timeout: 10_000 })
      .toBe('127.0.0.1 · a PDF document: Incident Lens cannot read its text, but you can save it to your collection.');
    expect(await js<string>(popup, text('[data-testid="page-title"]'))).toMatch(/^Threat report Q1/);
    const buttons = `[...document.querySelectorAll('button')].map((b) => b.textContent).join('|')`;
    expect(await js<string>(popup, buttons)).toContain('Save to collection');
    expect(await js<string>(popup, buttons)).not.toContain('Read this page');
    await firefox.send('browsingContext.close', { context: pdf });
  });

  it('opens the options page with data from the background and stores a setting', async () => {
    const options = await openTab(`${EXTENSION_URL}options.html`);
    await expect.poll(() => js(options, text('[data-testid="version"]')), { timeout: 10_000 }).toBe('0.1.0');
    expect(Number(await js<string>(options, text('[data-testid="catalogue"]')))).toBeGreaterThan(500);
    // The settings come in apart from the status: their checkboxes may appear a moment after it.
    await expect
      .poll(() => js(options, `document.querySelector('input[name=type-indicator]')?.checked ?? null`), { timeout: 10_000 })
      .toBe(true);
    await js(options, `document.querySelector('input[name=type-indicator]').click(), true`);
    await expect
      .poll(() => js(options, `browser.storage.local.get('highlightTypes').then((s) => JSON.stringify(s.highlightTypes))`))
      .toMatch(/"indicator":false/);
  });
});
