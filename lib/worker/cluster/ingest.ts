/**
 * The write path for analysed items, over any IngestStore: deduplicate, drop what retention says is too
 * old, cluster incrementally and write everything in one `store.run` (one transaction in Dexie). The
 * analysis happens before (the caller's job): nothing in here waits for anything but the store.
 *
 * Deduplication, in order: the same canonical URL; the same guid from the same source (the link moved);
 * the same normalised title (four words or more) within DEDUP_TITLE_DAYS — from the same site it is the
 * same item, from another site a syndicated copy, which is not stored twice. An item seen before with the
 * same text and analysis changes nothing; with a different one it replaces its row and is clustered again.
 */
import type { AnalysedArticle } from '../../shared/analysis/protocol';
import { toRows } from '../db/ingest';
import type { ArticleRow, IncidentRow } from '../db/schema';
import { Clusterer } from './assign';
import { itemFeatures, timeOf } from './features';
import { WINDOW_DAYS } from './rule';
import { memberOf, type CachedMember, type KnownRow } from './member-cache';
import { DEFAULT_RETENTION_DAYS, type IngestStore, type StoredItem } from './store';
import { summariseCluster, type ClusterMember, type ClusterRow } from './summarise';

const DAY = 86_400_000;
const DEDUP_TITLE_DAYS = 3;
/** Stored items of the time window compared with a batch, newest first: a few weeks of every feed. */
const MAX_CANDIDATES = 10_000;

/** An analysed item ready to store: the analysis plus what deduplication reads. */
export interface PreparedItem {
  article: AnalysedArticle;
  guid?: string;
  /** Changes when the item's text (or its analysis) changes. */
  contentHash: string;
}

/** An item's rows as the write path stores them (cluster id still to give), worked out from its analysis. */
export interface ItemRows {
  row: StoredItem;
  incidents: IncidentRow[];
}

/** An item whose rows were worked out already (by a reader on another thread, lib/worker/sync/reader-pool.ts). */
export interface ReadyItem {
  rows: ItemRows;
}

/** The rows of an analysed item, with `now` as the time it was read (and its date, where it has none). */
export function itemRows(p: PreparedItem, now: number): ItemRows {
  const { article, incidents } = toRows(p.article, now);
  const features = itemFeatures(p.article, now);
  // Stored as full ISO (the time window and retention compare strings); without a date the item is
  // dated when it was first read, so that retention can find it.
  article.published = new Date(features.t).toISOString();
  const row: StoredItem = {
    ...article,
    titleKey: titleKey(p.article.title),
    contentHash: p.contentHash,
    clusterId: '',
    features,
  };
  if (p.guid) row.guid = p.guid;
  return { row, incidents };
}

export interface IngestOptions {
  now?: number;
  /** Items published longer ago than this are dropped (default one year). */
  retentionDays?: number;
}

export interface IngestOutcome {
  added: number;
  updated: number;
  unchanged: number;
  /** Copies of an item already stored (same title from another site, or twice in the batch). */
  duplicates: number;
  /** Items dropped by retention (stored ones removed, and batch items already too old). */
  expired: number;
  /** The cluster of every item of the batch, by its URL (also for unchanged and duplicate items). */
  clusterOf: Map<string, string | undefined>;
  clusters: ClusterRow[];
  incidents: IncidentRow[];
}

