/**
 * Launch Chromium with the built extension loaded, for `npm start` and the end-to-end tests.
 * Uses the system's Chromium (Debian's /usr/bin/chromium, or $CHROME_PATH) through playwright-core.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..');
export const CHROME_BUILD = join(ROOT, '.output', 'chrome-mv3');
export const FIREFOX_BUILD = join(ROOT, '.output', 'firefox-mv3');

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium(): string {
  const found = [process.env.CHROME_PATH, ...CANDIDATES].find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('No Chromium found: install Debian chromium (apt-get install chromium) or set CHROME_PATH.');
  return found;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** `chrome-extension://ID/` */
  extensionUrl: string;
  close(): Promise<void>;
}

/**
 * Chromium with the extension, once its service worker is seen. Now and then Playwright never reports the
 * worker of a freshly installed MV3 extension (seen once on Chromium 120 with two test files at once: Chrome
 * may start, stop and restart a new worker under the same target, microsoft/playwright#39475): a launch
 * whose worker does not show within 30 s is closed and tried once more, on a fresh profile. An extension
 * whose worker never starts fails both.
 */
export async function launchWithExtension(opts: { headless: boolean; extensionDir?: string }): Promise<ExtensionBrowser> {
  try {
    return await launchOnce(opts);
  } catch (e) {
    if (!(e instanceof Error && e.name === 'TimeoutError')) throw e;
    console.warn(`Chromium: the extension's service worker did not show within 30 s; launching again (${e.message})`);
    return launchOnce(opts);
  }
}

async function launchOnce(opts: { headless: boolean; extensionDir?: string }): Promise<ExtensionBrowser> {
  const dir = opts.extensionDir ?? CHROME_BUILD;
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`No built extension in ${dir}: run \`npx wxt build\` first.`);
  const profile = mkdtempSync(join(tmpdir(), 'incident-lens-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: opts.headless,
    viewport: { width: 1280, height: 900 },
    args: [
      // Chromium before 132 reads a bare --headless as the old headless mode, which loads no extension.
      ...(opts.headless ? ['--headless=new'] : []),
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  let worker: Worker;
  try {
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  } catch (e) {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    extensionUrl: `chrome-extension://${extensionId}/`,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
