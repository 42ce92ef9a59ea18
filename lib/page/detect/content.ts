/**
 * Finds the main content of a page and reads its text with a map back to the page's Text nodes.
 *
 * It works on the live document without changing it (no Readability clone: cloning and parsing a
 * whole page costs ~50 ms in linkedom). One pass measures every element: its text, the text inside
 * links, and how much of it sits in paragraphs (long text blocks that are mostly not links). The body
 * container is the element with the most paragraph text net of the link text outside paragraphs.
 * Its text is then walked, skipping boilerplate subtrees (navigation, share bars, promos, author bios,
 * comments, related-post teasers, forms) and link-dense blocks.
 */
import type { TextSegment } from './index';

interface Stats {
  /** Characters of text (whitespace runs counted once), boilerplate subtrees left out. */
  text: number;
  /** Characters of text inside <a>. */
  link: number;
  /** Characters in paragraphs: text blocks of at least MIN_PARAGRAPH characters, mostly not links. */
  good: number;
  /** Link text outside paragraphs. */
  bad: number;
  /** Paragraphs inside. */
  paragraphs: number;

  hasBlockChild: boolean;
  /** In a boilerplate subtree or hidden. */
  skipped: boolean;
  /** Holds a heading that is a link to another page (a teaser's title). */
  linkHeading?: boolean;
  /** Skipped as a teaser of another story (see visit). */
  teaser?: boolean;
}

export interface ContentResult {
  containers: Element[];
  text: string;
  segments: TextSegment[];
  /** Paragraphs (see Stats.good) in the containers. */
  paragraphs: number;
  /** Share of the containers' text that is in paragraphs. */
  paragraphShare: number;
  linkDensity: number;
}

/** Elements whose subtree is never text a reader reads as the article. */
const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'canvas',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'button',
  'select',
  'input',
  'textarea',
  'form',
  'nav',
  'aside',
  'footer',
  'dialog',
  'menu',
  'head',
  'math',
]);

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'td',
  'th',
  'tr',
  'ul',
  'caption',
]);

/**
 * Class/id words that mark boilerplate. Tested on the class and id tokens (split on non-letters), so
 * "shadow" or "header-image" do not trip "ad" or "header". Substrings that are unambiguous on their
 * own are in BOILERPLATE_SUBSTRINGS.
 */
const BOILERPLATE_TOKENS = new Set([
  'ad',
  'ads',
  'advert',
  'advertisement',
  'banner',
  'breadcrumb',
  'breadcrumbs',
  'byline',
  'comment',
  'comments',
  'cookie',
  'cookies',
  'disqus',
  'footer',
  'masthead',
  'menu',
  'modal',
  'nav',
  'navbar',
  'navigation',
  'newsletter',
  'outbrain',
  'pagination',
  'pager',
  'popup',
  'promo',
  'promotion',
  'related',
  'share',
  'sharing',
  'sidebar',
  'social',
  'sponsor',
  'sponsored',
  'subscribe',
  'subscription',
  'taboola',
  'toolbar',
  'bio',
  'signup',
  'recirc',
  'trending',
  'skip',
  'gdpr',
  'consent',
  'teaser',
  'teasers',
  'postmeta',
  'disclosure',
  'disclaimer',
  'affiliate',
]);
const BOILERPLATE_SUBSTRINGS =
  /related|newsletter|comment|share|social|subscribe|sidebar|advert|sponsor|cookie|breadcrumb|author-?bio|about-?the-?author|read-?more|more-?stories|you-?may|also-?like|post-?nav|screen-?reader|visually-?hidden|sr-only|promo/;
/** The author's box under a post ("author-container", "author-box", "post-author-info"): named like a layout wrapper, but never the story. */
const AUTHOR_BOX = /author-?(?:box|container|info|card|wrap|profile|section|about)/;
/** A container whose class says it holds the body is never skipped for a boilerplate word in it. */
const CONTENT_HINT = /article|body|content|entry|main|post|story|text|prose|markdown|rich/;

const ROLE_SKIP = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'dialog',
  'menu',
  'menubar',
  'toolbar',
  'alert',
]);

function tag(el: Element): string {
  return el.localName ?? el.tagName.toLowerCase();
}

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/**
 * True for subtrees that are boilerplate by their tag, role, class or id. `anchors` are the ancestors
 * of the page's headline and declared article body: a box whose class says "sidebar" but which holds
 * the headline is a layout wrapper ("content-sidebar-wrap"), not a sidebar. `anchors` null ignores
 * class names.
 */
