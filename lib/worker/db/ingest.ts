/**
 * The write path for analysed articles: what the sync calls after it has fetched and analysed a feed item
 * (fetch first, then one transaction per batch: Dexie's rule). Re-ingesting an article replaces its rows.
 */
import type { EntityRef, Incident } from '../../shared/types';
import type { AnalysedArticle } from '../../shared/analysis/protocol';
import { siteOf } from '../../shared/sites';
import type { IncidentLensDb } from './database';
import type { ArticleRow, IncidentRow } from './schema';
import { DexieStore } from '../cluster/dexie-store';
import { contentHash, ingestPrepared } from '../cluster/ingest';

export type { AnalysedArticle };

/** Entity types that say little about which incident this is: never used to tie an incident by themselves. */
const CONTEXT_TYPES = new Set(['location', 'attack']);

function refKeys(inc: Incident): string[] {
  const refs: (EntityRef | undefined)[] = [inc.victim, inc.actor, inc.place, ...(inc.entities ?? [])];
  return refs.filter((r): r is EntityRef => r !== undefined).map((r) => r.key);
}

/**
 * The entity keys an incident row is indexed under: its victim, actor, place and involved entities, plus
 * the article's entities that it reports. An article reporting one incident is about it, so all of the
 * article's entities belong to it; with several incidents, only those mentioned inside each incident's spans.
 */
function incidentEntityKeys(inc: Incident, article: AnalysedArticle): string[] {
  const keys = new Set(refKeys(inc));
  const single = article.incidents.length === 1;
  for (const e of article.entities) {
    if (single) {
      keys.add(e.key);
      continue;
    }
    if (CONTEXT_TYPES.has(e.type)) continue;
    if (inc.spans.some((s) => e.start >= s.start && e.end <= s.end)) keys.add(e.key);
  }
  return [...keys];
}

export function toRows(a: AnalysedArticle, now: number): { article: ArticleRow; incidents: IncidentRow[] } {
  const incidents: IncidentRow[] = a.incidents.map((inc, i) => {
    const entityKeys = incidentEntityKeys(inc, a);
    // Keep a name with every key the incident is tied to, so that "shares …" can name it without the catalogue.
    const named = new Set(refKeys(inc));
    const involved = [...(inc.entities ?? [])];
    for (const k of entityKeys) {
      if (named.has(k)) continue;
      const e = a.entities.find((x) => x.key === k);
      if (e) involved.push({ key: k, name: e.name });
      named.add(k);
    }
    // Without its spans: offsets into a text this table does not keep, which nothing reads here.
    const { spans: _spans, ...rest } = inc;
    const row: IncidentRow = { ...rest, id: `${a.url}#${i}`, articleUrl: a.url, entityKeys };
    if (involved.length) row.entities = involved;
    if (a.published) row.published = a.published;
    return row;
  });
  const article: ArticleRow = {
    url: a.url,
    sourceId: a.sourceId,
    title: a.title,
    site: a.site || siteOf(a.url),
    fetchedAt: now,
    entityKeys: [...new Set(a.entities.map((e) => e.key))],
    incidentIds: incidents.map((r) => r.id),
  };
  if (a.published) article.published = a.published;
  if (a.summary) article.summary = a.summary;
  return { article, incidents };
}

/**
 * Store analysed articles and their incidents in one transaction, clustered into events with the items
 * the sync ingested (lib/worker/cluster). An article analysed again replaces its rows. Returns the incident rows
 * written. No retention here: this path keeps what it is given.
 */
export async function ingestArticles(db: IncidentLensDb, list: AnalysedArticle[], now = Date.now()): Promise<IncidentRow[]> {
  const prepared = list.map((article) => ({ article, contentHash: contentHash(JSON.stringify(article)) }));
  return (await ingestPrepared(new DexieStore(db), prepared, { now, retentionDays: Infinity })).incidents;
}

export async function ingestArticle(db: IncidentLensDb, a: AnalysedArticle, now = Date.now()): Promise<IncidentRow[]> {
  return ingestArticles(db, [a], now);
}
