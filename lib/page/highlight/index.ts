/** Painting entity highlights in a page without touching its DOM (CSS Custom Highlight API). */
export { highlightSupport, type HighlightSupport, type PageWindow } from './support';
export { anchorsIntact, indexSegments, pointToOffset, spanToPoints, type AnchoredText, type DomPoint } from './anchor';
export { caretAt, matchAt, pointInRects, type Span } from './hit-test';
export { createPainter, type Hit, type Painter, type PaintableMatch, type PaintResult } from './painter';
export { highlightCss, highlightName, TYPE_STYLES, type TypeStyle } from './styles';