export function isBoilerplate(el: Element, anchors: ReadonlySet<Element> | null = NO_ANCHORS): boolean {
  const t = tag(el);
  // ASP.NET pages wrap the whole page in one <form>: a form right under <body> that holds headings or
  // paragraphs is layout, not a search box or a sign-up form.
  if (
    SKIP_TAGS.has(t) &&
    !(
      t === 'form' &&
      (anchors?.has(el) || (el.parentElement?.localName === 'body' && el.querySelector('p, h1, h2, article, main') !== null))
    )
  )
    return true;
  // The page's header (logo, site name, menus) is boilerplate; an article's own header holds its lead.
  if (t === 'header' && !el.parentElement?.closest('article, main, [role="main"]')) return true;
  if (t === 'body' || t === 'html' || t === 'main' || t === 'article') return isHidden(el);
  if (isHidden(el)) return true;
  const role = el.getAttribute('role');
  // A role misused on the box that holds the headline (role="contentinfo" on an article) does not hide it.
  if (role && ROLE_SKIP.has(role) && !anchors?.has(el)) return true;
  if (SECTION_TAGS.has(t) && hasBoilerplateHeading(el)) return true;
  if (anchors === null) return false;
  if (hiddenByClass(el)) return true;
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
  if (names.length === 1) return false;
  let boilerplate = NAME_CACHE.get(names);
  if (boilerplate === undefined) {
    // Layout wrappers name the boxes they arrange: "content-sidebar-wrap", "has-sidebar", "c-fixed-sidebar-layout".
    if (AUTHOR_BOX.test(names)) boilerplate = true;
    else if (LAYOUT.test(names)) boilerplate = false;
    else if (BOILERPLATE_SUBSTRINGS.test(names)) boilerplate = !hasContentHint(names, true);
    else boilerplate = names.split(/[^a-z]+/).some((token) => BOILERPLATE_TOKENS.has(token)) && !hasContentHint(names, false);
    if (NAME_CACHE.size > 5000) NAME_CACHE.clear();
    NAME_CACHE.set(names, boilerplate);
  }
  return boilerplate && !anchors.has(el);
}

const NO_ANCHORS: ReadonlySet<Element> = new Set();

/** Utility classes that hide an element (Bootstrap, Tailwind, Webflow, WordPress themes). */
const HIDDEN_CLASSES = new Set([
  'hide',
  'hidden',
  'invisible',
  'd-none',
  'is-hidden',
  'display-none',
  'w-condition-invisible',
  'screen-reader-text',
  'sr-only',
  'visually-hidden',
]);
/** ... unless another class shows it again from some screen width up ("hidden md:block", "d-none d-lg-block"). */
const RESPONSIVE = /:|^(?:d|visible|hidden)-(?:xs|sm|md|lg|xl)|-(?:sm|md|lg|xl)-(?:block|flex|inline|grid|table)/;

function hiddenByClass(el: Element): boolean {
  const cls = el.getAttribute('class');
  if (!cls) return false;
  const tokens = cls.toLowerCase().split(/\s+/);
  return tokens.some((t) => HIDDEN_CLASSES.has(t)) && !tokens.some((t) => RESPONSIVE.test(t));
}

const LAYOUT = /layout|wrap|container|(?:^|[\s_-])(?:has|with|no|is)-|(?:^|\s)(?:row|grid|col|page|site)(?:\s|$)/;

const SECTION_TAGS = new Set(['div', 'section', 'ul', 'ol']);
const HEADING_TAGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6', 'header']);
/** What readers see at the top of the boxes around an article: the box says what it is. */
const BOILERPLATE_HEADING = new RegExp(
  [
    // "Related posts", "Recommend Posts", "More stories", "Latest news", "Similar articles".
    // "Other stories you might like", "Additional resources".
    '(?:related|suggested|recommend(?:ed|ations?)?|popular|trending|latest|recent|more|other|similar|featured|top|additional)\\b.{0,30}\\b(?:posts?|articles?|stories|news|reads?|reading|content|blogs?|guides?|videos?|resources|insights)(?:\\s.{0,30})?$',
    'related\\b',
    'more (?:from|on|in|like|by)\\b',
    'read (?:more|next|also)\\b',
    'you (?:may|might) (?:also )?(?:like|enjoy)',
    '(?:\\d+ )?(?:comments?|responses?|replies)\\b',
    'leave a (?:reply|comment)',
    'join the discussion',
    "editor'?s picks",
    'share (?:this|on)\\b',
    'subscribe\\b',
    'sign up\\b',
    'newsletter',
    'about the author',
    'tags?:?$',
    'categories$',
    'further reading',
    'see also$',
    'trending\\b',
  ]
    .map((p) => `^(?:${p})`)
    .join('|'),
  'i',
);

