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
import { placeRows } from './places';
import { VULNERABILITIES } from './vulnerabilities';

/**
 * On the worker's timeline when the seed's data is evaluated, so that a test can see that a worker woken to answer
 * a page did not (tests/e2e/woken.test.ts): it checks its stored matcher with the stamp the build worked out
 * (./stamp.ts). `performance` is in every runtime lib/ runs in.
 */
performance.mark('il:seed-evaluated');

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
