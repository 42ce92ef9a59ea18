/// <reference types="chrome" />
/**
 * The sync's readers in the built Chrome extension (headless Chromium): a feed of whole news articles
 * (CASIE's, read in place from ../shared) synced by the service worker is read by reader Workers of an
 * offscreen document (lib/worker/sync/reader-hosts.ts), which is closed when the run ends; the worker
 * stopped while it ingests, and a new run (which finds the document the stopped worker left, or makes one),
 * leave every item stored once; a run and an ingest request at once each keep their readers; a run of a feed
 * whose items have not changed reads none of them.
 */
import { describe, expect, it } from 'vitest';
import type { LastRun } from '../../lib/worker/sync/settings';
import { benchItems } from '../../bench/sync/items';
import { ask, count, ingestItems, runEnded, tableRows } from './extension-page';
import { probeSession } from './probe-session';
import { articleFeed } from './article-feed';

const { items: ITEMS, rss: RSS } = articleFeed(60);
/** What the feed answers (changed between the tests: an item stored with the same text is not read again). */
const FEED = { garbage: RSS };
/** The same feed with every article's text changed (a line added): each item is read again, as an update. */
const edited = (line: string) => RSS.replace(/<\/content:encoded>/g, ` ${line}</content:encoded>`);

const session = probeSession({
  sources: { 'feed:therecord': FEED },
});

/** The extension's targets of a type (service worker, offscreen document), as the DevTools protocol lists them. */
async function targets(match: (t: { type: string; url: string }) => boolean): Promise<{ targetId: string; type: string; url: string }[]> {
  const cdp = await session.ext.context.browser()!.newBrowserCDPSession();
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    return targetInfos.filter((t) => t.url.startsWith(session.ext.extensionUrl) && match(t));
  } finally {
    await cdp.detach();
  }
}
const offscreenDocs = () => targets((t) => t.url.endsWith('/offscreen.html'));

async function stopWorker(): Promise<void> {
  const cdp = await session.ext.context.browser()!.newBrowserCDPSession();
  try {
    for (const t of await targets((x) => x.type === 'service_worker')) await cdp.send('Target.closeTarget', { targetId: t.targetId });
  } finally {
    await cdp.detach();
  }
  await expect.poll(async () => (await targets((x) => x.type === 'service_worker')).length, { timeout: 10_000 }).toBe(0);
}

const lastRun = async () => (await session.probe.json<{ syncLastRun?: LastRun }>("chrome.storage.local.get('syncLastRun')")).syncLastRun;

describe('the sync’s readers (Chromium)', () => {
  it('reads a feed of whole articles on reader Workers of an offscreen document, closed after the run', async () => {
    expect(await ask(session.probe, 'syncNow')).toEqual({ started: true });
    await runEnded(session.probe, 'feed:therecord');
    expect(await count(session.probe, 'articles')).toBe(ITEMS.length);
    expect((await lastRun())?.readers).toMatchObject({ itemsOffThread: ITEMS.length, itemsInThread: 0, readersLost: 0 });
    await expect.poll(async () => (await offscreenDocs()).length, { timeout: 10_000 }).toBe(0);
  });

  it('the worker stopped while it ingests and a new run leave every item once', async () => {
    // Every article of the feed changed since the last run: every item goes through the readers again.
    FEED.garbage = edited('The company has since restored its systems.');
    const before = await lastRun();
    expect(await ask(session.probe, 'syncNow')).toEqual({ started: true });
    // Stopped once the run has opened its readers, wherever their reading has got to by then.
    await expect.poll(async () => (await offscreenDocs()).length, { timeout: 20_000 }).toBe(1);
    await stopWorker();
    await expect.poll(async () => (await ask(session.probe, 'syncNow')).started, { timeout: 20_000 }).toBe(true);
    await expect.poll(async () => (await lastRun())?.at ?? 0, { timeout: 90_000, interval: 500 }).toBeGreaterThan(before!.at);
    await expect.poll(async () => (await ask(session.probe, 'getSyncStatus')).running, { timeout: 60_000 }).toBe(false);
    const articles = await tableRows(session.probe, 'articles');
    expect(articles.length).toBe(ITEMS.length);
    expect(new Set(articles.map((a) => a.url)).size).toBe(ITEMS.length);
    const members = (await tableRows(session.probe, 'clusters')).flatMap((c) => (c.articles as { url: string }[]).map((a) => a.url));
    expect(members.length).toBe(new Set(members).size);
    expect((await lastRun())?.readers).toMatchObject({ itemsOffThread: ITEMS.length, readersLost: 0 });
    await expect.poll(async () => (await offscreenDocs()).length, { timeout: 10_000 }).toBe(0);
  });

  it('a run and an ingest request at the same time share the document, each with readers of its own', async () => {
    const before = (await lastRun())!.at;
    FEED.garbage = edited('An investigation is under way.');
    const more = benchItems(30, Date.now() - 20 * 86_400_000, 10).map((i) => ({ ...i, url: `${i.url}&more=1`, guid: `${i.guid}-more` }));
    expect(await ask(session.probe, 'syncNow')).toEqual({ started: true });
    const report = await ingestItems(session.probe, more);
    expect(report).toMatchObject({ added: more.length, readers: { itemsOffThread: more.length, itemsInThread: 0, readersLost: 0 } });
    await expect.poll(async () => (await lastRun())?.at ?? 0, { timeout: 90_000, interval: 500 }).toBeGreaterThan(before);
    expect((await lastRun())?.readers).toMatchObject({ itemsOffThread: ITEMS.length, itemsInThread: 0, readersLost: 0 });
    expect(await count(session.probe, 'articles')).toBe(ITEMS.length + more.length);
    await expect.poll(async () => (await offscreenDocs()).length, { timeout: 10_000 }).toBe(0);
  });

  it('a run of a feed whose items have not changed reads none of them again, and opens no readers', async () => {
    const before = (await lastRun())!.at;
    const stored = await count(session.probe, 'articles');
    expect(await ask(session.probe, 'syncNow')).toEqual({ started: true });
    await expect.poll(async () => (await lastRun())?.at ?? 0, { timeout: 90_000, interval: 500 }).toBeGreaterThan(before);
    // No feed had a chunk to read, so no reader was opened (the run's summary has readers only when it had some).
    expect((await lastRun())?.readers).toBeUndefined();
    expect(await count(session.probe, 'articles')).toBe(stored);
    expect(await offscreenDocs()).toEqual([]);
  });
});
