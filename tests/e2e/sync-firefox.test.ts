/**
 * Smoke test of the sync in the built Firefox extension (.output/firefox-mv3), over WebDriver BiDi: with
 * the built-in sources pointed at a loopback server, "sync now" from the options page fills the database
 * with the fixture feeds' items and KEV, and a source answering 500 gets its readable error.
 * Run `npx wxt build -b firefox` first (npm test does).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_BUILD } from '../../scripts/chromium';
import { EXTENSION_ID, EXTENSION_URL, launchFirefox, type BidiFirefox } from './firefox';
import { wireMessage } from './helpers';
import { startSyncServer, type SyncServer } from './sync-server';

let server: SyncServer;
let firefox: BidiFirefox;
let page: string;

beforeAll(async () => {
  server = await startSyncServer({
    'feed:bleepingcomputer': { file: 'feeds/oculus/bleepingcomputer.xml' },
    'feed:cisa': { file: 'feeds/oculus/cisa.xml' },
    'feed:schneier': { file: 'feeds/schneier/schneier-atom-2019-08-21.xml' },
    'feed:darkreading': { status: 500 },
    kev: { file: 'kev/known_exploited_vulnerabilities.json' },
  });
  firefox = await launchFirefox();
  const installed = await firefox.send<{ extension: string }>('webExtension.install', {
    extensionData: { type: 'path', path: FIREFOX_BUILD },
  });
  expect(installed.extension).toBe(EXTENSION_ID);
  const { context } = await firefox.send<{ context: string }>('browsingContext.create', { type: 'tab' });
  await firefox.send('browsingContext.navigate', { context, url: `${EXTENSION_URL}options.html`, wait: 'complete' });
  page = context;
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

async function js<T>(expression: string): Promise<T> {
  const r = await firefox.send<{ type: string; result?: { value?: T }; exceptionDetails?: { text: string } }>('script.evaluate', {
    expression,
    target: { context: page },
    awaitPromise: true,
  });
  if (r.type === 'exception') throw new Error(`in the page: ${r.exceptionDetails?.text}`);
  return r.result?.value as T;
}

/** Ask the background; the answer as JSON text (BiDi hands back plain values best). */
const ask = (type: string, data?: unknown) =>
  js<string>(`browser.runtime.sendMessage(${JSON.stringify(wireMessage(type, data))}).then((a) => JSON.stringify(a))`).then(
    (s) => JSON.parse(s) as { res?: unknown; err?: { message: string } },
  );

const count = (table: string) =>
  js<number>(`new Promise((ok, fail) => { const o = indexedDB.open('incident-lens'); o.onerror = () => fail(o.error);
    o.onsuccess = () => { const r = o.result.transaction(${JSON.stringify(table)}).objectStore(${JSON.stringify(table)}).count();
      r.onsuccess = () => { ok(r.result); o.result.close(); }; }; })`);

describe('the sync in Firefox', () => {
  it('syncs the fixture feeds and KEV; a failing source gets a readable error', async () => {
    await js(
      `browser.storage.local.set({ syncSourceBase: ${JSON.stringify(server.origin)}, syncTimeoutMs: 2000, retentionDays: 3650 }).then(() => true)`,
    );
    expect((await ask('syncNow')).res).toEqual({ started: true });
    type Status = { running: boolean; sources: { id: string; lastSuccessAt?: number; error?: string; totalAdded?: number }[] };
    const status = async () => (await ask('getSyncStatus')).res as Status;
    await expect
      .poll(async () => (await status()).sources.find((s) => s.id === 'kev')?.lastSuccessAt ?? 0, { timeout: 90_000, interval: 1000 })
      .toBeGreaterThan(0);
    await expect.poll(async () => (await status()).running, { timeout: 60_000, interval: 1000 }).toBe(false);
    expect(await count('articles')).toBe(3 + 3 + 10);
    expect(await count('kev')).toBe(1404);
    const s = await status();
    expect(s.sources.find((x) => x.id === 'feed:darkreading')?.error).toBe('the server failed to answer (HTTP 500 Internal Server Error)');
    expect(s.sources.find((x) => x.id === 'feed:schneier')?.totalAdded).toBe(10);
  });
});
