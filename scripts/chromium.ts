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

export async function launchWithExtension(opts: { headless: boolean; extensionDir?: string }): Promise<ExtensionBrowser> {
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
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
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
