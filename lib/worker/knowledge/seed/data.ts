/**
 * Every row of the bundled seed catalogue, grouped by entity type. The seed loader (./index.ts) turns the
 * rows into CatalogueEntry objects; tests/unit/seed-data.test.ts checks the data itself.
 */
import type { EntityType } from '../../../shared/types';
import type { SeedRow } from './row';
import { ACTORS } from './actors';
import { MALWARE_ROWS } from './malware';
import { VENDORS } from './vendors';
import { PRODUCTS } from './products';
import { ORGANIZATIONS } from './organizations';
import { ATTACKS } from './attacks';
import { placeRowCount, placeRows } from './places';
import { VULNERABILITIES } from './vulnerabilities';

export const SEED_ROWS: { type: EntityType; rows: SeedRow[] }[] = [
  { type: 'actor', rows: ACTORS },
  { type: 'malware', rows: MALWARE_ROWS },
  { type: 'vendor', rows: VENDORS },
  { type: 'product', rows: PRODUCTS },
  { type: 'organization', rows: ORGANIZATIONS },
  { type: 'attack', rows: ATTACKS },
  { type: 'vulnerability', rows: VULNERABILITIES },
  // places: lib/worker/knowledge/seed/places.ts, built at first use
  {
    type: 'location',
    get rows() {
      return placeRows();
    },
  },
];

/** How many rows the seed holds, without building the places' rows (a woken worker checks its stored matcher's stamp with it). */
export function seedRowCount(): number {
  return SEED_ROWS.reduce((n, g) => n + (g.type === 'location' ? placeRowCount() : g.rows.length), 0);
}
