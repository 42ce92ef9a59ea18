import type { EntityMatch } from '../../types';

/** CVE ids, ATT&CK ids and indicators (defanged forms included), with refanged canonical keys. */
export function findPatternEntities(_text: string): EntityMatch[] {
  return []; // placeholder until the patterns land (issue 3)
}
