/**
 * The reading view on the page: detect → ask the background → paint → sidebar, and keep it true while the
 * page changes (late text, single-page navigation, infinite scroll). Everything hangs on `ctx`.
 *
 * The view owns what outlives one article: the painter, the sidebar's shadow host and its state, the
 * reader's choices (hidden types, collapsed). Each article read is a ReadingSession (./session.ts), aborted
 * when the next one starts. The hover card (./hover.ts), single-page navigation (./navigation.ts), the page's
 * theme (./theme.ts), late text and changes (./page-watch.ts) and where the sidebar stands (./layout.ts) are
 * modules of their own.
 *
 * The page's DOM is never changed apart from the sidebar's shadow host: highlights are CSS Custom
 * Highlights over StaticRanges, their styles an adopted style sheet.
 */
import { render } from 'preact';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { detectArticle, type ArticleInfo } from '@/lib/page/detect';
import { onMessage, sendMessage } from '@/lib/shared/messaging';
import { pageUrl, siteOf, SIDEBAR_HOST } from '@/lib/shared/sites';
import { isSidebarCollapsed, isTypeShown, setSidebarCollapsed, setSiteDisabled, settings } from '@/lib/shared/settings';
import { createPainter, type Painter } from '@/lib/page/highlight';
import type { EntityMatch, EntityType } from '@/lib/shared/types';
import { ENTITY_TYPES } from '@/lib/shared/types';
import { ReadingSidebar } from '@/components/sidebar/ReadingSidebar';
import sidebarCss from '@/components/sidebar.css?inline';
import readingCss from '@/components/sidebar/reading.css?inline';
import { analyseArticle, type StagedAnalysis } from './analysis-client';
import { watchHover } from './hover';
import { sidebarFitsBeside } from './layout';
import { watchNavigation } from './navigation';
import { watchPage, type PageWatch } from './page-watch';
import { ReadingSession, spansOf } from './session';
import { pageTheme } from './theme';
import type { ViewState } from './view-state';

/** How long a page that is not (yet) an article is watched for its text to arrive. */
const LATE_TEXT_WATCH_MS = 20_000;

/** The nearest node containing all of the article's text nodes. */
function rootOf(info: ArticleInfo): Node | undefined {
  const first = info.segments[0]?.node;
  const last = info.segments[info.segments.length - 1]?.node;
  if (!first || !last) return undefined;
  const range = document.createRange();
  range.setStart(first, 0);
  range.setEnd(last, 0);
  return range.commonAncestorContainer;
}

/** The reading view's settings, asked for as the content script starts: storage answers take milliseconds. */
export interface ViewSettings {
  hidden: Promise<Set<EntityType>>;
  collapsed: Promise<boolean>;
}

export function readViewSettings(site: string): ViewSettings {
  return {
    hidden: settings()
      .highlightTypes.getValue()
      .then((flags) => new Set(ENTITY_TYPES.filter((t) => !isTypeShown(flags, t))))
      .catch(() => new Set<EntityType>()),
    collapsed: isSidebarCollapsed(site).catch(() => false),
  };
}

export interface StartOptions {
  /** The user asked for this page (popup/context menu): read it even if it is no article. */
  forced: boolean;
  info: ArticleInfo;
  /** Read from storage since the script started (readViewSettings). */
  settings: ViewSettings;
  /** The analysis of `info`, already asked for (the content script sends it as soon as it has the text). */
  analysing?: StagedAnalysis;
}

