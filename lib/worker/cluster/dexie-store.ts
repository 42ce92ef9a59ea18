/** The worker's IngestStore: the extension's Dexie database, one read-write transaction per ingest. */
import type { IncidentLensDb } from '../db/database';
import type { ArticleRow } from '../db/schema';
import { MemberCache, memberOf, type CachedMember } from './member-cache';
import { isStoredItem, type IngestStore, type StoreWrite } from './store';
import type { ClusterRow } from './summarise';

/** One cache per open database object: the batches of a sync (one ingest each) share it. */
const caches = new WeakMap<IncidentLensDb, MemberCache>();

function cacheOf(db: IncidentLensDb): MemberCache {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = new MemberCache()));
  return c;
}

export class DexieStore implements IngestStore {
  private readonly cache: MemberCache;
  /** What this ingest wrote, applied to the cache once its transaction has committed. */
  private pending: StoreWrite[] = [];

  constructor(private readonly db: IncidentLensDb) {
    this.cache = cacheOf(db);
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const { db } = this;
    this.pending = [];
    try {
      const out = await db.transaction('rw', db.articles, db.incidents, db.clusters, fn);
      for (const w of this.pending) {
        for (const url of w.deleteUrls) this.cache.delete(url);
        for (const row of w.items) this.cache.set(memberOf(row));
      }
      return out;
    } catch (e) {
      // Whatever the failed transaction read into the cache is still true, but keep it simple and safe.
      this.cache.clear();
      throw e;
    } finally {
      this.pending = [];
    }
  }

  getByUrls(urls: string[]): Promise<(ArticleRow | undefined)[]> {
    return this.db.articles.bulkGet(urls);
  }

  getByGuids(guids: string[]): Promise<ArticleRow[]> {
    return this.byIndex(guids, (k) => this.db.articles.where('guid').equals(k).toArray());
  }

  getByTitleKeys(keys: string[]): Promise<ArticleRow[]> {
    return this.byIndex(keys, (k) => this.db.articles.where('titleKey').equals(k).toArray());
  }

  /**
   * The rows (or keys) under each of these index keys, in the order `anyOf` gives (index key, then URL),
   * but asked all at once: `anyOf` walks one cursor that waits for each step, a round trip per key.
   */
  private async byIndex<T>(keys: string[], read: (key: string) => Promise<T[]>): Promise<T[]> {
    const sorted = [...new Set(keys)].sort();
    return (await Promise.all(sorted.map(read))).flat();
  }

  /** The rows of these keys, in their order: cached ones from memory, the others read in one bulkGet. */
  private async members(urls: string[]): Promise<CachedMember[]> {
    const missing = urls.filter((u) => !this.cache.get(u));
    if (missing.length) {
      const rows = await this.db.articles.bulkGet(missing);
      for (const r of rows) if (isStoredItem(r)) this.cache.set(memberOf(r));
    }
    const out: CachedMember[] = [];
    for (const u of urls) {
      const m = this.cache.get(u);
      if (m) out.push(m);
    }
    return out;
  }

  async publishedBetween(from: string, to: string, limit: number): Promise<CachedMember[]> {
    // One range walk of the window's keys; rows are decoded only for items not met in an earlier batch.
    const urls = await this.db.articles.where('published').between(from, to, true, true).reverse().limit(limit).primaryKeys();
    return this.members(urls);
  }

  async membersOf(clusterIds: string[]): Promise<CachedMember[]> {
    if (!clusterIds.length) return [];
    return this.members(await this.byIndex(clusterIds, (id) => this.db.articles.where('clusterId').equals(id).primaryKeys()));
  }

  getClusters(ids: string[]): Promise<(ClusterRow | undefined)[]> {
    return this.db.clusters.bulkGet(ids);
  }

  publishedBefore(iso: string): Promise<ArticleRow[]> {
    return this.db.articles.where('published').below(iso).toArray();
  }

  async write(w: StoreWrite): Promise<void> {
    const { db } = this;
    this.pending.push(w);
    if (w.deleteUrls.length) {
      await db.incidents.where('articleUrl').anyOf(w.deleteUrls).delete();
      await db.articles.bulkDelete(w.deleteUrls);
    }
    if (w.items.length) await db.articles.bulkPut(w.items);
    if (w.incidents.length) await db.incidents.bulkPut(w.incidents);
    if (w.deleteClusters.length) await db.clusters.bulkDelete(w.deleteClusters);
    if (w.clusters.length) await db.clusters.bulkPut(w.clusters);
  }
}
