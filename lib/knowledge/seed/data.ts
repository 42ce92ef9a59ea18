/**
 * Every row of the bundled seed catalogue, grouped by entity type. The seed loader (./index.ts) turns the
 * rows into CatalogueEntry objects; tests/unit/seed-data.test.ts checks the data itself.
 */
import type { EntityType } from '../../types';
import type { SeedRow } from './row';
import { ACTORS } from './actors';

export const SEED_ROWS: { type: EntityType; rows: SeedRow[] }[] = [
  { type: 'actor', rows: ACTORS },
  // places: added by lib/knowledge/seed/places.ts
];
