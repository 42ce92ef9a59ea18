/** A stored catalogue row for the database's tests: an actor a MISP cluster gave, named after its key. */
import type { EntityRow } from '../../lib/worker/db/schema';

export const actorRow = (key: string): EntityRow => ({
  key,
  type: 'actor',
  name: key.slice(6),
  aliases: [],
  sources: ['misp:threat-actor'],
  aliasesLower: [key.slice(6)],
});
