/**
 * Related incidents: those of the local database that share entities with the article being read, ranked
 * by how telling the shared entities are and by how close in time the incidents are.
 *
 * Telling = rare: each shared key weighs idf = ln(1 + N / df), N incidents in the database, df those that
 * mention the key, so a shared CVE or victim (few incidents) counts far more than a shared "Microsoft"
 * (many). A small prior per type steadies it while the database is still small: places and attack types
 * say little about which incident this is.
 */
import type { EntityType, IncidentType } from '../types';
import type { RelatedArticle, RelatedIncident, RelatedRequest } from '../analysis/protocol';
import { pageUrl } from '../sites';
import type { IncidentLensDb } from './database';
import type { IncidentRow } from './schema';

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

/** Incidents farther apart than this (days) keep half their score; recency never outweighs rarity. */
const RECENCY_HALF_DAYS = 180;
/** Keys mentioned by at most this many incidents (or this share of them) find candidates. */
const RARE_DF = 100;
const RARE_SHARE = 0.02;
const MAX_CANDIDATE_KEYS = 64;
const FALLBACK_KEYS = 4;
const PER_KEY_ROWS = 200;

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

/** One real-world incident is reported by several articles: their rows meet under one cluster key. */
function clusterKey(row: IncidentRow): string {
  const who = row.victim?.key ?? row.actor?.key;
  return who ? `${row.type}|${who}|${(row.when ?? row.published ?? '').slice(0, 7)}` : `id|${row.id}`;
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export async function relatedIncidents(
  db: IncidentLensDb,
  entityKeys: readonly string[],
  publishedAt?: string,
  opts: Pick<RelatedRequest, 'url' | 'limit'> & { now?: number } = {},
): Promise<RelatedIncident[]> {
  const keys = [...new Set(entityKeys)];
  if (!keys.length) return [];
  const self = opts.url ? pageUrl(opts.url) : undefined;
  const limit = opts.limit ?? 10;

  return db.transaction('r', db.incidents, db.articles, db.entities, async () => {
    const total = await db.incidents.count();
    // df per key from the multi-entry index: counts read the index only, cheap even for hundreds of keys.
    const dfs = await Promise.all(keys.map((k) => db.incidents.where('entityKeys').equals(k).count()));
    const weight = new Map<string, number>();
    keys.forEach((k, i) => {
      if (dfs[i] > 0) weight.set(k, Math.log(1 + total / dfs[i]) * (TYPE_PRIOR[typeOfKey(k)] ?? 1));
    });
    if (!weight.size) return [];

    // Candidates come through the telling keys only: fetching every incident that mentions "Microsoft"
    // costs much and finds nothing worth showing. Without a rare key, the least common few do.
    const byRarity = keys.map((k, i) => ({ k, df: dfs[i] })).filter((x) => x.df > 0).sort((a, b) => a.df - b.df);
    const rareLimit = Math.max(RARE_DF, total * RARE_SHARE);
    const rare = byRarity.filter((x) => x.df <= rareLimit).slice(0, MAX_CANDIDATE_KEYS);
    const via = rare.length ? rare : byRarity.slice(0, FALLBACK_KEYS);
    const found = await Promise.all(via.map(({ k }) => db.incidents.where('entityKeys').equals(k).limit(PER_KEY_ROWS).toArray()));
    const candidates = [...new Map(found.flat().map((r) => [r.id, r])).values()];
    const rows = candidates.filter((r) => r.articleUrl !== self);

    const clusters = new Map<string, IncidentRow[]>();
    for (const r of rows) {
      const c = clusterKey(r);
      const list = clusters.get(c);
      if (list) list.push(r);
      else clusters.set(c, [r]);
    }

    const ref = time(publishedAt) ?? opts.now ?? Date.now();
    const scored = [...clusters.values()].map((group) => {
      const shared = new Set<string>();
      for (const r of group) for (const k of r.entityKeys) if (weight.has(k)) shared.add(k);
      const rarity = [...shared].reduce((sum, k) => sum + (weight.get(k) ?? 0), 0);
      const when = Math.max(...group.map((r) => time(r.when) ?? time(r.published) ?? 0));
      const days = when ? Math.abs(ref - when) / 86_400_000 : RECENCY_HALF_DAYS * 4;
      const recency = 0.5 + 0.5 * Math.pow(0.5, days / RECENCY_HALF_DAYS);
      return { group, shared: [...shared].sort((a, b) => (weight.get(b) ?? 0) - (weight.get(a) ?? 0)), score: rarity * recency };
    });
    scored.sort((a, b) => b.score - a.score);
    const top = scored.slice(0, limit);

    // Names: the catalogue's canonical name, else the name an incident gave the entity.
    const neededKeys = [...new Set(top.flatMap((s) => s.shared))];
    const entries = await db.entities.bulkGet(neededKeys);
    const names = new Map<string, string>();
    entries.forEach((e, i) => e && names.set(neededKeys[i], e.name));
    for (const s of top)
      for (const r of s.group)
        for (const ref of [r.victim, r.actor, r.place, ...(r.entities ?? [])])
          if (ref && !names.has(ref.key)) names.set(ref.key, ref.name);

    const urls = [...new Set(top.flatMap((s) => s.group.map((r) => r.articleUrl)))];
    const articleRows = await db.articles.bulkGet(urls);
    const articles = new Map<string, RelatedArticle>();
    articleRows.forEach((a) => {
      if (!a) return;
      const out: RelatedArticle = { url: a.url, title: a.title, site: a.site };
      if (a.published) out.published = a.published;
      articles.set(a.url, out);
    });

    return top.map(({ group, shared, score }): RelatedIncident => {
      const first = [...group].sort((a, b) => (time(b.published) ?? 0) - (time(a.published) ?? 0))[0];
      const sharedOut = shared.map((k) => ({ key: k, name: names.get(k) ?? fallbackName(k), type: typeOfKey(k) }));
      const reasonNames = sharedOut.slice(0, 3).map((s) => s.name);
      const more = sharedOut.length > 3 ? ` and ${sharedOut.length - 3} more` : '';
      const out: RelatedIncident = {
        id: first.id,
        type: first.type as IncidentType,
        summary: first.summary,
        shared: sharedOut,
        reason: `shares ${more ? reasonNames.join(', ') : joinNames(reasonNames)}${more}`,
        score: Math.round(score * 1000) / 1000,
        articles: [...new Set(group.map((r) => r.articleUrl))]
          .map((u) => articles.get(u) ?? { url: u, title: u, site: '' })
          .sort((a, b) => (time(b.published) ?? 0) - (time(a.published) ?? 0)),
      };
      if (first.victim) out.victim = first.victim.name;
      if (first.actor) out.actor = first.actor.name;
      if (first.when) out.when = first.when;
      if (first.published) out.published = first.published;
      return out;
    });
  });
}
