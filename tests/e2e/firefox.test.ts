/**
 * Smoke test of the built Firefox extension (.output/firefox-mv3) in headless firefox-esr, over
 * WebDriver BiDi: it installs as a temporary add-on and its content script mounts the sidebar on the
 * demo article. Run `npx wxt build -b firefox` first (npm test does).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_BUILD } from '../../scripts/chromium';
import type { DemoServer } from '../../demo/server';
import { launchFirefox, type BidiFirefox } from './firefox';
import { SIDEBAR, serveTestPages } from './helpers';

let server: DemoServer;
let firefox: BidiFirefox;

beforeAll(async () => {
  server = await serveTestPages();
  firefox = await launchFirefox();
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

async function hasSidebar(context: string): Promise<boolean> {
  const r = await firefox.send<{ result: { value: boolean } }>('script.evaluate', {
    expression: `document.querySelectorAll(${JSON.stringify(SIDEBAR)}).length === 1`,
    target: { context },
    awaitPromise: false,
  });
  return r.result.value;
}

describe('Incident Lens in Firefox', () => {
  it('installs and its content script mounts the sidebar on the demo article only', async () => {
    const installed = await firefox.send<{ extension: string }>('webExtension.install', {
      extensionData: { type: 'path', path: FIREFOX_BUILD },
    });
    expect(installed.extension).toBe('incident-lens@incident-lens.dev');

    const { contexts } = await firefox.send<{ contexts: { context: string }[] }>('browsingContext.getTree');
    const context = contexts[0].context;
    await firefox.send('browsingContext.navigate', { context, url: `${server.origin}/`, wait: 'complete' });
    await expect.poll(() => hasSidebar(context), { timeout: 20_000, interval: 250 }).toBe(true);

    await firefox.send('browsingContext.navigate', { context, url: `${server.origin}/shared/home-listing.html`, wait: 'complete' });
    // Give the content script the time it took on the article, then check it stayed out.
    await new Promise((ok) => setTimeout(ok, 1500));
    expect(await hasSidebar(context)).toBe(false);
  });
});
