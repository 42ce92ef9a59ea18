/**
 * The reading view on the page: detect → ask the background → paint → sidebar, and keep it true while the
 * page changes (late text, single-page navigation, infinite scroll). Everything hangs on `ctx`.
 *
 * The page's DOM is never changed apart from the sidebar's shadow host: highlights are CSS Custom
 * Highlights over StaticRanges, their styles an adopted style sheet.
 */
import { render } from 'preact';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { detectArticle, type ArticleInfo } from '@/lib/detect';
import { onMessage, sendMessage } from '@/lib/messaging';
import { pageUrl, siteOf } from '@/lib/sites';
import { isSidebarCollapsed, isTypeShown, setSidebarCollapsed, setSiteDisabled, settings } from '@/lib/settings';
import { createPainter, type Painter } from '@/lib/highlight';
import type { AnalyzeResult, RelatedIncident } from '@/lib/analysis/protocol';
import { unpackEntities } from '@/lib/analysis/packed';
import type { EntityMatch, EntityType, Incident } from '@/lib/types';
import { ENTITY_TYPES } from '@/lib/types';
import { ReadingSidebar, type CardState, type ReadingAnalysis } from '@/components/sidebar/ReadingSidebar';
import type { SavedState } from '@/components/sidebar/SaveForm';
import sidebarCss from '@/components/sidebar.css?inline';
import readingCss from '@/components/sidebar/reading.css?inline';
import { SIDEBAR_HOST } from './host';
import { RESCAN_DELAY_MS, watchPage, type PageWatch } from './page-watch';

/** How long a page that is not (yet) an article is watched for its text to arrive. */
const LATE_TEXT_WATCH_MS = 20_000;
/** How long the sidebar waits for the first analysis before it shows without it. */
const SIDEBAR_WAIT_MS = 150;
/** How long, after painting the first stage, the sidebar waits for the rest before it shows without it. */
const REST_WAIT_MS = 150;
const HOVER_OPEN_MS = 120;
const HOVER_CLOSE_MS = 300;
/** Scroll events this soon after we scrolled to an entity are ours. */
const OWN_SCROLL_GRACE_MS = 400;

interface ViewState {
  info: ArticleInfo;
  url: string;
  analysis: ReadingAnalysis | null | 'error';
  related: RelatedIncident[] | null | 'error';
  saved: SavedState | null | undefined;
  saving: boolean;
  hidden: Set<EntityType>;
  collapsed: boolean;
  card: CardState | null;
  theme: 'light' | 'dark';
}

