/**
 * OPML 1.0/2.0 subscription lists: read (every `outline` with an `xmlUrl`, nested folders included) and
 * written (the news feeds of the list, built-in and the user's, a disabled one marked `disabled="true"`).
 * Parsed with the feed parser's safe XML reader, so the same refusals apply (entity declarations, oversize files).
 */
import { FeedError } from './parse/errors';
import { canonicalUrl } from './parse/links';
import { attr, elements, localName, parseXml, type TNode } from './parse/xml';

export interface OpmlFeed {
  url: string;
  title: string;
  /** Turned off by the user: written so that a move by OPML keeps it, off (other readers ignore the attribute). */
  disabled?: true;
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
  const root = parseXml(text.replace(/^\uFEFF/, '').trimStart(), 'the file').find((n) => localName(n.tagName) === 'opml');
  if (!root) throw new FeedError('this is not an OPML file (no <opml> element)');
  const out = new Map<string, OpmlFeed>();
  let unusable = 0;
  const walk = (node: TNode) => {
    for (const el of elements(node)) {
      if (localName(el.tagName) === 'outline') {
        const given = attr(el, 'xmlUrl') ?? attr(el, 'xmlurl');
        const url = canonicalUrl(given);
        if (url && !out.has(url)) {
          const title = plain(attr(el, 'title') ?? attr(el, 'text') ?? '') || new URL(url).host;
          out.set(url, attr(el, 'disabled')?.trim().toLowerCase() === 'true' ? { url, title, disabled: true } : { url, title });
        } else if (!url && given !== undefined) unusable++;
      }
      walk(el);
    }
  };
  walk(root);
  return { feeds: [...out.values()], unusable };
}

/**
 * What importing a list changes: the feeds not in the sources yet, and the sources in it the list marks disabled
 * that are on here (a built-in feed turned off before a move is turned off again, not brought back on).
 */
export function opmlChanges(
  list: readonly OpmlFeed[],
  sources: readonly { id: string; url: string; enabled: boolean }[],
): { fresh: OpmlFeed[]; turnOff: string[] } {
  const byUrl = new Map(sources.map((s) => [s.url, s]));
  return {
    fresh: list.filter((f) => !byUrl.has(f.url)),
    turnOff: list.flatMap((f) => {
      const known = byUrl.get(f.url);
      return f.disabled && known?.enabled ? [known.id] : [];
    }),
  };
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The news feeds of the sources list as written to OPML: every one, a disabled one marked (it is not lost in a move). */
export function opmlFeedsOf(sources: readonly { kind: string; url: string; title: string; enabled: boolean }[]): OpmlFeed[] {
  return sources
    .filter((s) => s.kind === 'feed')
    .map((s) => (s.enabled ? { url: s.url, title: s.title } : { url: s.url, title: s.title, disabled: true }));
}

export function buildOpml(feeds: readonly OpmlFeed[], title = 'Incident Lens feeds'): string {
  const lines = feeds.map(
    (f) =>
      `    <outline type="rss" text="${esc(f.title)}" title="${esc(f.title)}" xmlUrl="${esc(f.url)}"${f.disabled ? ' disabled="true"' : ''}/>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">\n  <head>\n    <title>${esc(title)}</title>\n  </head>\n  <body>\n${lines.join('\n')}\n  </body>\n</opml>\n`;
}
