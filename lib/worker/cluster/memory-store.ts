/** The in-memory IngestStore: what `cli cluster` and the tests cluster into. Same code path as the worker's. */
import type { ArticleRow, IncidentRow } from '../db/schema';
import { inRanges, isStoredItem, versionOf, type IngestStore, type StoreWrite, type StoredItem, type StoredVersion } from './store';
import type { ClusterRow } from './summarise';

export class MemoryStore implements IngestStore {
  readonly items = new Map<string, ArticleRow>();
  readonly clusters = new Map<string, ClusterRow>();
  readonly incidents = new Map<string, IncidentRow>();

  run<T>(fn: () => Promise<T>): Promise<T> {
    return fn();
  }

  async getByUrls(urls: string[]): Promise<(ArticleRow | undefined)[]> {
    return urls.map((u) => this.items.get(u));
  }

  async storedVersions(urls: string[]): Promise<(StoredVersion | undefined)[]> {
    return urls.map((u) => versionOf(this.items.get(u)));
  }

  async getByGuids(guids: string[]): Promise<ArticleRow[]> {
    const want = new Set(guids);
    return [...this.items.values()].filter((r) => r.guid !== undefined && want.has(r.guid));
  }

  async getByTitleKeys(keys: string[], ranges: readonly (readonly [string, string])[]): Promise<ArticleRow[]> {
    const want = new Set(keys);
    return [...this.items.values()].filter((r) => r.titleKey !== undefined && want.has(r.titleKey) && inRanges(r.published, ranges));
  }

  async publishedBetween(from: string, to: string, limit: number): Promise<StoredItem[]> {
    return [...this.items.values()]
      .filter((r): r is StoredItem => isStoredItem(r) && r.published! >= from && r.published! <= to)
      .sort((a, b) => (a.published! < b.published! ? 1 : a.published! > b.published! ? -1 : 0))
      .slice(0, limit);
  }

  async membersOf(clusterIds: string[]): Promise<StoredItem[]> {
    const want = new Set(clusterIds);
    return [...this.items.values()].filter((r): r is StoredItem => isStoredItem(r) && want.has(r.clusterId));
  }

  async publishedBefore(iso: string): Promise<ArticleRow[]> {
    return [...this.items.values()].filter((r) => r.published !== undefined && r.published < iso);
  }

  async write(w: StoreWrite): Promise<void> {
    for (const url of w.deleteUrls) {
      const old = this.items.get(url);
      for (const id of old?.incidentIds ?? []) this.incidents.delete(id);
      this.items.delete(url);
    }
    for (const row of w.items) {
      this.items.set(row.url, row);
    }
    for (const inc of w.incidents) this.incidents.set(inc.id, inc);
    for (const id of w.deleteClusters) this.clusters.delete(id);
    for (const c of w.clusters) this.clusters.set(c.id, c);
  }
}
