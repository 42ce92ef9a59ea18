/**
 * What a URL's shape says about the page behind it. Pure predicates on the URL, each with positive and
 * negative examples in tests/unit/detect-url.test.ts.
 */

export interface UrlShape {
  /** "/" or an index page: a front page. */
  root: boolean;
  /** A date in the path: /2023/10/20/, /2023/10/, 2023-10-20. */
  dated: boolean;
  /** Words in the last path segment's slug ("war-crimes-tribunal-says" → 4). */
  slugWords: number;
  /** Tag, category, archive, author, search, page-N paths and search queries. */
  listing: boolean;
  /** Shop paths: /product/, /products/, /shop/, /collections/, /cart, /dp/. */
  shop: boolean;
  /** Documentation: /docs/, /reference/, /api/, /manual/, docs.* and developer.* hosts. */
  docs: boolean;
  /** Forums and Q&A: /forum/, /threads/, /t/, /topic/, /questions/, community.* hosts. */
  forum: boolean;
  /** Paths that publishers put articles under: /blog/, /news/, /article/, /post/, /stories/. */
  articlePath: boolean;
}

const LISTING = /^(tags?|category|categories|topics?|section|sections|archives?|author|authors|search|label|page|latest|all)$/;
const SHOP = /^(products?|shop|store|collections?|cart|checkout|dp|gp|catalog|catalogue|buy|item|itm|sku)$/;
const DOCS = /^(docs?|documentation|reference|api|manual|handbook|man|man-?pages|kb|knowledge-?base|wiki|sdk|tutorials?)$/;
const FORUM = /^(forums?|threads?|t|topic|topics|questions|discussions?|viewtopic|showthread|comments|community|board|boards|r)$/;
const ARTICLE = /^(blogs?|news|articles?|posts?|stories|story|insights|magazine|editorial|features?|opinion|analysis|press|press-releases?|research|advice)$/;
const DOCS_HOST = /^(docs?|developer|developers|devdocs|manual|wiki|api|reference|learn|support|help)\./;
const FORUM_HOST = /^(community|forum|forums|discuss|discussion|bbs|answers)\./;

export function urlShape(url: string): UrlShape {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  // about:blank, file: and the like say nothing about the page.
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    return { root: false, dated: false, slugWords: 0, listing: false, shop: false, docs: false, forum: false, articlePath: false };
  }
  const path = parsed.pathname.toLowerCase();
  const segments = path.split('/').filter((s) => s !== '');
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const last = (segments[segments.length - 1] ?? '').replace(/\.(html?|php|aspx?|jsp|shtml)$/, '');
  const root = segments.length === 0 || (segments.length === 1 && /^(index|home|default)(\.\w+)?$|^[a-z]{2}(-[a-z]{2})?$/.test(segments[0]));
  const query = parsed.searchParams;
  const search = ['q', 's', 'query', 'search', 'keyword', 'keywords'].some((k) => query.has(k));
  const pageN = /\/page\/\d+\/?$/.test(path) || (/^\d+$/.test(query.get('page') ?? '') && Number(query.get('page')) > 1);
  return {
    root,
    dated: /\/(19|20)\d{2}\/(0?[1-9]|1[0-2])(\/|$)/.test(path) || /(^|[/_-])(19|20)\d{2}-[01]\d-[0-3]\d([/_-]|$)/.test(path),
    slugWords: last.split(/[-_+]+|%20/).filter((w) => /[a-z]/.test(w)).length,
    listing: search || pageN || segments.slice(0, -1).some((s) => LISTING.test(s)) || (segments.length > 0 && LISTING.test(segments[segments.length - 1])),
    shop: segments.some((s) => SHOP.test(s)),
    docs: DOCS_HOST.test(host) || segments.some((s) => DOCS.test(s)),
    forum: FORUM_HOST.test(host) || segments.some((s) => FORUM.test(s)),
    articlePath: segments.slice(0, -1).some((s) => ARTICLE.test(s)) || /^(blog|news)\./.test(host),
  };
}