/** The page's own colour scheme, from its background, so that the sidebar matches a dark page. */
function pageTheme(): 'light' | 'dark' {
  for (const el of [document.body, document.documentElement]) {
    if (!el) continue;
    const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/.exec(getComputedStyle(el).backgroundColor);
    if (!m || m[4] === '0') continue;
    const [r, g, b] = [m[1], m[2], m[3]].map(Number);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 110 ? 'dark' : 'light';
  }
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

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

function matchSpans(result: AnalyzeResult): { start: number; end: number }[] {
  return result.incidents.flatMap((i) => i.spans);
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
  analysing?: Promise<AnalyzeResult>;
}

export async function startReading(ctx: ContentScriptContext, opts: StartOptions): Promise<void> {
  performance.mark('il:start');
  const painter: Painter<EntityMatch> = createPainter(window, { setTimeout: (fn, ms) => ctx.setTimeout(fn, ms) });
  ctx.onInvalidated(() => painter.clear());
  let ui: ShadowRootContentScriptUi<HTMLElement> | undefined;
  let state: ViewState | undefined;
  let generation = 0; // bumps on every new article, so late answers for an old one are dropped
  let hoverTimer: number | undefined;
  let pointerInCard = false;
  const occurrence = new Map<string, number>();
  let stopped = false;
  let refocusing = false;
  let ownScrollUntil = 0;
  /** The first article's analysis, when the caller asked for it already. */
  let firstAnalysis = opts.analysing;
  let collapsedRead = false;


  function rerender(): void {
    const container = ui?.uiContainer;
    if (!container || !state) return;
    const s = state;
    render(
      <ReadingSidebar
        article={{ url: s.url, site: s.info.site ?? siteOf(s.url), title: s.info.title, byline: s.info.byline, published: s.info.published }}
        analysis={s.analysis}
        related={s.related}
        saved={s.saved}
        saving={s.saving}
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
        onCardPointer={(inside) => {
          pointerInCard = inside;
          if (!inside) scheduleHover(null);
        }}
      />,
      container,
    );
  }

  /** The user turned the site off: no highlights, no sidebar, no observing, until the next page load. */
  function stop(): void {
    stopped = true;
    generation++;
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
    ownScrollUntil = performance.now() + OWN_SCROLL_GRACE_MS;
    const rect = painter.reveal(index);
    painter.setActive(index);
    if (rect) update({ card: { match: matches[index], anchor: rect } });
  }

  /** Keyboard focus on an entity in the sidebar: its card, beside the sidebar. */
  function focusEntity(key: string | null, anchor: DOMRect | null): void {
    if (!key || !anchor || refocusing) return;
    const match = painter.matches().find((m) => m.key === key) ?? firstMatch(key);
    if (!match) return;
    const left = Math.max(8, anchor.left - 340);
    update({ card: { match, anchor: { left, right: left + 320, top: anchor.top, bottom: anchor.top } } });
  }

  function firstMatch(key: string): EntityMatch | undefined {
    const a = state?.analysis;
    return a && a !== 'error' ? a.entities.find((e) => e.key === key) : undefined;
  }

  function closeCard(): void {
    painter.setActive(null);
    if (state?.card) update({ card: null });
  }

  async function save(tags: string[], note: string): Promise<void> {
    if (!state) return;
    const s = state;
    update({ saving: true });
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
    } catch {
      update({ saving: false });
    }
  }

  // Hover: the pointer is mapped to text on an animation frame, at most once per frame.
  let pointer: { x: number; y: number } | undefined;
  let pointerFrame = false;
  function onPointerMove(e: PointerEvent): void {
    pointer = { x: e.clientX, y: e.clientY };
    if (pointerFrame) return;
    pointerFrame = true;
    ctx.requestAnimationFrame(() => {
      pointerFrame = false;
      if (!pointer || !state || state.analysis === null || state.analysis === 'error') return;
      const hit = painter.hitTest(pointer.x, pointer.y);
      if (hit && state.card?.match === hit.match) return;
      scheduleHover(hit ? { match: hit.match, anchor: hit.rect, index: hit.index } : null);
    });
  }

  function scheduleHover(next: { match: EntityMatch; anchor: DOMRect; index: number } | null): void {
    if (hoverTimer !== undefined) clearTimeout(hoverTimer);
    hoverTimer = ctx.setTimeout(
      () => {
        hoverTimer = undefined;
        if (next) {
          painter.setActive(next.index);
          update({ card: { match: next.match, anchor: next.anchor } });
        } else if (!pointerInCard && state?.card && !state.card.focus) {
          closeCard();
        }
      },
      next ? HOVER_OPEN_MS : HOVER_CLOSE_MS,
    );
  }

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
    // The stored collapsed state counts for the first mount; later ones keep what the user chose here.
    const collapsed = collapsedRead ? state?.collapsed : await opts.settings.collapsed;
    collapsedRead = true;
    if (state) state = { ...state, theme: pageTheme(), collapsed: collapsed ?? state.collapsed };
    rerender();
  }

  /** Read the article now on the page: analysis, highlights, related incidents, saved state. */
  async function read(info: ArticleInfo): Promise<void> {
    const gen = ++generation;
    const url = pageUrl(location.href);
    occurrence.clear();
    painter.clear();
    pageWatch.follow(rootOf(info));
    // The analysis goes first: the worker works on it while this side reads its settings.
    // Card facts are asked for after painting: the highlights need only the entities.
    let analysing = firstAnalysis;
    firstAnalysis = undefined;
    if (!analysing) {
      performance.mark('il:sent');
      analysing = sendMessage('analyzeArticle', { url, text: info.text, published: info.published, facts: false, packed: true, staged: true, forced: opts.forced });
      analysing.catch(() => undefined); // handled below; not an unhandled rejection meanwhile
    }
    const savedRow = sendMessage('getSavedArticle', { url });
    state = {
      info,
      url,
      analysis: null,
      related: null,
      saved: undefined,
      saving: false,
      hidden: state?.hidden ?? (await opts.settings.hidden),
      // Needed once the sidebar mounts (mountUi), not for painting.
      collapsed: state?.collapsed ?? false,
      card: null,
      // Read when the sidebar mounts (mountUi): the page's computed style costs a style pass over the
      // whole page, which must not hold the analysis answer back.
      theme: state?.theme ?? 'light',
    };
    if (gen !== generation) return;
    for (const t of state.hidden) painter.setTypeVisible(t, false);
    void savedRow.then(
      (row) => gen === generation && update({ saved: row ? { tags: row.tags, note: row.note, savedAt: row.savedAt } : null }),
      () => gen === generation && update({ saved: null }),
    );
    // Highlights first. Mounting the sidebar is main-thread work (styles, a render) that would hold the
    // answer's delivery back, so it waits for the answer, unless the analysis is slow (a worker waking up,
    // a matcher being built): then the sidebar shows that it is reading meanwhile.
    const slow = await Promise.race([
      analysing.then(
        () => false,
        () => false,
      ),
      new Promise<boolean>((done) => ctx.setTimeout(() => done(true), SIDEBAR_WAIT_MS)),
    ]);
    if (gen !== generation) return;
    if (slow) await mountUi();
    let result: AnalyzeResult;
    try {
      result = await analysing;
      performance.mark('il:answer');
    } catch {
      if (gen === generation) {
        await mountUi();
        update({ analysis: 'error', related: 'error' });
      }
      return;
    }
    if (gen !== generation || ctx.isInvalid) return;
    performance.mark('il:analysed');
    // Packed matches are offsets into the text this view sent, which is `info.text`.
    const entities = result.packed ? unpackEntities(info.text, result.packed) : result.entities;
    const painted = painter.paint(info, entities, matchSpans(result));
    performance.mark('il:painted', { detail: { ranges: painted.ranges, entities: entities.length, ...result.timings } });
    // Asked for at once: the worker works on the rest while the browser puts the highlights on screen.
    const restLater = result.restId ? askRest(info, url, result.restId) : undefined;
    restLater?.catch(() => undefined); // handled below; not an unhandled rejection meanwhile
    // The sidebar waits a little for the rest, so that it is built once, whole; the wait is also the task
    // boundary that lets the highlights reach the screen before the sidebar is built.
    const early = await settleWithin(restLater, REST_WAIT_MS);
    if (gen !== generation || ctx.isInvalid) return;
    let analysis: ReadingAnalysis = { entities, incidents: result.incidents, facts: result.facts };
    if (early) {
      paintWhole(info, early);
      analysis = { ...analysis, entities: early.entities, incidents: early.incidents };
    }
    performance.mark('il:mounting');
    state = { ...state, analysis };
    if (ui) rerender();
    else await mountUi();
    performance.mark('il:rendered');
    const all = restLater && !early ? await paintRest(gen, info, restLater) : analysis.entities;
    if (all === undefined) return;
    const wanted = [...new Map(all.map((e) => [e.key, { key: e.key, type: e.type, name: e.name, subtype: e.subtype }])).values()];
    void sendMessage('entityFacts', { entities: wanted.slice(0, 2000) }).then(
      (facts) => {
        const a = state?.analysis;
        if (gen === generation && a && a !== 'error') update({ analysis: { ...a, facts } });
      },
      () => undefined, // cards then show what the match itself knows
    );
    // Shared victims and actors count most in relatedness: asked with the whole entity list.
    const keys = wanted.map((w) => w.key);
    try {
      const related = await sendMessage('relatedIncidents', { entityKeys: keys.slice(0, 2000), publishedAt: info.published, url });
      if (gen === generation) update({ related });
    } catch {
      if (gen === generation) update({ related: 'error' });
    }
  }

  /**
   * The second stage of a staged analysis: every entity (the organisations found by sentence shape too)
   * and the incidents. A worker that was stopped in between no longer has it: the article is then
   * analysed again, whole.
   */
  async function askRest(info: ArticleInfo, url: string, id: string): Promise<{ entities: EntityMatch[]; incidents: Incident[] }> {
    const rest = (await sendMessage('analysisRest', { url, id })) ?? (await sendMessage('analyzeArticle', { url, text: info.text, published: info.published, facts: false, packed: true, forced: opts.forced }));
    return { entities: rest.packed ? unpackEntities(info.text, rest.packed) : rest.entities, incidents: rest.incidents };
  }

  /** What a promise gave within `ms`, or undefined (too late, or it failed); a timer's task in any case. */
  function settleWithin<T>(p: Promise<T> | undefined, ms: number): Promise<T | undefined> {
    const late = new Promise<undefined>((done) => ctx.setTimeout(() => done(undefined), p ? ms : 0));
    return p ? Promise.race([p.catch(() => undefined), late]) : late;
  }

  function paintWhole(info: ArticleInfo, rest: { entities: EntityMatch[]; incidents: Incident[] }): void {
    const painted = painter.paint(info, rest.entities, rest.incidents.flatMap((i) => i.spans));
    performance.mark('il:all-painted', { detail: { ranges: painted.ranges, entities: rest.entities.length, incidents: rest.incidents.length } });
  }

  /**
   * Paints the whole analysis over the first stage when it comes after the sidebar was built, and tells
   * the sidebar. The entities of the article as they now stand; undefined when the view moved on.
   */
  async function paintRest(gen: number, info: ArticleInfo, asked: Promise<{ entities: EntityMatch[]; incidents: Incident[] }>): Promise<EntityMatch[] | undefined> {
    let rest: { entities: EntityMatch[]; incidents: Incident[] } | undefined;
    try {
      rest = await asked;
    } catch {
      rest = undefined; // the first stage stays painted; the sidebar lists no incidents
    }
    const a = state?.analysis;
    if (gen !== generation || ctx.isInvalid || !a || a === 'error') return undefined;
    if (!rest) return a.entities;
    paintWhole(info, rest);
    update({ analysis: { ...a, entities: rest.entities, incidents: rest.incidents } });
    return rest.entities;
  }

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
      if (!painter.intact()) painter.paint(info, a.entities, a.incidents.flatMap((i) => i.spans));
      return;
    }
    if (info.text.length) await read(info);
  }

  const startedAt = performance.now();
  const pageWatch: PageWatch = watchPage(ctx, {
    rescan: (articleChanged) => void rescan(articleChanged),
    intact: () => painter.intact(),
    reading: () => state !== undefined && !stopped,
  });

  async function rescan(articleChanged = true): Promise<void> {
    if (ctx.isInvalid || stopped) return;
    if (state) {
      await reanchor(articleChanged);
      return;
    }
    // Not an article yet: its text may still be on its way.
    const info = detectArticle(document, location.href);
    if (info.isArticle) await read(info);
    else if (performance.now() - startedAt > LATE_TEXT_WATCH_MS) pageWatch.pause();
  }

  ctx.addEventListener(document, 'pointermove', onPointerMove, { passive: true });
  ctx.addEventListener(document, 'keydown', (e) => {
    if (e.key === 'Escape' && state?.card) closeCard();
  });
  // The page scrolled under a hover card: it no longer points at its words. Our own scrolling (to an
  // entity the user asked for) keeps the card it opened.
  ctx.addEventListener(
    window,
    'scroll',
    () => {
      if (performance.now() < ownScrollUntil) return;
      if (state?.card && !state.card.focus) closeCard();
    },
    { passive: true },
  );

  // Single-page sites: a new URL is a new article (or none); read it once its text is in.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    if (stopped) return;
    generation++;
    pageWatch.follow(undefined);
    painter.clear();
    closeCard();
    ctx.setTimeout(() => {
      const info = detectArticle(document, location.href);
      if (info.isArticle || opts.forced) void read(info);
      else {
        state = undefined;
        ui?.remove();
        ui = undefined;
      }
    }, RESCAN_DELAY_MS);
  });

  ctx.onInvalidated(
    onMessage('toggleSidebar', async () => {
      if (stopped) return false;
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
