/**
 * What the sync's and the clusters' end-to-end tests share, in Chromium and in Firefox: an extension page
 * to speak from (it asks the worker as the extension's own pages do, and reads the database where it
 * lives), the sync's sources pointed at the loopback sync server (sync-server.ts), and waiting for a run.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { BackgroundProtocol } from '../../lib/shared/messaging';
import type { SyncOverview } from '../../lib/worker/sync/status';
import type { ExtensionBrowser } from '../../scripts/chromium';
import type { BidiFirefox } from './firefox';
import { wireMessage, type WireAnswer } from './helpers';

/** A page of the extension's own origin: evaluates an expression there, the value handed back as JSON. */
export interface ExtensionPage {
  json<T>(expression: string): Promise<T>;
}

/** An extension page open in Chromium (Playwright). */
function chromiumPage(page: Page): ExtensionPage {
  return { json: async (expression) => JSON.parse(await page.evaluate<string>(`(${expression}).then(JSON.stringify)`)) };
}

/** The extension's collection page opened in a new tab of a Chromium that has the extension loaded: a page to speak from. */
export async function openChromiumProbe(ext: ExtensionBrowser): Promise<ExtensionPage> {
  const page = await ext.context.newPage();
  await page.goto(`${ext.extensionUrl}collection.html`);
  return chromiumPage(page);
}

/** Feed items given to the worker's ingest, as the sync hands them over. */
export const ingestItems = (page: ExtensionPage, items: unknown[]) =>
  ask(page, 'ingestFeedItems', { items } as Parameters<BackgroundProtocol['ingestFeedItems']>[0]);

/** An extension page open in Firefox (WebDriver BiDi browsing context). */
export function firefoxPage(firefox: BidiFirefox, context: string): ExtensionPage {
  return {
    async json(expression) {
      const r = await firefox.send<{ type: string; result?: { value?: string }; exceptionDetails?: { text: string } }>('script.evaluate', {
        expression: `(${expression}).then(JSON.stringify)`,
        target: { context },
        awaitPromise: true,
      });
      if (r.type === 'exception') throw new Error(`in the page: ${r.exceptionDetails?.text}`);
      return JSON.parse(r.result?.value as string);
    },
  };
}

/** Ask the worker as an extension page does; its error, if it answers one, is thrown. */
export async function ask<K extends keyof BackgroundProtocol>(
  page: ExtensionPage,
  type: K,
  data?: Parameters<BackgroundProtocol[K]>[0],
): Promise<Awaited<ReturnType<BackgroundProtocol[K]>>> {
  const message = JSON.stringify(wireMessage(type, data));
  const answer = await page.json<WireAnswer | null>(
    `(globalThis.browser ?? chrome).runtime.sendMessage(${message}).then((a) => a ?? null)`,
  );
  if (answer?.err) throw new Error(answer.err.message);
  return answer?.res as Awaited<ReturnType<BackgroundProtocol[K]>>;
}

const IN_TABLE = (table: string, call: 'count' | 'getAll') =>
  `new Promise((ok, fail) => {
    const open = indexedDB.open('incident-lens');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction(${JSON.stringify(table)}).objectStore(${JSON.stringify(table)}).${call}();
      req.onsuccess = () => { ok(req.result); open.result.close(); };
      req.onerror = () => fail(req.error);
    };
  })`;

/** Rows in a table of the extension's database, counted by the extension page itself. */
export const count = (page: ExtensionPage, table: string) => page.json<number>(IN_TABLE(table, 'count'));

/** The rows of a table of the extension's database. */
export const tableRows = (page: ExtensionPage, table: string) => page.json<Record<string, unknown>[]>(IN_TABLE(table, 'getAll'));

/**
 * Point the built-in sources at the sync server (their URLs fetched as `origin/host/path`), with a short
 * timeout for the source that hangs, and keep the fixture feeds' old items.
 */
export async function pointSourcesAt(page: ExtensionPage, origin: string): Promise<void> {
  const settings = JSON.stringify({ syncSourceBase: origin, syncTimeoutMs: 2000, retentionDays: 3650 });
  await page.json(`(globalThis.browser ?? chrome).storage.local.set(${settings}).then(() => true)`);
}

/** Wait until `sourceId` (the run's last source: catalogues come after the feeds) has synced and the run has ended. */
export async function runEnded(page: ExtensionPage, sourceId: string): Promise<SyncOverview> {
  const overview = () => ask(page, 'getSyncStatus');
  await expect
    .poll(async () => (await overview()).sources.find((s) => s.id === sourceId)?.lastSuccessAt ?? 0, { timeout: 90_000, interval: 1000 })
    .toBeGreaterThan(0);
  await expect.poll(async () => (await overview()).running, { timeout: 60_000, interval: 1000 }).toBe(false);
  return overview();
}
