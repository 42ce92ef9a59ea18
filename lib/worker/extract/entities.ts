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
import { findPatternEntities } from './patterns';
import { findCatalogueEntities } from './gazetteer';
import { ENCLOSING_RULE, findOrganizations } from './orgs';
import { inUrlPath } from './url-path';
import { findActorIds } from './actor-ids';
import { findDetectionNames } from './detection-names';
import { findMalwareByShape } from './malware-names';
import { findActorsByShape } from './actor-names';
import { findPeople, givenNameOfPerson, isGivenName, isPerson } from './people';
import { sentenceSaysKind, speaksOfTheField } from './kind-in-context';
import { findAbbreviations } from './abbreviations';
import { isCommonWord } from './common-word';

export interface ExtractOptions {
  /** Look for organisations beyond the catalogue (default true). */
  organizations?: boolean;
}

const ATTACK_KEY_RE = /^(actor|malware|technique):((?:g|s|t|ta)\d{4}(?:\.\d{3})?)$/;

/**
 * A pattern's ATT&CK id (`actor:g0007`) becomes the catalogue entity that lists the id among its aliases
 * (`actor:apt28`), so that "G0007" and "APT28" meet at one key.
 */
export function mapAttackId(m: EntityMatch, matcher: CompiledMatcher): EntityMatch {
  const id = ATTACK_KEY_RE.exec(m.key);
  if (!id) return m;
  for (const term of matcher.lookup(id[2])) {
    const entity = matcher.termEntityInfo(term);
    if (entity.type !== m.type) continue;
    const mapped: EntityMatch = {
      ...m,
      key: entity.key,
      name: entity.name,
      why: { ...m.why, alias: matcher.alias(term), source: entity.sources.join(','), rule: 'attack-id' },
    };
    if (entity.subtype) mapped.subtype = entity.subtype;
    else delete mapped.subtype; // the pattern's 'attack-id' described the id, not the entity
    return mapped;
  }
  return m;
}

/** A detection name's family as the catalogue names it: "Trojan:Win32/Emotet.A" is malware:emotet. */
function knownFamily(m: EntityMatch, matcher: CompiledMatcher): EntityMatch {
  for (const term of matcher.lookup(m.name)) {
    const entity = matcher.termEntityInfo(term);
    if (entity.type !== 'malware') continue;
    const known: EntityMatch = {
      ...m,
      key: entity.key,
      name: entity.name,
      why: { ...m.why, alias: matcher.alias(term), source: entity.sources.join(',') },
    };
    if (entity.subtype) known.subtype = entity.subtype;
    return known;
  }
  return m;
}

/** Rank in overlap resolution: the text's own shapes, then catalogue names, then guessed organisations. */
function rank(m: EntityMatch, fromPatterns: boolean): number {
  if (fromPatterns) return m.type === 'indicator' || m.type === 'vulnerability' ? 3 : 2;
  return 1;
}

/** Keeps the best of overlapping matches: higher rank, then longer, then earlier. Returns text order. */
export function resolveOverlaps(items: { m: EntityMatch; rank: number }[], textLength: number): EntityMatch[] {
  const sorted = items.slice().sort((a, b) => b.rank - a.rank || b.m.end - b.m.start - (a.m.end - a.m.start) || a.m.start - b.m.start);
  const taken = new Uint8Array(textLength + 1);
  const kept: EntityMatch[] = [];
  for (const { m } of sorted) {
    let free = m.end > m.start;
    for (let i = m.start; i < m.end && free; i++) if (taken[i]) free = false;
    if (!free) continue;
    taken.fill(1, m.start, m.end);
    kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

export function extractEntities(text: string, matcher: CompiledMatcher, opts: ExtractOptions = {}): EntityMatch[] {
  const known = extractKnownEntities(text, matcher);
  return opts.organizations === false ? known : addOrganizations(text, known);
}

/**
 * What the text's own shapes and the catalogue name: patterns, catalogue names and numbered actor
 * designations, overlaps resolved. No reading of sentences: this is what the reading view paints first.
 */
export function extractKnownEntities(text: string, matcher: CompiledMatcher): EntityMatch[] {
  const items: { m: EntityMatch; rank: number }[] = [];
  for (const m of findPatternEntities(text)) {
    // An ATT&CK id that is a segment of a link's path ("attack.mitre.org / groups / G0078 /") is the link's.
    if (ATTACK_KEY_RE.test(m.key) && inUrlPath(text, m.start)) continue;
    items.push({ m: mapAttackId(m, matcher), rank: rank(m, true) });
  }
  for (const m of findCatalogueEntities(text, matcher)) items.push({ m, rank: rank(m, false) });
  // Numbered actor designations (TA574, UNC2452) the catalogue may not know yet: below its names.
  for (const m of findActorIds(text)) if (!inUrlPath(text, m.start)) items.push({ m, rank: 0.5 });
  // Antivirus detection names ("Backdoor.AndroidOS.Obad.a"), keyed by the catalogue's family where it knows it.
  for (const m of findDetectionNames(text)) if (!inUrlPath(text, m.start)) items.push({ m: knownFamily(m, matcher), rank: 1 });
  const kept = resolveOverlaps(items, text.length);
  // A page that never speaks of the security field names no malware and no threat actor (kind-in-context.ts).
  return speaksOfTheField(text) ? kept : kept.filter((m) => m.type !== 'malware' && m.type !== 'actor');
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
