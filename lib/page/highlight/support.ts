/**
 * Feature detection for the CSS Custom Highlight API. Nothing here runs at import time: the window is a
 * parameter, so the module loads in the worker and in Node too.
 */

/** The window of a page: its globals (CSS, Highlight, StaticRange) come from it, never from our own scope. */
export type PageWindow = Window & typeof globalThis;

export interface HighlightSupport {
  /** CSS.highlights, Highlight and StaticRange all exist: highlights can be painted. */
  highlights: boolean;
  /** document.adoptedStyleSheets with constructable sheets: styles go in without touching the DOM. */
  adoptedSheets: boolean;
  /** How the pointer is mapped to text: the standard call, WebKit's older one, or nothing. */
  caret: 'caretPositionFromPoint' | 'caretRangeFromPoint' | 'none';
}

export function highlightSupport(win: PageWindow): HighlightSupport {
  const css = (win as { CSS?: { highlights?: unknown } }).CSS;
  const highlights =
    typeof css === 'object' &&
    css !== null &&
    typeof css.highlights === 'object' &&
    css.highlights !== null &&
    typeof (win as { Highlight?: unknown }).Highlight === 'function' &&
    typeof (win as { StaticRange?: unknown }).StaticRange === 'function';
  const doc = win.document;
  let adoptedSheets = false;
  try {
    adoptedSheets = Array.isArray(doc.adoptedStyleSheets) && typeof new win.CSSStyleSheet().replaceSync === 'function';
  } catch {
    adoptedSheets = false; // constructable sheets missing (old engines): no highlight styles, so no highlights
  }
  const caret =
    typeof (doc as { caretPositionFromPoint?: unknown }).caretPositionFromPoint === 'function'
      ? 'caretPositionFromPoint'
      : typeof (doc as { caretRangeFromPoint?: unknown }).caretRangeFromPoint === 'function'
        ? 'caretRangeFromPoint'
        : 'none';
  return { highlights: highlights && adoptedSheets, adoptedSheets, caret };
}
