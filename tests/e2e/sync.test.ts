/// <reference types="chrome" />
/**
 * The sync in the built Chrome extension (.output/chrome-mv3) in headless Chromium, against a loopback
 * server answering the built-in sources' URLs from ../shared fixtures (the extension's test base, a
 * loopback origin, points them there): the worker reads the feeds and catalogues into its database; a
 * source that answers 500, hangs or serves a web page gets a readable error while the others sync; the
 * worker stopped in the middle of a run and a new run leave no duplicates; the popup and the options page
 * show the status; a CVE's card facts carry KEV's after the sync.
 */
import { describe, expect, it } from 'vitest';
import type { BackgroundProtocol } from '../../lib/shared/messaging';
import type { SyncOverview } from '../../lib/worker/sync/status';
import type { LastRun } from '../../lib/worker/sync/settings';
import { ask as askFrom, count as countIn, runEnded } from './extension-page';
import { probeSession } from './probe-session';

const FEED_ITEMS = 5 + 3 + 3 + 3 + 10;
const KEV_CVE = { key: 'vulnerability:cve-2025-48384', type: 'vulnerability' as const, name: 'CVE-2025-48384' };
/** A name the seed does not know and the synced catalogues (ATT&CK ICS, MISP threat actors) do. */
const XENOTIME = { url: 'https://news.example/2024/xenotime', text: 'The XENOTIME group deployed TRITON at a petrochemical plant.' };
const XENOTIME_KEY = 'actor:temp-veles';

const session = probeSession({
  sources: {
    'feed:therecord': { file: 'feeds/arkham/rss_therecord.xml' },
    'feed:bleepingcomputer': { file: 'feeds/oculus/bleepingcomputer.xml' },
    'feed:krebsonsecurity': { file: 'feeds/oculus/krebs.xml' },
    'feed:cisa': { file: 'feeds/oculus/cisa.xml' },
    'feed:schneier': { file: 'feeds/schneier/schneier-atom-2019-08-21.xml' },
    'feed:darkreading': { status: 500 },
    'feed:securityweek': { hang: true },
    'feed:thehackernews': { garbage: '<html><body>Please enable JavaScript</body></html>' },
    kev: { file: 'kev/known_exploited_vulnerabilities.json' },
    'attack:ics': { file: 'stix/attack/ics-attack-18.1.json' },
    'misp:threat-actor': { file: 'misp-galaxy/clusters/threat-actor.json' },
    '/mine/ncsc.xml': { file: 'feeds/arkham/ncsc_all.xml' },
    '/mine/home.html': { garbage: '<!doctype html><html><body>a home page</body></html>' },
  },
});

const ask = <K extends keyof BackgroundProtocol>(type: K, data?: Parameters<BackgroundProtocol[K]>[0]) =>
  askFrom(session.probe, type, data);
const count = (table: string) => countIn(session.probe, table);

/** The catalogue keys a page's first request is answered with for the XENOTIME text. */
async function firstStageKeys(): Promise<string[]> {
  return (await ask('analyzeFirstStage', XENOTIME)).entities.kinds.map((k) => k.key);
}

async function overview(): Promise<SyncOverview> {
  return ask('getSyncStatus');
}

const source = (o: SyncOverview, id: string) => o.sources.find((s) => s.id === id)!;

/** The extension's service worker targets, as the DevTools protocol lists them. */
async function workerTargets(): Promise<{ targetId: string; url: string }[]> {
  const browser = session.ext.context.browser();
  if (!browser) throw new Error('no browser handle');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    return targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(session.ext.extensionUrl));
  } finally {
    await cdp.detach();
  }
}

/** Stop the extension's service worker (close its target), as the browser may at any moment. */
async function stopWorker(): Promise<void> {
  const browser = session.ext.context.browser()!;
  const cdp = await browser.newBrowserCDPSession();
  try {
    for (const t of await workerTargets()) await cdp.send('Target.closeTarget', { targetId: t.targetId });
  } finally {
    await cdp.detach();
  }
  await expect.poll(async () => (await workerTargets()).length, { timeout: 10_000 }).toBe(0);
}

