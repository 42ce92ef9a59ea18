/**
 * The popup's current-tab section: is this an article, save it (tags, note) or see when it was saved with a
 * link to it in the collection, read it on demand, and turn Incident Lens off for its site.
 *
 * `popup.html?tab=ID` aims it at a given tab instead of the active one (the end-to-end tests open the popup
 * as a page, where the "active tab" would be the popup itself).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage, type PageArticle, type SavedArticle } from '@/lib/shared/messaging';
import { isWebUrl, pageUrl, siteOf } from '@/lib/shared/sites';
import { originPattern } from '@/lib/worker/sync/sources';
import { isSiteDisabled, setSiteDisabled } from '@/lib/shared/settings';
import { parseTags } from '@/lib/shared/tags';
import { MAX_NOTE_LENGTH, userFieldsProblem } from '@/lib/shared/collection/user-fields';
import { formatDate } from '@/components/format';

interface Target {
  tabId: number;
  page: PageArticle;
  /**
   * The tab shows a page of the browser's own: its error page (the page did not load; Chrome says so), or in
   * Firefox its error page or a viewer of its own (JSON, text), which it does not tell apart: nothing there to
   * read or save.
   */
  browserPage?: 'error' | 'error-or-viewer';
}

/**
 * Sites where Firefox lets no extension run a script whatever its permissions (its
 * `extensions.webextensions.restrictedDomains`): its refusal there does not mean an error page.
 */
const FIREFOX_RESTRICTED = /(^|\.)(mozilla\.org|mozilla\.net|firefox\.com|mozilla\.com)$/;

/**
 * What the browser shows in the tab where no content script answers. Only the browser knows (the tab keeps the
 * address it failed to load, or that served a PDF), and says so when asked to run a script there: Chrome's
 * refusal is "Frame with ID 0 is showing error page"; a PDF viewer's document has the type of the file.
 * Firefox says only "Missing host permission for the tab", on its error page and in its viewers (PDF, JSON)
 * alike: where the extension holds the permission for the tab's address, the document refused is not that
 * address's page, so it is the PDF viewer when the address or the title names a .pdf file, else its error
 * page or another viewer. Any other refusal (no permission for the host) says nothing about the page.
 */
async function tabShows(tabId: number, url: string, title: string | undefined): Promise<'error' | 'error-or-viewer' | 'pdf' | undefined> {
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId }, func: () => document.contentType });
    return frame?.result === 'application/pdf' ? 'pdf' : undefined;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/showing error page/i.test(message)) return 'error';
    if (!/missing host permission/i.test(message) || FIREFOX_RESTRICTED.test(new URL(url).hostname)) return undefined;
    if (!(await browser.permissions.contains({ origins: [originPattern(url)] }).catch(() => false))) return undefined;
    return /\.pdf$/i.test(new URL(url).pathname) || /\.pdf$/i.test(title ?? '') ? 'pdf' : 'error-or-viewer';
  }
}

async function findTarget(): Promise<Target | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  const tab = param ? await browser.tabs.get(Number(param)) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (tab?.id === undefined) return undefined;
  try {
    // The content script knows the page best (and answers even where the tab's URL is hidden from us). A
    // document without a title of its own (a PDF) goes by the one the browser shows in the tab.
    const page = await sendMessage('getPageArticle', undefined, tab.id);
    if (page) return { tabId: tab.id, page: page.title || !tab.title ? page : { ...page, title: tab.title } };
  } catch {
    // No content script on this page (not a listed site, or not run yet): the tab itself says enough.
  }
  if (!tab.url || !isWebUrl(tab.url)) return undefined;
  const url = pageUrl(tab.url);
  const page: PageArticle = { url, isArticle: false, title: tab.title, site: siteOf(url) };
  const shows = await tabShows(tab.id, url, tab.title);
  if (shows === 'error' || shows === 'error-or-viewer') return { tabId: tab.id, page, browserPage: shows };
  return { tabId: tab.id, page: shows === 'pdf' ? { ...page, pdf: true } : page };
}

/** Saved again on a later day than first saved (the same day says nothing new). */
const updatedLater = (a: SavedArticle) => new Date(a.updatedAt).toDateString() !== new Date(a.savedAt).toDateString();

/** The collection page showing one saved article. */
export function collectionLink(url: string): string {
  return `${browser.runtime.getURL('/collection.html')}?article=${encodeURIComponent(url)}`;
}

