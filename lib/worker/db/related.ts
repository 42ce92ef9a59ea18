/**
 * Related incidents: the clustered incidents of the local database (lib/worker/cluster: one row per real-world
 * event, with its articles from every publisher) that share entities with the article being read, ranked
 * by how telling the shared entities are and by how close in time the events are.
 *
 * Telling = rare: each shared key weighs idf = ln(1 + N / df), N clusters in the database, df those that
 * mention the key, so a shared CVE or victim (few incidents) counts far more than a shared "Microsoft"
 * (many). A small prior per type steadies it while the database is still small: places and attack types
 * say little about which incident this is.
 *
 * An incident shares a name of who or what took part (an actor, malware, a CVE, an indicator, its victim), a
 * name few incidents have, or at least two names; else it is not listed (TELLING_TYPES, RARE_DF).
 *
 * Only the keys that say which event a cluster is (its anchors: victims, CVEs, organisations, malware ...)
 * find it (schema v9): a place or an attack type shared with the page adds nothing. Since v10 the index lists a
 * key's clusters newest first (lib/worker/db/anchor-index.ts), so the newest are read forwards.
 *
 * Cost: per key, the ids of the newest PER_KEY clusters anchored by it (index keys only, newest first
 * since cluster ids sort by time); df is that count, or "at least PER_KEY" for common keys, which then
 * all weigh the same little. The best candidates by those weights are read whole and scored exactly.
 * Never a count over the index (hundreds of ms at 100k rows), never `anyOf` over many keys.
 *
 * A crew and its malware are one name (`nameTwin`: "the LockBit gang" is actor:lockbit, "LockBit ransomware"
 * malware:lockbit): each of the page's actor and malware keys asks for its twin too, and the two count once,
 * as the more telling of them.
 */
import type { EntityType, IncidentType } from '../../shared/types';
import type { RelatedArticle, RelatedIncident, RelatedRequest } from '../../shared/analysis/protocol';
import { pageUrl } from '../../shared/sites';
import { canonicalUrl } from '../sync/parse/links';
import type { IncidentLensDb } from './database';
import type { ClusterRow } from './schema';
import { LISTED_ARTICLES } from '../cluster/summarise';
import { nameTwin } from '../knowledge/keys';
import { anchoredBy } from './anchor-index';
import { keptCount } from './counts';

const TYPE_PRIOR: Partial<Record<EntityType, number>> = {
  vulnerability: 1.5,
  indicator: 1.5,
  organization: 1.2,
  actor: 1.2,
  malware: 1.2,
  technique: 0.6,
  vendor: 0.6,
  product: 0.8,
  location: 0.3,
  attack: 0.2,
};

/**
 * Who or what took part in an event: one of these shared (or the incident's victim) is enough to call an
 * incident related. Other names (a vendor, a product, a technique, an organisation merely mentioned) say what
 * a story is about, not which event: alone, one of them ("shares Microsoft", "shares Chrome") does not make an
 * incident related; two of them do.
 */
const TELLING_TYPES: ReadonlySet<EntityType> = new Set(['actor', 'malware', 'vulnerability', 'indicator']);
/**
 * A name in at most this many incidents of the database tells which event too, whatever its type (AMD's 13
 * flaws, a transport department's ransomware: reported under the vendor's or the department's name). Chosen on
 * CASIE's tuning halves ingested as feed items (all 851 items in the database), the top five related incidents of
 * each of their 468 items (0, 2, 3, 5): of the answers the rule leaves out, those of the item's own labelled
 * event 10, 8, 3, 3; left out in all 637, 616, 561, 467 (Android, the BBC, the FBI, Kaspersky shared alone).
 * `npm run eval -- --only related` gives the rule's figures.
 */
const RARE_DF = 3;

/** Incidents farther apart than this (days) keep half their score; recency never outweighs rarity. */
const RECENCY_HALF_DAYS = 180;

function typeOfKey(key: string): EntityType {
  return key.slice(0, key.indexOf(':')) as EntityType;
}

function fallbackName(key: string): string {
  const rest = key.slice(key.indexOf(':') + 1);
  return key.startsWith('vulnerability:') ? rest.toUpperCase() : rest;
}

