/** The worker's IngestStore: the extension's Dexie database, one read-write transaction per ingest. */
import type { IncidentLensDb } from '../db/database';
import type { ArticleRow } from '../db/schema';
import { isStoredItem, type IngestStore, type StoreWrite, type StoredItem } from './store';
import type { ClusterRow } from './summarise';

/** Rows read per match key: a word in every other title finds nothing worth the read. */
const PER_KEY = 400;

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

  async findByMatchKeys(keys: string[]): Promise<StoredItem[]> {
    const lists = await Promise.all(keys.map((k) => this.db.articles.where('matchKeys').equals(k).limit(PER_KEY).toArray()));
    const out = new Map<string, StoredItem>();
    for (const list of lists) for (const r of list) if (isStoredItem(r)) out.set(r.url, r);
    return [...out.values()];
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
