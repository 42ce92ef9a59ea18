/**
 * Smoke test of the reading view in headless firefox-esr (WebDriver BiDi): on the seed article the built
 * Firefox extension registers its highlights in CSS.highlights, with the expected words, and mounts the
 * sidebar. Run `npx wxt build -b firefox` first (npm test does).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_BUILD } from '../../scripts/chromium';
import { serveReadingPages, type ReadingServer } from '../fixtures/reading/pages';
import { HOST } from '../fixtures/reading/shadow';
import { launchFirefox, type BidiFirefox } from './firefox';

let server: ReadingServer;
let firefox: BidiFirefox;

beforeAll(async () => {
  server = await serveReadingPages(200);
  firefox = await launchFirefox();
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

async function evaluate<T>(context: string, expression: string): Promise<T> {
  const r = await firefox.send<{ result: { value: T } }>('script.evaluate', {
    expression,
    target: { context },
    awaitPromise: false,
  });
  return r.result.value;
}

describe('reading view in Firefox', () => {
  it('paints highlights on the seed article', async () => {
    await firefox.send('webExtension.install', { extensionData: { type: 'path', path: FIREFOX_BUILD } });
    const { contexts } = await firefox.send<{ contexts: { context: string }[] }>('browsingContext.getTree');
    const context = contexts[0].context;
    await firefox.send('browsingContext.navigate', { context, url: `${server.origin}/shared/icc-espionage.html`, wait: 'complete' });
    await expect
      .poll(() => evaluate<number>(context, 'typeof CSS.highlights === "object" ? CSS.highlights.size : -1'), {
        timeout: 30_000,
        interval: 250,
      })
      .toBeGreaterThan(0);
    // The texts of the organisation highlight, read through live ranges in the page.
    const orgs = await evaluate<string>(
      context,
      `JSON.stringify([...(CSS.highlights.get('il-organization') || [])].map((r) => { const l = document.createRange(); l.setStart(r.startContainer, r.startOffset); l.setEnd(r.endContainer, r.endOffset); return l.toString(); }))`,
    );
    expect(JSON.parse(orgs)).toContain('International Criminal Court');
    // The sidebar is built once the second stage is in (up to 150 ms after the first paint): wait for it.
    await expect
      .poll(() => evaluate<number>(context, `document.querySelectorAll(${JSON.stringify(HOST)}).length`), {
        timeout: 10_000,
        interval: 100,
      })
      .toBe(1);
    // The highlights' styles are in the page (one adopted sheet with the ::highlight rules): without them
    // the highlights would be registered but invisible. ESR 140 needs the page-side route (styles.ts).
    const sheets = await evaluate<string>(
      context,
      `JSON.stringify([...document.adoptedStyleSheets].map((s) => [...s.cssRules].map((r) => r.cssText).join('\\n')))`,
    );
    expect(JSON.parse(sheets).filter((css: string) => css.includes('::highlight(il-organization)'))).toHaveLength(1);
  });
});
