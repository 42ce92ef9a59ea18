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
  ogArticle: boolean;
  /** og:type is set to something else than article (website, product, profile...). */
  ogOther: boolean;
  /** A publication date is declared (article:published_time, JSON-LD datePublished, itemprop). */
  published: boolean;
  /** An author is named (meta, JSON-LD, rel=author, itemprop=author, a byline element). */
  author: boolean;
  /** A date is shown near the headline or at the top of the body. */
  visibleDate: boolean;
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
  url: UrlShape;
}

const OTHER_SCHEMA_TYPES = new Set([
  'Product', 'ProductGroup', 'CollectionPage', 'SearchResultsPage', 'QAPage', 'DiscussionForumPosting', 'ProfilePage',
  'ItemList', 'OfferCatalog', 'SoftwareApplication', 'Course', 'Event', 'Store', 'FAQPage', 'Question',
]);

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
    ogArticle: ogType === 'article' || ogType.endsWith(':article'),
    ogOther: ogType !== '' && ogType !== 'article' && !ogType.endsWith(':article'),
    published:
      meta(tags, 'article:published_time', 'datepublished') !== undefined ||
      ld.some((n) => typeof n.raw.datePublished === 'string') ||
      doc.querySelector('[itemprop="datePublished"]') !== null,
    author: hasAuthor(doc, tags, ld),
    visibleDate: hasVisibleDate(doc, content),
    readerable: isProbablyReaderable(doc),
    textLength: content.text.length,
    paragraphs: content.paragraphs,
    paragraphShare: content.paragraphShare,
    linkDensity: content.linkDensity,
    shop: hasShopControls(doc),
    linkedHeadings: countLinkedHeadings(doc),
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

// Dates as pages print them: 2023-10-20, 10/20/2023, 20.10.2023, October 20, 2023, 20 Oct 2023, Oct. 20th 2023.
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE = new RegExp(
  `\\b(?:(?:19|20)\\d\\d-[01]\\d-[0-3]\\d|[0-3]?\\d[./][01]?\\d[./](?:19|20)\\d\\d|[01]?\\d/[0-3]?\\d/(?:19|20)\\d\\d|${MONTH} [0-3]?\\d(?:st|nd|rd|th)?,? (?:19|20)\\d\\d|[0-3]?\\d(?:st|nd|rd|th)? ${MONTH},? (?:19|20)\\d\\d)\\b`,
  'i',
);

/** A date in the headline's block, in a <time> near the body, or at the start of the body text. */
function hasVisibleDate(doc: Document, content: ContentSummary): boolean {
  const times = doc.querySelectorAll('time').length;
  if (times >= 1 && times <= 4) return true;
  const h1 = doc.querySelector('h1');
  const around = h1?.parentElement?.textContent?.slice(0, 1500) ?? '';
  return DATE.test(around) || DATE.test(content.text.slice(0, 400));
}

function hasShopControls(doc: Document): boolean {
  if (doc.querySelector('[itemprop="price"], [itemprop="offers"], meta[property="product:price:amount"], meta[property="og:price:amount"]')) return true;
  for (const el of Array.from(doc.querySelectorAll('button, input[type="submit"]')).slice(0, 200)) {
    const label = (el.textContent || el.getAttribute('value') || '').toLowerCase();
    if (/add to (cart|bag|basket)|buy now|in den warenkorb/.test(label)) return true;
  }
  return false;
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
export function explainArticleScore(f: ArticleFeatures): Record<string, number> {
  return {
    bias: -1,
    schemaArticle: f.schemaArticle ? 2 : 0,
    schemaOther: f.schemaOther ? -2 : 0,
    ogArticle: f.ogArticle ? 1 : 0,
    ogOther: f.ogOther ? -0.5 : 0,
    published: f.published ? 1 : 0,
    author: f.author ? 0.5 : -0.5,
    visibleDate: f.visibleDate ? 0.5 : -0.5,
    readerable: f.readerable ? 0.5 : -1,
    // Long running text is the core of an article; a few hundred characters is not.
    text: f.textLength >= 3000 ? 1.5 : f.textLength >= 1500 ? 0.5 : f.textLength >= 600 ? -0.5 : -2,
    paragraphs: f.paragraphs >= 8 ? 0.5 : f.paragraphs >= 4 ? 0 : -1,
    paragraphShare: f.paragraphShare >= 0.7 ? 0.5 : f.paragraphShare >= 0.5 ? 0 : -1,
    linkDensity: f.linkDensity > 0.35 ? -1.5 : f.linkDensity > 0.2 ? -0.5 : 0,
    shop: f.shop ? -2 : 0,
    linkedHeadings: f.linkedHeadings >= 10 ? -1.5 : f.linkedHeadings >= 5 ? -0.5 : 0,
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
