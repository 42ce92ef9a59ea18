/**
 * A feed of whole news articles for the sync's end-to-end tests: CASIE's (bench/sync/items.ts, read in place
 * from ../shared) as RSS 2.0 with content:encoded, long enough to be ingested in several chunks (so that the
 * sync's readers read it).
 */
import { benchItems } from '../../bench/sync/items';
import type { FeedItem } from '../../lib/worker/sync/item';

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `n` articles published over the 40 to 10 days before `now`, and their RSS. */
export function articleFeed(n: number, now = Date.now()): { items: FeedItem[]; rss: string } {
  const items = benchItems(n, now - 40 * 86_400_000, 30);
  const rss = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>News</title><link>https://news.example/</link>
${items
  .map(
    (i) =>
      `<item><title>${xml(i.title)}</title><link>${xml(i.url)}</link><guid isPermaLink="false">${xml(i.guid!)}</guid><pubDate>${new Date(i.published!).toUTCString()}</pubDate><description>${xml(i.summary!)}</description><content:encoded>${xml(i.content!)}</content:encoded></item>`,
  )
  .join('\n')}
</channel></rss>`;
  return { items, rss };
}
