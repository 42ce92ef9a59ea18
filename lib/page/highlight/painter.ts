/**
 * Paints an article's entities with the CSS Custom Highlight API: one Highlight per entity type, registered
 * as `il-<type>`, made of StaticRanges, so the page's DOM is never touched and the page's own DOM changes
 * pay nothing for our ranges. Where the API is missing the painter says so and does nothing.
 */
import type { EntityType } from '../../shared/types';
import { anchorsIntact, indexSegments, pointToOffset, spanToPoints, type AnchoredText, type SegmentIndex } from './anchor';
import { caretAt, matchAt, pointInRects, type Span } from './hit-test';
import { ACTIVE_HIGHLIGHT, FLASH_HIGHLIGHT, highlightName, INCIDENT_HIGHLIGHT, installHighlightStyles } from './styles';
import { highlightSupport, type PageWindow } from './support';

export interface PaintableMatch extends Span {
  type: EntityType;
  key: string;
}

export interface PaintResult {
  /** Ranges registered (matches that could be anchored in the page). */
  ranges: number;
  /** Matches whose text is no longer in the page (or never was: separators). */
  unanchored: number;
}

export interface PainterOptions {
  /** Timer to end a flash with; the content script passes ctx.setTimeout so the timer dies with it. */
  setTimeout?: (fn: () => void, ms: number) => unknown;
}

export interface Hit<M extends PaintableMatch> {
  index: number;
  match: M;
  /** The boxes of that occurrence, viewport coordinates. */
  rect: DOMRect;
}

export interface Painter<M extends PaintableMatch = PaintableMatch> {
  /** False where CSS.highlights is missing: the sidebar still works, nothing is painted. */
  readonly supported: boolean;
  paint(article: AnchoredText, matches: readonly M[], incidentSpans?: readonly Span[]): PaintResult;
  /** Whether the page still holds the text the highlights were anchored to. */
  intact(): boolean;
  setTypeVisible(type: EntityType, visible: boolean): void;
  /** The occurrence under a viewport point, or null. */
  hitTest(x: number, y: number): Hit<M> | null;
  /** Marks one occurrence as the one the card is about (null clears it). */
  setActive(index: number | null): void;
  /** Scrolls to the first occurrence of an entity and flashes all of them. Returns the occurrence index. */
  flash(key: string, ms?: number): number;
  /** Scrolls occurrence `index` into view and returns its box. */
  reveal(index: number): DOMRect | null;
  rectOf(index: number): DOMRect | null;
  matches(): readonly M[];
  /** Removes every highlight and our style sheet. */
  clear(): void;
}

const TYPE_PRIORITY: Partial<Record<EntityType, number>> = { indicator: 3, vulnerability: 3, technique: 2 };

