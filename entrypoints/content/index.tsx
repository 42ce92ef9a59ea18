/**
 * The page side. On a page the detector calls an article (or any page the user asked for through the
 * popup or the context menu) it mounts the sidebar in a closed shadow root; elsewhere it only answers
 * the popup's "what is this page?". Every listener and the UI hang on `ctx`, so they die with the
 * script when the extension reloads or the script is injected again.
 *
 * Page code never imports the database or the worker (eslint enforces it): it asks by message.
 */
import { render } from 'preact';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { detectArticle, type ArticleInfo } from '@/lib/detect';
import { onMessage, type PageArticle } from '@/lib/messaging';
import { CONTENT_MATCHES, pageUrl, siteOf } from '@/lib/sites';
import { isSidebarCollapsed, isSiteDisabled, setSidebarCollapsed } from '@/lib/settings';
import { Sidebar } from '@/components/Sidebar';
import sidebarCss from '@/components/sidebar.css?inline';
import { SIDEBAR_HOST, takeForcedFlag } from './host';

function describePage(info: ArticleInfo): PageArticle {
  const url = pageUrl(location.href);
  return {
    url,
    isArticle: info.isArticle,
    title: info.title ?? (document.title || undefined),
    byline: info.byline,
    published: info.published,
    site: info.site ?? siteOf(url),
  };
}

async function mountSidebar(ctx: ContentScriptContext, page: PageArticle): Promise<void> {
  const site = siteOf(page.url);
  const collapsed = await isSidebarCollapsed(site);
  const ui = await createShadowRootUi(ctx, {
    name: SIDEBAR_HOST,
    mode: 'closed',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    css: sidebarCss,
    // Keys typed in the sidebar stay there: page shortcuts must not fire while the user types a tag.
    isolateEvents: true,
    onMount(container) {
      render(
        <Sidebar
          article={page}
          initiallyCollapsed={collapsed}
          onCollapsedChange={(c) => void setSidebarCollapsed(site, c)}
          onClose={() => ui.remove()}
        />,
        container,
      );
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  ui.mount();
}

export default defineContentScript({
  matches: [...CONTENT_MATCHES],
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  async main(ctx) {
    const forced = takeForcedFlag();
    const info = detectArticle(document, location.href);
    ctx.onInvalidated(onMessage('getPageArticle', () => describePage(detectArticle(document, location.href))));

    const page = describePage(info);
    if (!forced && (!info.isArticle || (await isSiteDisabled(page.site)))) return;
    if (ctx.isInvalid) return;
    await mountSidebar(ctx, page);
  },
});
