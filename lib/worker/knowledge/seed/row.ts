/**
 * The compact row the bundled seed catalogue is written in. The seed files list rows per entity
 * type; the seed loader turns each row into a CatalogueEntry with key `${type}:${id}` and source `seed`.
 */
export interface SeedRow {
  /** Slug part of the key; key = `${type}:${id}`, e.g. 'apt28', 'lockbit', 'citrix-netscaler-adc'. */
  id: string;
  /** Canonical display name. */
  name: string;
  aliases?: string[];
  /** Malware only: 'ransomware' | 'malware' | 'tool'. */
  subtype?: string;
  /** One short sentence, in the project's own words. */
  description?: string;
  /** Attributed country as a location slug: 'russia', 'china', 'north-korea', 'iran'. */
  country?: string;
  /** Aliases (or the name) that are ordinary words or names and need a cue ("Play", "Royal", "Cuba"). */
  ambiguous?: string[];
  /** Words that, near an ambiguous name, confirm it (the matcher has defaults per type). */
  cues?: string[];
  refs?: string[];
  meta?: Record<string, string | number | boolean | string[]>;
}
