import type { CatalogueEntry, EntityType } from '../../lib/shared/types';

/** A catalogue entry for a test: its type from its key (`malware:kevin` is malware). */
export function catalogueEntry(key: string, name: string, aliases: string[] = [], extra: Partial<CatalogueEntry> = {}): CatalogueEntry {
  return { key, type: key.split(':')[0] as EntityType, name, aliases, sources: ['test'], ...extra };
}
