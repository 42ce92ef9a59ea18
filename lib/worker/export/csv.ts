/**
 * Saved articles as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma,
 * a quote or a line break, quotes doubled). A cell that starts with = + - @ (or a tab or carriage return)
 * gets a leading apostrophe, so that a spreadsheet shows it as text instead of running it as a formula.
 */
import type { SavedArticle } from '../../shared/messaging';
import { articleDay } from '../../shared/collection/filter';

export const CSV_COLUMNS = [
  'url',
  'title',
  'site',
  'author',
  'published',
  'saved_at',
  'updated_at',
  'tags',
  'note',
  'excerpt',
  'entities',
  'incident_types',
] as const;

/** One cell, made formula-safe and quoted as RFC 4180 asks. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function row(article: SavedArticle): string[] {
  return [
    article.url,
    article.title,
    article.site,
    article.author ?? '',
    article.published ? articleDay(article) : '',
    new Date(article.savedAt).toISOString(),
    new Date(article.updatedAt ?? article.savedAt).toISOString(),
    article.tags.join('; '),
    article.note,
    article.excerpt ?? '',
    article.entities.map((e) => e.name).join('; '),
    [...new Set(article.incidents.map((i) => i.type))].join('; '),
  ];
}

export function toCsv(articles: readonly SavedArticle[]): string {
  return [[...CSV_COLUMNS], ...articles.map(row)].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
