/** JSON Feed 1.0 and 1.1 (jsonfeed.org): items to FeedItems. Every string is checked for its type; HTML is reduced to text. */
import type { FeedItem } from '../item';
import { parseFeedDate } from './dates';
import { FeedError } from './errors';
import { canonicalUrl, resolveUrl } from './links';
import { htmlToText, inlineText } from './text';
import type { ParsedFeed } from './xml-feeds';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

function authorOf(item: Record<string, unknown>): string | undefined {
  const list = Array.isArray(item.authors) ? item.authors : item.author ? [item.author] : [];
  const names = list.flatMap((a) => (a && typeof a === 'object' ? (str((a as Record<string, unknown>).name) ?? []) : []));
  return names.length ? inlineText(names.join(', '), 200) : undefined;
}

export function readJsonFeed(json: unknown, sourceId: string, feedUrl: string): ParsedFeed {
  if (!json || typeof json !== 'object' || !/jsonfeed\.org\/version\//.test(String((json as Record<string, unknown>).version))) {
    throw new FeedError('this is JSON but not a JSON Feed (no "version": "https://jsonfeed.org/version/1.x")');
  }
  const feed = json as Record<string, unknown>;
  if (!Array.isArray(feed.items)) throw new FeedError('the JSON Feed has no "items" list');
  const home = canonicalUrl(resolveUrl(str(feed.home_page_url), feedUrl));
  const items: FeedItem[] = [];
  for (const raw of feed.items) {
    if (!raw || typeof raw !== 'object') continue;
    const it = raw as Record<string, unknown>;
    const url = canonicalUrl(resolveUrl(str(it.url) ?? str(it.external_url), home ?? feedUrl, feedUrl));
    if (!url) continue;
    const summary = str(it.summary) ? htmlToText(String(it.summary), 4000) : undefined;
    const content = str(it.content_html) ? htmlToText(String(it.content_html)) : str(it.content_text)?.trim();
    const item: FeedItem = { sourceId, url, title: inlineText(str(it.title) ?? '') || summary?.slice(0, 120) || url };
    const guid = it.id === undefined || it.id === null ? undefined : String(it.id);
    if (guid) item.guid = guid;
    if (summary) item.summary = summary;
    if (content) item.content = content;
    const published = parseFeedDate(str(it.date_published));
    if (published) item.published = published;
    const updated = parseFeedDate(str(it.date_modified));
    if (updated) item.updated = updated;
    const author = authorOf(it) ?? authorOf(feed);
    if (author) item.author = author;
    const tags = Array.isArray(it.tags) ? it.tags.flatMap((t) => (str(t) ? [inlineText(String(t), 200)] : [])) : [];
    if (tags.length) item.categories = [...new Set(tags)];
    items.push(item);
  }
  return { format: 'json', title: inlineText(str(feed.title) ?? ''), link: home, items };
}
