/**
 * The features the article decision is made from, and the decision itself: a small linear score whose
 * every term can be printed and read (explainArticleScore). Weights were set by hand from how often
 * each feature occurs on article and non-article pages (the even-numbered half of the WCXB development
 * set), rounded, and checked on the odd half; no rule names a site.
 */
import { isProbablyReaderable } from '@mozilla/readability';
import type { LdNode } from './jsonld';
import { ARTICLE_LD_TYPES, meta, type MetaTags } from './metadata';
import type { UrlShape } from './url-shape';

export interface ArticleFeatures {
  /** JSON-LD or microdata declares an Article, NewsArticle, BlogPosting... */
  schemaArticle: boolean;
  /** JSON-LD or microdata declares a page kind that is not an article: product, collection, search results, Q&A, forum. */
  schemaOther: boolean;
  /** ... and that kind is a forum thread or a Q&A page. */
  schemaForum: boolean;
  ogArticle: boolean;
  /** og:type is set to something else than article (website, product, profile...). */
  ogOther: boolean;
  /** A publication date is declared (article:published_time, JSON-LD datePublished, itemprop). */
  published: boolean;
  /** An author is named (meta, JSON-LD, rel=author, itemprop=author, a byline element). */
  author: boolean;
  /** A dateline by the headline: a date, "by <Name>", "5 min read", "Updated"; or a few <time> elements. */
  dateline: boolean;
  readerable: boolean;
  /** Characters of main text. */
  textLength: number;
  /** Paragraphs (long text blocks, mostly not links) in the main content. */
  paragraphs: number;
  /** Share of the main content's text that is in paragraphs (running prose, not labels and lists). */
  paragraphShare: number;
  /** Share of the main content's text that is link text. */
  linkDensity: number;
  /** Shop controls: "add to cart/bag/basket", a price in microdata. */
  shop: boolean;
  /** Headings that are mostly a link (cards of a listing), in the whole page. */
  linkedHeadings: number;
  /** <time> elements in the page: an article shows one or two, a thread or a listing one per item. */
  times: number;
  /** Headings (h2–h6) in the main content per 1,000 characters of it. */
  headingDensity: number;
  url: UrlShape;
}

const OTHER_SCHEMA_TYPES = new Set([
  'Product',
  'ProductGroup',
  'CollectionPage',
  'SearchResultsPage',
  'QAPage',
  'DiscussionForumPosting',
  'ProfilePage',
  'ItemList',
  'OfferCatalog',
  'SoftwareApplication',
  'Course',
  'Event',
  'Store',
  'FAQPage',
  'Question',
]);

const FORUM_SCHEMA_TYPES = new Set(['QAPage', 'DiscussionForumPosting', 'Question']);

export interface ContentSummary {
  text: string;
  paragraphs: number;
  paragraphShare: number;
  linkDensity: number;
  containers: Element[];
}

export function pageFeatures(doc: Document, tags: MetaTags, ld: LdNode[], url: UrlShape, content: ContentSummary): ArticleFeatures {
  const ogType = (meta(tags, 'og:type') ?? '').toLowerCase();
  const microdata = microdataTypes(doc);
  const schema = [...ld.flatMap((n) => n.types), ...microdata];
  return {
    schemaArticle: schema.some((t) => ARTICLE_LD_TYPES.has(t)),
    schemaOther: schema.some((t) => OTHER_SCHEMA_TYPES.has(t)),
    schemaForum: schema.some((t) => FORUM_SCHEMA_TYPES.has(t)),
    ogArticle: ogType === 'article' || ogType.endsWith(':article'),
    ogOther: ogType !== '' && ogType !== 'article' && !ogType.endsWith(':article'),
    published:
      meta(tags, 'article:published_time', 'datepublished') !== undefined ||
      ld.some((n) => typeof n.raw.datePublished === 'string') ||
      doc.querySelector('[itemprop="datePublished"]') !== null,
    author: hasAuthor(doc, tags, ld),
    dateline: hasDateline(doc, content),
    readerable: isProbablyReaderable(doc),
    textLength: content.text.length,
    paragraphs: content.paragraphs,
    paragraphShare: content.paragraphShare,
    linkDensity: content.linkDensity,
    shop: hasShopControls(doc),
    linkedHeadings: countLinkedHeadings(doc),
    times: doc.querySelectorAll('time').length,
    headingDensity: headingDensity(content),
    url,
  };
}

