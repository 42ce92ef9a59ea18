/**
 * Reads the text of RSS/Atom items from a feed file, for the incident evaluation only: title plus the
 * fullest body the item has (content:encoded or Atom <content>, else description/summary), with the
 * markup stripped. A small regex reader on purpose: the fixtures are trusted local files and this runs
 * in Node; the extension's own feed parser lives in lib/worker/sync.
 */
import { readFileSync } from 'node:fs';

export interface FeedItem {
  /** 0-based position of the item in the file. */
  index: number;
  guid: string;
  title: string;
  published?: string;
  /** Title, a blank line, then the body as plain text. */
  text: string;
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  ldquo: '“',
  rdquo: '”',
  ndash: '–',
  mdash: '—',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

/** The inner text of an element as XML gives it: CDATA unwrapped or entities decoded once. */
function xmlText(raw: string): string {
  const cdata = /^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/.exec(raw);
  return cdata ? cdata[1] : decodeEntities(raw);
}

/** HTML to plain text: block ends become line breaks, tags go, entities are decoded. */
function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<\/(p|div|h[1-6]|li|blockquote|tr|pre)>|<br\s*\/?>/gi, '\n\n')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n[\n ]*/g, '\n\n')
    .trim();
}

function field(block: string, names: string[]): string | undefined {
  for (const name of names) {
    const m = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`, 'i').exec(block);
    if (m) return xmlText(m[1]);
  }
  return undefined;
}

export function readFeedItems(file: string): FeedItem[] {
  const xml = readFileSync(file, 'utf8');
  const blocks = [...xml.matchAll(/<(item|entry)[\s>][\s\S]*?<\/\1>/g)].map((m) => m[0]);
  return blocks.map((block, index) => {
    const title = htmlToText(field(block, ['title']) ?? '');
    const body = htmlToText(field(block, ['content:encoded', 'content', 'description', 'summary']) ?? '');
    const guid = (field(block, ['guid', 'id', 'link']) ?? '').trim();
    const date = field(block, ['pubDate', 'published', 'updated', 'dc:date']);
    const parsed = date ? new Date(date.trim()) : undefined;
    const published = parsed && !Number.isNaN(parsed.getTime()) ? parsed.toISOString().slice(0, 10) : undefined;
    return { index, guid, title, published, text: `${title}\n\n${body}` };
  });
}
