/** The in-memory IngestStore: what `cli cluster` and the tests cluster into. Same code path as the worker's. */
import type { ArticleRow, IncidentRow } from '../db/schema';
import { isStoredItem, type IngestStore, type StoreWrite, type StoredItem } from './store';
import type { ClusterRow } from './summarise';

export class MemoryStore implements IngestStore {
  readonly items = new Map<string, ArticleRow>();
  readonly clusters = new Map<string, ClusterRow>();
  readonly incidents = new Map<string, IncidentRow>();
  private readonly byMatchKey = new Map<string, Set<string>>();

  run<T>(fn: () => Promise<T>): Promise<T> {
    return fn();
  }

  async getByUrls(urls: string[]): Promise<(ArticleRow | undefined)[]> {
    return urls.map((u) => this.items.get(u));
  }

  async getByGuids(guids: string[]): Promise<ArticleRow[]> {
    const want = new Set(guids);
    return [...this.items.values()].filter((r) => r.guid !== undefined && want.has(r.guid));
  }

  async getByTitleKeys(keys: string[]): Promise<ArticleRow[]> {
    const want = new Set(keys);
    return [...this.items.values()].filter((r) => r.titleKey !== undefined && want.has(r.titleKey));
  }

  async findByMatchKeys(keys: string[]): Promise<StoredItem[]> {
    const urls = new Set<string>();
    for (const k of keys) for (const u of this.byMatchKey.get(k) ?? []) urls.add(u);
    return [...urls].map((u) => this.items.get(u)).filter(isStoredItem);
  }

  async membersOf(clusterIds: string[]): Promise<StoredItem[]> {
    const want = new Set(clusterIds);
    return [...this.items.values()].filter((r): r is StoredItem => isStoredItem(r) && want.has(r.clusterId));
  }

  async getClusters(ids: string[]): Promise<(ClusterRow | undefined)[]> {
    return ids.map((id) => this.clusters.get(id));
  }

  async publishedBefore(iso: string): Promise<ArticleRow[]> {
    return [...this.items.values()].filter((r) => r.published !== undefined && r.published < iso);
  }

  async write(w: StoreWrite): Promise<void> {
    for (const url of w.deleteUrls) {
      const old = this.items.get(url);
      for (const k of old?.matchKeys ?? []) this.byMatchKey.get(k)?.delete(url);
      for (const id of old?.incidentIds ?? []) this.incidents.delete(id);
      this.items.delete(url);
    }
    for (const row of w.items) {
      this.items.set(row.url, row);
      for (const k of row.matchKeys) {
        let set = this.byMatchKey.get(k);
        if (!set) this.byMatchKey.set(k, (set = new Set()));
        set.add(row.url);
      }
    }
    for (const inc of w.incidents) this.incidents.set(inc.id, inc);
    for (const id of w.deleteClusters) this.clusters.delete(id);
    for (const c of w.clusters) this.clusters.set(c.id, c);
  }
}
