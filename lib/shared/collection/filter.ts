/**
 * The collection page's filters and sort orders, as pure functions over saved rows. The database narrows
 * by one index first (lib/worker/db/collection.ts `queryCollection`); these decide the rest.
 */
import type { SavedArticle } from '../messaging';
import type { EntityType, IncidentType } from '../types';
import { normaliseTag } from '../tags';

export const SORTS = ['saved-desc', 'saved-asc', 'published-desc', 'published-asc', 'title'] as const;
export type CollectionSort = (typeof SORTS)[number];

export interface CollectionFilter {
  tag?: string;
  entityKey?: string;
  entityType?: EntityType;
  incidentType?: IncidentType;
  site?: string;
  /** yyyy-mm-dd, inclusive, on the article's date (the save date when it gives none). */
  from?: string;
  to?: string;
  /** Words that must all appear in the title, text, note, tags or entity names (any case, any order). */
  text?: string;
  sort?: CollectionSort;
}

/** The day an article is filed under: its own date, else the day it was saved (UTC). */
export function articleDay(row: Pick<SavedArticle, 'published' | 'savedAt'>): string {
  const t = row.published ? Date.parse(row.published) : NaN;
  return new Date(Number.isNaN(t) ? row.savedAt : t).toISOString().slice(0, 10);
}

function queryWords(text: string | undefined): string[] {
  return (text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

function haystack(row: SavedArticle): string {
  return [row.title, row.text ?? row.excerpt ?? '', row.note, row.tags.join(' '), row.entities.map((e) => e.name).join(' '), row.url]
    .join('\n')
    .toLowerCase();
}

export function matchesFilter(row: SavedArticle, f: CollectionFilter): boolean {
  if (f.tag && !row.tags.includes(normaliseTag(f.tag))) return false;
  if (f.entityKey && !row.entityKeys.includes(f.entityKey)) return false;
  if (f.entityType && !row.entityTypes.includes(f.entityType)) return false;
  if (f.incidentType && !row.incidentTypes.includes(f.incidentType)) return false;
  if (f.site && row.site !== f.site) return false;
  if (f.from || f.to) {
    const day = articleDay(row);
    if (f.from && day < f.from) return false;
    if (f.to && day > f.to) return false;
  }
  const words = queryWords(f.text);
  if (words.length) {
    const hay = haystack(row);
    if (!words.every((w) => hay.includes(w))) return false;
  }
  return true;
}

const byTitle = (a: SavedArticle, b: SavedArticle) => a.title.localeCompare(b.title) || a.url.localeCompare(b.url);

export function sortRows(rows: SavedArticle[], sort: CollectionSort = 'saved-desc'): SavedArticle[] {
  const day = (r: SavedArticle) => articleDay(r);
  const cmp: Record<CollectionSort, (a: SavedArticle, b: SavedArticle) => number> = {
    'saved-desc': (a, b) => b.savedAt - a.savedAt || byTitle(a, b),
    'saved-asc': (a, b) => a.savedAt - b.savedAt || byTitle(a, b),
    'published-desc': (a, b) => (day(a) < day(b) ? 1 : day(a) > day(b) ? -1 : b.savedAt - a.savedAt),
    'published-asc': (a, b) => (day(a) < day(b) ? -1 : day(a) > day(b) ? 1 : a.savedAt - b.savedAt),
    title: byTitle,
  };
  return [...rows].sort(cmp[sort]);
}

/** What the filters can offer: every tag, site, entity (with its article count) in the rows. */
export function facets(rows: readonly SavedArticle[]): {
  tags: string[];
  sites: string[];
  entities: { key: string; name: string; type: EntityType; articles: number }[];
} {
  const tags = new Set<string>();
  const sites = new Set<string>();
  const entities = new Map<string, { key: string; name: string; type: EntityType; articles: number }>();
  for (const r of rows) {
    r.tags.forEach((t) => tags.add(t));
    sites.add(r.site);
    for (const e of r.entities) {
      const seen = entities.get(e.key);
      if (seen) seen.articles++;
      else entities.set(e.key, { key: e.key, name: e.name, type: e.type, articles: 1 });
    }
  }
  return {
    tags: [...tags].sort(),
    sites: [...sites].sort(),
    entities: [...entities.values()].sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name)),
  };
}
