/**
 * The features the article decision is made from, and the decision itself: a small linear score whose
 * every term can be printed and read (explainArticleScore). Weights were set by hand from how often
 * each feature occurs on article and non-article pages (the even-numbered half of the WCXB development
 * set), rounded, and checked on the odd half; no rule names a site.
 */
import { isProbablyReaderable } from '@mozilla/readability';
import type { LdNode } from './jsonld';
import { ARTICLE_LD_TYPES, meta } from './metadata';
import type { UrlShape } from './url-shape';

export interface ArticleFeatures {
  ldArticle: boolean;
  /** JSON-LD declares a page kind that is not an article: product, collection, search results, Q&A, forum. */
  ldOther: boolean;
  ogArticle: boolean;
  /** og:type is set to something else than article (website, product, profile...). */
  ogOther: boolean;
  /** A publication date is declared (article:published_time, JSON-LD datePublished, itemprop). */
  published: boolean;
  readerable: boolean;
  /** Characters of main text. */
  textLength: number;
  /** Blocks of at least 80 characters in the main text. */
  paragraphs: number;
  /** Share of the main container's text that is link text. */
  linkDensity: number;
  /** Shop controls: "add to cart/bag/basket", a price in microdata. */
  shop: boolean;
  /** Headings that are mostly a link (cards of a listing), in the whole page. */
  linkedHeadings: number;
  url: UrlShape;
}

const OTHER_LD_TYPES = new Set([
  'Product', 'ProductGroup', 'CollectionPage', 'SearchResultsPage', 'QAPage', 'DiscussionForumPosting', 'ProfilePage',
  'ItemList', 'OfferCatalog', 'SoftwareApplication', 'Course', 'Event', 'Store', 'FAQPage',
]);

export function pageFeatures(
  doc: Document,
  ld: LdNode[],
  url: UrlShape,
  content: { textLength: number; paragraphs: number; linkDensity: number },
): ArticleFeatures {
  const ogType = (meta(doc, 'og:type') ?? '').toLowerCase();
  return {
    ldArticle: ld.some((n) => n.types.some((t) => ARTICLE_LD_TYPES.has(t))),
    ldOther: ld.some((n) => n.types.some((t) => OTHER_LD_TYPES.has(t))),
    ogArticle: ogType === 'article' || ogType.endsWith(':article'),
    ogOther: ogType !== '' && ogType !== 'article' && !ogType.endsWith(':article'),
    published:
      meta(doc, 'article:published_time') !== undefined ||
      ld.some((n) => typeof n.raw.datePublished === 'string') ||
      doc.querySelector('[itemprop="datePublished"]') !== null,
    readerable: isProbablyReaderable(doc),
    textLength: content.textLength,
    paragraphs: content.paragraphs,
    linkDensity: content.linkDensity,
    shop: hasShopControls(doc),
    linkedHeadings: countLinkedHeadings(doc),
    url,
  };
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
  const terms: Record<string, number> = {
    bias: -1,
    ldArticle: f.ldArticle ? 2 : 0,
    ldOther: f.ldOther ? -2 : 0,
    ogArticle: f.ogArticle ? 1 : 0,
    ogOther: f.ogOther ? -0.5 : 0,
    published: f.published ? 1 : 0,
    readerable: f.readerable ? 0.5 : -1,
    // Long running text is the core of an article; a few hundred characters is not.
    text: f.textLength >= 3000 ? 1.5 : f.textLength >= 1500 ? 0.5 : f.textLength >= 600 ? -0.5 : -2,
    paragraphs: f.paragraphs >= 8 ? 1 : f.paragraphs >= 4 ? 0.5 : -0.5,
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
  return terms;
}

export function articleScore(f: ArticleFeatures): number {
  let sum = 0;
  for (const v of Object.values(explainArticleScore(f))) sum += v;
  return sum;
}
