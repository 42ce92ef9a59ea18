/** What opening a search hit shows: an incident with its articles, an entity's incidents. */
import type { IncidentLensDb } from '../db/database';
import type { IncidentRow } from '../db/schema';
import type { IncidentBrief, IncidentDetail } from './protocol';
import { nameTwin } from '../knowledge/keys';

const newestFirst = (a: IncidentRow, b: IncidentRow) => (b.published ?? b.when ?? '').localeCompare(a.published ?? a.when ?? '');

function brief(row: IncidentRow, titles: Map<string, string>): IncidentBrief {
  const out: IncidentBrief = { id: row.id, type: row.type, summary: row.summary, articleUrl: row.articleUrl };
  if (row.when) out.when = row.when;
  if (row.published) out.published = row.published;
  const title = titles.get(row.articleUrl);
  if (title) out.articleTitle = title;
  return out;
}

async function titlesOf(db: IncidentLensDb, urls: string[]): Promise<Map<string, string>> {
  const rows = await db.articles.bulkGet(urls);
  return new Map(rows.flatMap((r) => (r ? [[r.url, r.title] as [string, string]] : [])));
}

/** Incidents that involve an entity (a ransomware family's and its crew's alike: `nameTwin`), newest first. */
export async function entityIncidents(db: IncidentLensDb, key: string, limit = 10): Promise<IncidentBrief[]> {
  const twin = nameTwin(key);
  const found = twin ? db.incidents.where('entityKeys').anyOf(key, twin).distinct() : db.incidents.where('entityKeys').equals(key);
  const rows = (await found.toArray()).sort(newestFirst).slice(0, limit);
  const titles = await titlesOf(db, [...new Set(rows.map((r) => r.articleUrl))]);
  return rows.map((r) => brief(r, titles));
}

/** One incident and the articles that report it. */
export async function incidentDetail(db: IncidentLensDb, id: string, maxArticles = 10): Promise<IncidentDetail | null> {
  const row = await db.incidents.get(id);
  if (!row) return null;
  const who = row.victim?.key ?? row.actor?.key;
  const urls = [row.articleUrl];
  if (who) {
    const same = (await db.incidents.where('entityKeys').equals(who).toArray())
      .filter((r) => r.type === row.type && (r.victim?.key ?? r.actor?.key) === who)
      .sort(newestFirst);
    for (const r of same) if (!urls.includes(r.articleUrl)) urls.push(r.articleUrl);
  }
  const articles = (await db.articles.bulkGet(urls.slice(0, maxArticles))).flatMap((a) =>
    a ? [{ url: a.url, title: a.title, site: a.site, ...(a.published ? { published: a.published } : {}) }] : [],
  );
  const titles = new Map(articles.map((a) => [a.url, a.title]));
  const named = new Set([row.victim?.key, row.actor?.key, row.place?.key]);
  return {
    ...brief(row, titles),
    ...(row.victim ? { victim: row.victim.name } : {}),
    ...(row.actor ? { actor: row.actor.name } : {}),
    ...(row.place ? { place: row.place.name } : {}),
    involved: [...new Set((row.entities ?? []).filter((e) => !named.has(e.key)).map((e) => e.name))],
    articles,
  };
}
