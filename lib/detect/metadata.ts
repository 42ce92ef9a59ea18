/**
 * Article metadata from the page's own declarations: JSON-LD, Open Graph / article:* meta tags,
 * itemprop microdata, <time>, <h1> and <title>.
 */
import { ldText, type LdNode } from './jsonld';

export const ARTICLE_LD_TYPES = new Set([
  'Article', 'NewsArticle', 'BlogPosting', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle',
  'BackgroundNewsArticle', 'ReviewNewsArticle', 'TechArticle', 'Report', 'ScholarlyArticle', 'LiveBlogPosting',
  'SatiricalArticle', 'AdvertiserContentArticle', 'Blog', 'MedicalScholarlyArticle',
]);

export interface Metadata {
  title?: string;
  byline?: string;
  published?: string;
  site?: string;
  lang?: string;
}

/** The page's <meta> tags by property, name or itemprop (lower case), first one of each wins. */
export type MetaTags = Map<string, string>;

export function readMeta(doc: Document): MetaTags {
  const tags: MetaTags = new Map();
  for (const el of Array.from(doc.querySelectorAll('meta[content]'))) {
    const content = el.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.getAttribute(attr)?.toLowerCase();
      if (key && !tags.has(key)) tags.set(key, content);
    }
  }
  return tags;
}

export function meta(tags: MetaTags, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const content = tags.get(key.toLowerCase());
    if (content) return content;
  }
  return undefined;
}

/**
 * Whitespace collapsed, ends trimmed, and character references decoded: meta tags and JSON-LD are
 * often escaped twice ("O&#039;Donnell").
 */
export function clean(s: string | null | undefined): string {
  return (s ?? '').replace(ENTITY, decodeEntity).replace(/\s+/g, ' ').trim();
}

