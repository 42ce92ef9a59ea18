/**
 * The publication date a reader sees beside the headline or byline ("February 13, 2014",
 * "Posted: 27 Mar, 2019", "Monday, September 18, 2017", "Original release date: September 14, 2020"),
 * for pages whose metadata lacks one, or dates it in UTC on the day before or after the one shown.
 *
 * Where it looks: `<time>` elements, `itemprop="datePublished"` (its datetime, content or title
 * attribute, else its text), and short elements whose class or id names a date, a post's meta line or
 * a byline (`post-date`, `meta__date`, `date-header`, `entry-date`, `byline`, `submitted`). Not inside
 * comments, related-story lists, sidebars, footers or navigation, and not a date labelled as an update.
 * Of those, the first after the headline wins (a masthead may show today's date above it); else a
 * short line of text right below the headline that holds a date (`dateAfterHeadline`); else the first
 * candidate before the headline. Only a full date (day, month and year) counts.
 */
import { findDates } from '../../shared/dates';

/** Class or id words of a date's place (tested on the attributes as written, so "Date" too). */
const DATE_PLACE = /date|posted|publish|byline|meta|submitted|time/i;
const HEADINGS = new Set(['h1', 'h2', 'h3']);

/** A `<time>`, an itemprop=datePublished, or an element whose class or id names a date's place. */
function isCandidate(el: Element): boolean {
  return el.localName === 'time' || el.getAttribute('itemprop') === 'datePublished' || DATE_PLACE.test(classAndId(el));
}

/** Containers whose dates belong to something else than the story. */
const ELSEWHERE = /comment|related|sidebar|recent|popular|latest|trending|footer|archive|widget-area|more-stories|reply/i;
const ELSEWHERE_TAGS = new Set(['aside', 'nav', 'footer']);
/** A date labelled as a change rather than the publication. */
const NOT_PUBLISHED = /updat|modif|revis|edited/i;
const MAX_TEXT = 200;
const MAX_CANDIDATES = 3000;

function classAndId(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
}

function elsewhere(el: Element, seen: Map<Element, boolean>): boolean {
  const path: Element[] = [];
  let found = false;
  for (let e: Element | null = el, depth = 0; e && depth < 12; e = e.parentElement, depth++) {
    const known = seen.get(e);
    if (known !== undefined) {
      found = known;
      break;
    }
    path.push(e);
    if (ELSEWHERE_TAGS.has(e.localName) || ELSEWHERE.test(classAndId(e))) {
      found = true;
      break;
    }
  }
  for (const e of path) seen.set(e, found);
  return found;
}

/** The element's text if it is short (at most `max` characters), else undefined: read without building a long string. */
function shortText(el: Element, max: number): string | undefined {
  const parts: string[] = [];
  let n = 0;
  const read = (node: Node): boolean => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const v = c.nodeValue ?? '';
        n += v.length;
        if (n > max) return false;
        parts.push(v);
      } else if (c.nodeType === 1 && !read(c)) return false;
    }
    return true;
  };
  return read(el) ? parts.join('') : undefined;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/** The first full date (yyyy-mm-dd) written in `s`: ISO, "Month D, YYYY", "D Month YYYY", "MM/DD/YYYY", "MM-DD-YYYY". */
export function readVisibleDate(s: string): string | undefined {
  const text = s.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
  const iso = ISO_DAY.exec(text);
  if (iso && validDay(+iso[1], +iso[2], +iso[3])) return iso[0];
  let best: { at: number; day: string } | undefined;
  for (const d of findDates(text)) {
    if (d.iso && /^\d{4}-\d{2}-\d{2}$/.test(d.iso)) {
      best = { at: d.start, day: d.iso };
      break;
    }
  }
  // US numeric dates, month first (09-06-2016, 6/9/2016): English-language news sites write them so.
  const us = /(?<![\d/.-])(\d{1,2})[/-](\d{1,2})[/-]((?:19|20)\d\d)(?![\d/.-])/.exec(text);
  if (us && (!best || us.index < best.at) && validDay(+us[3], +us[1], +us[2])) {
    best = { at: us.index, day: `${us[3]}-${us[1].padStart(2, '0')}-${us[2].padStart(2, '0')}` };
  }
  return best && validDay(+best.day.slice(0, 4), +best.day.slice(5, 7), +best.day.slice(8, 10)) ? best.day : undefined;
}

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1990 || y > 2100) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1;
}

