/**
 * XML to a tree, safely, with txml (pure JS: a service worker has no DOMParser). txml never expands
 * entities declared in a DTD; we go further and refuse a document that declares any (`<!ENTITY`), the
 * shape of billion-laughs and external-entity attacks, which no real feed needs. CDATA sections are
 * escaped before parsing so that every text node reaches the feed readers in one form (escaped XML text,
 * decoded by txml), whether the publisher wrapped it in CDATA or not.
 */
import { parse, type TNode } from 'txml';
import { FeedError } from './errors';

export type { TNode };

/** Characters of feed text we read at most (the fetch's byte cap stops most before this). */
export const MAX_FEED_CHARS = 8_000_000;

const ENTITY_DECL = /<!ENTITY/i;
const CDATA = /<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)/g;

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The document's top-level nodes. Throws FeedError for refused or unreadable documents, naming the document as
 * `what` ("the feed", "the file" for an OPML list).
 */
export function parseXml(text: string, what = 'the feed'): TNode[] {
  if (text.length > MAX_FEED_CHARS) {
    throw new FeedError(
      `${what} is too large (${Math.round(text.length / 1e6)} million characters; the limit is ${MAX_FEED_CHARS / 1e6} million)`,
    );
  }
  // A DOCTYPE's internal subset is the only place entities are declared. Look only before the root's first
  // child would start: the prolog is where a DOCTYPE may be, and a scan of the whole text is not needed.
  const prologEnd = text.search(/<(?![?!])/);
  const prolog = prologEnd < 0 ? text : text.slice(0, prologEnd);
  if (ENTITY_DECL.test(prolog)) {
    throw new FeedError(
      `${what} declares its own XML entities (a DOCTYPE with <!ENTITY>), refused: that is how entity-expansion attacks work, and neither feeds nor feed lists need it`,
    );
  }
  // Stray text before the root (a broken `<?phpxml ...?>` declaration, blank lines) is skipped by the parser.
  const escaped = text.replace(CDATA, (_m, inner: string) => escapeText(inner));
  let nodes: (TNode | string)[];
  try {
    nodes = parse(escaped, { decodeEntities: true, keepWhitespace: true, selfClosingTags: [] });
  } catch (e) {
    throw new FeedError(`${what} is not well-formed XML (${(e as Error).message.split('\n')[0]})`);
  }
  return nodes.filter((n): n is TNode => typeof n !== 'string' && !n.tagName.startsWith('?'));
}

/** The part of a tag name after its namespace prefix (`content:encoded` → `encoded`). */
export function localName(tag: string): string {
  const i = tag.indexOf(':');
  return (i < 0 ? tag : tag.slice(i + 1)).toLowerCase();
}

export function elements(node: TNode): TNode[] {
  return node.children.filter((c): c is TNode => typeof c !== 'string');
}

/** The first child with this exact tag name, else the first with this local name (a prefix we did not expect). */
export function child(node: TNode, name: string, prefixOk = true): TNode | undefined {
  const kids = elements(node);
  const exact = kids.find((k) => k.tagName === name);
  if (exact || !prefixOk) return exact;
  const local = localName(name);
  return kids.find((k) => localName(k.tagName) === local);
}

export function children(node: TNode, local: string): TNode[] {
  return elements(node).filter((k) => localName(k.tagName) === local);
}

/** All text inside a node, its descendants' included (already entity-decoded by the parser). */
export function textOf(node: TNode | undefined): string {
  if (!node) return '';
  let out = '';
  for (const c of node.children) out += typeof c === 'string' ? c : textOf(c);
  return out;
}

export function attr(node: TNode | undefined, name: string): string | undefined {
  const v = node?.attributes[name];
  return v === null || v === undefined ? undefined : v;
}
