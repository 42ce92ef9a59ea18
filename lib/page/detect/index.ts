/**
 * Article detection: is this page an article, its metadata, and its main text mapped back to the
 * page's Text nodes so that highlights land only inside the article body.
 *
 * Works on a live browser document and on a linkedom document alike, and never changes the document
 * it is given (the content script runs it on the page the user is reading).
 */
import { extractMain } from './content';
import { articleScore, pageFeatures, type ArticleFeatures } from './features';
import { readJsonLd } from './jsonld';
import { clean, readMeta, readMetadata, type Headings } from './metadata';
import { urlShape } from './url-shape';

export { urlShape } from './url-shape';
export { stripSite, titleKey } from './metadata';

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
  /**
   * Sorted by start; maps every character of `text` that came from the page back to its text node.
   * The separators the reader inserts between blocks ("\n\n", "\n", " ") belong to no segment.
   */
  segments: TextSegment[];
  /** The article score (isArticle is score > 0) and the features it was computed from. */
  score?: number;
  features?: ArticleFeatures;
}

export function detectArticle(doc: Document, url: string): ArticleInfo {
  const content = extractMain(doc);
  const containers = content.containers;
  const ld = readJsonLd(doc);
  const tags = readMeta(doc);
  const features = pageFeatures(doc, tags, ld, urlShape(url), content);
  const score = articleScore(features);
  const metadata = readMetadata(doc, tags, url, ld, headings(doc, containers));
  return {
    isArticle: score > 0,
    ...metadata,
    text: content.text,
    segments: content.segments,
    score,
    features,
  };
}

export function isArticle(doc: Document, url: string): boolean {
  return detectArticle(doc, url).isArticle;
}

/** The page's h1 headings, the one in or just before the body first. */
function headings(doc: Document, containers: Element[]): Headings {
  const all = Array.from(doc.querySelectorAll('h1')).slice(0, 10);
  let inBody: Element | undefined;
  for (const c of containers) inBody ??= c.querySelector('h1') ?? undefined;
  // The body container often starts below the headline: take the h1 of its nearest ancestor.
  for (let e = containers[0]?.parentElement; !inBody && e && e.localName !== 'body'; e = e.parentElement) {
    const inside = all.filter((h) => e!.contains(h));
    if (inside.length === 1) inBody = inside[0];
    else if (inside.length > 1) break;
  }
  return { inBody: inBody ? clean(inBody.textContent) : undefined, all: all.map((h) => clean(h.textContent)).filter((t) => t !== '') };
}

// Exposed for explanation in the CLI and the eval.
