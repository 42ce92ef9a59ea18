/**
 * Related incidents against the clustering labels (tests/fixtures/clusters/labels.jsonl), as a floor on their
 * relevance: every labelled CASIE item goes in as a feed item (read as scripts/eval/clusters.ts reads them)
 * through the worker's own ingest into an IndexedDB (fake-indexeddb); then each item of the tuning halves is
 * read as the page (its stored entity keys, its date, its URL left out of the answers) and its top five
 * related incidents asked for. Printed: the answers, and those listing an item of the page's own labelled
 * event. An answer of another event may be related too (the same actor's next campaign), so the second figure
 * says what is surely kept, the first how much is shown. The held-out halves' items are in the database, never
 * asked for as pages.
 *
 *   npm run eval -- --only related
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { IncidentLensDb } from '../../lib/worker/db/database';
import { ingestFeedItems } from '../../lib/worker/sync/ingest-items';
import { relatedIncidents } from '../../lib/worker/db/related';
import { compileMatcher } from '../../lib/worker/extract/matcher';
import { KEV, loadCatalogue, MISP_CLUSTERS } from '../../bench/lib/catalogue';
import { loadLabelled, TUNE } from './clusters';

const TOP = 5;

async function relatedFigures(): Promise<{ pages: number; answers: number; sameEvent: number; withSameEvent: number }> {
  const labelled = loadLabelled();
  const matcher = compileMatcher((await loadCatalogue([MISP_CLUSTERS, KEV])).entries);
  const db = new IncidentLensDb({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'related-eval' });
  const now = Math.max(...labelled.map((l) => Date.parse(l.item.published ?? '') || 0)) + 86_400_000;
  await ingestFeedItems(
    db,
    labelled.map((l) => l.item),
    { matcher, now, retentionDays: 100_000 },
  );
  const eventOf = new Map(labelled.map((l) => [l.item.url, l.event]));
  let pages = 0;
  let answers = 0;
  let sameEvent = 0;
  let withSameEvent = 0;
  for (const l of labelled) {
    if (!(TUNE as readonly string[]).includes(l.split)) continue;
    const row = await db.articles.get(l.item.url);
    if (!row) continue;
    pages++;
    const related = await relatedIncidents(db, row.entityKeys, l.item.published, { url: l.item.url, limit: TOP, now });
    const same = related.filter((r) => r.articles.some((a) => eventOf.get(a.url) === l.event)).length;
    answers += related.length;
    sameEvent += same;
    if (same) withSameEvent++;
  }
  db.close();
  return { pages, answers, sameEvent, withSameEvent };
}

/** Prints the figures (`npm run eval`) and returns them by id. */
export async function runRelatedEval(): Promise<Record<string, number>> {
  const f = await relatedFigures();
  console.log(
    `top ${TOP} related incidents of ${f.pages} tuning items read as pages: ${f.answers} answers (${(f.answers / f.pages).toFixed(2)} a page), ` +
      `${f.sameEvent} of them the page's own labelled event (${(f.sameEvent / Math.max(1, f.answers)).toFixed(3)}); ` +
      `pages with one such answer: ${f.withSameEvent}`,
  );
  return { 'related.answers_per_page': f.answers / f.pages, 'related.same_event_share': f.sameEvent / Math.max(1, f.answers) };
}
