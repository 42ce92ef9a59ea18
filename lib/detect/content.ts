/**
 * Finds the main content of a page and reads its text with a map back to the page's Text nodes.
 *
 * It works on the live document without changing it (no Readability clone: cloning and parsing a
 * whole page costs ~50 ms in linkedom). One bottom-up pass measures every element (text length, text
 * inside links, commas, paragraphs); paragraphs give points to their parent and grandparents as in
 * Readability's scoring; the best-scoring container, plus siblings that score nearly as well, holds the
 * body. Its text is then walked, skipping boilerplate subtrees (navigation, share bars, promos, author
 * bios, comments, related-post teasers, forms) and link-dense blocks.
 */
import type { TextSegment } from './index';

export interface Stats {
  /** Characters of text (whitespace runs counted once). */
  text: number;
  /** Characters of text inside <a>. */
  link: number;
  commas: number;
  /** Paragraph-like descendants with at least 80 characters. */
  paragraphs: number;
  hasBlockChild: boolean;
  /** In a boilerplate subtree or hidden. */
  skipped: boolean;
}

export interface ContentResult {
  containers: Element[];
  text: string;
  segments: TextSegment[];
  /** Paragraph-like blocks of at least 80 characters in the text. */
  paragraphs: number;
  linkDensity: number;
}

/** Elements whose subtree is never text a reader reads as the article. */
const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'embed', 'video', 'audio',
  'button', 'select', 'input', 'textarea', 'form', 'nav', 'aside', 'footer', 'dialog', 'menu', 'head', 'math',
]);

const BLOCK_TAGS = new Set([
  'address', 'article', 'blockquote', 'body', 'center', 'dd', 'details', 'dir', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main',
  'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'td', 'th', 'tr', 'ul', 'caption',
]);

/** Paragraph-like: their text counts for the container around them. */
const PARAGRAPH_TAGS = new Set(['p', 'pre', 'blockquote', 'td']);

/**
 * Class/id words that mark boilerplate. Tested on the class and id tokens (split on non-letters), so
 * "shadow" or "header-image" do not trip "ad" or "header". Substrings that are unambiguous on their
 * own are in BOILERPLATE_SUBSTRINGS.
 */
const BOILERPLATE_TOKENS = new Set([
  'ad', 'ads', 'advert', 'advertisement', 'banner', 'breadcrumb', 'breadcrumbs', 'byline', 'comment', 'comments',
  'cookie', 'cookies', 'disqus', 'footer', 'masthead', 'menu', 'modal', 'nav', 'navbar', 'navigation', 'newsletter',
  'outbrain', 'pagination', 'pager', 'popup', 'promo', 'promotion', 'related', 'share', 'sharing', 'sidebar',
  'social', 'sponsor', 'sponsored', 'subscribe', 'subscription', 'taboola', 'tags', 'toolbar', 'widget', 'bio',
  'signup', 'recommended', 'recirc', 'trending', 'popular', 'skip', 'gdpr', 'consent', 'teaser', 'teasers', 'rating',
  'author', 'meta', 'postmeta', 'toc', 'hidden', 'sr', 'screen', 'print', 'prev', 'next', 'adjacent', 'cta',
]);
const BOILERPLATE_SUBSTRINGS = /related|newsletter|comment|share|social|subscribe|sidebar|advert|sponsor|cookie|breadcrumb|promo|author-?bio|about-?the-?author|read-?more|more-?stories|you-?may|also-?like|post-?nav|screen-?reader|visually-?hidden|sr-only/;
/** A container whose class says it holds the body is never skipped for a boilerplate word in it. */
const CONTENT_HINT = /article|body|content|entry|main|post|story|text|prose|markdown|rich/;

const ROLE_SKIP = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'menu', 'menubar', 'toolbar', 'alert']);

function tag(el: Element): string {
  return el.localName ?? el.tagName.toLowerCase();
}

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** True for subtrees that are boilerplate by their tag, role, class or id. */
export function isBoilerplate(el: Element): boolean {
  const t = tag(el);
  if (SKIP_TAGS.has(t)) return true;
  if (t === 'body' || t === 'html' || t === 'main' || t === 'article') return isHidden(el);
  if (isHidden(el)) return true;
  const role = el.getAttribute('role');
  if (role && ROLE_SKIP.has(role)) return true;
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
  if (names.trim() === '') return false;
  if (BOILERPLATE_SUBSTRINGS.test(names)) return !hasContentHint(names, true);
  for (const token of names.split(/[^a-z]+/)) {
    if (BOILERPLATE_TOKENS.has(token)) return !hasContentHint(names, false);
  }
  return false;
}