function isBoilerplateHeading(el: Element): boolean {
  if (!HEADING_TAGS.has(tag(el))) return false;
  const text = (el.textContent ?? '').trim();
  return text.length < 60 && BOILERPLATE_HEADING.test(text);
}

/** A box whose first child (or first grandchild) is a heading saying "Related posts", "Comments"... */
function hasBoilerplateHeading(el: Element): boolean {
  let first = el.firstElementChild;
  for (let depth = 0; first && depth < 2; depth++) {
    if (HEADING_TAGS.has(tag(first))) return isBoilerplateHeading(first);
    first = first.firstElementChild;
  }
  return false;
}

/** Class strings repeat across a page (and across pages of a site): decide each once. */
const NAME_CACHE = new Map<string, boolean>();

/** Utility classes (Tailwind, Bootstrap) that happen to hold a content word: text colours, sizes, alignment. */
const UTILITY_CLASS =
  /^text-(?:.*\d|xs|sm|base|lg|xl|left|right|center|justify|black|white|muted|primary|secondary|gray|grey|dark|light|body|truncate|wrap|nowrap)/;

/** "entry-content" holds the body even when the theme adds "has-sidebar"; "post-meta" does not. */
function hasContentHint(names: string, strong: boolean): boolean {
  for (const whole of names.split(/\s+/)) {
    // A BEM element is named by what follows "__": "article__subscribe" is the article's subscribe box.
    const token = whole.includes('__') ? whole.slice(whole.lastIndexOf('__') + 2) : whole;
    if (UTILITY_CLASS.test(token)) continue; // "text-gray-400" styles a box, it doesn't say what it holds
    if (
      CONTENT_HINT.test(token) &&
      !/meta|nav|comment|related|share|bio|author|footer|header|sidebar|promo|teaser|card|list|widget/.test(token)
    ) {
      return !strong || /(^|[-_])(content|body|text|entry|article)([-_]|$)/.test(token);
    }
  }
  return false;
}

/**
 * Measures every element of the page in one pass. `byClass` false ignores class and id names (tags,
 * roles and hidden elements still count): the retry for themes whose class names look like
 * boilerplate all the way down ("elementor-widget", "has-sidebar").
 * The walk starts at the document's top-level elements, not at document.body: broken markup can
 * leave the real <body> outside document.documentElement (linkedom, a page that opens with <script>).
 */
function measure(doc: Document, byClass = true, teasers = true): Map<Element, Stats> {
  const stats = new Map<Element, Stats>();
  let anchors: Set<Element> | null = null;
  if (byClass) {
    anchors = new Set();
    for (const a of Array.from(doc.querySelectorAll('h1, [itemprop="articleBody"]')).slice(0, 5)) {
      for (let e: Element | null = a; e && !anchors.has(e); e = e.parentElement) anchors.add(e);
    }
  }
  for (const node of Array.from(doc.childNodes)) if (node.nodeType === 1) visit(node as Element, false, false, stats, anchors, 0, teasers);
  return stats;
}

const MAX_DEPTH = 400;