function microdataTypes(doc: Document): string[] {
  return Array.from(doc.querySelectorAll('[itemtype]'))
    .slice(0, 50)
    .flatMap((el) => (el.getAttribute('itemtype') ?? '').split(/\s+/))
    .map((t) => t.replace(/^.*[/#]/, ''))
    .filter((t) => t !== '');
}

function hasAuthor(doc: Document, tags: MetaTags, ld: LdNode[]): boolean {
  if (meta(tags, 'author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator')) return true;
  if (ld.some((n) => n.raw.author !== undefined && n.types.some((t) => t !== 'WebSite' && t !== 'Organization'))) return true;
  return doc.querySelector('[rel="author"], [itemprop="author"], [class*="byline"], [class*="author"]') !== null;
}

// Dates as pages print them: 2023-10-20, 10/20/2023, 20.10.2023, October 20, 2023, 20 Oct 2023, Dec 10.
const MONTH_NAMES =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';
const MONTH = `(?:${MONTH_NAMES}|${MONTH_NAMES.toUpperCase()})\\.?`;
const DATELINE = new RegExp(
  [
    '\\b(?:19|20)\\d\\d-[01]\\d-[0-3]\\d\\b',
    '\\b[0-3]?\\d[./][01]?\\d[./](?:19|20)\\d\\d\\b',
    `\\b${MONTH} [0-3]?\\d(?:st|nd|rd|th)?\\b`,
    `\\b[0-3]?\\d(?:st|nd|rd|th)? ${MONTH},? (?:19|20)\\d\\d\\b`,
    '\\b(?:[Bb]y|[Ww]ritten by|[Pp]osted by|[Aa]uthor:?) [A-Z][a-z]+',
    '\\b(?:[Pp]ublished|[Uu]pdated|[Pp]osted) (?:on )?[A-Za-z0-9]',
    '\\b\\d+ ?(?:[Mm]in(?:ute)?s?|MIN) (?:[Rr]ead|READ)\\b',
  ].join('|'),
);

/** Text in document order right after an element (and its subtree), up to `limit` characters. */
function textAfter(el: Element, limit: number): string {
  let out = '';
  let node: Node | null = el;
  // Leave el's subtree, then walk forward.
  const next = (n: Node, enter: boolean): Node | null => {
    if (enter && n.firstChild) return n.firstChild;
    for (let c: Node | null = n; c; c = c.parentNode) if (c.nextSibling) return c.nextSibling;
    return null;
  };
  node = next(el, false);
  for (let steps = 0; node && out.length < limit && steps < 400; steps++) {
    if (node.nodeType === 3) out += ' ' + (node as Text).data.replace(/\s+/g, ' ');
    const skip = node.nodeType === 1 && /^(script|style|noscript|template|svg)$/i.test((node as Element).tagName);
    node = next(node, !skip);
  }
  return out.slice(0, limit);
}

/** A byline, date or reading time just after the headline or at the start of the body; or a few <time>s. */
function hasDateline(doc: Document, content: ContentSummary): boolean {
  const times = doc.querySelectorAll('time').length;
  if (times >= 1 && times <= 4) return true;
  const h1 = doc.querySelector('h1');
  const around = h1 ? textAfter(h1, 300) : '';
  return DATELINE.test(around) || DATELINE.test(content.text.slice(0, 200));
}

function hasShopControls(doc: Document): boolean {
  if (doc.querySelector('[itemprop="price"], [itemprop="offers"], meta[property="product:price:amount"], meta[property="og:price:amount"]'))
    return true;
  for (const el of Array.from(doc.querySelectorAll('button, input[type="submit"]')).slice(0, 200)) {
    const label = (el.textContent || el.getAttribute('value') || '').toLowerCase();
    if (/add to (cart|bag|basket)|buy now|in den warenkorb/.test(label)) return true;
  }
  return false;
}

function headingDensity(content: ContentSummary): number {
  let headings = 0;
  for (const c of content.containers) headings += c.querySelectorAll('h2, h3, h4, h5, h6').length;
  return content.text.length > 0 ? (headings * 1000) / content.text.length : 0;
}

function countLinkedHeadings(doc: Document): number {
  let n = 0;
  for (const h of Array.from(doc.querySelectorAll('h2, h3, h4')).slice(0, 400)) {
    const text = (h.textContent ?? '').trim().length;
    if (text === 0) continue;
    let linked = 0;
    for (const a of Array.from(h.querySelectorAll('a'))) linked += (a.textContent ?? '').trim().length;
    if (h.closest('a')) linked = text;
    if (linked / text > 0.8) n++;
  }
  return n;
}

/** Each term of the score, by name: the decision is their sum > 0. */
function explainArticleScore(f: ArticleFeatures): Record<string, number> {
  return {
    bias: -1,
    schemaArticle: f.schemaArticle ? 2 : 0,
    schemaOther: f.schemaOther ? -2 : 0,
    // Threads and Q&A carry bylines and dates like articles; their declared type settles it.
    schemaForum: f.schemaForum ? -2 : 0,
    ogArticle: f.ogArticle ? 1 : 0,
    ogOther: f.ogOther ? -0.5 : 0,
    published: f.published ? 1 : 0,
    author: f.author ? 0.5 : -0.5,
    dateline: f.dateline ? 0.5 : -0.5,
    readerable: f.readerable ? 0.5 : -1,
    // Long running text is the core of an article; a few hundred characters is not.
    text: f.textLength >= 3000 ? 1.5 : f.textLength >= 1500 ? 0.5 : f.textLength >= 600 ? -0.5 : -2,
    paragraphs: f.paragraphs >= 8 ? 0.5 : f.paragraphs >= 4 ? 0 : -1,
    paragraphShare: f.paragraphShare >= 0.8 ? 0.5 : f.paragraphShare >= 0.6 ? 0 : -1.5,
    linkDensity: f.linkDensity > 0.35 ? -1.5 : f.linkDensity > 0.2 ? -0.5 : 0,
    shop: f.shop ? -2 : 0,
    linkedHeadings: f.linkedHeadings >= 10 ? -1.5 : f.linkedHeadings >= 5 ? -0.5 : 0,
    times: f.times >= 6 ? -1 : 0,
    // Service and documentation pages are sections of a few lines under a heading each.
    headingDensity: f.headingDensity >= 4 ? -1 : f.headingDensity >= 3 ? -0.5 : 0,
    urlRoot: f.url.root ? -2.5 : 0,
    urlDated: f.url.dated ? 1.5 : 0,
    urlSlug: f.url.slugWords >= 5 ? 1 : f.url.slugWords >= 3 ? 0.5 : f.url.slugWords <= 1 ? -0.5 : 0,
    urlListing: f.url.listing ? -2 : 0,
    urlShop: f.url.shop ? -1.5 : 0,
    urlDocs: f.url.docs ? -1.5 : 0,
    urlForum: f.url.forum ? -2 : 0,
    urlArticle: f.url.articlePath ? 1 : 0,
  };
}

export function articleScore(f: ArticleFeatures): number {
  let sum = 0;
  for (const v of Object.values(explainArticleScore(f))) sum += v;
  return sum;
}
