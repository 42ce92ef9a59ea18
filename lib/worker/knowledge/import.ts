/**
 * Any catalogue document to entries: sniff which source wrote it, run its importer. Plain TS (no fs): the
 * worker's sync calls this on what it downloaded, the Node loader on what it read from disk.
 */
import { importAttackStix, stixObjects } from './importers/attack-stix';
import type { ImportResult } from './importers/common';
import { importKev, isKev } from './importers/kev';
import { importMispGalaxy, isMispCluster } from './importers/misp-galaxy';

export type CatalogueFormat = 'misp-galaxy' | 'attack-stix' | 'kev';

/**
 * Which importer a parsed JSON document is for: the KEV catalogue has `catalogVersion` and
 * `vulnerabilities`, a MISP galaxy cluster file `type` and `values`, a STIX bundle `type: "bundle"` (or
 * it is an array of STIX objects). Undefined for anything else.
 */
export function sniffFormat(json: unknown): CatalogueFormat | undefined {
  if (isKev(json)) return 'kev';
  if (isMispCluster(json)) return 'misp-galaxy';
  if (stixObjects(json)) return 'attack-stix';
  return undefined;
}

/** Import one parsed document whose format is known (throws if the document is not of that format). */
export function importDocument(json: unknown, format: CatalogueFormat): ImportResult {
  switch (format) {
    case 'kev':
      return importKev(json);
    case 'misp-galaxy':
      return importMispGalaxy(json);
    case 'attack-stix':
      return importAttackStix(json);
  }
}
