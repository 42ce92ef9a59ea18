/**
 * The toolbar popup: what the current page is, saving it to the collection, running the reader on it
 * (activeTab), turning the extension off for its site, and the background's status.
 *
 * `popup.html?tab=ID` aims the popup at a given tab instead of the active one (the end-to-end tests
 * open the popup as a page, where the "active tab" would be the popup itself).
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage, type PageArticle } from '@/lib/messaging';
import { isWebUrl, pageUrl, siteOf } from '@/lib/sites';
import { isSiteDisabled, setSiteDisabled } from '@/lib/settings';
import { StatusView } from '@/components/StatusView';
import { useStatus } from '@/components/useStatus';
import { parseTags } from '@/components/format';
import { Search } from './Search';

interface Target {
  tabId: number;
  page: PageArticle;
}

async function findTarget(): Promise<Target | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  const tab = param
    ? await browser.tabs.get(Number(param))
    : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (tab?.id === undefined) return undefined;
  try {
    // The content script knows the page best (and answers even where the tab's URL is hidden from us).
    const page = await sendMessage('getPageArticle', undefined, tab.id);
    if (page) return { tabId: tab.id, page };
  } catch {
    // No content script on this page (not a listed site, or not run yet): the tab itself says enough.
  }
  if (!tab.url || !isWebUrl(tab.url)) return undefined;
  const url = pageUrl(tab.url);
  return { tabId: tab.id, page: { url, isArticle: false, title: tab.title, site: siteOf(url) } };
}

export function Popup() {
  const { status, error, refresh } = useStatus();
  const [target, setTarget] = useState<Target | null>();
  const [saved, setSaved] = useState(false);
  const [disabled, setDisabled] = useState(false);
  const [tags, setTags] = useState('');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState('');

  useEffect(() => {
    findTarget().then(async (t) => {
      setTarget(t ?? null);
      if (!t) return;
      setSaved(await sendMessage('isSaved', { url: t.page.url }));
      setDisabled(await isSiteDisabled(t.page.site));
    }, () => setTarget(null));
  }, []);

  const save = async () => {
    if (!target) return;
    const { page } = target;
    try {
      await sendMessage('saveArticle', {
        url: page.url,
        title: page.title || page.url,
        site: page.site,
        published: page.published,
        tags: parseTags(tags),
        note,
      });
      setSaved(true);
      setMessage('Saved to your collection.');
      refresh();
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };

  const runHere = async () => {
    if (!target) return;
    await sendMessage('runOnTab', { tabId: target.tabId });
    window.close();
  };

  const toggleSite = async () => {
    if (!target) return;
    await setSiteDisabled(target.page.site, !disabled);
    setDisabled(!disabled);
  };

  const openCollection = (e: MouseEvent) => {
    e.preventDefault();
    void browser.tabs.create({ url: browser.runtime.getURL('/collection.html') });
    window.close();
  };

  return (
    <main>
      <h1>Incident Lens</h1>
      <Search />
      {target === undefined && <p class="muted">Looking at this page…</p>}
      {target === null && <p class="muted">Incident Lens reads web pages; this tab is not one.</p>}
      {target && (
        <section aria-label="This page">
          <p class="page-title" data-testid="page-title">{target.page.title || target.page.url}</p>
          <p class="muted">
            {target.page.site} · {target.page.isArticle ? 'article' : 'not detected as an article'}
          </p>
          {saved ? (
            <p data-testid="saved">In your collection.</p>
          ) : (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void save();
              }}
            >
              <label>
                Tags <input type="text" name="tags" placeholder="ransomware, apt28" value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
              </label>
              <label>
                Note <textarea name="note" rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
              </label>
              <button type="submit" class="primary">Save to collection</button>
            </form>
          )}
          <div class="row">
            <button type="button" onClick={() => void runHere()}>Read this page</button>
            <label class="row">
              <input type="checkbox" checked={disabled} onChange={() => void toggleSite()} /> Off on this site
            </label>
          </div>
          {message && <p role="status">{message}</p>}
        </section>
      )}
      <h2>Status</h2>
      <StatusView status={status} error={error} />
      <footer>
        <a href="/collection.html" onClick={openCollection}>Open your collection</a>
      </footer>
    </main>
  );
}
