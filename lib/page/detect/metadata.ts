/**
 * Article metadata from the page's own declarations: JSON-LD, Open Graph / article:* meta tags,
 * itemprop microdata, <time>, <h1> and <title>.
 */
import { ldText, type LdNode } from './jsonld';
import { visibleDate } from './visible-date';

export const ARTICLE_LD_TYPES = new Set([
  'Article',
  'NewsArticle',
  'BlogPosting',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'BackgroundNewsArticle',
  'ReviewNewsArticle',
  'TechArticle',
  'Report',
  'ScholarlyArticle',
  'LiveBlogPosting',
  'SatiricalArticle',
  'AdvertiserContentArticle',
  'Blog',
  'MedicalScholarlyArticle',
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

/** A comparison key: NFKC, lower case, quotes and dashes unified, punctuation at the ends dropped. */
export function titleKey(s: string): string {
  return clean(s)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032`´]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033«»]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/^[\s"'.:!?-]+|[\s"'.:!?-]+$/g, '');
}

function articleLd(ld: LdNode[]): LdNode | undefined {
  return ld.find((n) => n.types.some((t) => ARTICLE_LD_TYPES.has(t)));
}

export function readMetadata(doc: Document, tags: MetaTags, url: string, ld: LdNode[], headings: Headings): Metadata {
  const art = articleLd(ld);
  const site = siteName(tags, url, ld, art);
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    host = '';
  }
  const title = pickTitle(doc, tags, art, site, host, headings);
  const declared = published(doc, tags, art);
  return {
    title,
    byline: byline(doc, tags, art),
    published: publishedOrShown(declared, needsShownDate(declared) ? visibleDate(doc, headlineElement(doc, title)) : undefined),
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
    meta(
      tags,
      'article:published_time',
      'datePublished',
      'pubdate',
      'publishdate',
      'date',
      'dc.date',
      'DC.date.issued',
      'sailthru.date',
      'parsely-pub-date',
    ),
    doc.querySelector('[itemprop="datePublished"]')?.getAttribute('datetime') ?? undefined,
    doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined,
  ];
  for (const c of candidates) {
    const iso = toIso(c);
    if (iso) return iso;
  }
  return undefined;
}

/**
 * The declared date, unless the page shows none or shows the day before or after it (a time declared
 * in UTC that falls on another day than the publisher's): then the day the reader sees.
 */
function publishedOrShown(declared: string | undefined, shown: string | undefined): string | undefined {
  if (!declared || !shown) return declared ?? shown;
  const day = declared.slice(0, 10);
  if (day === shown || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return declared;
  const apart = Math.abs(Date.parse(`${day}T00:00:00Z`) - Date.parse(`${shown}T00:00:00Z`)) / 86_400_000;
  return apart <= 1 ? shown : declared;
}

/**
 * Whether to look for the date the page shows: when none is declared, or when the declared one is a
 * UTC time (which may fall on another day than the publisher's). A time with the publisher's own
 * offset, or a bare day, already is the day the page shows.
 */
function needsShownDate(declared: string | undefined): boolean {
  return declared === undefined || /T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]00:?00)$/.test(declared);
}

/** The heading element that shows the page's headline, if one does. */
function headlineElement(doc: Document, title: string | undefined): Element | undefined {
  if (!title) return undefined;
  const key = titleKey(title);
  const headings = Array.from(doc.querySelectorAll('h1, h2, h3')).slice(0, 60);
  return headings.find((h) => titleKey(h.textContent ?? '') === key) ?? headings.find((h) => h.localName === 'h1');
}

/** ISO 8601 as given when it already is one (keeps the page's offset); otherwise what Date makes of it. */
export function toIso(value: string | undefined): string | undefined {
  const v = clean(value);
  if (!v) return undefined;
  if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(v)) return v.replace(' ', 'T');
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

const SEPARATORS = /\s+[|\-–—:·•»~/]\s+|\s+(?:::|--)\s+/;

/** The page's h1 headings: the one in or just before the body first, then the others in page order. */
export interface Headings {
  inBody?: string;
  all: string[];
}

/**
 * The headline without the site-name suffix or prefix. Candidates are the visible h1, og:title /
 * twitter:title, the JSON-LD headline and <title>. The visible h1 is what a reader takes for the
 * title, so it wins when another source agrees with it, or when it is the body's own h1 (or the only
 * one) and reads like a headline rather than a section name; otherwise the declared headlines win over
 * <title>, which is cut at a separator when one side is the site name.
 */
function pickTitle(
  doc: Document,
  tags: MetaTags,
  art: LdNode | undefined,
  site: string | undefined,
  host: string,
  headings: Headings,
): string | undefined {
  const declared = [meta(tags, 'og:title', 'twitter:title'), art ? (ldText(art.raw.headline) ?? ldText(art.raw.name)) : undefined]
    .map((s) => (s ? stripSite(clean(s), site, host) : ''))
    .filter((s) => s.length > 0);
  const docTitle = stripSite(clean(doc.querySelector('title')?.textContent), site, host);
  const siteKey = site ? titleKey(site) : '';
  const h1s = [headings.inBody, ...headings.all]
    .map((h) => clean(h))
    .filter((h) => h.length >= 3 && h.length <= 300 && titleKey(h) !== siteKey);
  const others = [...declared, docTitle].filter((s) => s.length > 0);
  for (const h of h1s) {
    const k = titleKey(h);
    const agrees = (s: string) => {
      const o = titleKey(s);
      if (o === k || lettersOf(s) === lettersOf(h)) return true;
      // "Wedding Planning Tools" shown, "Wedding Planning Tools – Caterer Comparison Spreadsheet" declared.
      if (k.length >= 10 && o.startsWith(k) && SPACED_SEPARATOR_START.test(o.slice(k.length))) return true;
      return k.length >= 15 && (o.startsWith(k) || k.startsWith(o)) && Math.min(o.length, k.length) / Math.max(o.length, k.length) > 0.6;
    };
    const match = others.find(agrees);
    if (match === undefined) continue;
    // The same words, but the h1's text lost the punctuation between its inline parts
    // ("Enable Macros" + "A New Threat Actor …"): the declared title is how it reads.
    if (match !== h && lettersOf(match) === lettersOf(h) && match.length > h.length) return match;
    return h;
  }
  const own = headings.inBody ? clean(headings.inBody) : headings.all.length === 1 ? clean(headings.all[0]) : '';
  if (own && headlineWords(own) >= 3 && titleKey(own) !== siteKey) return own;
  if (declared.length > 0) return declared[0];
  if (docTitle) return docTitle;
  return h1s[0];
}

/**
 * Cuts "Headline | Site" / "Site - Headline" at a separator when one side names the site (its name,
 * or the words of its host name) or, with no site to recognise, is a short tail.
 */
export function stripSite(title: string, site: string | undefined, host = ''): string {
  const parts = title.split(SEPARATORS);
  if (parts.length < 2) return title;
  const siteKey = site ? titleKey(site).replace(/^www\./, '') : '';
  const hostLabel = hostName(host);
  const isSite = (p: string) => {
    const k = titleKey(p);
    if (k === '') return false;
    if (
      siteKey !== '' &&
      (k === siteKey || k.replace(/\s+/g, '') === siteKey.replace(/\s+/g, '') || siteKey.startsWith(k + '.') || k.startsWith(siteKey))
    )
      return true;
    if (hostLabel.length < 4) return false;
    const letters = k.replace(/[^a-z0-9]/g, '');
    if (letters === hostLabel || k.includes(hostLabel + '.') || (letters.length >= 4 && hostLabel.includes(letters))) return true;
    // "The Partnership for Student Success" on partnershipstudentsuccess.org.
    const ws = k.split(/[^a-z0-9]+/).filter((w) => w.length >= 3);
    return ws.length > 0 && ws.length <= 6 && ws.filter((w) => hostLabel.includes(w)).length / ws.length >= 0.6;
  };
  const first = parts[0];
  const last = parts[parts.length - 1];
  // "Site | Section - Headline": cut again what is left.
  if (isSite(last)) return stripSite(title.slice(0, title.lastIndexOf(last)).replace(SEPARATOR_END, ''), site, host);
  if (isSite(first)) return stripSite(title.slice(first.length).replace(SEPARATOR_START, ''), site, host);
  // No site name to recognise: drop a short last part ("... | Acme") when the rest is a real headline.
  const rest = title.slice(0, title.lastIndexOf(last)).replace(SEPARATOR_END, '');
  if (words(last) <= 3 && words(rest) >= 4) return rest;
  return title;
}

/** The distinctive label of a host name: "partnershipstudentsuccess" for www.partnershipstudentsuccess.org. */
function hostName(host: string): string {
  const labels = host
    .toLowerCase()
    .replace(/^www\d?\./, '')
    .split('.');
  if (labels.length < 2) return labels[0] ?? '';
  // Skip second-level labels of country suffixes: example.co.uk → example.
  const second = labels[labels.length - 2];
  return labels.length >= 3 && /^(co|com|org|net|ac|gov|edu)$/.test(second) ? labels[labels.length - 3] : second;
}

const SEPARATOR_END = /\s*(?:[|\-–—:·•»~/]|::|--)\s*$/;
const SEPARATOR_START = /^\s*(?:[|\-–—:·•»~/]|::|--)\s*/;
const SPACED_SEPARATOR_START = /^\s+(?:[|\-–—:·•»~/]|::|--)\s/;

function lettersOf(s: string): string {
  return titleKey(s).replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Words of a headline, not counting codes: "ICS Alert (IR-ALERT-H-16-056-01)" and "Alert (AA20-258A)"
 * label a page; the headline is elsewhere (the <title>, a subtitle).
 */
function headlineWords(s: string): number {
  return s.split(/\s+/).filter((w) => w !== '' && !/\d/.test(w)).length;
}

function words(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}
