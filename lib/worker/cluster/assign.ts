/**
 * Incremental clustering over a working set: the earlier items that could matter (loaded by the caller
 * from its store: the items of the time window) plus the batch itself, added one by one in publication
 * order. The rule itself is in rule.ts; what is kept of each cluster here is its members of the working
 * set, their victims and anchors, and the index that finds candidate clusters.
 */
import { cachedBag, clusterScore, LINK_MEMBERS, TUNED, matchKeys, WINDOW_DAYS, type ItemFeatures, type Rarity } from './rule';
import { clusterId, type ClusterMember } from './summarise';

/**
 * Candidate items per match key: the latest of each key, so that a key in every other item ("Microsoft")
 * finds the stories of the last days, not the whole window.
 */
const PER_KEY = 40;
const DAY = 86_400_000;

interface ClusterInfo {
  victims: Map<string, { key: string; name: string }>;
  anchors: Set<string>;
  /** Its members in the working set, in publication order. */
  members: ClusterMember[];
}

/** Publication order (ties by URL, so that any order in gives one order out). */
function byTime(a: ClusterMember, b: ClusterMember): number {
  return a.features.t - b.features.t || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
}

export class Clusterer {
  /** Items by match key, oldest first (the newest are at the end). */
  private readonly byKey = new Map<string, ClusterMember[]>();
  private readonly info = new Map<string, ClusterInfo>();
  /**
   * The cosine's rarity: how many items of the working set within the time window of the item being
   * added have each key, and how many items that is. Items are counted as they come (oldest first) and
   * forgotten once they are more than the window older than the newcomer, so that a batch read in one
   * piece or in chunks (whose working sets are the stored items of each chunk's window) weighs alike.
   */
  private readonly df = new Map<string, number>();
  private readonly rarity: Rarity = { n: 0, df: (k) => this.df.get(k) ?? 0, version: 0 };
  private readonly counted: ClusterMember[] = [];
  private forgotten = 0;

  /**
   * `earlier`: the stored items of the window, in any order (a store gives them newest first): they are
   * indexed oldest first, as they were published, so that "the latest of each key" is the latest.
   * `retired`: clusters a replaced item was in; an item that starts a cluster never takes one of their
   * ids (a rewritten item that founded its cluster would otherwise land back in it under the same id, with
   * the members of the event it no longer reports).
   */
  constructor(
    earlier: readonly ClusterMember[],
    private readonly retired: ReadonlySet<string> = new Set(),
  ) {
    for (const m of earlier.filter((e) => e.clusterId).sort(byTime)) {
      this.count(m);
      this.index(m);
    }
  }

  private count(m: ClusterMember): void {
    this.rarity.n++;
    this.rarity.version!++;
    for (const k of cachedBag(m.features).keys()) this.df.set(k, (this.df.get(k) ?? 0) + 1);
    this.counted.push(m);
  }

  /** Forget, for rarity, the items published more than the window before `t`. */
  private forgetBefore(t: number): void {
    const counted = this.counted;
    while (this.forgotten < counted.length && counted[this.forgotten].features.t < t - WINDOW_DAYS * DAY) {
      const m = counted[this.forgotten++];
      this.rarity.n--;
      this.rarity.version!++;
      for (const k of cachedBag(m.features).keys()) {
        const n = (this.df.get(k) ?? 1) - 1;
        if (n > 0) this.df.set(k, n);
        else this.df.delete(k);
      }
    }
  }

  private index(m: ClusterMember): void {
    for (const k of matchKeys(m.features)) {
      const list = this.byKey.get(k);
      if (list) list.push(m);
      else this.byKey.set(k, [m]);
    }
    const id = m.clusterId!;
    let info = this.info.get(id);
    if (!info) this.info.set(id, (info = { victims: new Map(), anchors: new Set(), members: [] }));
    for (const v of m.features.victims) info.victims.set(v.key, v);
    for (const a of m.features.anchors) info.anchors.add(a);
    info.members.push(m);
  }

  /** A new cluster's id for this item, not one of the retired ones. */
  private freshId(item: ClusterMember): string {
    let id = clusterId(item.features.t, item.url);
    for (let n = 1; this.retired.has(id); n++) id = clusterId(item.features.t, `${item.url}#${n}`);
    return id;
  }

  /** The cluster's latest members within the time window of `f` (latest first, at most LINK_MEMBERS). */
  private near(info: ClusterInfo, item: ClusterMember): ItemFeatures[] {
    const out: ItemFeatures[] = [];
    for (let i = info.members.length - 1; i >= 0 && out.length < LINK_MEMBERS; i--) {
      const m = info.members[i];
      if (m.url !== item.url && Math.abs(m.features.t - item.features.t) <= WINDOW_DAYS * DAY) out.push(m.features);
    }
    return out;
  }

  /** The cluster the item joins (or starts); sets `item.clusterId` and returns it. */
  add(item: ClusterMember): string {
    this.forgetBefore(item.features.t);
    this.count(item);
    const candidates = new Set<string>();
    for (const k of matchKeys(item.features)) {
      const list = this.byKey.get(k) ?? [];
      for (let i = list.length - 1; i >= Math.max(0, list.length - PER_KEY); i--)
        if (list[i].url !== item.url) candidates.add(list[i].clusterId!);
    }
    let best: { id: string; score: number } | undefined;
    for (const id of candidates) {
      const info = this.info.get(id)!;
      const score = clusterScore(
        item.features,
        this.near(info, item),
        { victims: [...info.victims.values()], anchors: info.anchors },
        this.rarity,
      );
      if (score >= TUNED.join && (!best || score > best.score)) best = { id, score };
    }
    item.clusterId = best?.id ?? this.freshId(item);
    this.index(item);
    return item.clusterId;
  }
}