const ENTITY = /&(#\d{1,7}|#x[0-9a-f]{1,6}|amp|quot|apos|lt|gt|nbsp);/gi;
const NAMED: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ' };

function decodeEntity(whole: string, body: string): string {
  if (body[0] !== '#') return NAMED[body.toLowerCase()] ?? whole;
  const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
}

/** A comparison key: lower case, quotes and dashes unified, punctuation at the ends dropped. */
export function titleKey(s: string): string {
  return clean(s)
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032`´]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033«»]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/^[\s"'.:!?-]+|[\s"'.:!?-]+$/g, '');
}

export function articleLd(ld: LdNode[]): LdNode | undefined {
  return ld.find((n) => n.types.some((t) => ARTICLE_LD_TYPES.has(t)));
}

export function readMetadata(doc: Document, tags: MetaTags, url: string, ld: LdNode[], h1: string | undefined): Metadata {
  const art = articleLd(ld);
  const site = siteName(tags, url, ld, art);
  return {
    title: pickTitle(doc, tags, art, site, h1),
    byline: byline(doc, tags, art),
    published: published(doc, tags, art),
    site,
    lang: clean(doc.documentElement?.getAttribute('lang')) || meta(tags, 'og:locale', 'language') || undefined,
  };
}

function siteName(tags: MetaTags, url: string, ld: LdNode[], art: LdNode | undefined): string | undefined {
  const fromMeta = meta(tags, 'og:site_name', 'application-name', 'apple-mobile-web-app-title');
  if (fromMeta) return clean(fromMeta);
  const publisher = art ? ldText(art.raw.publisher) : undefined;
  if (publisher) return clean(publisher);
  const website = ld.find((n) => n.types.includes('WebSite'));
  const fromSite = website ? ldText(website.raw.name) : undefined;
  if (fromSite) return clean(fromSite);
  try {
    const host = new URL(url).hostname.replace(/^www\./, '');
    return host || undefined;
  } catch {
    return undefined;
  }
}

function byline(doc: Document, tags: MetaTags, art: LdNode | undefined): string | undefined {
  const fromLd = art ? ldText(art.raw.author) : undefined;
  if (fromLd) return clean(fromLd);
  const fromMeta = meta(tags, 'author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator');
  if (fromMeta && !/^https?:/.test(fromMeta)) return clean(fromMeta);
  // Most specific first: a byline box often holds the date and "By" too.
  for (const selector of ['[itemprop="author"] [itemprop="name"]', '[rel="author"]', '[itemprop="author"]', '.author-name', '.byline']) {
    const text = clean(doc.querySelector(selector)?.textContent).replace(/^by\s+/i, '');
    if (text && text.length < 100) return text;
  }
  return undefined;
}

function published(doc: Document, tags: MetaTags, art: LdNode | undefined): string | undefined {
  const candidates = [
    art ? ldText(art.raw.datePublished) : undefined,
    meta(tags, 'article:published_time', 'datePublished', 'pubdate', 'publishdate', 'date', 'dc.date', 'DC.date.issued', 'sailthru.date', 'parsely-pub-date'),
    doc.querySelector('[itemprop="datePublished"]')?.getAttribute('datetime') ?? undefined,
    doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined,
  ];
  for (const c of candidates) {
    const iso = toIso(c);
    if (iso) return iso;
  }
  return undefined;
}

/** ISO 8601 as given when it already is one (keeps the page's offset); otherwise what Date makes of it. */
export function toIso(value: string | undefined): string | undefined {
  const v = clean(value);
  if (!v) return undefined;
  if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(v)) return v.replace(' ', 'T');
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

const SEPARATORS = /\s+[|\-–—:·•»~/]\s+|\s+::\s+/;

/**
 * The headline without the site-name suffix or prefix. Candidates are the visible h1, og:title /
 * twitter:title, the JSON-LD headline and <title>; the h1 wins when another source agrees with it
 * (so it is the page's headline, not a logo or a section name), otherwise the declared headlines
 * win over <title>, which is cut at a separator when one side is the site name.
 */
function pickTitle(doc: Document, tags: MetaTags, art: LdNode | undefined, site: string | undefined, h1: string | undefined): string | undefined {
  const declared = [meta(tags, 'og:title', 'twitter:title'), art ? ldText(art.raw.headline) ?? ldText(art.raw.name) : undefined]
    .map((s) => (s ? stripSite(clean(s), site) : ''))
    .filter((s) => s.length > 0);
  const docTitle = stripSite(clean(doc.querySelector('title')?.textContent), site);
  const heading = clean(h1);
  if (heading) {
    const k = titleKey(heading);
    const agrees = (s: string) => {
      const o = titleKey(s);
      return o === k || (k.length >= 15 && (o.startsWith(k) || k.startsWith(o)) && Math.min(o.length, k.length) / Math.max(o.length, k.length) > 0.6);
    };
    if ([...declared, docTitle].some(agrees)) return heading;
  }
  if (declared.length > 0) return declared[0];
  if (docTitle) return docTitle;
  return heading || undefined;
}

/** Cuts "Headline | Site" / "Site - Headline" at a separator when one side names the site or is short. */
export function stripSite(title: string, site: string | undefined): string {
  const parts = title.split(SEPARATORS);
  if (parts.length < 2) return title;
  const siteKey = site ? titleKey(site).replace(/^www\./, '') : '';
  const isSite = (p: string) => {
    const k = titleKey(p);
    return siteKey !== '' && (k === siteKey || k.replace(/\s+/g, '') === siteKey.replace(/\s+/g, '') || siteKey.startsWith(k + '.') || k.startsWith(siteKey));
  };
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (isSite(last)) return title.slice(0, title.lastIndexOf(last)).replace(SEPARATOR_END, '');
  if (isSite(first)) return title.slice(first.length).replace(SEPARATOR_START, '');
  // No site name to recognise: drop a short last part ("... | Acme") when the rest is a real headline.
  const rest = title.slice(0, title.lastIndexOf(last)).replace(SEPARATOR_END, '');
  if (words(last) <= 3 && words(rest) >= 4) return rest;
  return title;
}

const SEPARATOR_END = /\s*(?:[|\-–—:·•»~/]|::)\s*$/;
const SEPARATOR_START = /^\s*(?:[|\-–—:·•»~/]|::)\s*/;

function words(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}
