/**
 * Single-page sites: a new URL is a new article (or none). The reading view leaves the old one at once
 * (its highlights and card would point at text that is going) and looks at the page once the new text is
 * likely in. Hangs on `ctx` (WXT's location watcher); `signal` stops it earlier (the site turned off).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { RESCAN_DELAY_MS } from './page-watch';

export interface NavigationHandlers {
  /** The URL changed: the article being read is no longer the page's. */
  left(): void;
  /** A moment later: read what the page now shows. */
  arrived(): void;
}

export function watchNavigation(ctx: ContentScriptContext, signal: AbortSignal, on: NavigationHandlers): void {
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    if (signal.aborted) return;
    on.left();
    ctx.setTimeout(() => {
      if (!signal.aborted) on.arrived();
    }, RESCAN_DELAY_MS);
  });
}
