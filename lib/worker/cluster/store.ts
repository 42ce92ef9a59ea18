/**
 * What ingesting and clustering need from a database: a small interface with two implementations, Dexie
 * (the worker: lib/worker/cluster/dexie-store.ts) and in memory (the CLI and tests: lib/worker/cluster/memory-store.ts).
 * Every call of one ingest runs inside `run`, which is one read-write transaction in Dexie.
 */
import type { ArticleRow, IncidentRow } from '../db/schema';
import type { CachedMember, KnownRow } from './member-cache';
import type { ClusterRow } from './summarise';

/** Feed items published longer ago than this many days are dropped (the user's collection never is). */
export const DEFAULT_RETENTION_DAYS = 365;

/** An article row as the sync's ingest writes it: every clustering field present. */
export type StoredItem = ArticleRow & Required<Pick<ArticleRow, 'titleKey' | 'contentHash' | 'clusterId' | 'features'>>;

/** A row (or what the ingest's memory keeps of one) that the ingest stored: clustered, with its dedup fields. */
/** Whether an ISO date lies in one of these ranges (see getByTitleKeys). */
export function inRanges(published: string | undefined, ranges: readonly (readonly [string, string])[]): boolean {
  return published !== undefined && ranges.some(([from, to]) => published >= from && published <= to);
}

export function isStoredItem<R extends KnownRow>(
  row: R | undefined,
): row is R & Required<Pick<KnownRow, 'titleKey' | 'contentHash' | 'clusterId' | 'features'>> {
  return !!row && !!row.features && !!row.clusterId && row.contentHash !== undefined && row.titleKey !== undefined;
}

export interface StoreWrite {
  /** Item rows to put (new, or replacing the row with the same url). */
  items: StoredItem[];
  /** Their incident rows (the article's incidents, as lib/worker/db/ingest.ts writes them). */
  incidents: IncidentRow[];
  /** Items to delete, with their incident rows. Also the urls of the items put (their old incident rows go). */
  deleteUrls: string[];
  clusters: ClusterRow[];
  /** Every member (URL) of each cluster in `clusters`, by its id: the rows list only the newest few. */
  members: Map<string, string[]>;
  deleteClusters: string[];
  /**
   * The clusters some stored row was in before this write (each has its row), among them every one of `clusters`
   * and `deleteClusters` that is stored: the others are new (lib/worker/db/counts.ts counts by it).
   */
  storedClusters?: ReadonlySet<string>;
}

/** What a stored item's row says of its version: enough to tell that a feed item has not changed. */
export interface StoredVersion {
  contentHash: string;
  clusterId?: string;
}

export interface IngestStore {
  run<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Outside any ingest's transaction: the version of the items stored at these URLs (undefined where none
   * is, or the row is not a clustered feed item), so that an item whose content has not changed since it
   * was stored is not read by the engine again.
   */
  storedVersions(urls: string[]): Promise<(StoredVersion | undefined)[]>;
  getByUrls(urls: string[]): Promise<(ArticleRow | undefined)[]>;
  getByGuids(guids: string[]): Promise<ArticleRow[]>;
  /**
   * Rows with these title keys published within one of these ISO ranges (inclusive, in time order, apart):
   * near-identical titles meet only a few days apart.
   */
  getByTitleKeys(keys: string[], ranges: readonly (readonly [string, string])[]): Promise<KnownRow[]>;
  /**
   * Clustering candidates: the items published between two ISO dates (the batch's time window), newest
   * first, at most `limit`. Only what clustering reads of them (a StoredItem is one too).
   */
  publishedBetween(from: string, to: string, limit: number): Promise<CachedMember[]>;
  membersOf(clusterIds: string[]): Promise<CachedMember[]>;
  /** Items published before this ISO date (retention). */
  publishedBefore(iso: string): Promise<ArticleRow[]>;
  write(w: StoreWrite): Promise<void>;
}

/** A row's version (StoredVersion), when it is a clustered feed item. */
export function versionOf(row: ArticleRow | undefined): StoredVersion | undefined {
  return isStoredItem(row) ? { contentHash: row.contentHash, clusterId: row.clusterId } : undefined;
}
