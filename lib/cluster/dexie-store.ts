/** The worker's IngestStore: the extension's Dexie database, one read-write transaction per ingest. */
import type { IncidentLensDb } from '../db/database';
import type { ArticleRow } from '../db/schema';
import { isStoredItem, type IngestStore, type StoreWrite, type StoredItem } from './store';
import type { ClusterRow } from './summarise';

export class DexieStore implements IngestStore {
  constructor(private readonly db: IncidentLensDb) {}

  run<T>(fn: () => Promise<T>): Promise<T> {
    const { db } = this;
    return db.transaction('rw', db.articles, db.incidents, db.clusters, fn);
  }

  getByUrls(urls: string[]): Promise<(ArticleRow | undefined)[]> {
    return this.db.articles.bulkGet(urls);
  }

  getByGuids(guids: string[]): Promise<ArticleRow[]> {
    return guids.length ? this.db.articles.where('guid').anyOf(guids).toArray() : Promise.resolve([]);
  }

  getByTitleKeys(keys: string[]): Promise<ArticleRow[]> {
    return keys.length ? this.db.articles.where('titleKey').anyOf(keys).toArray() : Promise.resolve([]);
  }

  async publishedBetween(from: string, to: string, limit: number): Promise<StoredItem[]> {
    // One range read of the window: cheaper than an index query per word and entity of the batch.
    return (await this.db.articles.where('published').between(from, to, true, true).reverse().limit(limit).toArray()).filter(isStoredItem);
  }

  async membersOf(clusterIds: string[]): Promise<StoredItem[]> {
    if (!clusterIds.length) return [];
    return (await this.db.articles.where('clusterId').anyOf(clusterIds).toArray()).filter(isStoredItem);
  }

  getClusters(ids: string[]): Promise<(ClusterRow | undefined)[]> {
    return this.db.clusters.bulkGet(ids);
  }

  publishedBefore(iso: string): Promise<ArticleRow[]> {
    return this.db.articles.where('published').below(iso).toArray();
  }

  async write(w: StoreWrite): Promise<void> {
    const { db } = this;
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
