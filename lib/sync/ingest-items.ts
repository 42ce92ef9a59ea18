/**
 * PLACEHOLDER for the cluster branch's `lib/sync/ingest-items.ts`, which replaces this file whole at merge
 * (analysis with dedup by guid / canonical link / near-identical title, clustering into incidents).
 *
 * The contract the sync calls, and that the replacement keeps:
 *
 *     ingestFeedItems(db: IncidentLensDb, items: FeedItem[], opts?: { matcher?: CompiledMatcher; now?: number })
 *       : Promise<IngestReport>
 *
 * `items` are one source's items from one fetch (plain text, absolute canonical URLs). The call writes them
 * in one transaction after any analysis (no fetch inside it) and is idempotent: the same items again add
 * nothing, so a run interrupted after this call and before its status was written leaves no duplicates.
 *
 * This minimal version: dedup by canonical URL only (within the batch and against the table), each item's
 * title, summary and content analysed by the engine with the given matcher, stored as an ArticleRow with
 * its incidents through lib/db/ingest.ts. No clustering.
 */
import type { IncidentLensDb } from '../db/database';
import { ingestArticles, type AnalysedArticle } from '../db/ingest';
import { analyzeText } from '../engine';
import type { CompiledMatcher } from '../extract/matcher';
import type { FeedItem, IngestReport } from './item';

export interface IngestOptions {
  /** The matcher to analyse items with (the worker's current one). Without it items are stored unanalysed. */
  matcher?: CompiledMatcher;
  now?: number;
}

/** The text the engine reads of an item: title, summary and content, as separate paragraphs. */
export function itemText(item: FeedItem): string {
  return [item.title, item.summary, item.content].filter(Boolean).join('\n\n');
}

export async function ingestFeedItems(db: IncidentLensDb, items: FeedItem[], opts: IngestOptions = {}): Promise<IngestReport> {
  const byUrl = new Map<string, FeedItem>();
  for (const item of items) byUrl.set(item.url, item);
  const unique = [...byUrl.values()];
  const existing = await db.articles.bulkGet(unique.map((i) => i.url));
  const report: IngestReport = { added: 0, updated: 0, unchanged: 0 };
  const analysed: AnalysedArticle[] = [];
  unique.forEach((item, i) => {
    const old = existing[i];
    if (old && old.title === item.title && old.summary === item.summary && old.published === item.published) {
      report.unchanged++;
      return;
    }
    if (old) report.updated++;
    else report.added++;
    const { entities, incidents } = opts.matcher
      ? analyzeText(itemText(item), opts.matcher, { published: item.published })
      : { entities: [], incidents: [] };
    const a: AnalysedArticle = {
      url: item.url,
      sourceId: item.sourceId,
      title: item.title,
      entities: entities.map(({ key, name, type, start, end }) => ({ key, name, type, start, end })),
      incidents,
    };
    if (item.published) a.published = item.published;
    if (item.summary) a.summary = item.summary;
    analysed.push(a);
  });
  if (analysed.length) await ingestArticles(db, analysed, opts.now);
  return report;
}
