/**
 * The service worker: a thin router. Each message is checked by lib/worker/messaging-guard (who sent it,
 * what it holds) before a lib service answers it. No state lives only in memory here: the database and
 * storage survive the worker being stopped.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { onMessage, sendMessage, type BackgroundProtocol } from '@/lib/shared/messaging';
import { checkMessage, type Caller, type CheckResult, type SelfInfo } from '@/lib/worker/messaging-guard';
import { getDb, getSavedArticle, getStatus, isSaved, listCollection, removeArticle, saveArticle } from '@/lib/worker/db';
import { registerInjection, runOnTab } from './inject';
import { AnalysisService } from '@/lib/worker/analysis/service';
import { relatedIncidents } from '@/lib/worker/db/related';
import { ingestArticles } from '@/lib/worker/db/ingest';
import { bundledSeed } from '@/lib/worker/knowledge/seed/stamp';
import { watchDisabledSites } from '@/lib/shared/settings';
import { siteOf } from '@/lib/shared/sites';
import { registerSync, scheduleSync, startSync, syncModule, workerLife } from './sync';
import { SearchService } from '@/lib/worker/search/service';
import { entityIncidents, incidentDetail } from '@/lib/worker/search/details';

type Handler<K extends keyof BackgroundProtocol> = (
  data: Extract<CheckResult<K>, { ok: true }>['data'],
  caller: Caller,
) => Promise<ReturnType<BackgroundProtocol[K]>>;

export default defineBackground(() => {
  const self: SelfInfo = { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') };
  const version = browser.runtime.getManifest().version;

  function handle<K extends keyof BackgroundProtocol>(type: K, handler: Handler<K>): void {
    onMessage(type, async (message) => {
      const checked = checkMessage(type, message.data, message.sender, self);
      if (!checked.ok) throw new Error(checked.error);
      return handler(checked.data, checked.caller);
    });
  }

  // The seed's keys: its data is evaluated for the status (popup, options), not by a worker woken for a page.
  let seedKeys: Promise<string[]> | undefined;
  const status = async () => {
    seedKeys ??= bundledSeed().then((seed) => seed.map((e) => e.key));
    return getStatus(getDb(), version, await seedKeys);
  };
  handle('getStatus', status);
  // After an install or an update the status is worked out once, answering no one, so that the popup's first
  // open finds it ready: a database from before the kept counts is counted (seconds at 200,000 articles) and a
  // new seed's catalogue size worked out (lib/worker/db/status.ts) here, not while the user waits.
  browser.runtime.onInstalled.addListener(() => {
    status().catch((e: unknown) => console.warn('Incident Lens: status not prepared', e));
  });
  handle('listCollection', (query) => listCollection(getDb(), query));
  // Saving keeps what the text names: the worker reads it (whole, not staged) before the row is written.
  handle('saveArticle', async (req) =>
    saveArticle(
      getDb(),
      req,
      Date.now(),
      req.text ? await analysis.analyze({ url: req.url, text: req.text, published: req.published }) : undefined,
    ),
  );
  handle('removeArticle', ({ url }) => removeArticle(getDb(), url));
  handle('isSaved', ({ url }) => isSaved(getDb(), url));
  handle('getSavedArticle', ({ url }) => getSavedArticle(getDb(), url));
  handle('runOnTab', async ({ tabId }) => {
    await runOnTab(tabId);
    return true;
  });

  // The reading view. The matcher is loaded from the database on the first analysis after a wake.
  const analysis = new AnalysisService({ db: getDb(), buildId: version });
  // Most wakes are a page's request: the database opens and the stored matcher is read while the request
  // is still on its way (nothing is built here when none is stored; the first analysis does that).
  void analysis.preload();
  const siteSwitch = watchDisabledSites();
  // Pages send their text before they have read the site switch (it saves them a wait): a site the user
  // turned off is refused here, unread, unless the user asked for the page itself.
  const allowed = async (req: { url: string; forced?: boolean }) => {
    if (!req.forced && (await siteSwitch.isDisabled(siteOf(req.url)))) throw new Error('Incident Lens is turned off on this site');
  };
  handle('analyzeArticle', async (req) => {
    await allowed(req);
    return analysis.analyze(req);
  });
  handle('analyzeFirstStage', async (req) => {
    await allowed(req);
    return analysis.firstStage(req);
  });
  handle('analyzeSecondStage', ({ url, id }) => analysis.secondStage(url, id));
  handle('relatedIncidents', (req) => relatedIncidents(getDb(), req.entityKeys, req.publishedAt, { url: req.url, limit: req.limit }));
  handle('entityFacts', ({ entities }) => analysis.facts(entities));
  handle('ingestArticles', async ({ articles }) => (await ingestArticles(getDb(), articles)).length);
  // Loaded when asked: a worker woken for a page's analysis does not evaluate the ingest and clustering.
  handle('ingestFeedItems', async ({ items }) => {
    // Read by the sync's readers on other threads where they can run (lib/worker/sync/reader-hosts.ts).
    const { ingestFeedItemsOffThread } = await import('@/lib/worker/sync/reader-hosts');
    return ingestFeedItemsOffThread(getDb(), items, { matcher: (await analysis.matcher()).matcher });
  });

  // Search: the index follows every write of this worker from here on, and is loaded (or built) on the
  // first search or the first write.
  const search = new SearchService({ db: getDb(), buildId: version });
  search.watch();
  search.follow(); // and the writes of the collection and options pages
  handle('search', ({ query, limit }) => search.search(query, limit));
  handle('searchIncident', ({ id }) => incidentDetail(getDb(), id));
  handle('entityIncidents', ({ key, limit }) => entityIncidents(getDb(), key, limit));
  handle('searchIndexStatus', async () => search.progress());
  handle('rebuildSearchIndex', async () => {
    void search.rebuild().catch(() => undefined); // its failure shows in the progress
    await new Promise((r) => setTimeout(r, 0));
    return search.progress();
  });

  registerInjection();

  // The sync (entrypoints/background/sync.ts; the work is in lib/worker/sync).
  registerSync(analysis);
  handle('getSyncStatus', async () => (await syncModule()).syncOverview(getDb(), workerLife()));
  handle('syncNow', async () => {
    startSync(analysis, { force: true }).catch((e: unknown) => console.warn('Incident Lens: sync failed', e));
    return { started: true };
  });
  handle('setSourceEnabled', async ({ id, enabled }) => (await syncModule()).setSourceEnabled(getDb(), id, enabled));
  handle('addFeed', async ({ url }) => {
    const sync = await syncModule();
    const { source } = await sync.addUserFeed(getDb(), url);
    startSync(analysis, { only: [source.id] }).catch(() => undefined);
    return sync.sourceView(source, undefined);
  });
  handle('removeFeed', async ({ id }) => (await syncModule()).removeUserFeed(getDb(), id));
  handle('setSyncIntervals', async (req) => {
    const saved = await (await syncModule()).setIntervals(req);
    await scheduleSync();
    return saved;
  });

  // The toggle shortcut: the tab's reading view shows or hides its sidebar; a page without the content
  // script (not a listed news site) is read on demand, which the shortcut's activeTab grant allows.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'toggle-sidebar' || tab?.id === undefined) return;
    const tabId = tab.id;
    sendMessage('toggleSidebar', undefined, tabId).catch(() => runOnTab(tabId).catch(() => undefined));
  });
});
