/**
 * The reading view's first stage: what the text's own shapes (patterns: CVE ids, ATT&CK ids, indicators) and
 * the catalogue name, overlaps resolved, in text order (./entities.ts has the whole extraction). A module of
 * its own so that a worker woken for a page's first stage does not evaluate the second stage's sentence
 * reading (organisations, people, malware and actors by shape: ./entities.ts, loaded with the second stage).
 */
import type { EntityMatch } from '../../shared/types';
import type { CompiledMatcher } from './matcher';
import { findPatternEntities } from './patterns';
import { findCatalogueEntities } from './gazetteer';
import { inUrlPath } from './url-path';
import { findActorIds } from './actor-ids';
import { findDetectionNames } from './detection-names';
import { speaksOfTheField } from './kind-in-context';

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
