/** The catalogue for the benchmark and the NER evaluation: seed + catalogue files, as the CLI reads them. */
import { resolve } from 'node:path';
import { fullCatalogue } from '../../lib/node/load-catalogues';
import type { CatalogueEntry } from '../../lib/shared/types';

export const SHARED = resolve(import.meta.dirname, '../../../shared');
export const MISP_CLUSTERS = resolve(SHARED, 'fixtures/misp-galaxy/clusters');
export const KEV = resolve(SHARED, 'fixtures/kev/known_exploited_vulnerabilities.json');

export async function loadCatalogue(paths: string[]): Promise<{ entries: CatalogueEntry[]; via: string }> {
  return { entries: await fullCatalogue(paths), via: 'seed + lib/worker/knowledge importers' };
}
