/**
 * OPML 1.0/2.0 subscription lists: read (every `outline` with an `xmlUrl`, nested folders included) and
 * written (the user's enabled feeds and the built-in news feeds). Parsed with the feed parser's safe XML
 * reader, so the same refusals apply (entity declarations, oversize files).
 */
import { FeedError } from './parse/errors';
import { canonicalUrl } from './parse/links';
import { attr, elements, localName, parseXml, type TNode } from './parse/xml';

export interface OpmlFeed {
  url: string;
  title: string;
}

/** Attribute text is plain text (never markup): whitespace collapsed, length bounded. */
function plain(s: string): string {
  return s.replace(/\s+/g, ' ').trim().slice(0, 200);
}

/** The feeds of a list, each once, and how many of its entries name a feed by an address that cannot be read (not http(s)). */
export interface OpmlList {
  feeds: OpmlFeed[];
  unusable: number;
}

export function parseOpml(text: string): OpmlList {
  const root = parseXml(text.replace(/^\uFEFF/, '').trimStart()).find((n) => localName(n.tagName) === 'opml');
  if (!root) throw new FeedError('this is not an OPML file (no <opml> element)');
  const out = new Map<string, OpmlFeed>();
  let unusable = 0;
  const walk = (node: TNode) => {
    for (const el of elements(node)) {
      if (localName(el.tagName) === 'outline') {
        const given = attr(el, 'xmlUrl') ?? attr(el, 'xmlurl');
        const url = canonicalUrl(given);
        if (url && !out.has(url)) out.set(url, { url, title: plain(attr(el, 'title') ?? attr(el, 'text') ?? '') || new URL(url).host });
        else if (!url && given !== undefined) unusable++;
      }
      walk(el);
    }
  };
  walk(root);
  return { feeds: [...out.values()], unusable };
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function buildOpml(feeds: readonly OpmlFeed[], title = 'Incident Lens feeds'): string {
  const lines = feeds.map((f) => `    <outline type="rss" text="${esc(f.title)}" title="${esc(f.title)}" xmlUrl="${esc(f.url)}"/>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">\n  <head>\n    <title>${esc(title)}</title>\n  </head>\n  <body>\n${lines.join('\n')}\n  </body>\n</opml>\n`;
}