export async function startReading(ctx: ContentScriptContext, opts: StartOptions): Promise<void> {
  performance.mark('il:start');
  const painter: Painter<EntityMatch> = createPainter(window, { setTimeout: (fn, ms) => ctx.setTimeout(fn, ms) });
  ctx.onInvalidated(() => painter.clear());
  /** Aborted when the reader turns the site off: no highlights, no sidebar, no observing until the next load. */
  const view = new AbortController();
  ctx.onInvalidated(() => {
    view.abort();
    session?.abort(); // answers that come after the extension reloaded paint nothing
  });
  let ui: ShadowRootContentScriptUi<HTMLElement> | undefined;
  let state: ViewState | undefined;
  let session: ReadingSession | undefined;
  const occurrence = new Map<string, number>();
  let refocusing = false;
  /** The first article's analysis, when the caller asked for it already. */
  let firstAnalysis = opts.analysing;
  let collapsedRead = false;
  /** The reader opened or collapsed the sidebar on this page: the layout no longer decides for them. */
  let collapsedByReader = false;
  /** Collapsed on this site by the reader's earlier choice (settings). */
  let collapsedOnSite = false;

  /** Open beside the text where it leaves room, a tab at the window's edge where it does not. */
  function layoutCollapsed(info: ArticleInfo): boolean {
    return (
      collapsedOnSite ||
      !sidebarFitsBeside(
        info.segments.map((s) => s.node),
        innerWidth,
      )
    );
  }

  function rerender(): void {
    const container = ui?.uiContainer;
    if (!container || !state) return;
    const s = state;
    render(
      <ReadingSidebar
        article={{
          url: s.url,
          site: s.info.site ?? siteOf(s.url),
          title: s.info.title,
          byline: s.info.byline,
          published: s.info.published,
        }}
        analysis={s.analysis}
        related={s.related}
        saved={s.saved}
        saving={s.saving}
        saveError={s.saveError}
        highlights={painter.supported}
        hiddenTypes={s.hidden}
        collapsed={s.collapsed}
        card={s.card}
        theme={s.theme}
        viewport={{ width: innerWidth, height: innerHeight }}
        onToggleType={toggleType}
        onEntityActivate={activate}
        onEntityFocus={focusEntity}
        onSave={save}
        onCollapsedChange={(c) => {
          collapsedByReader = true;
          update({ collapsed: c });
          void setSidebarCollapsed(siteOf(s.url), c);
        }}
        onClose={() => {
          closeCard();
          ui?.remove();
        }}
        onCardClose={() => {
          const back = state?.card?.focus ? state.card.match.key : undefined;
          closeCard();
          // A card the keyboard entered gives focus back to the entity it was opened from.
          if (back) {
            refocusing = true; // the focus handler must not open the card that was just closed
            ui?.shadow.querySelector<HTMLElement>(`button.il-entity[data-key="${CSS.escape(back)}"]`)?.focus();
            refocusing = false;
          }
        }}
        onEnterCard={(key) => {
          const c = state?.card;
          if (c && c.match.key === key) update({ card: { ...c, focus: true } });
        }}
        onDisableSite={() => {
          void setSiteDisabled(siteOf(s.url), true);
          stop();
        }}
        onCardPointer={(inside) => hover.pointerInCard(inside)}
      />,
      container,
    );
  }

  /** The user turned the site off: no highlights, no sidebar, no observing, until the next page load. */
  function stop(): void {
    view.abort();
    session?.abort();
    pageWatch.stop();
    painter.clear();
    ui?.remove();
    ui = undefined;
    state = undefined;
  }

  function update(patch: Partial<ViewState>): void {
    if (!state) return;
    state = { ...state, ...patch };
    rerender();
  }

  function toggleType(type: EntityType, visible: boolean): void {
    if (!state) return;
    const hidden = new Set(state.hidden);
    if (visible) hidden.delete(type);
    else hidden.add(type);
    painter.setTypeVisible(type, visible);
    update({ hidden });
    void settings()
      .highlightTypes.getValue()
      .then((f) => settings().highlightTypes.setValue({ ...f, [type]: visible }));
  }

  /** Enter on an entity: scroll to its next occurrence, flash them all, and show its card there. */
  function activate(key: string): void {
    const matches = painter.matches();
    const all = matches.flatMap((m, i) => (m.key === key ? [i] : []));
    if (!all.length) return;
    const n = occurrence.get(key) ?? 0;
    const index = all[n % all.length];
    occurrence.set(key, n + 1);
    if (n === 0) painter.flash(key);
    hover.scrollingToEntity();
    const rect = painter.reveal(index);
    painter.setActive(index);
    if (rect) update({ card: { match: matches[index], anchor: rect } });
  }

  /** Keyboard focus on an entity in the sidebar: its card, beside the sidebar. */
  function focusEntity(key: string | null, anchor: DOMRect | null): void {
    if (!key || !anchor || refocusing) return;
    const a = state?.analysis;
    const match = painter.matches().find((m) => m.key === key) ?? (a && a !== 'error' ? a.entities.find((e) => e.key === key) : undefined);
    if (!match) return;
    const left = Math.max(8, anchor.left - 340);
    update({ card: { match, anchor: { left, right: left + 320, top: anchor.top, bottom: anchor.top } } });
  }

  function closeCard(): void {
    painter.setActive(null);
    if (state?.card) update({ card: null });
  }

  async function save(tags: string[], note: string): Promise<void> {
    if (!state) return;
    const s = state;
    update({ saving: true, saveError: undefined });
    try {
      const row = await sendMessage('saveArticle', {
        url: s.url,
        title: s.info.title || document.title || s.url,
        site: s.info.site,
        published: s.info.published,
        author: s.info.byline,
        text: s.info.text, // the collection keeps the text, and what the worker reads in it
        tags,
        note,
      });
      update({ saved: { tags: row.tags, note: row.note, savedAt: row.savedAt }, saving: false });
    } catch (e) {
      update({ saving: false, saveError: `Not saved: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  const hover = watchHover<EntityMatch>(ctx, view.signal, {
    active: () => !!state && state.analysis !== null && state.analysis !== 'error',
    hitTest: (x, y) => {
      const hit = painter.hitTest(x, y);
      return hit ? { match: hit.match, rect: hit.rect, index: hit.index } : null;
    },
    card: () => state?.card ?? null,
    open: (hit) => {
      painter.setActive(hit.index);
      update({ card: { match: hit.match, anchor: hit.rect } });
    },
    close: closeCard,
  });

  async function mountUi(): Promise<void> {
    if (ui || ctx.isInvalid) return;
    ui = await createShadowRootUi(ctx, {
      name: SIDEBAR_HOST,
      mode: 'closed',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      css: `${sidebarCss}\n${readingCss}`,
      // Keys typed in the sidebar stay there: page shortcuts must not fire while the user types a tag.
      isolateEvents: true,
      onMount: (container) => container,
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    ui.mount();
    // The stored collapsed state counts for the first mount, and so does the room the text leaves; later
    // mounts keep what the reader chose here.
    if (!collapsedRead) collapsedOnSite = await opts.settings.collapsed;
    const collapsed = collapsedRead ? state?.collapsed : state && layoutCollapsed(state.info);
    collapsedRead = true;
    // The page's computed style costs a style pass over the whole page: read here, not before painting.
    if (state) state = { ...state, theme: pageTheme(window), collapsed: collapsed ?? state.collapsed };
    rerender();
  }

  /** Read the article now on the page: a new session (the previous one, if any, is over). */
  async function read(info: ArticleInfo): Promise<void> {
    session?.abort();
    const url = pageUrl(location.href);
    occurrence.clear();
    painter.clear();
    pageWatch.follow(rootOf(info));
    // The analysis goes first: the worker works on it while this side reads its settings.
    const analysis =
      firstAnalysis ?? analyseArticle({ url, text: info.text, published: info.published, title: info.title, forced: opts.forced });
    firstAnalysis = undefined;
    const current = new ReadingSession(sessionHost, info, analysis);
    session = current;
    const hidden = state?.hidden ?? (await opts.settings.hidden);
    if (current.signal.aborted || view.signal.aborted) return;
    state = {
      info,
      url,
      analysis: null,
      related: null,
      saved: undefined,
      saving: false,
      hidden,
      // Needed once the sidebar mounts (mountUi), not for painting.
      collapsed: state?.collapsed ?? false,
      card: null,
      // Read when the sidebar mounts (mountUi).
      theme: state?.theme ?? 'light',
    };
    for (const t of hidden) painter.setTypeVisible(t, false);
    await current.run();
  }

  const sessionHost = {
    painter,
    state: () => state,
    update,
    hasUi: () => ui !== undefined,
    mountUi,
    rerender,
    setTimeout: (fn: () => void, ms: number) => void ctx.setTimeout(fn, ms),
  };

  /**
   * Re-anchor after the page changed: when the article's text is the same (nodes replaced, re-rendered),
   * repaint the same matches on the new nodes without asking the background; when it changed, read again.
   */
  async function reanchor(articleChanged: boolean): Promise<void> {
    if (!state || (!articleChanged && painter.intact())) return;
    const info = detectArticle(document, location.href);
    if (!info.isArticle && !opts.forced) return;
    const a = state.analysis;
    if (info.text === state.info.text && a && a !== 'error') {
      state = { ...state, info };
      pageWatch.follow(rootOf(info));
      if (!painter.intact()) painter.paint(info, a.entities, spansOf(a.incidents));
      return;
    }
    if (info.text.length) await read(info);
  }

  const startedAt = performance.now();
  const pageWatch: PageWatch = watchPage(ctx, {
    rescan: (articleChanged) => void rescan(articleChanged),
    intact: () => painter.intact(),
    reading: () => state !== undefined && !view.signal.aborted,
  });

  async function rescan(articleChanged = true): Promise<void> {
    if (ctx.isInvalid || view.signal.aborted) return;
    if (state) {
      await reanchor(articleChanged);
      return;
    }
    // Not an article yet: its text may still be on its way.
    const info = detectArticle(document, location.href);
    if (info.isArticle) await read(info);
    else if (performance.now() - startedAt > LATE_TEXT_WATCH_MS) pageWatch.pause();
  }

  // A window made narrower (or wider) moves the text: the sidebar the layout placed follows it, until the
  // reader opens or collapses it by hand.
  let resizeFrame = false;
  ctx.addEventListener(window, 'resize', () => {
    if (resizeFrame || collapsedByReader) return;
    resizeFrame = true;
    ctx.requestAnimationFrame(() => {
      resizeFrame = false;
      if (!state || !ui?.mounted || collapsedByReader) return;
      const collapsed = layoutCollapsed(state.info);
      if (collapsed !== state.collapsed) update({ collapsed });
    });
  });

  watchNavigation(ctx, view.signal, {
    left() {
      session?.abort();
      pageWatch.follow(undefined);
      painter.clear();
      closeCard();
    },
    arrived() {
      const info = detectArticle(document, location.href);
      if (info.isArticle || opts.forced) void read(info);
      else {
        state = undefined;
        ui?.remove();
        ui = undefined;
      }
    },
  });

  ctx.onInvalidated(
    onMessage('toggleSidebar', async () => {
      if (view.signal.aborted) return false;
      if (ui?.mounted) {
        closeCard();
        ui.remove();
        return false;
      }
      if (ui) ui.mount();
      else if (state) await mountUi();
      rerender();
      return true;
    }),
  );

  if (opts.info.isArticle || opts.forced) await read(opts.info);
  // Text that arrived between the first detection and the observer's start would go unseen: look once more.
  else pageWatch.soon();
}