/** "entry-content" holds the body even when the theme adds "has-sidebar"; "post-meta" does not. */
function hasContentHint(names: string, strong: boolean): boolean {
  for (const token of names.split(/\s+/)) {
    if (CONTENT_HINT.test(token) && !/meta|nav|comment|related|share|bio|author|footer|header|sidebar|promo|teaser|card|list|widget/.test(token)) {
      return !strong || /(^|[-_])(content|body|text|entry|article)([-_]|$)/.test(token);
    }
  }
  return false;
}

/** Measures every element of the body in one pass. */
export function measure(doc: Document): Map<Element, Stats> {
  const stats = new Map<Element, Stats>();
  const body = doc.body;
  if (body) visit(body, false, false, stats);
  return stats;
}

function visit(el: Element, inLink: boolean, skipped: boolean, stats: Map<Element, Stats>): Stats {
  const t = tag(el);
  const skip = skipped || isBoilerplate(el);
  const link = inLink || t === 'a';
  const s: Stats = { text: 0, link: 0, commas: 0, paragraphs: 0, hasBlockChild: false, skipped: skip };
  if (SKIP_TAGS.has(t) && t !== 'nav' && t !== 'aside' && t !== 'footer' && t !== 'form') {
    stats.set(el, s);
    return s;
  }
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === 3) {
      const n = textLength((child as Text).data);
      s.text += n;
      if (link) s.link += n;
      s.commas += countCommas((child as Text).data);
    } else if (child.nodeType === 1) {
      const c = visit(child as Element, link, skip, stats);
      if (BLOCK_TAGS.has(tag(child as Element))) s.hasBlockChild = true;
      s.text += c.text;
      s.link += c.link;
      s.commas += c.commas;
      if (!c.skipped) s.paragraphs += c.paragraphs;
    }
  }
  if ((PARAGRAPH_TAGS.has(t) || (t === 'div' && !s.hasBlockChild)) && s.text >= 80 && s.link / s.text < 0.5) s.paragraphs += 1;
  stats.set(el, s);
  return s;
}

function textLength(data: string): number {
  let n = 0;
  let space = true;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    const ws = c === 32 || c === 10 || c === 9 || c === 13 || c === 160 || c === 12;
    if (!ws) n++;
    else if (!space) n++;
    space = ws;
  }
  return n;
}

function countCommas(data: string): number {
  let n = 0;
  for (let i = data.indexOf(','); i !== -1; i = data.indexOf(',', i + 1)) n++;
  return n;
}

function tagWeight(el: Element): number {
  switch (tag(el)) {
    case 'article': return 10;
    case 'main': return 6;
    case 'div': case 'section': return 5;
    case 'pre': case 'td': case 'blockquote': return 3;
    case 'ol': case 'ul': case 'dl': case 'li': case 'form': case 'address': return -3;
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': case 'th': return -5;
    default: return 0;
  }
}

function classWeight(el: Element): number {
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
  let w = 0;
  if (/article|body|content|entry|main|page|post|story|text|blog|prose|markdown/.test(names)) w += 25;
  if (/comment|meta|footer|foot|sidebar|widget|related|promo|share|social|sponsor|teaser|card|shopping|tag/.test(names)) w -= 25;
  if (el.getAttribute('itemprop') === 'articleBody') w += 50;
  return w;
}

/** Picks the body container(s) by Readability-style paragraph scoring over the measured elements. */
export function findContainers(doc: Document, stats: Map<Element, Stats>): Element[] {
  const scores = new Map<Element, number>();
  for (const [el, s] of stats) {
    if (s.skipped) continue;
    const t = tag(el);
    const isParagraph = PARAGRAPH_TAGS.has(t) || (t === 'div' && !s.hasBlockChild);
    if (!isParagraph || s.text < 25) continue;
    const points = 1 + s.commas + Math.min(Math.floor(s.text / 100), 3);
    let ancestor = el.parentElement;
    for (let level = 0; ancestor && level < 4; level++, ancestor = ancestor.parentElement) {
      const a = stats.get(ancestor);
      if (!a || a.skipped) break;
      if (!scores.has(ancestor)) scores.set(ancestor, tagWeight(ancestor) + classWeight(ancestor));
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(ancestor, scores.get(ancestor)! + points / divider);
    }
  }
  let top: Element | undefined;
  let topScore = -Infinity;
  for (const [el, score] of scores) {
    const s = stats.get(el)!;
    const final = score * (1 - (s.text > 0 ? s.link / s.text : 0));
    scores.set(el, final);
    if (final > topScore) {
      topScore = final;
      top = el;
    }
  }
  const body = doc.body;
  if (!top) return body ? [body] : [];
  // A container that holds only part of the body (one section of several) gives way to its parent
  // when the parent's paragraphs are mostly not in it and the parent is not link-heavy.
  for (let i = 0; i < 3; i++) {
    const parent = top.parentElement;
    if (!parent || parent === body || tag(parent) === 'html') break;
    const ps = stats.get(parent);
    const ts = stats.get(top)!;
    if (!ps || ps.skipped) break;
    const parentScore = scores.get(parent) ?? 0;
    if (ps.paragraphs >= ts.paragraphs + 2 && ps.link / Math.max(ps.text, 1) < 0.3 && parentScore >= topScore * 0.6) top = parent;
    else break;
  }
  const containers: Element[] = [];
  const threshold = Math.max(10, topScore * 0.2);
  const parent = top.parentElement;
  if (!parent) return [top];
  for (const sibling of Array.from(parent.children)) {
    if (sibling === top) {
      containers.push(sibling);
      continue;
    }
    const s = stats.get(sibling);
    if (!s || s.skipped || s.text === 0) continue;
    const density = s.link / s.text;
    const score = scores.get(sibling) ?? 0;
    if (score >= threshold && density < 0.3) containers.push(sibling);
    else if (tag(sibling) === 'p' && s.text >= 80 && density < 0.25) containers.push(sibling);
  }
  return containers;
}

