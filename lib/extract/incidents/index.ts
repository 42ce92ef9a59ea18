import type { EntityMatch, Incident } from '../../types';

export interface IncidentOptions {
  /** The article's publication date (ISO), to resolve "in September". */
  published?: string;
}

/** The incidents a text reports. */
export function extractIncidents(_text: string, _entities: EntityMatch[], _opts: IncidentOptions = {}): Incident[] {
  return []; // placeholder until incident extraction lands (issue 3)
}