/** Lower-case words of a title, site suffixes (" | Site", " - Site") dropped: near-identical titles meet. */
export function titleKey(title: string): string {
  const head = title.replace(/\s+[|•–—-]\s+[^|•–—-]{2,60}$/u, '').replace(/\s+[|•]\s+.*$/u, '');
  return (head.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

/** FNV-1a over a string, as 8 hex digits: cheap change detection, not security. */
export function contentHash(...parts: (string | undefined)[]): string {
  let h = 0x811c9dc5;
  for (const p of parts) {
    // Each part and a NUL after it, without building the joined string (a whole article's content).
    const s = p ?? '';
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** An outcome with nothing in it yet, to add a batch's (or a feed's chunks') results to. */
export function emptyOutcome(): IngestOutcome {
  return {
    added: 0,
    updated: 0,
    unchanged: 0,
    duplicates: 0,
    expired: 0,
    clusterOf: new Map(),
    clusters: [],
    incidents: [],
  };
}

export async function ingestPrepared(
  store: IngestStore,
  batch: (PreparedItem | ReadyItem)[],
  opts: IngestOptions = {},
): Promise<IngestOutcome> {
  const now = opts.now ?? Date.now();
  const days = opts.retentionDays ?? DEFAULT_RETENTION_DAYS;
  // No limit (Infinity): the write path for analysed articles keeps what it is given.
  const cutoff = Number.isFinite(days) ? new Date(now - days * DAY).toISOString() : '';
  const out = emptyOutcome();

  // Rows and features are worked out before the transaction (or by the reader): inside it, only the store is waited for.
  const items = batch.map((p) => ('rows' in p ? p.rows : itemRows(p, now))).sort((a, b) => a.row.features.t - b.row.features.t);

  return store.run(async () => {
    const deleteUrls = new Set<string>();
    const touched = new Set<string>();
    /** Clusters of stored rows that go (expired or replaced): their other members must be read. */
    const storedBefore = new Set<string>();
    const fresh = items.filter((i) => i.row.published! >= cutoff);
    // Near-identical titles are looked for within DEDUP_TITLE_DAYS of each item (fresh is in time order).
    const near: [number, number][] = [];
    for (const { row } of fresh) {
      const [a, b] = [row.features.t - DEDUP_TITLE_DAYS * DAY, row.features.t + DEDUP_TITLE_DAYS * DAY];
      const last = near[near.length - 1];
      if (last && a <= last[1]) last[1] = b;
      else near.push([a, b]);
    }
    // Every read that does not depend on another goes at once: retention, and the URLs, guids and titles.
    const [expired, byUrl, byGuid, byTitle] = await Promise.all([
      cutoff ? store.publishedBefore(cutoff) : [],
      store.getByUrls(fresh.map((i) => i.row.url)),
      store.getByGuids([...new Set(fresh.flatMap((i) => (i.row.guid ? [i.row.guid] : [])))]),
      fresh.length
        ? store.getByTitleKeys(
            [...new Set(fresh.map((i) => i.row.titleKey).filter((k) => k.split(' ').length >= 4))],
            near.map(([a, b]) => [new Date(a).toISOString(), new Date(b).toISOString()]),
          )
        : [],
    ]);
    // Retention: what is too old goes, with its place in its cluster.
    for (const r of expired) {
      deleteUrls.add(r.url);
      if (r.clusterId) {
        touched.add(r.clusterId);
        storedBefore.add(r.clusterId);
      }
    }
    out.expired = expired.length;

    out.expired += items.length - fresh.length;
    const known = new Map<string, ArticleRow>();
    byUrl.forEach((r) => r && !deleteUrls.has(r.url) && known.set(r.url, r));
    const guidRows = byGuid.filter((r) => !deleteUrls.has(r.url));
    const titleRows = byTitle.filter((r) => !deleteUrls.has(r.url));

    /** The stored (or earlier in this batch) row this item is a version or a copy of. */
    const seenInBatch: StoredItem[] = [];
    const findPrevious = (row: StoredItem): { prev: KnownRow; copy: boolean } | undefined => {
      const inBatch = seenInBatch.find((s) => s.url === row.url || (row.guid && s.guid === row.guid && s.sourceId === row.sourceId));
      if (inBatch) return { prev: inBatch, copy: false };
      const sameUrl = known.get(row.url);
      if (sameUrl) return { prev: sameUrl, copy: false };
      const sameGuid = row.guid ? guidRows.find((r) => r.guid === row.guid && r.sourceId === row.sourceId) : undefined;
      if (sameGuid) return { prev: sameGuid, copy: false };
      if (row.titleKey.split(' ').length < 4) return undefined;
      const near = (r: { titleKey?: string; published?: string }) =>
        r.titleKey === row.titleKey && Math.abs(timeOf(r.published, 0) - row.features.t) <= DEDUP_TITLE_DAYS * DAY;
      const sameTitle = seenInBatch.find(near) ?? titleRows.find(near);
      return sameTitle ? { prev: sameTitle, copy: sameTitle.site !== row.site } : undefined;
    };

    const toCluster: { row: StoredItem; incidents: IncidentRow[] }[] = [];
    const replaced = new Set<string>();
    for (const item of fresh) {
      const found = findPrevious(item.row);
      if (found?.copy || (found && seenInBatch.includes(found.prev as StoredItem) && found.prev.contentHash === item.row.contentHash)) {
        out.duplicates++;
        out.clusterOf.set(item.row.url, found.prev.clusterId || undefined);
        continue;
      }
      if (found && found.prev.contentHash === item.row.contentHash) {
        out.unchanged++;
        out.clusterOf.set(item.row.url, found.prev.clusterId || undefined);
        continue;
      }
      if (found) {
        out.updated++;
        replaced.add(found.prev.url);
        deleteUrls.add(found.prev.url);
        if (found.prev.clusterId) {
          touched.add(found.prev.clusterId);
          storedBefore.add(found.prev.clusterId);
        }
        const i = seenInBatch.indexOf(found.prev as StoredItem);
        if (i >= 0) {
          seenInBatch.splice(i, 1);
          const j = toCluster.findIndex((t) => t.row === found.prev);
          if (j >= 0) toCluster.splice(j, 1);
          out.updated--; // a later version of an item added in this very batch: still one addition
        }
      } else out.added++;
      seenInBatch.push(item.row);
      toCluster.push(item);
    }
    if (!toCluster.length && !deleteUrls.size) return out;

    // Candidates: the stored items of the batch's time window (the rule never looks further).
    const leaving = new Set([...deleteUrls, ...toCluster.map((i) => i.row.url)]);
    let earlier: CachedMember[] = [];
    if (toCluster.length) {
      const from = new Date(Math.min(...toCluster.map((i) => i.row.features.t)) - WINDOW_DAYS * DAY).toISOString();
      const to = new Date(Math.max(...toCluster.map((i) => i.row.features.t)) + WINDOW_DAYS * DAY).toISOString();
      earlier = (await store.publishedBetween(from, to, MAX_CANDIDATES)).filter((r) => !leaving.has(r.url));
    }
    // Rule 3 checks a newcomer against the victims and anchors of the cluster's members in the window
    // (the only ones it can join through), gathered from the rows already read.
    // A replaced item's old cluster keeps its id for the members that stay: the new version joins it only
    // by the rule, like any item, and otherwise starts a cluster of another id.
    const clusterer = new Clusterer(
      earlier.map((r) => memberOf(r)),
      storedBefore,
    );
    for (const { row } of toCluster) {
      const m = memberOf(row);
      row.clusterId = clusterer.add(m);
      touched.add(row.clusterId);
      out.clusterOf.set(row.url, row.clusterId);
    }

    // Every touched cluster is worked out again from all its members. Stored members can only belong to
    // clusters some stored row was in (a cluster this batch started has none).
    const ids = [...touched];
    const storedClusters = new Set([...earlier.map((r) => r.clusterId), ...storedBefore]);
    const stored = (await store.membersOf(ids.filter((id) => storedClusters.has(id)))).filter((r) => !leaving.has(r.url));
    const byCluster = new Map<string, ClusterMember[]>(ids.map((id) => [id, []]));
    for (const r of [...stored, ...toCluster.map((i) => i.row)]) byCluster.get(r.clusterId)?.push(memberOf(r));
    const deleteClusters: string[] = [];
    const memberUrls = new Map<string, string[]>();
    for (const [id, members] of byCluster) {
      if (!members.length) deleteClusters.push(id);
      else {
        out.clusters.push(summariseCluster(id, members));
        memberUrls.set(
          id,
          members.map((m) => m.url),
        );
      }
    }
    out.incidents = toCluster.flatMap((i) => i.incidents);
    await store.write({
      items: toCluster.map((i) => i.row),
      incidents: out.incidents,
      deleteUrls: [...deleteUrls],
      clusters: out.clusters,
      members: memberUrls,
      deleteClusters,
      storedClusters,
    });
    return out;
  });
}