export function createPainter<M extends PaintableMatch>(win: PageWindow, opts: PainterOptions = {}): Painter<M> {
  const doc = win.document;
  const support = highlightSupport(win);
  const setTimer = opts.setTimeout ?? ((fn: () => void, ms: number) => win.setTimeout(fn, ms));
  let article: AnchoredText = { text: '', segments: [] };
  let index: SegmentIndex = new Map();
  let sorted: M[] = [];
  let ranges: (StaticRange | null)[] = [];
  const hidden = new Set<EntityType>();
  const ours = new Map<string, Highlight>();
  let removeStyles: (() => void) | undefined;
  let flashSeq = 0;

  function register(name: string, h: Highlight, priority: number): void {
    h.priority = priority;
    ours.set(name, h);
    win.CSS.highlights.set(name, h);
  }

  function unregisterAll(): void {
    for (const name of ours.keys()) win.CSS.highlights.delete(name);
    ours.clear();
  }

  function staticRange(span: Span): StaticRange | null {
    const pts = spanToPoints(article.segments, span.start, span.end);
    if (!pts) return null;
    return new win.StaticRange({
      startContainer: pts.start.node,
      startOffset: pts.start.offset,
      endContainer: pts.end.node,
      endOffset: pts.end.offset,
    });
  }

  function liveRange(i: number): Range | null {
    const r = ranges[i];
    if (!r) return null;
    const live = doc.createRange();
    try {
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
    } catch {
      return null; // the page moved the text since we anchored
    }
    return live;
  }

  const painter: Painter<M> = {
    supported: support.highlights,

    paint(next, matches, incidentSpans = []) {
      article = next;
      index = indexSegments(next.segments);
      sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
      ranges = [];
      if (!support.highlights) return { ranges: 0, unanchored: sorted.length };
      removeStyles ??= installHighlightStyles(win);
      unregisterAll();
      const byType = new Map<EntityType, StaticRange[]>();
      let unanchored = 0;
      for (const m of sorted) {
        const r = staticRange(m);
        ranges.push(r);
        if (!r) {
          unanchored++;
          continue;
        }
        const list = byType.get(m.type);
        if (list) list.push(r);
        else byType.set(m.type, [r]);
      }
      for (const [type, list] of byType) {
        if (!hidden.has(type)) register(highlightName(type), new win.Highlight(...list), 10 + (TYPE_PRIORITY[type] ?? 0));
      }
      const incidentRanges = incidentSpans.map(staticRange).filter((r): r is StaticRange => r !== null);
      if (incidentRanges.length) register(INCIDENT_HIGHLIGHT, new win.Highlight(...incidentRanges), 0);
      return { ranges: sorted.length - unanchored, unanchored };
    },

    intact: () => anchorsIntact(article),

    setTypeVisible(type, visible) {
      if (visible) hidden.delete(type);
      else hidden.add(type);
      if (!support.highlights) return;
      const name = highlightName(type);
      if (!visible) {
        win.CSS.highlights.delete(name);
        ours.delete(name);
        return;
      }
      const list = sorted.flatMap((m, i) => (m.type === type && ranges[i] ? [ranges[i] as StaticRange] : []));
      if (list.length) register(name, new win.Highlight(...list), 10 + (TYPE_PRIORITY[type] ?? 0));
    },

    hitTest(x, y) {
      if (!sorted.length) return null;
      const caret = caretAt(doc, x, y);
      if (!caret) return null;
      const offset = pointToOffset(index, caret.node, caret.offset);
      if (offset === null) return null;
      // The caret sits between characters: over the right half of a match's last letter it points past it.
      const tried = new Set<number>();
      for (const o of [offset, offset - 1]) {
        const i = matchAt(sorted, o);
        if (i < 0 || tried.has(i) || hidden.has(sorted[i].type)) continue;
        tried.add(i);
        const live = liveRange(i);
        if (live && pointInRects(live.getClientRects(), x, y)) {
          return { index: i, match: sorted[i], rect: live.getBoundingClientRect() };
        }
      }
      return null;
    },

    setActive(i) {
      if (!support.highlights) return;
      const r = i === null ? null : ranges[i];
      if (!r) {
        win.CSS.highlights.delete(ACTIVE_HIGHLIGHT);
        ours.delete(ACTIVE_HIGHLIGHT);
        return;
      }
      register(ACTIVE_HIGHLIGHT, new win.Highlight(r), 20);
    },

    flash(key, ms = 1200) {
      const hits = sorted.flatMap((m, i) => (m.key === key && ranges[i] ? [i] : []));
      if (!hits.length) return -1;
      painter.reveal(hits[0]);
      if (support.highlights) {
        register(FLASH_HIGHLIGHT, new win.Highlight(...hits.map((i) => ranges[i] as StaticRange)), 30);
        const seq = ++flashSeq;
        setTimer(() => {
          if (seq !== flashSeq) return; // a newer flash owns the highlight now
          win.CSS.highlights.delete(FLASH_HIGHLIGHT);
          ours.delete(FLASH_HIGHLIGHT);
        }, ms);
      }
      return hits[0];
    },

    reveal(i) {
      const live = liveRange(i);
      if (!live) return null;
      let rect = live.getBoundingClientRect();
      if (rect.top < 0 || rect.bottom > win.innerHeight) {
        // scrollIntoView on the parent reaches scrolling containers too; then centre the words themselves.
        const parent = (ranges[i] as StaticRange).startContainer.parentElement;
        parent?.scrollIntoView({ block: 'nearest' });
        rect = live.getBoundingClientRect();
        win.scrollBy({ top: rect.top - win.innerHeight / 3, behavior: 'instant' as ScrollBehavior });
        rect = live.getBoundingClientRect();
      }
      return rect;
    },

    rectOf(i) {
      return liveRange(i)?.getBoundingClientRect() ?? null;
    },

    matches: () => sorted,

    clear() {
      if (support.highlights) unregisterAll();
      removeStyles?.();
      removeStyles = undefined;
      sorted = [];
      ranges = [];
    },
  };
  return painter;
}
