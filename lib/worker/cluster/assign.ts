/**
 * Incremental single-link clustering over a working set: the earlier items that could matter (loaded by
 * the caller from its store: those sharing a match key with the batch, within the time window) plus the
 * batch itself, added one by one in publication order. The rule itself is in rule.ts.
 */
import { matchKeys, sameEvent, victimsConflict } from './rule';
import { clusterId, type ClusterMember } from './summarise';

const PER_KEY = 40;

interface ClusterInfo {
  victims: Map<string, { key: string; name: string }>;
  anchors: Set<string>;
}

export class Clusterer {
  private readonly byKey = new Map<string, ClusterMember[]>();
  private readonly info = new Map<string, ClusterInfo>();

  /** `clusters`: victims and anchors of the clusters the earlier items belong to, as stored. */
  constructor(
    earlier: readonly ClusterMember[],
    clusters: readonly { id: string; victims: { key: string; name: string }[]; anchors: string[] }[],
  ) {
    for (const c of clusters) this.info.set(c.id, { victims: new Map(c.victims.map((v) => [v.key, v])), anchors: new Set(c.anchors) });
    for (const m of earlier) if (m.clusterId) this.index(m);
  }

  private index(m: ClusterMember): void {
    for (const k of matchKeys(m.features)) {
      const list = this.byKey.get(k);
      if (list) list.push(m);
      else this.byKey.set(k, [m]);
    }
    const id = m.clusterId!;
    let info = this.info.get(id);
    if (!info) this.info.set(id, (info = { victims: new Map(), anchors: new Set() }));
    for (const v of m.features.victims) info.victims.set(v.key, v);
    for (const a of m.features.anchors) info.anchors.add(a);
  }

  /** Forget an item (it was updated or expired); its cluster keeps the others. */
  remove(url: string): void {
    for (const [k, list] of this.byKey) {
      const kept = list.filter((m) => m.url !== url);
      if (kept.length !== list.length) this.byKey.set(k, kept);
    }
  }

  /** The cluster the item joins (or starts); sets `item.clusterId` and returns it. */
  add(item: ClusterMember): string {
    const seen = new Set<ClusterMember>();
    let best: { id: string; score: number } | undefined;
    for (const k of matchKeys(item.features)) {
      // The latest few items of each key: a key in every other item ("Microsoft") compares with the
      // stories of the last days, not with the whole history (items arrive in publication order).
      const list = this.byKey.get(k) ?? [];
      for (let i = list.length - 1; i >= Math.max(0, list.length - PER_KEY); i--) {
        const other = list[i];
        if (seen.has(other) || other.url === item.url) continue;
        seen.add(other);
        const score = sameEvent(item.features, other.features);
        if (!score || (best && best.score >= score)) continue;
        const info = this.info.get(other.clusterId!);
        if (info && victimsConflict(item.features, [...info.victims.values()], info.anchors)) continue;
        best = { id: other.clusterId!, score };
      }
    }
    item.clusterId = best?.id ?? clusterId(item.features.t, item.url);
    this.index(item);
    return item.clusterId;
  }
}