/** Blocks whose own text is read as a unit: a paragraph of the body or a piece of boilerplate. */
const TEXT_BLOCKS = new Set(['p', 'pre', 'blockquote', 'li', 'dd', 'dt', 'td', 'th', 'figcaption', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Shorter blocks are neutral: headings, captions, labels. */
const MIN_PARAGRAPH = 50;

function visit(
  el: Element,
  inLink: boolean,
  skipped: boolean,
  stats: Map<Element, Stats>,
  anchors: ReadonlySet<Element> | null,
  depth: number,
  teasers: boolean,
): Stats {
  const t = tag(el);
  // A page nested deeper than any real layout is hostile: stop rather than overflow the stack.
  const skip = skipped || depth > MAX_DEPTH || isBoilerplate(el, anchors);
  const link = inLink || t === 'a';
  const s: Stats = { text: 0, link: 0, good: 0, bad: 0, paragraphs: 0, hasBlockChild: false, skipped: skip };
  stats.set(el, s);
  // Nothing under a boilerplate subtree is read or scored, so it is not measured either.
  if (skip) return s;
  // A heading saying "Related posts" or "Comments" labels the block after it as well.
  let labelled = false;
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      const n = textLength((child as Text).data);
      s.text += n;
      if (link) s.link += n;
    } else if (child.nodeType === 1) {
      const labelledHere = labelled;
      labelled = anchors !== null && isBoilerplateHeading(child as Element);
      const c = visit(child as Element, link, skip || labelled || labelledHere, stats, anchors, depth + 1, teasers);
      if (BLOCK_TAGS.has(tag(child as Element))) s.hasBlockChild = true;
      if (c.skipped) continue;
      s.text += c.text;
      s.link += c.link;
      s.good += c.good;
      s.bad += c.bad;
      s.paragraphs += c.paragraphs;
      if (c.linkHeading) s.linkHeading = true;
    }
  }
  // "That Marriott breach: Hackers stole …", "Read more: …": a line that sends the reader to another story.
  if (t === 'p' && s.link > 0 && s.text <= MAX_PROMO_LINE && isPromoLine(el)) {
    s.skipped = true;
    return s;
  }
  if (HEADING_LINK_TAGS.has(t) && s.text > 0 && s.link / s.text > 0.6 && linksAway(el)) s.linkHeading = true;
  // A teaser of another story: a card whose title links away, with a line or two of summary, among
  // cards like it ("Latest posts", "Continue reading" rows, "More from ..." grids), even inside the
  // article's container. Not the headline's own box.
  if (teasers && s.linkHeading && s.text <= MAX_TEASER && TEASER_TAGS.has(t) && !anchors?.has(el) && hasTwin(el)) {
    s.skipped = true;
    s.teaser = true;
    return s;
  }
  // A text block with no paragraph inside is judged whole: a paragraph when long and mostly not
  // links (its inline links are then part of it), otherwise its link text is bad (menus, link lists,
  // teaser titles) and the rest neutral.
  const textBlock = TEXT_BLOCKS.has(t) || ((t === 'div' || t === 'section' || t === 'span') && !s.hasBlockChild);
  if (textBlock && s.good === 0) {
    if (s.text >= MIN_PARAGRAPH && s.link / s.text < 0.5) {
      s.good = s.text;
      s.bad = 0;
      s.paragraphs = 1;
    } else {
      s.bad = s.link;
    }
  } else if (t === 'a' && !inLink) {
    // A link outside any text block (a card, a logo, a button).
    s.bad = Math.max(0, s.link - s.good);
  }
  return s;
}

