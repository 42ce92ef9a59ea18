/**
 * What clustering reads of a stored item (its ClusterMember: url, title, site, date, entity keys, features,
 * cluster), kept in memory between the ingests of one database so that each batch reads the window's keys
 * only (an index walk) and fetches just the rows it has not seen, instead of every row of the window again.
 *
 * A read cache, never the truth: the database says which items are in the window or in a cluster (the key
 * reads), the cache only saves decoding their rows. A stored item's clustering fields change only through
 * the ingest write path, which updates the cache once its transaction has committed (and empties it when
 * one fails); an item deleted by anyone (retention, the user's erase) is simply no longer among the keys.
 * A stopped worker loses the cache and nothing else: the next run reads the rows again.
 */
import type { ClusterMember } from './summarise';

/** A cached member: the cluster it was stored in is always set. */
export type CachedMember = ClusterMember & { clusterId: string };

/** Items kept: a few windows of every feed (the window read is capped at 10,000 rows). */
const MAX_ENTRIES = 30_000;

export class MemberCache {
  private readonly byUrl = new Map<string, CachedMember>();

  get(url: string): CachedMember | undefined {
    return this.byUrl.get(url);
  }

  get size(): number {
    return this.byUrl.size;
  }

  set(m: CachedMember): void {
    if (this.byUrl.size >= MAX_ENTRIES && !this.byUrl.has(m.url)) this.byUrl.clear();
    this.byUrl.set(m.url, m);
  }

  delete(url: string): void {
    this.byUrl.delete(url);
  }

  clear(): void {
    this.byUrl.clear();
  }
}

/** What clustering keeps of a stored row: the member's own fields, nothing of the rest of the row. */
export function memberOf<R extends ClusterMember>(row: R): ClusterMember & Pick<R, 'clusterId'> {
  return {
    url: row.url,
    title: row.title,
    site: row.site,
    published: row.published,
    entityKeys: row.entityKeys,
    features: row.features,
    clusterId: row.clusterId,
  };
}