function time(date: string | undefined): number | undefined {
  if (!date) return undefined;
  const t = Date.parse(date);
  return Number.isNaN(t) ? undefined : t;
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Cluster ids read per key (newest first). */
const PER_KEY = 50;
/** Candidates read whole per answer, for each incident answered. */
const READ_PER_ANSWER = 4;

let countCache: { db: IncidentLensDb; n: number; at: number } | undefined;

/**
 * The number of clusters, at most once a minute per database: the count the writers keep (./counts.ts), read
 * in the caller's transaction; counted (a count reads the whole table) only where none is kept yet.
 */
async function clusterCount(db: IncidentLensDb, now: number): Promise<number> {
  if (countCache?.db === db && now - countCache.at < 60_000) return countCache.n;
  const n = (await keptCount(db, 'clusters')) ?? (await db.clusters.count());
  countCache = { db, n, at: now };
  return n;
}

/** Forget the cached count (tests; the worker after a big ingest may call it too). */
export function forgetClusterCount(): void {
  countCache = undefined;
}

/**
 * The keys a cluster shares with the page (`has`: the cluster's keys), the most telling first: of a page key
 * and its twin the one that weighs more where the cluster has both, each page key once.
 */
function sharedKeys(keys: string[], standsFor: Map<string, string>, weight: Map<string, number>, has: Set<string>): string[] {
  const best = new Map<string, string>();
  for (const k of keys) {
    if (!weight.has(k) || !has.has(k)) continue;
    const page = standsFor.get(k) ?? k;
    const seen = best.get(page);
    if (!seen || (weight.get(k) ?? 0) > (weight.get(seen) ?? 0)) best.set(page, k);
  }
  return [...best.values()].sort((a, b) => (weight.get(b) ?? 0) - (weight.get(a) ?? 0));
}

export async function relatedIncidents(
  db: IncidentLensDb,
  entityKeys: readonly string[],
  publishedAt?: string,
  opts: Pick<RelatedRequest, 'url' | 'limit'> & { now?: number } = {},
): Promise<RelatedIncident[]> {
  const pageKeys = [...new Set(entityKeys)];
  if (!pageKeys.length) return [];
  // Each key looked up, and the page's key it stands for: itself, or the page's key it is the twin of (a
  // page that names the gang and its ransomware shares that name once).
  const standsFor = new Map<string, string>();
  for (const k of pageKeys) {
    if (standsFor.has(k)) continue;
    standsFor.set(k, k);
    const twin = nameTwin(k);
    if (twin && !standsFor.has(twin)) standsFor.set(twin, k);
  }
  const keys = [...standsFor.keys()];
  // The page being read, under the address it has and the one the sync stores it by (tracking parameters
  // dropped): a reader who came from a newsletter reads `…?utm_source=…` of an article a feed brought without.
  const selves = opts.url ? [...new Set([canonicalUrl(opts.url), pageUrl(opts.url)].filter((u): u is string => !!u))] : [];
  const isSelf = (url: string) => selves.includes(url);
  const limit = opts.limit ?? 10;
  const now = opts.now ?? Date.now();

  return db.transaction('r', [db.clusters, db.articles, db.entities, db.ingestMeta], async () => {
    const [total, idLists, selfRow] = await Promise.all([
      clusterCount(db, now),
      Promise.all(keys.map((k) => anchoredBy(db.clusters, k).limit(PER_KEY).primaryKeys())),
      selves.length ? db.articles.bulkGet(selves).then((rows) => rows.find(Boolean)) : undefined,
    ]);
    const weight = new Map<string, number>();
    const df = new Map(keys.map((k, i) => [k, idLists[i].length]));
    keys.forEach((k, i) => {
      const df = idLists[i].length;
      if (df > 0) weight.set(k, Math.log(1 + Math.max(total, df) / df) * (TYPE_PRIOR[typeOfKey(k)] ?? 1));
    });
    if (!weight.size) return [];

    // Rough score per candidate from the id lists; the best are read whole and scored exactly.
    // A page key counts once per cluster, as the heavier of itself and its twin where a cluster has both.
    const rough = new Map<string, number>();
    const counted = new Map<string, number>();
    keys.forEach((k, i) => {
      const w = weight.get(k) ?? 0;
      // A key with no twin (a CVE, an organisation) is the only one that stands for itself: added as it is.
      if (!nameTwin(k)) {
        for (const id of idLists[i]) rough.set(id, (rough.get(id) ?? 0) + w);
        return;
      }
      const page = standsFor.get(k) ?? k;
      for (const id of idLists[i]) {
        const tag = `${page}\n${id}`;
        const was = counted.get(tag) ?? 0;
        if (w <= was) continue;
        counted.set(tag, w);
        rough.set(id, (rough.get(id) ?? 0) + w - was);
      }
    });
    const toRead = [...rough]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))
      .slice(0, limit * READ_PER_ANSWER)
      .map(([id]) => id);
    // The article being read is not "related" to itself: its cluster counts only by its other articles,
    // read whole by the cluster index (the row lists only its newest few).
    const selfCluster = selfRow?.clusterId && toRead.includes(selfRow.clusterId) ? selfRow.clusterId : undefined;
    const [stored, members] = await Promise.all([
      db.clusters.bulkGet(toRead),
      selfCluster ? db.articles.where('clusterId').equals(selfCluster).toArray() : [],
    ]);
    const rows = stored.filter((r): r is ClusterRow => !!r && !!r.type);
    // Its other articles, oldest first as a row lists them (by time, then URL, as lib/worker/cluster/summarise.ts).
    const others = members
      .filter((a) => !isSelf(a.url))
      .map((a) => ({ a, t: a.features?.t ?? time(a.published) ?? 0 }))
      .sort((x, y) => x.t - y.t || x.a.url.localeCompare(y.a.url))
      .map(({ a }) => a);
    const othersListed = others
      .slice(-LISTED_ARTICLES)
      .map((a): RelatedArticle => ({ url: a.url, title: a.title, site: a.site, ...(a.published ? { published: a.published } : {}) }));

    const ref = time(publishedAt) ?? now;
    const scored = rows.flatMap((row) => {
      const mine = row.id === selfCluster;
      const articles = mine ? othersListed : row.articles.filter((a) => !isSelf(a.url));
      if (!articles.length) return [];
      const has = new Set(mine ? others.flatMap((a) => a.entityKeys) : row.entityKeys);
      const sites = mine ? others.map((a) => a.site) : row.sites;
      const shared = sharedKeys(keys, standsFor, weight, has);
      if (!shared.length) return [];
      // The page's own event (other reports of it) is related whatever it shares.
      const victims = new Set(row.victims.map((v) => v.key));
      const telling = (k: string) => TELLING_TYPES.has(typeOfKey(k)) || victims.has(k) || (df.get(k) ?? Infinity) <= RARE_DF;
      if (!mine && shared.length < 2 && !shared.some(telling)) return [];
      const rarity = shared.reduce((sum, k) => sum + (weight.get(k) ?? 0), 0);
      const when = time(row.lastSeen) ?? 0;
      const days = when ? Math.abs(ref - when) / 86_400_000 : RECENCY_HALF_DAYS * 4;
      const recency = 0.5 + 0.5 * Math.pow(0.5, days / RECENCY_HALF_DAYS);
      return [{ row, articles, sites, shared, score: rarity * recency }];
    });
    scored.sort((a, b) => b.score - a.score || (a.row.id < b.row.id ? 1 : -1));
    const top = scored.slice(0, limit);

    // Names: the catalogue's canonical name, else the name the articles gave the entity.
    const neededKeys = [...new Set(top.flatMap((s) => s.shared))];
    const entries = await db.entities.bulkGet(neededKeys);
    const names = new Map<string, string>();
    entries.forEach((e, i) => e && names.set(neededKeys[i], e.name));

    return top.map(({ row, articles, sites, shared, score }): RelatedIncident => {
      const sharedOut = shared.map((k) => ({ key: k, name: names.get(k) ?? row.names?.[k] ?? fallbackName(k), type: typeOfKey(k) }));
      const reasonNames = sharedOut.slice(0, 3).map((x) => x.name);
      const more = sharedOut.length > 3 ? ` and ${sharedOut.length - 3} more` : '';
      const out: RelatedIncident = {
        id: row.id,
        type: row.type as IncidentType,
        summary: row.summary,
        shared: sharedOut,
        reason: `shares ${more ? reasonNames.join(', ') : joinNames(reasonNames)}${more}`,
        score: Math.round(score * 1000) / 1000,
        // Newest first, as the sidebar lists them.
        articles: [...articles].reverse(),
        title: row.title,
        sites: [...new Set(sites.filter(Boolean))],
        firstSeen: row.firstSeen,
        lastSeen: row.lastSeen,
      };
      if (row.victims[0]) out.victim = row.victims[0].name;
      if (row.actors[0]) out.actor = row.actors[0].name;
      if (row.cves.length) out.cves = row.cves;
      out.published = row.lastSeen;
      return out;
    });
  });
}
