/**
 * Where Incident Lens runs by itself, and how a page's address is reduced to the two things the
 * extension keys on: the page (its URL without the fragment) and the site (its host without "www.").
 * Pure: no browser globals, so the manifest build, the worker and Node all read the same list.
 */

/**
 * Security news sites the content script is declared for in the manifest. Everything else is reached
 * on demand (the toolbar popup or the context menu, through activeTab) or through the optional
 * all-sites permission the options page can request.
 */
export const NEWS_SITES: readonly string[] = [
  'bleepingcomputer.com',
  'thehackernews.com',
  'krebsonsecurity.com',
  'securityweek.com',
  'darkreading.com',
  'therecord.media',
  'theregister.com',
  'arstechnica.com',
  'cyberscoop.com',
  'helpnetsecurity.com',
  'infosecurity-magazine.com',
  'securityaffairs.com',
  'schneier.com',
  'databreaches.net',
  'cisa.gov',
  'ncsc.gov.uk',
  'welivesecurity.com',
  'scmagazine.com',
  'csoonline.com',
  'techcrunch.com',
];

/**
 * The bundled demo is served from the loopback interface (`npm start`, the end-to-end tests). Match
 * patterns without a port match every port.
 */
export const DEMO_MATCHES: readonly string[] = ['http://localhost/*', 'http://127.0.0.1/*'];

/** Match patterns of the static content script: each news site and its subdomains, plus the demo. */
export const CONTENT_MATCHES: readonly string[] = [...NEWS_SITES.map((host) => `https://*.${host}/*`), ...DEMO_MATCHES];

/** The optional permission that lets the content script run on every site. */
export const ALL_SITES_ORIGINS: readonly string[] = ['*://*/*'];

/** True for http(s) URLs, the only pages the extension reads. */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** The page a URL names: the URL without its fragment (`#comments` is the same article). */
export function pageUrl(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}

/** The site a URL belongs to, as the user thinks of it: the host name without a leading "www.". */
export function siteOf(url: string): string {
  const host = new URL(url).hostname.toLowerCase();
  return host.startsWith('www.') ? host.slice(4) : host;
}

/** True when `site` is listed in `sites` itself or as a parent domain (`news.example.com` in `example.com`). */
export function siteListed(site: string, sites: readonly string[]): boolean {
  return sites.some((s) => site === s || site.endsWith(`.${s}`));
}

/** Tag name of the sidebar's shadow host: the only element Incident Lens adds to a page. */
export const SIDEBAR_HOST = 'incident-lens-sidebar';

/**
 * Set in the content scripts' world of a page just before an on-demand injection (popup or context
 * menu), read once by the content script's main(): show the sidebar even if the page is no article.
 */
export const FORCE_FLAG = '__incidentLensForced';