const MAX_PROMO_LINE = 160;
const PROMO_LABEL = /^(?:read (?:more|next|also)|also read|related|see also|more|recommended|don't miss|must read)\s*:/i;

/**
 * A short paragraph that opens with a link to another page labelled with a colon ("That Marriott
 * breach: Hackers stole …", "The best defense…: Data breaches …"), the label a few words without
 * digits; or one that opens with "Read more:" / "Related:".
 */
function isPromoLine(p: Element): boolean {
  const text = (p.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (PROMO_LABEL.test(text)) return true;
  const a = p.querySelector('a[href]');
  const href = a?.getAttribute('href') ?? '';
  if (!a || href.startsWith('#') || href.startsWith('javascript:')) return false;
  const label = (a.textContent ?? '').replace(/\s+/g, ' ').trim();
  // A headline-like label of words: "CVE-2024-21887: command injection …" and "evil[.]com: C2" are the story's own lists.
  if (label.length < 3 || /\d/.test(label) || label.split(' ').length < 2 || !text.startsWith(label)) return false;
  return label.endsWith(':') || text.charAt(label.length) === ':';
}

const HEADING_LINK_TAGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);
const TEASER_TAGS = new Set(['article', 'li', 'div', 'section']);
/** Characters: a teaser is a title and a summary of a line or two, not a story. */
const MAX_TEASER = 600;

/** A heading whose link goes to another page (not an anchor of this one: "#section-2"). */
function linksAway(heading: Element): boolean {
  const a = heading.querySelector('a[href]') ?? heading.closest('a[href]');
  const href = a?.getAttribute('href') ?? '';
  return href !== '' && !href.startsWith('#') && !href.startsWith('javascript:');
}

/**
 * Teasers come in lists: the element, or the wrapper it is the only child of, has a sibling of the
 * same tag and class.
 */
function hasTwin(el: Element): boolean {
  for (let e: Element | null = el, depth = 0; e && depth < 2; e = e.parentElement, depth++) {
    const cls = e.getAttribute('class') ?? '';
    for (const sib of [e.previousElementSibling, e.nextElementSibling]) {
      if (sib && sib.localName === e.localName && (sib.getAttribute('class') ?? '') === cls) return true;
    }
    if (e.parentElement && e.parentElement.children.length !== 1) break;
  }
  return false;
}

/** Whitespace that textLength must fold: any run but a single inner space. */
const FOLDED = /[ \t\n\r\f\u00a0]{2,}|[\t\n\r\f\u00a0]|^ /;
const WS_RUN = /[ \t\n\r\f\u00a0]+/g;

/**
 * Characters of text with each whitespace run counted once and leading whitespace not at all. Native
 * string operations, not a loop over characters: this runs over every text node of every page, in code
 * the JIT has not warmed up yet.
 */
function textLength(data: string): number {
  if (!FOLDED.test(data)) return data.length;
  const folded = data.replace(WS_RUN, ' ');
  return folded.charCodeAt(0) === 0x20 ? folded.length - 1 : folded.length;
}

/** Weight of link text outside paragraphs against paragraph text when choosing the container. */
const BAD_WEIGHT = 1;
/** Weight of other text outside paragraphs (headings, short list items, captions). */
const NEUTRAL_WEIGHT = 0.25;

/**
 * The body container: the element with the most paragraph text net of the link text outside
 * paragraphs (good + NEUTRAL_WEIGHT × other text − BAD_WEIGHT × bad). Climbing from the body to a
 * wrapper adds navigation, teaser lists and footers (bad) but no paragraphs, so the climb stops at
 * the body; splitting the body across page-builder widgets does not matter, as their common ancestor
 * sums them all; headings and short list items between paragraphs tip the choice to the element that
 * holds them too. Ties go to the deepest element.
 */
function findContainers(doc: Document, stats: Map<Element, Stats>): Element[] {
  let best: Element | undefined;
  let bestScore = 0;
  for (const [el, s] of stats) {
    if (s.skipped || s.good === 0) continue;
    const neutral = Math.max(0, s.text - s.good - s.link);
    const score = s.good + NEUTRAL_WEIGHT * neutral - BAD_WEIGHT * s.bad;
    // Pre-order: an ancestor comes before its descendants, so >= hands ties to the deeper element.
    if (score > bestScore || (score === bestScore && best !== undefined)) {
      if (score === bestScore && best !== undefined && !best.contains(el)) continue;
      best = el;
      bestScore = score;
    }
  }
  if (best) return [best];
  const body = doc.body ?? doc.documentElement;
  return body ? [body] : [];
}

/**
 * The main content of the page. When class names hide almost everything (page builders whose every
 * wrapper says "widget" or "sidebar"), it reads the page again ignoring class names.
 */
export function extractMain(doc: Document): ContentResult {
  let stats = measure(doc);
  let result = readText(findContainers(doc, stats), stats);
  if (cardsAreTheContent(stats, result.text.length)) {
    stats = measure(doc, true, false);
    result = readText(findContainers(doc, stats), stats);
  }
  if (result.text.length < 1000) {
    stats = measure(doc, false);
    const retry = readText(findContainers(doc, stats), stats);
    if (retry.text.length > result.text.length * 2) result = retry;
  }
  return result;
}

/**
 * Cards with linked titles are teasers of other stories when they sit beside a story; on a listicle,
 * a guide's table of chapters or a landing page they are the content. They are the content when their
 * text outweighs what is left without them, or is half of it in a long run of cards (teaser boxes hold
 * three to six).
 */
function cardsAreTheContent(stats: Map<Element, Stats>, kept: number): boolean {
  let text = 0;
  let count = 0;
  for (const [el, s] of stats) {
    if (!s.teaser) continue;
    const parent = el.parentElement ? stats.get(el.parentElement) : undefined;
    if (parent?.skipped) continue; // inside a box skipped for another reason
    text += s.text;
    count++;
  }
  return text > 0 && (text >= kept || (count >= MIN_LISTICLE && text >= kept / 2));
}
const MIN_LISTICLE = 6;

/** Reads the containers' text, mapping each piece to its Text node. */
function readText(containers: Element[], stats: Map<Element, Stats>): ContentResult {
  const w = new Walker(stats);
  for (const c of containers) {
    w.block();
    w.walk(c, true);
  }
  let text = 0;
  let link = 0;
  let good = 0;
  let paragraphs = 0;
  for (const c of containers) {
    const s = stats.get(c);
    if (s) {
      text += s.text;
      link += s.link;
      good += s.good;
      paragraphs += s.paragraphs;
    }
  }
  const trimmed = trimEdges(w.out, w.segments);
  return {
    containers,
    text: trimmed.text,
    segments: trimmed.segments,
    paragraphs,
    paragraphShare: text > 0 ? good / text : 0,
    linkDensity: text > 0 ? link / text : 1,
  };
}

/**
 * Drops the short blocks before the first paragraph: the dateline, "Share", "Table of contents" and
 * the author's name that sit at the top of a body container. The end is kept: short blocks after the
 * last paragraph are often what a security reader wants most (lists of indicators, hashes, CVEs).
 * A block is text between "\n\n" separators, which no segment crosses.
 */
function trimEdges(text: string, segments: TextSegment[]): { text: string; segments: TextSegment[] } {
  const blocks: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = text.indexOf('\n\n'); i !== -1; i = text.indexOf('\n\n', start)) {
    blocks.push({ start, end: i });
    start = i + 2;
  }
  blocks.push({ start, end: text.length });
  const long = blocks.filter((b) => b.end - b.start >= MIN_PARAGRAPH);
  if (long.length === 0) return { text, segments };
  const from = long[0].start;
  const to = text.length;
  if (from === 0 && to === text.length) return { text, segments };
  return {
    text: text.slice(from, to),
    segments: segments
      .filter((seg) => seg.start >= from && seg.end <= to)
      .map((seg) => ({ ...seg, start: seg.start - from, end: seg.end - from })),
  };
}

