/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom items from a parsed XML tree. Tolerant of what real feeds do: elements
 * in namespaces we did not expect (matched by local name), stray elements inside items (ignored),
 * `xml:base` on any ancestor (links resolved against it), relative links and guids.
 */
import type { FeedItem } from '../item';
import { parseFeedDate } from './dates';
import { FeedError } from './errors';
import { canonicalUrl, resolveUrl } from './links';
import { htmlToText, inlineText } from './text';
import { attr, child, children, elements, localName, textOf, type TNode } from './xml';

export interface ParsedFeed {
  format: 'rss' | 'rdf' | 'atom' | 'json';
  title: string;
  /** The site the feed is about (its channel link), when it names one. */
  link?: string;
  items: FeedItem[];
}

interface Ctx {
  sourceId: string;
  feedUrl: string;
  /** xml:base values from the root down to the node read, outermost first. */
  bases: string[];
}

function base(node: TNode, ctx: Ctx): Ctx {
  const b = attr(node, 'xml:base');
  return b ? { ...ctx, bases: [...ctx.bases, b] } : ctx;
}

function link(href: string | undefined, ctx: Ctx): string | undefined {
  return canonicalUrl(resolveUrl(href, ...[...ctx.bases].reverse(), ctx.feedUrl));
}

function finish(item: Partial<FeedItem> & { url?: string; title: string }, ctx: Ctx): FeedItem | undefined {
  const url = item.url ?? (item.guid && /^https?:/i.test(item.guid) ? canonicalUrl(item.guid) : undefined);
  if (!url) return undefined; // an item that points nowhere cannot be an article
  const out: FeedItem = { sourceId: ctx.sourceId, url, title: item.title || item.summary?.slice(0, 120) || url };
  for (const k of ['guid', 'summary', 'content', 'published', 'updated', 'author'] as const) {
    const v = item[k];
    if (v) out[k] = v;
  }
  if (item.categories?.length) out.categories = item.categories;
  return out;
}

function categoriesOf(nodes: TNode[]): string[] | undefined {
  const list = [...new Set(nodes.map((c) => inlineText(attr(c, 'label') ?? attr(c, 'term') ?? textOf(c), 200)).filter(Boolean))];
  return list.length ? list : undefined;
}

function rssItem(node: TNode, outer: Ctx): FeedItem | undefined {
  const ctx = base(node, outer);
  const guidNode = child(node, 'guid', false);
  const rawGuid = textOf(guidNode).trim() || attr(node, 'rdf:about');
  // A guid that looks like a path is a link relative to the feed's base (CISA writes `/node/25107`).
  const guid = rawGuid && /^\//.test(rawGuid) ? (resolveUrl(rawGuid, ...[...ctx.bases].reverse(), ctx.feedUrl) ?? rawGuid) : rawGuid;
  const linkNode = child(node, 'link', false) ?? children(node, 'link').find((l) => !attr(l, 'rel') || attr(l, 'rel') === 'alternate');
  const href = textOf(linkNode).trim() || attr(linkNode, 'href');
  const permalink = attr(guidNode, 'isPermaLink') !== 'false' && guid && /^(https?:|\/)/i.test(guid) ? guid : undefined;
  const description = textOf(child(node, 'description'));
  const encoded = textOf(child(node, 'content:encoded'));
  return finish(
    {
      guid,
      url: link(href, ctx) ?? link(permalink, ctx),
      title: inlineText(textOf(child(node, 'title'))),
      summary: htmlToText(description, 4000) || undefined,
      content: encoded ? htmlToText(encoded) : undefined,
      published: parseFeedDate(textOf(child(node, 'pubDate', false)) || textOf(child(node, 'dc:date'))),
      updated: parseFeedDate(textOf(child(node, 'dc:modified')) || textOf(child(node, 'updated'))),
      author: inlineText(textOf(child(node, 'dc:creator')) || textOf(child(node, 'author', false)), 200) || undefined,
      categories: categoriesOf([...children(node, 'category'), ...children(node, 'subject')]),
    },
    ctx,
  );
}

function atomText(node: TNode | undefined, max?: number): string {
  if (!node) return '';
  const type = attr(node, 'type') ?? 'text';
  // xhtml content is markup as child elements: its text is what a reader sees.
  if (type === 'xhtml') return htmlToText(textOf(node), max);
  return type === 'text' ? textOf(node).replace(/\s+/g, ' ').trim().slice(0, max) : htmlToText(textOf(node), max);
}

function atomEntry(node: TNode, outer: Ctx): FeedItem | undefined {
  const ctx = base(node, outer);
  const links = children(node, 'link');
  const alt = links.find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate') ?? links[0];
  const altCtx = alt ? base(alt, ctx) : ctx;
  const author = child(node, 'author');
  const content = child(node, 'content');
  return finish(
    {
      guid: textOf(child(node, 'id')).trim() || undefined,
      url: link(attr(alt, 'href'), altCtx),
      title: inlineText(atomText(child(node, 'title'))),
      summary: atomText(child(node, 'summary'), 4000) || undefined,
      content: content ? atomText(content) || undefined : undefined,
      published: parseFeedDate(textOf(child(node, 'published')) || textOf(child(node, 'issued'))),
      updated: parseFeedDate(textOf(child(node, 'updated')) || textOf(child(node, 'modified'))),
      author: author ? inlineText(textOf(child(author, 'name')) || textOf(author), 200) || undefined : undefined,
      categories: categoriesOf(children(node, 'category')),
    },
    ctx,
  );
}

/** Items of an RSS, RDF or Atom document's root element. */
export function readXmlFeed(root: TNode, sourceId: string, feedUrl: string): ParsedFeed {
  const name = localName(root.tagName);
  const ctx = base(root, { sourceId, feedUrl, bases: [] });
  if (name === 'feed') {
    const items = children(root, 'entry').flatMap((e) => atomEntry(e, ctx) ?? []);
    const site = children(root, 'link').find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate');
    return { format: 'atom', title: inlineText(atomText(child(root, 'title'))), link: link(attr(site, 'href'), ctx), items };
  }
  if (name === 'rss' || name === 'rdf') {
    const channel = child(root, 'channel');
    const chCtx = channel ? base(channel, ctx) : ctx;
    // RSS 2.0 puts items in the channel; RSS 1.0 beside it.
    const itemNodes =
      name === 'rss' && channel ? children(channel, 'item') : [...children(root, 'item'), ...(channel ? children(channel, 'item') : [])];
    const items = itemNodes.flatMap((i) => rssItem(i, chCtx) ?? []);
    return {
      format: name === 'rss' ? 'rss' : 'rdf',
      title: channel ? inlineText(textOf(child(channel, 'title'))) : '',
      link: channel ? link(textOf(child(channel, 'link', false)).trim(), chCtx) : undefined,
      items,
    };
  }
  const seen = elements(root).length;
  throw new FeedError(
    `this is XML but not a feed (its root element is <${root.tagName}>${seen ? '' : ', empty'}; expected <rss>, <rdf:RDF> or <feed>)`,
  );
}
