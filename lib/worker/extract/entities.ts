/**
 * All entities of a text: patterns (CVE ids, ATT&CK ids, indicators), catalogue names (gazetteer) and
 * organisations the catalogue does not know, with overlaps resolved and in text order.
 *
 * Overlaps: what the patterns find from the text's own shape (indicators, CVE ids, ATT&CK ids) wins over
 * names inside or across it — "microsoft.com" is a domain, not the vendor, since that is what the
 * writer wrote; then catalogue names; then organisations found by shape. Within one rank the longer span
 * wins, then the earlier.
 */
import type { EntityMatch } from '../../shared/types';
import type { CompiledMatcher } from './matcher';
import { ENCLOSING_RULE, findOrganizations } from './orgs';
import { extractKnownEntities, resolveOverlaps } from './known';
import { findMalwareByShape } from './malware-names';
import { findActorsByShape } from './actor-names';
import { findPeople, givenNameOfPerson, isGivenName, isPerson } from './people';
import { sentenceSaysKind, speaksOfTheField } from './kind-in-context';
import { findAbbreviations } from './abbreviations';
import { isCommonWord } from './common-word';

export { extractKnownEntities, mapAttackId, resolveOverlaps } from './known';

export interface ExtractOptions {
  /** Look for organisations beyond the catalogue (default true). */
  organizations?: boolean;
}

export function extractEntities(text: string, matcher: CompiledMatcher, opts: ExtractOptions = {}): EntityMatch[] {
  const known = extractKnownEntities(text, matcher);
  return opts.organizations === false ? known : addOrganizations(text, known);
}

/** A word for malware right after a name: "Kevin backdoor" is the malware, "Kevin said" the person. */
const MALWARE_AFTER =
  /^\s*(?:malware|backdoor|implant|trojan|rat|loader|stealer|ransomware|wiper|botnet|variant|sample|payload|family)s?\b/i;

/**
 * A company's name after a catalogue name: "Phobos Group", "Phobos Inc." (capitalised: "the X group" is a gang),
 * or the people who work for one: "Synack researchers", "Synack engineers", "the Phobos CEO", or a vendor's
 * research team, capitalised as its name: "the Synack Red Team", "Phobos Labs", "Synack Threat Research"; its
 * researchers, analysts, chiefs and labs also after a possessive ("Synack's researchers", not a closing quote: "‘SLIVER’
 * Red Team Tool" is the tool's). A
 * malware family has authors and operators, not researchers, staff or labs (its spokesperson or members are its
 * gang's: kind-in-context.ts; "Conti's employees" were the gang's, so staff and employees need no possessive).
 */