type Separator = '' | ' ' | '\n' | '\n\n';
const RANK: Record<Separator, number> = { '': 0, ' ': 1, '\n': 2, '\n\n': 3 };
/**
 * Whitespace that separates pieces: a run of two or more, any whitespace but the plain space, or a
 * space at the start or end of the node. A single space between two words stays inside the piece.
 */
const BREAK = /[ \t\n\r\f\u00a0]{2,}|[\t\n\r\f\u00a0]|^ | $/g;

class Walker {
  out = '';
  segments: TextSegment[] = [];
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
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) this.text(child as Text);
      else if (child.nodeType === 1) this.walk(child as Element, false);
    }
    if (block) this.separate('\n\n');
  }

  private skip(el: Element, t: string): boolean {
    const s = this.stats.get(el);
    // Not measured: under a boilerplate subtree or deeper than MAX_DEPTH.
    if (!s) return true;
    if (s.skipped) return true;
    // Link-dense blocks inside the body: lists of links, "read next" rows, tag clouds.
    if (
      s.text > 0 &&
      (t === 'ul' || t === 'ol' || t === 'div' || t === 'section' || t === 'table' || t === 'p' || t === 'header' || t === 'dl')
    ) {
      const density = s.link / s.text;
      if (density > 0.5 && (t !== 'p' || s.text < 200)) return true;
    }
    if (t === 'h1') return true; // the headline is metadata, not body text
    return false;
  }

  /**
   * A text node's words go out with the node's own single spaces between them (one piece, so usually one
   * segment per paragraph node); any other whitespace (a run, a newline, a tab, a space at either end)
   * becomes a separator. Breaks are found by one native scan, not word by word: this runs over the
   * whole article on every page.
   */
  private text(node: Text): void {
    const data = node.data;
    BREAK.lastIndex = 0;
    let pos = 0;
    for (let m = BREAK.exec(data); ; m = BREAK.exec(data)) {
      const end = m ? m.index : data.length;
      if (end > pos) this.piece(node, pos, end);
      if (!m) break;
      pos = m.index + m[0].length;
      this.separate(' ');
    }
  }

  private piece(node: Text, from: number, to: number): void {
    const sep = this.out.length > 0 ? this.pending : '';
    this.pending = '';
    this.out += sep;
    const start = this.out.length;
    this.out += node.data.slice(from, to);
    this.segments.push({ node, start, end: this.out.length, nodeOffset: from });
  }
}
