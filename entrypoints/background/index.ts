/**
 * The service worker: a thin router. Each message is checked by lib/messaging-guard (who sent it,
 * what it holds) before a lib service answers it. No state lives only in memory here: the database and
 * storage survive the worker being stopped.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { onMessage, sendMessage, type BackgroundProtocol } from '@/lib/messaging';
import { checkMessage, type Caller, type CheckResult, type SelfInfo } from '@/lib/messaging-guard';
import { getDb, getStatus, isSaved, listCollection, removeArticle, saveArticle } from '@/lib/db';
import { registerInjection, runOnTab } from './inject';
import { AnalysisService } from '@/lib/analysis/service';
import { relatedIncidents } from '@/lib/db/related';
import { ingestArticles } from '@/lib/db/ingest';
import { seedCatalogue } from '@/lib/knowledge/seed';
import { watchDisabledSites } from '@/lib/settings';
import { siteOf } from '@/lib/sites';
import { SearchService } from '@/lib/search/service';
import { entityIncidents, incidentDetail } from '@/lib/search/details';

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

  let seedKeys: string[] | undefined;
  handle('getStatus', () => getStatus(getDb(), version, (seedKeys ??= seedCatalogue().map((e) => e.key))));
  handle('listCollection', (query) => listCollection(getDb(), query));
  handle('saveArticle', (req) => saveArticle(getDb(), req));
  handle('removeArticle', ({ url }) => removeArticle(getDb(), url));
  handle('isSaved', ({ url }) => isSaved(getDb(), url));
  handle('getSavedArticle', async ({ url }) => (await getDb().collection.get(url)) ?? null);
  handle('runOnTab', async ({ tabId }) => {
    await runOnTab(tabId);
    return true;
  });

  // The reading view. The matcher is loaded from the database on the first analysis after a wake.
  const analysis = new AnalysisService({ db: getDb(), buildId: version });
  const siteSwitch = watchDisabledSites();
  handle('analyzeArticle', async (req) => {
    // Pages send their text before they have read the site switch (it saves them a wait): a site the user
    // turned off is refused here, unread, unless the user asked for the page itself.
    if (!req.forced && (await siteSwitch.isDisabled(siteOf(req.url)))) throw new Error('Incident Lens is turned off on this site');
    return analysis.analyze(req);
  });
  handle('analysisRest', ({ url, id }) => analysis.rest(url, id));
  handle('relatedIncidents', (req) =>
    relatedIncidents(getDb(), req.entityKeys, req.publishedAt, { url: req.url, limit: req.limit }),
  );
  handle('entityFacts', ({ entities }) => analysis.facts(entities));
  handle('ingestArticles', async ({ articles }) => (await ingestArticles(getDb(), articles)).length);

  // Search: the index follows every write of this worker from here on, and is loaded (or built) on the
  // first search or the first write.
  const search = new SearchService({ db: getDb(), buildId: version });
  search.watch();
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

  // The toggle shortcut: the tab's reading view shows or hides its sidebar; a page without the content
  // script (not a listed news site) is read on demand, which the shortcut's activeTab grant allows.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'toggle-sidebar' || tab?.id === undefined) return;
    const tabId = tab.id;
    sendMessage('toggleSidebar', undefined, tabId).catch(() => runOnTab(tabId).catch(() => undefined));
  });
});
