/**
 * The page side. On a page the detector calls an article (or any page the user asked for through the
 * popup or the context menu) it reads the article (./reading.tsx: highlights and the sidebar in a closed
 * shadow root); elsewhere it only answers the popup's "what is this page?". Every listener and the UI hang on `ctx`, so they die with the
 * script when the extension reloads or the script is injected again.
 *
 * Page code never imports the database or the worker (eslint enforces it): it asks by message.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { detectArticle, type ArticleInfo } from '@/lib/page/detect';
import { onMessage, type PageArticle } from '@/lib/shared/messaging';
import { CONTENT_MATCHES, pageUrl, siteOf } from '@/lib/shared/sites';
import { isSiteDisabled } from '@/lib/shared/settings';
import { takeForcedFlag } from './host';
import { readViewSettings, startReading } from './reading';
import { analyseArticle } from './analysis-client';

function describePage(info: ArticleInfo): PageArticle {
  const url = pageUrl(location.href);
  return {
    url,
    isArticle: info.isArticle,
    title: info.title ?? (document.title || undefined),
    byline: info.byline,
    published: info.published,
    site: info.site ?? siteOf(url),
    text: info.isArticle ? info.text : undefined, // for saving from the popup
    ...(document.contentType === 'application/pdf' ? { pdf: true as const } : {}),
  };
}

export default defineContentScript({
  matches: [...CONTENT_MATCHES],
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  async main(ctx) {
    // Marks on the page's performance timeline: the benchmark reads start → painted from them.
    performance.mark('il:main');
    const forced = takeForcedFlag();
    // The site switch is read from storage while detection runs (a storage answer takes milliseconds
    // that detection, synchronous, would otherwise be followed by). Kept per host (siteOf): page.site may
    // be the site's display name (og:site_name).
    const site = siteOf(pageUrl(location.href));
    const disabled = forced ? Promise.resolve(false) : isSiteDisabled(site);
    disabled.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
    const settings = readViewSettings(site);
    const info = detectArticle(document, location.href);
    performance.mark('il:detected');
    ctx.onInvalidated(onMessage('getPageArticle', () => describePage(detectArticle(document, location.href))));

    // The analysis is asked for in the task that found the article: the worker works on it while the page
    // renders and this side reads its settings. The worker refuses a site that is turned off, so the text
    // of such a site is not analysed even though it is sent before the switch is known here.
    const analysing =
      info.isArticle || forced
        ? analyseArticle({ url: pageUrl(location.href), text: info.text, published: info.published, title: info.title, forced })
        : undefined;
    if (await disabled) return;
    if (ctx.isInvalid) return;
    // Reads the article when there is one, and watches a while for text that arrives late.
    await startReading(ctx, { forced, info, analysing, settings });
  },
});