function dateOf(el: Element): string | undefined {
  if (el.getAttribute('itemprop') === 'datePublished') {
    for (const attr of ['datetime', 'content', 'title']) {
      const v = el.getAttribute(attr);
      const day = v ? readVisibleDate(v) : undefined;
      if (day) return day;
    }
  }
  const text = shortText(el, MAX_TEXT * 2);
  if (text === undefined) return undefined;
  // "Original release date: May 1, 2020 | Last revised: …": the part before an update label.
  const cut = text.search(NOT_PUBLISHED);
  return readVisibleDate(cut > 0 ? text.slice(0, cut) : cut === 0 ? '' : text);
}

/**
 * The date shown near the headline (see the module comment), as yyyy-mm-dd. `headline` is the
 * element holding the page's headline, when known.
 */
export function visibleDate(doc: Document, headline?: Element): string | undefined {
  // The headline's neighbourhood first (its box a few levels up), where the byline sits; the whole
  // page when that holds no date. From the document, not doc.body: a page with a stray second <body>
  // (or none) is still read whole. One pass over the elements with one test each (a selector list of
  // substring matches costs several passes in a DOM written in JavaScript), headings kept in the list
  // so that "after the headline" is a place in it.
  const seen = new Map<Element, boolean>();
  if (headline) {
    let box: Element = headline;
    for (let i = 0; i < NEAR_LEVELS && box.parentElement && box.parentElement.localName !== 'body'; i++) box = box.parentElement;
    const near = datesIn(Array.from(box.querySelectorAll('*')), headline, seen, false);
    if (near) return near;
  }
  return datesIn(Array.from(doc.querySelectorAll('*')), headline, seen, true);
}

const NEAR_LEVELS = 4;

/**
 * The first date after the headline among `elements` (document order); with `whole`, then a short
 * line under the headline, then the first date above it.
 */
function datesIn(elements: Element[], headline: Element | undefined, seen: Map<Element, boolean>, whole: boolean): string | undefined {
  const found: Element[] = [];
  for (const el of elements) {
    if (HEADINGS.has(el.localName) || isCandidate(el)) found.push(el);
    if (found.length >= MAX_CANDIDATES) break;
  }
  const at = headline ? found.indexOf(headline) : -1;
  const dateAt = (el: Element): string | undefined => {
    if (HEADINGS.has(el.localName) && !isCandidate(el)) return undefined; // a heading, not a date's place
    if (el.closest('head') || NOT_PUBLISHED.test(classAndId(el)) || elsewhere(el, seen)) return undefined;
    return dateOf(el);
  };
  // After the headline first (inside it counts as after); what is above it only when nothing below is.
  for (let i = at + 1; i < found.length; i++) {
    const day = dateAt(found[i]);
    if (day) return day;
  }
  if (!whole) return undefined;
  const below = headline ? dateAfterHeadline(headline) : undefined;
  if (below) return below;
  for (let i = 0; i < at; i++) {
    const day = dateAt(found[i]);
    if (day) return day;
  }
  return undefined;
}

const SKIP_TEXT_IN = new Set(['script', 'style', 'noscript', 'template']);
const MAX_WALK_NODES = 40;
const MAX_WALK_CHARS = 1200;
const MAX_DATE_LINE = 90;

/** The node after `n` in document order, its subtree skipped. */
function nextOutside(n: Node): Node | null {
  for (let e: Node | null = n; e; e = e.parentNode) if (e.nextSibling) return e.nextSibling;
  return null;
}
function nextInOrder(n: Node): Node | null {
  return n.firstChild ?? nextOutside(n);
}

/**
 * A short line right below the headline that is or holds a full date ("December 15, 2025",
 * "by Matt Miller on Dec 16, 2025 at 11:00 AM"), on pages that mark it with no class at all: the
 * first few text nodes after the headline, up to the first long one (the story has begun).
 */
function dateAfterHeadline(headline: Element): string | undefined {
  let chars = 0;
  let nodes = 0;
  for (let n = nextOutside(headline); n && nodes < MAX_WALK_NODES && chars < MAX_WALK_CHARS;) {
    if (n.nodeType === 1 && SKIP_TEXT_IN.has((n as Element).localName)) {
      n = nextOutside(n);
      continue;
    }
    if (n.nodeType === 3) {
      const text = (n.nodeValue ?? '').trim();
      if (text.length > 0) {
        nodes++;
        chars += text.length;
        if (text.length > MAX_DATE_LINE * 2) return undefined;
        if (text.length <= MAX_DATE_LINE && !NOT_PUBLISHED.test(text)) {
          const day = readVisibleDate(text);
          if (day) return day;
        }
      }
    }
    n = nextInOrder(n);
  }
  return undefined;
}
