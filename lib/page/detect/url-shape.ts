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

// Path segments by what they say, as sets (a page pays for this on every load: set lookups, no
// regular expressions to compile in a content script that starts cold).
const words = (list: string) => new Set(list.split(' '));
const LISTING = words(
  'tag tags category categories topic topics section sections archive archives author authors search label page latest all',
);
const SHOP = words('product products shop store collection collections cart checkout dp gp catalog catalogue buy item itm sku');
const DOCS = words(
  'doc docs documentation reference api manual handbook man manpages man-pages kb knowledgebase knowledge-base wiki sdk tutorial tutorials',
);
const FORUM = words(
  'forum forums thread threads t topic topics questions discussion discussions viewtopic showthread comments community board boards r',
);
const ARTICLE = words(
  'blog blogs news article articles post posts stories story insights magazine editorial feature features opinion analysis press press-release press-releases research advice',
);
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
  const root =
    segments.length === 0 || (segments.length === 1 && /^(index|home|default)(\.\w+)?$|^[a-z]{2}(-[a-z]{2})?$/.test(segments[0]));
  const query = parsed.searchParams;
  const search = ['q', 's', 'query', 'search', 'keyword', 'keywords'].some((k) => query.has(k));
  const pageN = /\/page\/\d+\/?$/.test(path) || (/^\d+$/.test(query.get('page') ?? '') && Number(query.get('page')) > 1);
  return {
    root,
    dated: /\/(19|20)\d{2}\/(0?[1-9]|1[0-2])(\/|$)/.test(path) || /(^|[/_-])(19|20)\d{2}-[01]\d-[0-3]\d([/_-]|$)/.test(path),
    slugWords: last.split(/[-_+]+|%20/).filter((w) => /[a-z]/.test(w)).length,
    listing: search || pageN || segments.some((s) => LISTING.has(s)),
    shop: segments.some((s) => SHOP.has(s)),
    docs: DOCS_HOST.test(host) || segments.some((s) => DOCS.has(s)),
    forum: FORUM_HOST.test(host) || segments.some((s) => FORUM.has(s)),
    articlePath: segments.slice(0, -1).some((s) => ARTICLE.has(s)) || /^(blog|news)\./.test(host),
  };
}