export function CurrentTab({ onSaved }: { onSaved?: () => void }) {
  const [target, setTarget] = useState<Target | null>();
  const [saved, setSaved] = useState<SavedArticle | null>();
  const [disabled, setDisabled] = useState(false);
  const [tags, setTags] = useState('');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  // The form the keyboard was in is gone once saved: the focus moves to the link that replaces it.
  const savedLink = useRef<HTMLAnchorElement>(null);
  const [focusSaved, setFocusSaved] = useState(false);
  useEffect(() => {
    if (focusSaved && saved) savedLink.current?.focus();
  }, [focusSaved, saved]);

  useEffect(() => {
    findTarget().then(
      async (t) => {
        setTarget(t ?? null);
        if (!t) return;
        setSaved(await sendMessage('getSavedArticle', { url: t.page.url }));
        setDisabled(await isSiteDisabled(t.page.site));
      },
      () => setTarget(null),
    );
  }, []);

  /** Save, or save again: the page's text comes along, so the worker keeps its entities and incidents. */
  const save = async (again: boolean) => {
    if (!target) return;
    const { page } = target;
    const mine = again ? {} : { tags: parseTags(tags), note: note.trim() };
    const problem = userFieldsProblem(mine);
    if (problem) return setMessage(problem);
    setBusy(true);
    setMessage(again ? 'Saving again…' : 'Saving…');
    try {
      const row = await sendMessage('saveArticle', {
        url: page.url,
        title: page.title || page.url,
        site: page.site,
        published: page.published,
        author: page.byline,
        text: page.text,
        ...mine,
      });
      setSaved(row);
      setFocusSaved(!again);
      setMessage(again ? 'Updated in your collection.' : 'Saved to your collection.');
      onSaved?.();
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const runHere = async () => {
    if (!target) return;
    try {
      await sendMessage('runOnTab', { tabId: target.tabId });
      window.close();
    } catch (e) {
      // An error page, the browser's store, a PDF viewer: the browser keeps extensions out, and the click must not look ignored.
      setMessage(
        `Incident Lens cannot read this page: the browser does not let extensions into it (${e instanceof Error ? e.message : String(e)}).`,
      );
    }
  };

  const toggleSite = async () => {
    if (!target) return;
    // Shown at once (a controlled checkbox would spring back until the write returns); put back if it fails.
    setDisabled(!disabled);
    await setSiteDisabled(target.page.site, !disabled).catch(() => setDisabled(disabled));
  };

  const openSaved = (e: MouseEvent) => {
    if (!target) return;
    e.preventDefault();
    void browser.tabs.create({ url: collectionLink(target.page.url) });
    window.close();
  };

  if (target === undefined) return <p class="muted">Looking at this page…</p>;
  if (target === null) return <p class="muted">Incident Lens reads web pages; this tab is not one.</p>;
  const { page } = target;
  const header = (detected: string) => (
    <>
      <p class="page-title" data-testid="page-title">
        {page.title || page.url}
      </p>
      <p class="muted" data-testid="detected">
        {page.site} · {detected}
      </p>
    </>
  );
  if (target.browserPage)
    return (
      <section aria-label="This page">
        {header(
          target.browserPage === 'error'
            ? 'the browser shows an error page here (the page did not load): there is nothing to read or save.'
            : 'the browser shows a page of its own here (an error page, or its viewer of a file that is no web page): there is nothing to read or save.',
        )}
      </section>
    );
  return (
    <section aria-label="This page">
      {header(
        page.pdf
          ? 'a PDF document: Incident Lens cannot read its text, but you can save it to your collection.'
          : page.isArticle
            ? 'article detected'
            : 'not detected as an article',
      )}
      {saved === undefined ? null : saved ? (
        <div data-testid="saved">
          <p>
            {`Saved on ${formatDate(new Date(saved.savedAt).toISOString())}`}
            {updatedLater(saved) ? ` (updated ${formatDate(new Date(saved.updatedAt).toISOString())})` : ''} ·{' '}
            <a href={collectionLink(page.url)} onClick={openSaved} ref={savedLink}>
              See it in your collection
            </a>
          </p>
          <button type="button" onClick={() => void save(true)} disabled={busy}>
            Save again
          </button>
        </div>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save(false);
          }}
        >
          <label>
            Tags{' '}
            <input type="text" name="tags" placeholder="ransomware, apt28" value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
          </label>
          <label>
            Note <textarea name="note" rows={2} maxLength={MAX_NOTE_LENGTH} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          </label>
          <button type="submit" class="primary" disabled={busy}>
            Save to collection
          </button>
        </form>
      )}
      <div class="row">
        {!page.pdf && (
          <button type="button" onClick={() => void runHere()}>
            Read this page
          </button>
        )}
        <label class="row">
          <input type="checkbox" checked={disabled} onChange={() => void toggleSite()} /> Off on this site
        </label>
      </div>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
