/** A cluster's row, worked out from its member items: what the sidebar and `cli cluster` show of the event. */
import type { RelatedArticle } from '../../shared/analysis/protocol';
import type { EntityRef, IncidentType } from '../../shared/types';
import { INCIDENT_LABELS } from '../../shared/types';
import { canonical } from './names';
import type { ItemFeatures } from './rule';

/** An item as clustering sees it (a subset of the article row). */
export interface ClusterMember {
  url: string;
  title: string;
  site: string;
  published?: string;
  entityKeys: string[];
  features: ItemFeatures;
  clusterId?: string;
}

export interface ClusterRow {
  /** Time-sortable: the first item's time in base 36, then a hash of its URL. */
  id: string;
  /** The type most of its items report; absent when none reports an incident. */
  type?: IncidentType;
  /** The first item's headline. */
  title: string;
  /** The engine's summary of the event ("Data breach at Cellebrite"). */
  summary: string;
  victims: EntityRef[];
  actors: EntityRef[];
  /** CVE ids, upper-case. */
  cves: string[];
  /** ISO, the earliest and latest item. */
  firstSeen: string;
  lastSeen: string;
  /**
   * Its newest items (at most LISTED_ARTICLES), oldest first: what the sidebar and `cli cluster` show. The
   * rest are found by the articles' `clusterId` index; since v8 the row no longer lists every member, so
   * that a busy cluster's row stays small however often it is rewritten.
   */
  articles: RelatedArticle[];
  /** v8: how many items it has. */
  articleCount: number;
  /** Distinct sites that reported it. */
  sites: string[];
  /** Union of the items' entity keys (not indexed since v9: the related query scores by them). */
  entityKeys: string[];
  /** Union of the items' anchors (rule 3 checks a newcomer against them and the victims; since v9 the multi-entry index related incidents are found by). */
  anchors: string[];
  /** Display names of the anchors, by key. */
  names: Record<string, string>;
  /**
   * v10: the entries of the index related incidents find the row by, its anchors with its id turned round
   * (lib/worker/db/anchor-index.ts); the database adds them as it writes the row, the summariser does not.
   */
  byAnchor?: [anchor: string, newestFirst: string][];
}

const MAX_KEYS = 64;
/** Items a cluster row lists (the sidebar shows four besides the page being read). */
export const LISTED_ARTICLES = 8;

function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36).padStart(7, '0');
}

/** A new cluster's id: sorts by the time of the item that started it (newest last). */
export function clusterId(t: number, url: string): string {
  return `${Math.max(0, Math.floor(t)).toString(36).padStart(9, '0')}-${hash(url)}`;
}

function iso(t: number): string {
  return new Date(t).toISOString();
}

/**
 * The items' victims (or actors), most often named first, one name once: the keys one name takes in
 * different texts (`canonical`: "the LockBit gang" and "LockBit ransomware", "Acme" and "Acme Corp") count
 * together, shown as the key named most often, the longer name on a tie.
 */
function mergeRefs(lists: EntityRef[][]): EntityRef[] {
  const names = new Map<string, Map<string, { ref: EntityRef; n: number }>>();
  for (const list of lists)
    for (const r of list) {
      const name = canonical(r.key);
      let keys = names.get(name);
      if (!keys) names.set(name, (keys = new Map()));
      const c = keys.get(r.key);
      if (c) c.n++;
      else keys.set(r.key, { ref: r, n: 1 });
    }
  const merged = [...names.values()].map((keys) => {
    const all = [...keys.values()];
    const best = all.reduce((a, b) => (b.n > a.n || (b.n === a.n && b.ref.name.length > a.ref.name.length) ? b : a));
    return { ref: best.ref, n: all.reduce((sum, c) => sum + c.n, 0) };
  });
  return merged.sort((a, b) => b.n - a.n).map((c) => c.ref);
}

export function summariseCluster(id: string, members: readonly ClusterMember[]): ClusterRow {
  const sorted = [...members].sort((a, b) => a.features.t - b.features.t || a.url.localeCompare(b.url));
  const typeCounts = new Map<IncidentType, number>();
  for (const m of sorted) if (m.features.type) typeCounts.set(m.features.type, (typeCounts.get(m.features.type) ?? 0) + 1);
  let type: IncidentType | undefined;
  for (const [t, n] of typeCounts) if (!type || n > (typeCounts.get(type) ?? 0)) type = t;
  const victims = mergeRefs(sorted.map((m) => m.features.victims));
  const actors = mergeRefs(sorted.map((m) => m.features.actors));
  // The index entries a cluster row costs on every rewrite: what says which event it is (victims, CVEs,
  // organisations, malware ...) first, then the rest of what its articles mention, up to MAX_KEYS.
  const keys = new Set<string>();
  for (const m of sorted) for (const k of m.features.anchors) if (keys.size < MAX_KEYS) keys.add(k);
  for (const m of sorted) for (const k of m.entityKeys) if (keys.size < MAX_KEYS) keys.add(k);
  const cves = [...keys].filter((k) => k.startsWith('vulnerability:cve-')).map((k) => k.slice('vulnerability:'.length).toUpperCase());
  const anchors = new Set<string>();
  for (const m of sorted) for (const k of m.features.anchors) if (anchors.size < MAX_KEYS) anchors.add(k);
  const names: Record<string, string> = {};
  for (const m of sorted) for (const [k, n] of Object.entries(m.features.names ?? {})) if (anchors.has(k)) names[k] ??= n;
  const withType = sorted.find((m) => m.features.type === type && m.features.summary);
  const label = type ? INCIDENT_LABELS[type] : 'Reports';
  const summary = withType?.features.summary ?? (victims[0] ? `${label} against ${victims[0].name}` : label);
  const row: ClusterRow = {
    id,
    title: sorted[0]?.title ?? '',
    summary,
    victims,
    actors,
    cves,
    firstSeen: iso(sorted[0]?.features.t ?? 0),
    lastSeen: iso(sorted[sorted.length - 1]?.features.t ?? 0),
    articles: sorted.slice(-LISTED_ARTICLES).map((m) => {
      const a: RelatedArticle = { url: m.url, title: m.title, site: m.site };
      if (m.published) a.published = m.published;
      return a;
    }),
    articleCount: sorted.length,
    sites: [...new Set(sorted.map((m) => m.site).filter(Boolean))],
    entityKeys: [...keys],
    anchors: [...anchors],
    names,
  };
  if (type) row.type = type;
  return row;
}
