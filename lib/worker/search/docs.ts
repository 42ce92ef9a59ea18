/**
 * What the search index reads of each row: titles, summaries and names, never whole texts. One function
 * per kind, so the worker's index and the tests agree on what a row is found by.
 */
import type { ArticleRow, CollectionRow, IncidentRow } from '../db/schema';
import type { CatalogueEntry } from '../../shared/types';
import { INCIDENT_LABELS } from '../../shared/types';

export type SearchKind = 'incident' | 'article' | 'entity' | 'saved';
export const SEARCH_KINDS: readonly SearchKind[] = ['incident', 'article', 'entity', 'saved'];

/** Saved text beyond this is not indexed: the start of an article says what it is about. */
const SAVED_TEXT_CHARS = 2000;

export function articleText(row: ArticleRow): string {
  return [row.title, row.summary ?? '', row.site].join(' \n ');
}

export function incidentText(row: IncidentRow): string {
  const names = [row.victim, row.actor, row.place, ...(row.entities ?? [])].flatMap((r) => (r ? [r.name] : []));
  return [row.summary, INCIDENT_LABELS[row.type] ?? row.type, ...new Set(names)].join(' \n ');
}

/** An entity by its name, every alias and its ids (CVE id, ATT&CK id). */
export function entityText(entry: CatalogueEntry): string {
  const mitre = entry.meta?.mitreId;
  return [entry.name, ...entry.aliases, typeof mitre === 'string' ? mitre : ''].join(' \n ');
}

/** The collection engineer's saved row may carry `excerpt` and `text`; both are read when present. */
export function savedText(row: CollectionRow & { excerpt?: unknown; text?: unknown; author?: unknown }): string {
  const extra = [row.excerpt, row.author, typeof row.text === 'string' ? row.text.slice(0, SAVED_TEXT_CHARS) : ''].filter(
    (x): x is string => typeof x === 'string',
  );
  return [row.title, row.note ?? '', (row.tags ?? []).join(' '), row.site, ...extra].join(' \n ');
}