const COMPANY_AFTER =
  /^(?:\s+(?:Group|Inc|Ltd|LLC|Corp|GmbH|PLC|employees|staff)|(?:\s*['’]\s*s)?\s+(?:researchers?|analysts?|engineers?|CEO|CTO|founders?|co-founders?|Labs|(?:Red|Blue|Purple|Research|Security|Threat\s+(?:Intelligence|Research|Hunting))\s+Team|Threat\s+(?:Intelligence|Research|Labs)))\b/;

/**
 * After a possessive, what a business has and a gang has not: its marketing, headquarters, offices, shareholders,
 * subsidiaries, products or stock ("eSurv’s public marketing"). Not its customers, brand, website or revenue,
 * which reports of ransomware and malware-as-a-service give the gang too.
 */
const COMPANY_OWN_AFTER =
  /^\s*['’]\s*s\s+(?:[a-z]+\s+)?(?:marketing|headquarters|offices|shareholders|investors|subsidiar(?:y|ies)|products|stock|shares|board\s+of\s+directors)\b/;

/** Whether what follows a name says it is a company's (COMPANY_AFTER, COMPANY_OWN_AFTER). */
function companyAfter(text: string, end: number): boolean {
  return COMPANY_AFTER.test(text.slice(end, end + 24)) || COMPANY_OWN_AFTER.test(text.slice(end, end + 40));
}

/** Why the catalogue's matcher took a name that needs one: a cue word, the sentence, quotes, a list of its kind. */
const SAID_RULES = new Set(['cue', 'sentence-says-so', 'quoted', 'listed-with-its-kind']);

/** The mention itself says it is malware: a word for malware after it, or a reason the matcher read around it. */
function saidMalware(text: string, m: EntityMatch): boolean {
  return (
    MALWARE_AFTER.test(text.slice(m.end, m.end + 24)) ||
    SAID_RULES.has(m.why?.rule ?? '') ||
    sentenceSaysKind(text, m.start, m.end, 'malware')
  );
}

/**
 * Catalogue names of malware and actors that the text uses for something else: a person it introduces
 * ("Kevin Beaumont, a researcher ... Kevin said" is not the Kevin backdoor), a common given name the text
 * never says is malware ("Kevin said"), or a company ("Phobos Group said", and then "Phobos said" in the
 * same text: a mention that says nothing of malware is the company's).
 */
export function notMalware(text: string, entities: EntityMatch[]): EntityMatch[] {
  const suspects = entities.filter((m) => m.type === 'malware' || m.type === 'actor');
  if (suspects.length === 0) return entities;
  const people = findPeople(text);
  // Given names the text uses with a surname ("Kevin Beaumont"): alone elsewhere ("Kevin said"), the same person.
  const given = new Set<string>();
  for (const m of suspects) if (!m.text.includes(' ') && givenNameOfPerson(text, m.start, m.end)) given.add(m.text);
  // Malware named like a person ("Kevin") is malware only in a text that says so of one of its mentions.
  const lonePerson = (m: EntityMatch) => m.type === 'malware' && !m.text.includes(' ') && isGivenName(m.text);
  const saidOnce = new Set<string>();
  const companies = new Set<string>();
  for (const m of suspects) {
    if (m.type !== 'malware') continue;
    if (companyAfter(text, m.end)) companies.add(m.text);
    else if (lonePerson(m) && saidMalware(text, m)) saidOnce.add(m.key);
  }
  const drop = new Set<EntityMatch>();
  for (const m of suspects) {
    const after = text.slice(m.end, m.end + 24);
    if (MALWARE_AFTER.test(after)) continue;
    if (!m.text.includes(' ') && (given.has(m.text) || isPerson(people, m.text))) drop.add(m);
    else if (m.type !== 'malware') continue;
    else if (lonePerson(m) && !saidOnce.has(m.key)) drop.add(m);
    else if (companyAfter(text, m.end) || (companies.has(m.text) && !saidMalware(text, m))) drop.add(m);
  }
  return drop.size === 0 ? entities : entities.filter((m) => !drop.has(m));
}

/**
 * Organisations found by shape whose name is one ordinary word and whose only reason is a cue around it
 * ("campaigns targeting Middle", "according to Lookout"): the cue says something is there, not that the
 * word names it. A head or an apposition ("news media company Stuff") is reason enough; so each mention
 * of such a name goes, its repeats with it, unless another of its mentions has a stronger reason.
 */
function notOrdinaryWords(text: string, orgs: EntityMatch[]): EntityMatch[] {
  const weak = new Set<string>();
  const strong = new Set<string>();
  for (const m of orgs) {
    if (/[^\p{L}]/u.test(m.text) || !isCommonWord(m.text.toLowerCase())) continue;
    // "The Register says", "a report by The Intercept": a title's capitalised article marks a name.
    const titled = /(?:^|[^.!?]\s)The\s$/u.test(text.slice(Math.max(0, m.start - 6), m.start));
    if (!titled && (m.why?.rule === 'cue' || m.why?.rule === 'repeat')) weak.add(m.key);
    else strong.add(m.key);
  }
  if (weak.size === 0) return orgs;
  return orgs.filter((m) => !weak.has(m.key) || strong.has(m.key));
}

/** A lower-case noun for an event right after a name: "the Pwn2Own hacking contest", "the Black Hat conference". */
const EVENT_AFTER =
  /^\s+(?:hacking\s+|security\s+|hacker\s+)?(?:contest|competition|conference|summit|hackathon|event|expo|convention|challenge|championship|festival|tournament)s?\b/;

/**
 * Organisations found by shape that the text calls an event somewhere ("the Pwn2Own hacking contest ...
 * researchers at Pwn2Own"): an event is not an organisation, wherever a cue put one.
 */
function notEvents(text: string, orgs: EntityMatch[]): EntityMatch[] {
  const event = new Map<string, boolean>(); // surface → the text calls it an event somewhere
  const isEvent = (name: string) => {
    let found = event.get(name);
    if (found !== undefined) return found;
    found = false;
    for (let i = text.indexOf(name); i >= 0 && !found; i = text.indexOf(name, i + 1))
      found = EVENT_AFTER.test(text.slice(i + name.length, i + name.length + 40));
    event.set(name, found);
    return found;
  };
  const kept = orgs.filter((m) => !isEvent(m.text));
  return kept.length === orgs.length ? orgs : kept;
}

/**
 * `known` (extractKnownEntities of the same text) with the organisations the catalogue does not know,
 * found by how sentences speak of them (./orgs.ts).
 */
export function addOrganizations(text: string, known: EntityMatch[]): EntityMatch[] {
  // Sentence reading, kept out of the first stage: catalogue names of malware the text uses for a person
  // or a company go, and malware the text names as such ("Ares Malware", "dubbed LEMPO") comes in.
  const cleaned = notMalware(text, known);
  // (A page that never speaks of the security field introduces no malware and no actor: "Marlon Brando was a legendary actor".)
  const field = speaksOfTheField(text);
  const malware = field ? findMalwareByShape(text, cleaned) : [];
  // Actors the text introduces ("the threat actor HydroJiin"), after malware: a name it calls malware stays malware.
  const named = field ? [...malware, ...findActorsByShape(text, [...cleaned, ...malware])] : [];
  // Short forms the text gives those names in brackets ("Golden Chickens (GC)"), used alone afterwards.
  const shaped = [...named, ...findAbbreviations(text, [...cleaned, ...named])];
  const base =
    shaped.length === 0
      ? cleaned
      : resolveOverlaps([...cleaned.map((m) => ({ m, rank: 1 })), ...shaped.map((m) => ({ m, rank: 0 }))], text.length);
  // Places may begin an organisation's name ("Chinese government", "Bank of China"): the organisation
  // finder does not see them as taken, and a longer organisation then wins over the place inside it.
  const orgs = findOrganizations(
    text,
    base.filter((m) => m.type !== 'location'),
  );
  const kept = notEvents(text, notOrdinaryWords(text, orgs));
  if (kept.length === 0) return base;
  return resolveOverlaps(
    // A name found around a known organisation ("Dorset County Hospital NHS Foundation Trust") wins over it.
    [
      ...base.map((m) => ({ m, rank: m.type === 'location' ? 0 : 1 })),
      ...kept.map((m) => ({ m, rank: m.why?.rule === ENCLOSING_RULE ? 2 : 0 })),
    ],
    text.length,
  );
}
