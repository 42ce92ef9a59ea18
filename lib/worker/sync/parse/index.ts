/**
 * Any feed to FeedItems: RSS 2.0, RSS 1.0/RDF, Atom, JSON Feed 1.0/1.1, sniffed from the text. Throws
 * FeedError, whose message says in plain words what is wrong (shown as the source's last error).
 */
import { FeedError } from './errors';
import { readJsonFeed } from './json-feed';
import { MAX_FEED_CHARS, parseXml } from './xml';
import { withoutTrailers } from './trailers';
import { readXmlFeed, type ParsedFeed } from './xml-feeds';

export { FeedError, type ParsedFeed };
export { decodeBody } from './charset';
export { htmlToText } from './text';
export { parseFeedDate } from './dates';

/** A feed's items with their texts read (readFeed) and the publishing software's trailers dropped (trailers.ts). */
export function parseFeed(text: string, sourceId: string, feedUrl: string): ParsedFeed {
  const feed = readFeed(text, sourceId, feedUrl);
  for (const item of feed.items)
    for (const k of ['summary', 'content'] as const) {
      const v = item[k];
      if (v === undefined) continue;
      const kept = withoutTrailers(v);
      if (kept) item[k] = kept;
      else delete item[k];
    }
  return feed;
}

function readFeed(text: string, sourceId: string, feedUrl: string): ParsedFeed {
  if (text.length > MAX_FEED_CHARS) parseXml(text); // throws the size error
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (!body) throw new FeedError('the feed is empty');
  if (body.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (e) {
      throw new FeedError(`the feed is not valid JSON (${(e as Error).message})`);
    }
    return readJsonFeed(json, sourceId, feedUrl);
  }
  if (!body.startsWith('<')) throw new FeedError('this is not a feed (neither XML nor JSON)');
  if (/^<!doctype html|^<html[\s>]/i.test(body))
    throw new FeedError("this is a web page, not a feed (look for the site's RSS or Atom link)");
  const roots = parseXml(body);
  const root = roots.find((n) => !n.tagName.startsWith('!'));
  if (!root) throw new FeedError('the feed has no root element');
  return readXmlFeed(root, sourceId, feedUrl);
}