describe('sync (Chromium)', () => {
  it('opens the onboarding page on install: it says what is fetched, that page text is never sent, and asks in one click', async () => {
    await expect
      .poll(() => session.ext.context.pages().some((p) => p.url() === `${session.ext.extensionUrl}onboarding.html`), { timeout: 10_000 })
      .toBe(true);
    const onboarding = session.ext.context.pages().find((p) => p.url() === `${session.ext.extensionUrl}onboarding.html`)!;
    await onboarding.getByRole('button', { name: 'Allow and sync' }).waitFor({ timeout: 10_000 });
    const text = await onboarding.textContent('main');
    expect(text).toMatch(/It never sends what you read/);
    expect(text).toContain('www.bleepingcomputer.com');
    expect(text).toContain('raw.githubusercontent.com');
    // A new user learns where it runs by itself, how to ask for it elsewhere, and where saved articles go.
    await expect
      .poll(() => onboarding.getByTestId('how-to').textContent())
      .toMatch(
        /^It opens by itself on articles of \d+ security news sites.*“Read this page” under its toolbar button.*, or Alt\+Shift\+L\..*your collection/,
      );
    expect(await onboarding.getByRole('link', { name: 'your collection' }).getAttribute('href')).toBe('/collection.html');
  });

  it('a CVE has no KEV facts before the sync', async () => {
    const facts = await ask('entityFacts', { entities: [KEV_CVE] });
    expect(facts[KEV_CVE.key].kev?.inKev ?? false).toBe(false);
  });

  it('a page read before the sync does not know the catalogues’ names', async () => {
    expect(await firstStageKeys()).not.toContain(XENOTIME_KEY);
  });

  it('syncs; the worker stopped mid-run and a new run leave every item once, and the catalogues in', async () => {
    const kevHeld = session.sources.hold('kev');
    expect(await ask('syncNow')).toEqual({ started: true });
    // Feeds are read first; when the KEV request arrives they are all written.
    await kevHeld.arrived;
    expect(await count('articles')).toBe(FEED_ITEMS);
    // A mark in this worker life's memory: gone if the next run happens in a new life.
    await session.ext.worker.evaluate(() => ((globalThis as Record<string, unknown>).__lifeMark = 1));
    await stopWorker();
    kevHeld.release();
    expect(await count('kev')).toBe(0);

    // A new worker life takes the run over (the dead one's lock is not waited for).
    await expect.poll(async () => (await ask('syncNow')).started, { timeout: 20_000 }).toBe(true);
    await runEnded(session.probe, 'misp:threat-actor');

    const worker = session.ext.context.serviceWorkers().find((w) => w.url().startsWith(session.ext.extensionUrl))!;
    expect(await worker.evaluate(() => (globalThis as Record<string, unknown>).__lifeMark)).toBeUndefined();
    expect(await count('articles')).toBe(FEED_ITEMS);
    expect(await count('kev')).toBe(1404);
    expect(await count('entities')).toBeGreaterThan(1000);
    expect(session.sources.seen.get('feed:cisa')).toBeGreaterThanOrEqual(2);
  });

  it('failing sources have readable errors while the others synced', async () => {
    const o = await overview();
    expect(source(o, 'feed:cisa')).toMatchObject({ lastOutcome: expect.stringMatching(/ok|not-modified/), totalAdded: 3 });
    expect(source(o, 'feed:schneier').totalAdded).toBe(10);
    expect(source(o, 'feed:darkreading').error).toBe('the server failed to answer (HTTP 500 Internal Server Error)');
    expect(source(o, 'feed:securityweek').error).toMatch(/within 2 seconds/);
    expect(source(o, 'feed:thehackernews').error).toMatch(/web page, not a feed/);
    expect(source(o, 'feed:helpnetsecurity').error).toMatch(/does not exist \(HTTP 404/);
    expect(o.errorCount).toBeGreaterThanOrEqual(4);
  });

  it('pages read after the sync use the new names, also in a worker woken afterwards (the matcher it stored)', async () => {
    expect(await firstStageKeys()).toContain(XENOTIME_KEY);
    const last = (await session.probe.json<{ syncLastRun: LastRun }>("chrome.storage.local.get('syncLastRun')")).syncLastRun;
    expect(last.matcherRebuildMs).toBeGreaterThan(0);
    expect(last.matcherRebuildSplit?.pauses).toBeGreaterThan(0);
    await stopWorker();
    expect(await firstStageKeys()).toContain(XENOTIME_KEY);
    // The card reads the same merged catalogue: ATT&CK's and MISP's names of the group.
    const facts = await ask('entityFacts', { entities: [{ key: XENOTIME_KEY, type: 'actor', name: 'XENOTIME' }] });
    expect(facts[XENOTIME_KEY].aliases).toContain('XENOTIME');
    expect(facts[XENOTIME_KEY].sources).toEqual(expect.arrayContaining(['attack', 'misp:threat-actor']));
  });

  it('after the sync a CVE card carries its KEV facts', async () => {
    const facts = await ask('entityFacts', { entities: [KEV_CVE] });
    expect(facts[KEV_CVE.key].kev).toMatchObject({ inKev: true, vendor: 'Git', dateAdded: '2025-08-25' });
  });

  it('the popup and the options page show the status', async () => {
    const popup = await session.ext.context.newPage();
    await popup.goto(`${session.ext.extensionUrl}popup.html`);
    const line = popup.getByTestId('sync-line');
    await expect.poll(() => line.textContent(), { timeout: 10_000 }).toMatch(/Last sync (just now|\d+ min ago) · \d+ sources failing/);
    await popup.close();

    const options = await session.ext.context.newPage();
    await options.goto(`${session.ext.extensionUrl}options.html`);
    const row = (id: string) => options.locator(`tr[data-source="${id}"] [data-field=status]`);
    await expect
      .poll(() => row('feed:darkreading').textContent(), { timeout: 10_000 })
      .toBe('error: the server failed to answer (HTTP 500 Internal Server Error)');
    expect(await row('feed:cisa').textContent()).toMatch(/^ok, \d+ new$/);
    expect(await options.locator('tr[data-source="kev"] [data-field=added]').textContent()).toBe('1404');
    await options.close();
  });

  it("adds the user's feed from the options page only once it parses, and syncs it", async () => {
    const options = await session.ext.context.newPage();
    await options.goto(`${session.ext.extensionUrl}options.html`);
    // Named by its label, not by its placeholder alone (which goes once something is typed).
    const field = options.getByLabel('Feed address', { exact: true });
    await field.fill(`${session.sources.origin}/mine/home.html`);
    await options.getByRole('button', { name: 'Add feed' }).click();
    await expect
      .poll(() => options.locator('[data-section=sources]').getByRole('status').textContent(), { timeout: 20_000 })
      .toMatch(/^Not added: .*web page, not a feed/);

    const before = await count('articles');
    // While the next address is checked, the last one's refusal is not left standing as if it were this one's.
    const held = session.sources.hold('/mine/ncsc.xml');
    await field.fill(`${session.sources.origin}/mine/ncsc.xml`);
    await options.getByRole('button', { name: 'Add feed' }).click();
    await held.arrived;
    expect(await options.locator('[data-section=sources]').getByRole('status').textContent()).toBe(
      `Checking ${session.sources.origin}/mine/ncsc.xml…`,
    );
    held.release();
    await expect
      .poll(() => options.locator('[data-section=sources]').getByRole('status').textContent(), { timeout: 20_000 })
      .toBe('Added “All Feed”.');
    const mine = (await overview()).sources.find((s) => s.url === `${session.sources.origin}/mine/ncsc.xml`)!;
    expect(mine).toMatchObject({ builtin: false, enabled: true });
    await expect.poll(() => count('articles'), { timeout: 30_000 }).toBe(before + 5);
    await options.close();
  });
});
