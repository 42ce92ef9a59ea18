import type { EntityMatch } from '../../shared/types';
import { slug } from '../knowledge/keys';
import { placeKeyByName } from '../knowledge/places-index';
import { matchesAfterBoundary } from './sticky';

/**
 * Lower-case nouns for a kind of organisation that a place before them makes one ("an Indiana hospital").
 * Singular only: the group a place describes ("German HR companies") is the victim rules' own reading,
 * weighed below a name (PLACE_GROUP_AFTER in ./incidents/roles.ts).
 */
const KINDS =
  'hospital|bank|hotel|university|college|school|clinic|company|firm|retailer|insurer|lender|utility|casino|airline|airport|restaurant|newspaper|broadcaster|manufacturer|carrier|charity|council|municipality';

/**
 * "a", "an", "one", "another" (not "the": "the Indiana hospital" points back to one the text named), one
 * to three capitalised words, perhaps "-based", a kind, and perhaps a longer kind of the same body
 * ("an Ohio hospital system").
 */
const COUNTS = 'an? one another'
  .split(' ')
  .map((w) => `[${w[0]}${w[0].toUpperCase()}]${w.slice(1)}`)
  .join('|');
const DESCRIBED = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${COUNTS})\\s+` +
    `(\\p{Lu}[\\p{L}.]*(?:[ \\t]\\p{Lu}[\\p{L}.]*){0,2}?)(-based)?[ \\t]+(${KINDS})(?:[ \\t]+(?:system|network|chain|group|district))?(?![\\p{L}-])`,
  'gdu',
);

/** What may follow such a description: a verb, a preposition, a clause's end (not "bank account", "hospital staff"). */
const AFTER =
  /^(?:\s*[.,;:!?)"”’]|\s*$|\s+(?:was|were|is|are|has|had|have|paid|agreed|said|says|reported|confirmed|disclosed|lost|suffered|fell|became|got|that|which|who|in|on|at|to|for|from|with|by|and|or|after|last|this|earlier|recently|also|out)\b)/u;

/**
 * Before the determiner: a name and a comma or a bracket, or a copula, after which the words say what a
 * name is ("Halvorsen Outdoor Supply, a Minnesota-based retailer"); not after a common noun ("One of the
 * victims, an Indiana hospital").
 */
const APPOSITION_BEFORE = /(?:(?:\p{Lu}[\p{L}\p{N}.&'’-]*|[)"”])\s*[,(–—]|\b(?:is|was|as|being|becomes|became))\s*$/u;

/**
 * Whether the text names an organisation of that kind: one whose name ends with it ("Hancock Regional
 * Hospital"), or a name the text says is one ("Hancock Health, a regional hospital"). Then the
 * description is that organisation, and its name is the better answer.
 */
function namesOneOfKind(text: string, entities: readonly EntityMatch[], kind: string): boolean {
  const k = kind.toLowerCase();
  if (entities.some((e) => (e.type === 'organization' || e.type === 'vendor') && e.name.toLowerCase().endsWith(` ${k}`))) return true;
  return new RegExp(`\\p{Lu}[\\p{L}\\p{N}&.'’-]*,\\s+(?:an?|the)\\s+(?:[\\p{L}-]+\\s+){0,4}${k}(?![\\p{L}-])`, 'u').test(text);
}

/**
 * Organisations the text describes without naming them: "An Indiana hospital paid a ransom", "a
 * Philippine bank", "a US-based company". A place (or its people's adjective) between a determiner
 * and a lower-case noun for a kind of organisation stands for one organisation the text names nowhere
 * else. These are no names, so they are not entities of the page (the NER sets do not label them); the
 * incident rules read them beside the entities, to choose a victim where the text names none
 * (lib/worker/extract/incidents/index.ts). Not where an entity other than a place covers any of the words.
 */
export function describedOrganizations(text: string, entities: readonly EntityMatch[]): EntityMatch[] {
  const out: EntityMatch[] = [];
  // (The look-behind checked in code where the rest matches: sticky.ts.)
  for (const m of matchesAfterBoundary(DESCRIBED, text)) {
    const placeWords = m[1];
    // The capitalised words must be a place the index knows, and the match's capitals only those.
    if (placeKeyByName(placeWords) === undefined) continue;
    const start = m.indices![1][0];
    const end = m.index + m[0].length;
    if (!AFTER.test(text.slice(end, end + 16))) continue;
    // "Halvorsen Outdoor Supply, a Minnesota-based retailer", "X is a Texas bank": what a name is, not another body.
    if (APPOSITION_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    if (entities.some((e) => e.type !== 'location' && e.start < end && e.end > start)) continue;
    if (namesOneOfKind(text, entities, m[3])) continue;
    const surface = text.slice(start, end);
    const name = surface.replace(/\s+/g, ' ');
    out.push({
      type: 'organization',
      start,
      end,
      text: surface,
      key: `organization:${slug(name)}`,
      name,
      why: { rule: 'described', source: 'text' },
    });
  }
  return out;
}
