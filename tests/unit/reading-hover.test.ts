// @vitest-environment happy-dom
/** The hover card's timing (entrypoints/content/hover.ts), in a DOM with WXT's fake browser and fake timers. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { HOVER_CLOSE_MS, HOVER_OPEN_MS, OWN_SCROLL_GRACE_MS, watchHover, type HoverTarget } from '@/entrypoints/content/hover';

/** Words on the line y < 20: "A" under x < 100, "B" under 100 ≤ x < 200; nothing elsewhere. */
function page() {
  let card: { match: string; focus?: boolean } | null = null;
  const opened: string[] = [];
  const target: HoverTarget<string> = {
    active: () => true,
    hitTest: (x, y) =>
      y < 20 && x < 200 ? { match: x < 100 ? 'A' : 'B', rect: new DOMRect(x < 100 ? 0 : 100, 0, 100, 20), index: x < 100 ? 0 : 1 } : null,
    card: () => card,
    open: (hit) => {
      card = { match: hit.match };
      opened.push(hit.match);
    },
    close: () => {
      card = null;
    },
  };
  return { target, opened, card: () => card, setCard: (c: typeof card) => (card = c) };
}

function pointAt(x: number, y: number): void {
  document.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y }));
  vi.advanceTimersByTime(20); // the animation frame that maps the pointer to text
}

let ctx: ContentScriptContext;
beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
  ctx = new ContentScriptContext('hover-test');
});
afterEach(() => {
  ctx.abort();
  vi.useRealTimers();
});

describe('hover card', () => {
  it('opens after the pointer rests on a highlight, and closes a while after it leaves', () => {
    const p = page();
    watchHover(ctx, new AbortController().signal, p.target);
    pointAt(10, 5);
    vi.advanceTimersByTime(HOVER_OPEN_MS - 30);
    expect(p.card()).toBeNull();
    vi.advanceTimersByTime(30);
    expect(p.card()).toEqual({ match: 'A' });
    // Moving within the same word opens nothing new.
    pointAt(40, 5);
    vi.advanceTimersByTime(HOVER_OPEN_MS);
    expect(p.opened).toEqual(['A']);
    // Passing over another word on the way: only where the pointer rests counts.
    pointAt(150, 5);
    pointAt(500, 500);
    vi.advanceTimersByTime(HOVER_CLOSE_MS);
    expect(p.card()).toBeNull();
    expect(p.opened).toEqual(['A']);
  });

  it('keeps a card the pointer is in, and a card the keyboard opened', () => {
    const p = page();
    const hover = watchHover(ctx, new AbortController().signal, p.target);
    pointAt(10, 5);
    vi.advanceTimersByTime(HOVER_OPEN_MS);
    hover.pointerInCard(true);
    pointAt(500, 500);
    vi.advanceTimersByTime(HOVER_CLOSE_MS * 2);
    expect(p.card()).toEqual({ match: 'A' });
    hover.pointerInCard(false);
    vi.advanceTimersByTime(HOVER_CLOSE_MS);
    expect(p.card()).toBeNull();

    p.setCard({ match: 'B', focus: true });
    pointAt(500, 500);
    vi.advanceTimersByTime(HOVER_CLOSE_MS * 2);
    expect(p.card()).toEqual({ match: 'B', focus: true });
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(p.card()).toBeNull();
  });

  it('closes when the page scrolls under the card, but not when we scroll to an entity', () => {
    const p = page();
    const hover = watchHover(ctx, new AbortController().signal, p.target);
    p.setCard({ match: 'A' });
    hover.scrollingToEntity();
    window.dispatchEvent(new Event('scroll'));
    expect(p.card()).toEqual({ match: 'A' });
    vi.advanceTimersByTime(OWN_SCROLL_GRACE_MS + 1);
    window.dispatchEvent(new Event('scroll'));
    expect(p.card()).toBeNull();
  });

  it('takes only the first scroll event after our scroll for ours, however late its frame comes', () => {
    const p = page();
    const hover = watchHover(ctx, new AbortController().signal, p.target);
    p.setCard({ match: 'A' });
    hover.scrollingToEntity();
    vi.advanceTimersByTime(OWN_SCROLL_GRACE_MS / 2);
    window.dispatchEvent(new Event('scroll'));
    expect(p.card()).toEqual({ match: 'A' });
    window.dispatchEvent(new Event('scroll'));
    expect(p.card()).toBeNull();
  });

  it('does nothing once its signal aborted (the site turned off), nor once the script is invalidated', () => {
    const p = page();
    const stop = new AbortController();
    watchHover(ctx, stop.signal, p.target);
    stop.abort();
    pointAt(10, 5);
    vi.advanceTimersByTime(HOVER_OPEN_MS * 2);
    expect(p.opened).toEqual([]);

    const q = page();
    watchHover(ctx, new AbortController().signal, q.target);
    ctx.abort();
    pointAt(10, 5);
    vi.advanceTimersByTime(HOVER_OPEN_MS * 2);
    expect(q.opened).toEqual([]);
  });
});
