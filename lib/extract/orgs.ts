import type { EntityMatch } from '../types';

/** Organisations named in the text that the catalogue does not know (victims, companies, agencies). */
export function findOrganizations(_text: string, _known: EntityMatch[]): EntityMatch[] {
  return []; // placeholder until organisation recognition lands (issue 3)
}
