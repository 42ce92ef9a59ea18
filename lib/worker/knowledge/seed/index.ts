/**
 * The bundled seed catalogue: the rows of ./data.ts (written by hand from public facts) turned into
 * CatalogueEntry objects with key `${type}:${id}` and source `seed`.
 */
import type { CatalogueEntry, EntityType } from '../../../shared/types';
import { cleanName } from '../keys';
import { SEED_ROWS } from './data';
import type { SeedRow } from './row';

/** One seed row as a catalogue entry. Countries are written as slugs in the rows and as keys here. */
function seedRowToEntry(type: EntityType, row: SeedRow): CatalogueEntry {
  const name = cleanName(row.name);
  const seen = new Set([name.toLowerCase()]);
  const aliases: string[] = [];
  for (const a of row.aliases ?? []) {
    const c = cleanName(a);
    if (c && !seen.has(c.toLowerCase())) {
      seen.add(c.toLowerCase());
      aliases.push(c);
    }
  }
  const entry: CatalogueEntry = { key: `${type}:${row.id}`, type, name, aliases, sources: ['seed'] };
  if (row.subtype) entry.subtype = row.subtype;
  if (row.description) entry.description = row.description;
  if (row.country) entry.country = row.country.includes(':') ? row.country : `location:${row.country}`;
  if (row.refs?.length) entry.refs = [...row.refs];
  if (row.ambiguous?.length) entry.ambiguous = [...row.ambiguous];
  if (row.cues?.length) entry.cues = [...row.cues];
  if (row.meta) entry.meta = { ...row.meta };
  return entry;
}

let cached: CatalogueEntry[] | undefined;

/**
 * Every seed entry. Built once per process and shared: callers must not mutate the entries (merge copies
 * what it changes).
 */
export function seedCatalogue(): CatalogueEntry[] {
  if (!cached) cached = SEED_ROWS.flatMap(({ type, rows }) => rows.map((row) => seedRowToEntry(type, row)));
  return cached;
}