/** Reads the containers' text, mapping each piece to its Text node. */
export function readText(containers: Element[], stats: Map<Element, Stats>): ContentResult {
  const w = new Walker(stats);
  for (const c of containers) {
    w.block();
    w.walk(c, true);
  }
  let text = 0;
  let link = 0;
  for (const c of containers) {
    const s = stats.get(c);
    if (s) {
      text += s.text;
      link += s.link;
    }
  }
  return { containers, text: w.out, segments: w.segments, paragraphs: w.paragraphs, linkDensity: text > 0 ? link / text : 1 };
}

type Separator = '' | ' ' | '\n' | '\n\n';
const RANK: Record<Separator, number> = { '': 0, ' ': 1, '\n': 2, '\n\n': 3 };
const WS = /[ \t\n\r\f\u00a0]+/g;

class Walker {
  out = '';
  segments: TextSegment[] = [];
  paragraphs = 0;
  private pending: Separator = '';

  constructor(private stats: Map<Element, Stats>) {}

  block(): void {
    this.separate('\n\n');
  }

  private separate(sep: Separator): void {
    if (RANK[sep] > RANK[this.pending]) this.pending = sep;
  }

  walk(el: Element, isRoot: boolean): void {
    const t = tag(el);
    if (!isRoot && this.skip(el, t)) return;
    if (t === 'br') {
      this.separate('\n');
      return;
    }
    const block = BLOCK_TAGS.has(t);
    if (block) this.separate('\n\n');
    else if (t === 'td' || t === 'th' || t === 'img') this.separate(' ');
    const before = this.out.length;
    for (const child of Array.from(el.childNodes)) {
      if (child.nodeType === 3) this.text(child as Text);
      else if (child.nodeType === 1) this.walk(child as Element, false);
    }
    if (block) {
      this.separate('\n\n');
      if ((PARAGRAPH_TAGS.has(t) || t === 'li' || t === 'div') && this.out.length - before >= 80) this.paragraphs++;
    }
  }

  private skip(el: Element, t: string): boolean {
    const s = this.stats.get(el);
    if (!s) return isBoilerplate(el);
    if (s.skipped) return true;
    // Link-dense blocks inside the body: lists of links, "read next" rows, tag clouds.
    if (s.text > 0 && (t === 'ul' || t === 'ol' || t === 'div' || t === 'section' || t === 'table' || t === 'p' || t === 'header' || t === 'dl')) {
      const density = s.link / s.text;
      if (density > 0.5 && (t !== 'p' || s.text < 200)) return true;
    }
    if (t === 'h1') return true; // the headline is metadata, not body text
    return false;
  }

  private text(node: Text): void {
    const data = node.data;
    WS.lastIndex = 0;
    let pos = 0;
    for (let m = WS.exec(data); ; m = WS.exec(data)) {
      const end = m ? m.index : data.length;
      if (end > pos) this.piece(node, pos, end);
      if (!m) break;
      // Whitespace becomes a separator; a single page space is folded back into the segment in piece().
      pos = m.index + m[0].length;
      this.separate(' ');
    }
  }

  private piece(node: Text, from: number, to: number): void {
    const sep = this.out.length > 0 ? this.pending : '';
    this.pending = '';
    const last = this.segments[this.segments.length - 1];
    // A single page space between two pieces of one node: extend the previous segment over it, so a
    // paragraph is usually one segment rather than one per word.
    if (sep === ' ' && last && last.node === node && last.end === this.out.length && last.nodeOffset + (last.end - last.start) + 1 === from && node.data.charCodeAt(from - 1) === 32) {
      this.out += node.data.slice(from - 1, to);
      last.end = this.out.length;
      return;
    }
    this.out += sep;
    const start = this.out.length;
    this.out += node.data.slice(from, to);
    this.segments.push({ node, start, end: this.out.length, nodeOffset: from });
  }
}
