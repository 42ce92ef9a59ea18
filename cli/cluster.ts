/**
 * `cli cluster`: feed items on stdin (JSON lines `{"id","title","summary","published","link","source"}`,
 * in publication order) through the same ingest and clustering as the background sync, on an in-memory
 * store; then one line `{"id","cluster","incident"}` per item, in input order. `cluster` is shared by the
 * items that report one event, null for an item that stands alone; `incident` is the event as the
 * sidebar shows it (null when no item of it reports an incident). No retention: old items are kept.
 */
import { MemoryStore } from '../lib/worker/cluster/memory-store';
import type { ClusterRow } from '../lib/worker/cluster/summarise';
import type { CompiledMatcher } from '../lib/worker/extract/matcher';
import { ingestFeedItemsInto } from '../lib/worker/sync/ingest-items';
import type { FeedItem } from '../lib/worker/sync/item';

export interface ClusterInput {
  id: string | number;
  title: string;
  summary?: string;
  published?: string;
  link?: string;
  source?: string;
}

export interface ClusterOutput {
  id: string | number;
  cluster: string | null;
  incident: ClusterIncident | null;
}

interface ClusterIncident {
  type: string;
  title: string;
  summary: string;
  victims: string[];
  actors: string[];
  cves: string[];
  firstSeen: string;
  lastSeen: string;
  /** Sites that reported it, and how many items. */
  sources: string[];
  articles: number;
}

/** What is wrong with a line, or undefined when it can be clustered. */
export function checkInput(row: Record<string, unknown>): string | undefined {
  if (typeof row.id !== 'string' && typeof row.id !== 'number') return 'expected a string or number "id"';
  if (typeof row.title !== 'string' || !row.title.trim()) return 'expected a non-empty string "title"';
  for (const k of ['summary', 'published', 'link', 'source'] as const)
    if (row[k] !== undefined && row[k] !== null && typeof row[k] !== 'string') return `"${k}" must be a string`;
  if (typeof row.published === 'string' && Number.isNaN(Date.parse(row.published))) return `"published" is not a date: ${row.published}`;
  if (typeof row.link === 'string') {
    let ok = false;
    try {
      ok = /^https?:$/.test(new URL(row.link).protocol);
    } catch {
      ok = false;
    }
    if (!ok) return `"link" is not an http(s) URL: ${row.link.slice(0, 200)}`;
  }
  return undefined;
}

function toFeedItem(row: ClusterInput): FeedItem {
  const source = row.source?.trim() || 'stdin';
  // Without a link, the item still needs an address of its own (it is only a key here).
  const url =
    row.link ?? `https://${encodeURIComponent(source).replace(/%/g, '') || 'stdin'}.invalid/${encodeURIComponent(String(row.id))}`;
  const item: FeedItem = { sourceId: `cli:${source}`, guid: `cli:${String(row.id)}`, url, title: row.title };
  if (row.summary) item.summary = row.summary;
  if (row.published) item.published = row.published;
  return item;
}

function incidentOf(c: ClusterRow): ClusterIncident | null {
  if (!c.type) return null;
  return {
    type: c.type,
    title: c.title,
    summary: c.summary,
    victims: c.victims.map((v) => v.name),
    actors: c.actors.map((a) => a.name),
    cves: c.cves,
    firstSeen: c.firstSeen,
    lastSeen: c.lastSeen,
    sources: c.sites,
    articles: c.articleCount,
  };
}

/** Clusters the items one by one, as a sync meets them, then answers for each in input order. */
export class ClusterRun {
  private readonly store = new MemoryStore();
  private readonly urls: { id: string | number; url: string }[] = [];
  /** Items not stored (a copy of another): the cluster they were given. */
  private readonly copies = new Map<number, string | undefined>();

  constructor(private readonly matcher: CompiledMatcher) {}

  async add(row: ClusterInput): Promise<void> {
    const item = toFeedItem(row);
    const { outcome } = await ingestFeedItemsInto(this.store, [item], { matcher: this.matcher, retentionDays: Infinity });
    if (outcome.duplicates) this.copies.set(this.urls.length, outcome.clusterOf.get(item.url));
    this.urls.push({ id: row.id, url: item.url });
  }

  results(): ClusterOutput[] {
    return this.urls.map(({ id, url }, i) => {
      const clusterId = this.copies.has(i) ? this.copies.get(i) : this.store.items.get(url)?.clusterId;
      const cluster = clusterId ? this.store.clusters.get(clusterId) : undefined;
      if (!cluster) return { id, cluster: null, incident: null };
      // Copies count: an item and its syndicated copy are two reports of one event.
      const alone = cluster.articleCount < 2 && ![...this.copies.values()].includes(cluster.id);
      return { id, cluster: alone ? null : cluster.id, incident: incidentOf(cluster) };
    });
  }
}
