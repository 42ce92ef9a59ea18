/**
 * Text offsets ↔ page positions. The article's main text is a string; `segments` say which page Text node
 * each piece of it came from. Highlights are StaticRanges built from those positions: unlike live Ranges
 * they cost the page nothing when its DOM changes, so they must be re-anchored when the text moves.
 */
import type { TextSegment } from '../detect';
import { lastAtOrBefore } from '../../shared/sorted';

const startOf = (s: TextSegment): number => s.start;

/** The part of ArticleInfo the painter needs. */
export interface AnchoredText {
  text: string;
  /** Sorted by start, non-overlapping. */
  segments: TextSegment[];
}

export interface DomPoint {
  node: Text;
  offset: number;
}

/**
 * The page positions of the text span [start, end). A span that begins or ends in characters the detector
 * added (block separators) is shrunk to the page text inside it; a span with no page text gives null.
 */
export function spanToPoints(segments: TextSegment[], start: number, end: number): { start: DomPoint; end: DomPoint } | null {
  if (end <= start || segments.length === 0) return null;
  let i = lastAtOrBefore(segments, start, startOf);
  if (i < 0 || segments[i].end <= start) i += 1; // start lies in a gap: begin at the next segment
  if (i >= segments.length || segments[i].start >= end) return null;
  const s = segments[i];
  const from = Math.max(start, s.start);
  const j = lastAtOrBefore(segments, end - 1, startOf);
  if (j < i) return null;
  const e = segments[j];
  const to = Math.min(end, e.end);
  if (j === i && to <= from) return null;
  return {
    start: { node: s.node, offset: s.nodeOffset + (from - s.start) },
    end: { node: e.node, offset: e.nodeOffset + (to - e.start) },
  };
}

/** The text offset of a page position, when that position is inside the article's text. */
export function pointToOffset(index: SegmentIndex, node: Node, nodeOffset: number): number | null {
  const list = index.get(node as Text);
  if (!list) return null;
  for (const s of list) {
    const len = s.end - s.start;
    if (nodeOffset >= s.nodeOffset && nodeOffset <= s.nodeOffset + len) return s.start + (nodeOffset - s.nodeOffset);
  }
  return null;
}

/** Text node → the segments cut from it (usually one). */
export type SegmentIndex = Map<Text, TextSegment[]>;

export function indexSegments(segments: TextSegment[]): SegmentIndex {
  const index: SegmentIndex = new Map();
  for (const s of segments) {
    const list = index.get(s.node);
    if (list) list.push(s);
    else index.set(s.node, [s]);
  }
  return index;
}

/**
 * Whether every segment still holds the text it held when the article was read. Cheap (one pass of string
 * compares over the article) and exact, so the observer can ask it on every batch of page mutations.
 */
export function anchorsIntact(article: AnchoredText): boolean {
  for (const s of article.segments) {
    if (!s.node.isConnected) return false;
    const len = s.end - s.start;
    if (s.node.data.length < s.nodeOffset + len) return false;
    if (s.node.data.slice(s.nodeOffset, s.nodeOffset + len) !== article.text.slice(s.start, s.end)) return false;
  }
  return true;
}
