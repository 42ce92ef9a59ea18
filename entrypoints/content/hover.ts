/**
 * The hover card's timing: the pointer is mapped to text on an animation frame, at most once per frame;
 * a card opens after the pointer rests on a highlight and closes a little after it leaves (not while the
 * pointer is in the card, nor a card the keyboard opened); Escape closes it, and so does the page
 * scrolling under it (not our own scrolling to an entity the reader asked for). Listeners and timers hang
 * on `ctx`; `signal` stops them earlier (the site turned off).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export const HOVER_OPEN_MS = 120;
export const HOVER_CLOSE_MS = 300;
/**
 * After we scroll to an entity, the first scroll event this soon is ours (an instant scroll is reported
 * once, at the next frame, which a busy machine can delay by hundreds of ms); any later one is the reader's.
 */
export const OWN_SCROLL_GRACE_MS = 1000;

export interface HoverHit<M> {
  match: M;
  rect: DOMRect;
  index: number;
}

export interface HoverTarget<M> {
  /** Whether there are highlights to point at (an analysis is painted). */
  active(): boolean;
  hitTest(x: number, y: number): HoverHit<M> | null;
  /** The card shown now: its match, and whether the keyboard opened it (then only Escape or a click closes it). */
  card(): { match: M; focus?: boolean } | null;
  open(hit: HoverHit<M>): void;
  close(): void;
}

export interface Hover {
  /** The pointer entered or left the card: a card being pointed at stays open. */
  pointerInCard(inside: boolean): void;
  /** We are about to scroll the page ourselves: the card stays. */
  scrollingToEntity(): void;
}

export function watchHover<M>(ctx: ContentScriptContext, signal: AbortSignal, target: HoverTarget<M>): Hover {
  let timer: number | undefined;
  let inCard = false;
  let ownScrollUntil = 0;
  let pointer: { x: number; y: number } | undefined;
  let frame = false;

  function schedule(next: HoverHit<M> | null): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = ctx.setTimeout(
      () => {
        timer = undefined;
        if (signal.aborted) return;
        if (next) target.open(next);
        else {
          const card = target.card();
          if (!inCard && card && !card.focus) target.close();
        }
      },
      next ? HOVER_OPEN_MS : HOVER_CLOSE_MS,
    );
  }

  ctx.addEventListener(
    document,
    'pointermove',
    (e: PointerEvent) => {
      pointer = { x: e.clientX, y: e.clientY };
      if (frame || signal.aborted) return;
      frame = true;
      ctx.requestAnimationFrame(() => {
        frame = false;
        if (!pointer || signal.aborted || !target.active()) return;
        const hit = target.hitTest(pointer.x, pointer.y);
        if (hit && target.card()?.match === hit.match) return;
        schedule(hit);
      });
    },
    { passive: true },
  );
  ctx.addEventListener(document, 'keydown', (e: KeyboardEvent) => {
    if (e.key === 'Escape' && target.card() && !signal.aborted) target.close();
  });
  ctx.addEventListener(
    window,
    'scroll',
    () => {
      if (signal.aborted) return;
      if (performance.now() < ownScrollUntil) {
        ownScrollUntil = 0;
        return;
      }
      const card = target.card();
      if (card && !card.focus) target.close();
    },
    { passive: true },
  );

  return {
    pointerInCard(inside) {
      inCard = inside;
      if (!inside) schedule(null);
    },
    scrollingToEntity() {
      ownScrollUntil = performance.now() + OWN_SCROLL_GRACE_MS;
    },
  };
}
