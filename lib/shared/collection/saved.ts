/** What a saved article keeps of its analysis, and the fields the database indexes it by. */
import type { EntityMatch, EntityType, Incident, IncidentType } from '../types';
import type { SavedArticle, SavedEntity } from '../messaging';

/** Longest excerpt kept (characters). */
const EXCERPT_LENGTH = 300;

/** One entry per key, with how often the text names it; most named first, then by name. */
export function summariseEntities(matches: readonly Pick<EntityMatch, 'key' | 'type' | 'subtype' | 'name'>[]): SavedEntity[] {
  const byKey = new Map<string, SavedEntity>();
  for (const m of matches) {
    const seen = byKey.get(m.key);
    if (seen) seen.count++;
    else {
      const entity: SavedEntity = { key: m.key, type: m.type, name: m.name, count: 1 };
      if (m.subtype) entity.subtype = m.subtype;
      byKey.set(m.key, entity);
    }
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The start of the text, cut at a word, for lists and exports. */
export function excerptOf(text: string, max = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The derived index fields of a row: entity keys and types, incident types (each once, sorted). */
export function indexFields(
  entities: readonly SavedEntity[],
  incidents: readonly Incident[],
): Pick<SavedArticle, 'entityKeys' | 'entityTypes' | 'incidentTypes'> {
  const sorted = <T extends string>(values: Iterable<T>): T[] => [...new Set(values)].sort();
  return {
    entityKeys: sorted(entities.map((e) => e.key)),
    entityTypes: sorted<EntityType>(entities.map((e) => e.type)),
    incidentTypes: sorted<IncidentType>(incidents.map((i) => i.type)),
  };
}

/** A row with its index fields recomputed from what it holds (after an edit, an import, an upgrade). */
export function withIndexes<T extends Omit<SavedArticle, 'entityKeys' | 'entityTypes' | 'incidentTypes'>>(
  row: T,
): T & Pick<SavedArticle, 'entityKeys' | 'entityTypes' | 'incidentTypes'> {
  return { ...row, ...indexFields(row.entities, row.incidents) };
}
