/**
 * Feed items for the ingest benchmark, made in Node from the real news articles of
 * ../shared/eval/incidents/casie-dev.jsonl (read in place, never stored): title, the first ~300
 * characters as the summary and the whole text as the content, as a feed with content:encoded gives it.
 * The 851 articles are used over and over under new links, a copy a month after the last, so that a
 * copy is a new item (a later story), not a duplicate of a stored one.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeedItem } from '../../lib/worker/sync/item';
import { headline } from '../../scripts/eval/clusters';

const CASIE = resolve(import.meta.dirname, '../../../shared/eval/incidents/casie-dev.jsonl');

export function benchItems(n: number, start = Date.parse('2025-01-01T00:00:00Z'), spanDays = 300): FeedItem[] {
  const rows = readFileSync(CASIE, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; url: string; title: string; text: string });
  const step = (spanDays * 86_400_000) / n;
  return Array.from({ length: n }, (_, i) => {
    const r = rows[i % rows.length];
    const link = /^https?:\/\//.test(r.url) ? r.url : `https://${r.url}`;
    const copy = Math.floor(i / rows.length);
    const host = new URL(link).hostname;
    const text = r.text;
    const summary = text.slice(0, 300).replace(/\s+\S*$/, '');
    const title = headline(r.title) || summary.split(/(?<=[.!?])\s/)[0];
    return {
      sourceId: `feed:${host}`,
      guid: `${r.id}#${copy}`,
      url: `${link.replace(/[?#].*$/, '')}?copy=${copy}`,
      title: copy ? `${title} (${copy})` : title,
      summary,
      content: text,
      published: new Date(start + i * step).toISOString(),
    };
  });
}
