import { ACTORS } from '../../knowledge/seed/actors';

/**
 * Actors the catalogue knows as spies (`meta.motivation: 'espionage'`, state-sponsored groups): named as
 * the doer of an attack, such an actor is evidence that the attack is espionage, as an analyst reads
 * "APT28 launched credential harvesting attacks against ...". Keys as the matcher gives them (`actor:apt28`).
 */
const SPIES = new Set(ACTORS.filter((a) => a.meta?.motivation === 'espionage').map((a) => `actor:${a.id}`));

/** Whether the actor of this key is known for espionage. */
export const knownSpy = (key: string): boolean => SPIES.has(key);
