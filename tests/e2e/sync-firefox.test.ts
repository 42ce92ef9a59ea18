/**
 * Smoke test of the sync in the built Firefox extension (.output/firefox-mv3), over WebDriver BiDi: with
 * the built-in sources pointed at a loopback server, "sync now" from the options page fills the database
 * with the fixture feeds' items and a feed of whole articles (read by the sync's reader Workers) and KEV, and a
 * source answering 500 gets its readable error.
 * Run `npx wxt build -b firefox` first (npm test does).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_BUILD } from '../../scripts/chromium';
import { EXTENSION_ID, EXTENSION_URL, launchFirefox, type BidiFirefox } from './firefox';
import { ask, count, firefoxPage, pointSourcesAt, runEnded, type ExtensionPage } from './extension-page';
import { startSyncServer, type SyncServer } from './sync-server';
import type { LastRun } from '../../lib/worker/sync/settings';
import { articleFeed } from './article-feed';

/** A feed of whole articles, several chunks long: read by the readers (the fixture feeds are one chunk each). */
const ARTICLES = articleFeed(30);

let server: SyncServer;
let firefox: BidiFirefox;
let page: ExtensionPage;

beforeAll(async () => {
  server = await startSyncServer({
    'feed:bleepingcomputer': { file: 'feeds/oculus/bleepingcomputer.xml' },
    'feed:cisa': { file: 'feeds/oculus/cisa.xml' },
    'feed:schneier': { file: 'feeds/schneier/schneier-atom-2019-08-21.xml' },
    'feed:darkreading': { status: 500 },
    'feed:therecord': { garbage: ARTICLES.rss },
    kev: { file: 'kev/known_exploited_vulnerabilities.json' },
  });
  firefox = await launchFirefox();
  const installed = await firefox.send<{ extension: string }>('webExtension.install', {
    extensionData: { type: 'path', path: FIREFOX_BUILD },
  });
  expect(installed.extension).toBe(EXTENSION_ID);
  const { context } = await firefox.send<{ context: string }>('browsingContext.create', { type: 'tab' });
  await firefox.send('browsingContext.navigate', { context, url: `${EXTENSION_URL}options.html`, wait: 'complete' });
  page = firefoxPage(firefox, context);
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

describe('the sync in Firefox', () => {
  it('syncs the fixture feeds and KEV; a failing source gets a readable error', async () => {
    await pointSourcesAt(page, server.origin);
    expect(await ask(page, 'syncNow')).toEqual({ started: true });
    const s = await runEnded(page, 'kev');
    expect(await count(page, 'articles')).toBe(3 + 3 + 10 + ARTICLES.items.length);
    expect(await count(page, 'kev')).toBe(1404);
    expect(s.sources.find((x) => x.id === 'feed:darkreading')?.error).toBe('the server failed to answer (HTTP 500 Internal Server Error)');
    expect(s.sources.find((x) => x.id === 'feed:schneier')?.totalAdded).toBe(10);
    // The feeds of several chunks were read by the sync's reader Workers (started by the background page), none
    // on its own thread: the articles' feed and Schneier's ten full-text entries; the small feeds, one chunk
    // each, on its own thread.
    const last = (await page.json<{ syncLastRun: LastRun }>("browser.storage.local.get('syncLastRun')")).syncLastRun;
    expect(last.readers).toMatchObject({ itemsOffThread: ARTICLES.items.length + 10, itemsInThread: 0, readersLost: 0 });
  });
});
