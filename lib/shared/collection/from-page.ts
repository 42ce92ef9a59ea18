/** A page read without a browser (the CLI) as the collection would keep it, had the user saved it then. */
import type { SavedArticle } from '../messaging';
import type { EntityMatch, Incident } from '../types';
import { siteOf } from '../sites';
import { articleUrl } from './article-url';
import { excerptOf, summariseEntities, withIndexes } from './saved';

export interface PageFacts {
  url: string;
  title?: string | null;
  site?: string | null;
  byline?: string | null;
  published?: string | null;
  text: string;
  entities: EntityMatch[];
  incidents: Incident[];
}

/**
 * The saved row for a page. Its times are the article's date (or 0 when it gives none), not the clock:
 * the same page gives the same row, and the same STIX ids and timestamps, every time.
 */
export function savedFromPage(page: PageFacts): SavedArticle {
  const web = /^https?:/i.test(page.url);
  const url = web ? articleUrl(page.url) : page.url;
  const t = page.published ? Date.parse(page.published) : NaN;
  const at = Number.isNaN(t) ? 0 : t;
  const row: Omit<SavedArticle, 'entityKeys' | 'entityTypes' | 'incidentTypes'> = {
    url,
    title: page.title?.trim() || url,
    site: page.site?.trim() || (web ? siteOf(url) : ''),
    entities: summariseEntities(page.entities),
    incidents: page.incidents,
    tags: [],
    note: '',
    savedAt: at,
    updatedAt: at,
  };
  if (page.byline) row.author = page.byline;
  if (page.published) row.published = page.published;
  if (page.text.trim()) {
    row.text = page.text;
    row.excerpt = excerptOf(page.text);
  }
  return withIndexes(row);
}
