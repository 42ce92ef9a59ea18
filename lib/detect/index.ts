/**
 * Article detection. Placeholder with the final signature; the real detector lands with issue 3.
 */

/** One piece of the main text and the page text node it came from. */
export interface TextSegment {
  node: Text;
  /** Offsets of this piece in ArticleInfo.text. */
  start: number;
  end: number;
  /** Offset inside node.data where the piece begins. */
  nodeOffset: number;
}

export interface ArticleInfo {
  isArticle: boolean;
  title?: string;
  byline?: string;
  /** ISO 8601 date or date-time. */
  published?: string;
  site?: string;
  lang?: string;
  /** The main text: article body only (no nav, promo, bio, comments, teasers, footer). */
  text: string;
  /** Sorted by start; maps every character of `text` that came from the page back to its text node. */
  segments: TextSegment[];
}

export function detectArticle(doc: Document, _url: string): ArticleInfo {
  const body = doc.querySelector('article');
  return { isArticle: body !== null, title: doc.title, text: '', segments: [] };
}

export function isArticle(doc: Document, url: string): boolean {
  return detectArticle(doc, url).isArticle;
}
