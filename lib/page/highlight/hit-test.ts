/**
 * What is under the pointer. `highlightsFromPoint` walks every registered range (1–8 ms with thousands of
 * them); the caret position under the pointer plus a binary search over the sorted match offsets costs a
 * fraction of a millisecond whatever the number of matches.
 */
import type { DomPoint } from './anchor';
import { lastAtOrBefore } from '../../shared/sorted';

export interface Span {
  start: number;
  end: number;
}

/** How far back to look for an earlier, longer match that still covers the offset (matches rarely nest). */
const MAX_OVERLAP_SCAN = 8;

/**
 * Index of the match covering `offset` (start ≤ offset < end) in `matches` sorted by start, or -1.
 * Where matches overlap the one that starts last (the innermost) wins.
 */
export function matchAt(matches: readonly Span[], offset: number): number {
  const last = lastAtOrBefore(matches, offset, (m) => m.start);
  for (let i = last; i >= 0 && i > last - MAX_OVERLAP_SCAN; i--) {
    if (matches[i].end > offset) return i;
  }
  return -1;
}

/** The text position under a point of the viewport, by whichever caret API the browser has. */
export function caretAt(doc: Document, x: number, y: number): DomPoint | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  let node: Node | undefined;
  let offset = 0;
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    if (p) {
      node = p.offsetNode;
      offset = p.offset;
    }
  } else if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    if (r) {
      node = r.startContainer;
      offset = r.startOffset;
    }
  }
  if (!node || node.nodeType !== 3) return null; // Node.TEXT_NODE; not the constant: no globals here
  return { node: node as Text, offset };
}

/** Whether (x, y) lies inside one of the boxes of a span of page text. */
export function pointInRects(rects: ArrayLike<DOMRectReadOnly>, x: number, y: number, slop = 1): boolean {
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i];
    if (x >= r.left - slop && x <= r.right + slop && y >= r.top - slop && y <= r.bottom + slop) return true;
  }
  return false;
}
