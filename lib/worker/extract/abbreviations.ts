import type { EntityMatch } from '../../shared/types';

/**
 * Short forms the text itself gives an actor or a malware name: English introduces an abbreviation in
 * brackets right after the full name ("Golden Chickens (GC) threat actors", "Cobalt Strike (CS)") and then
 * uses it alone ("GC campaigns"). The short form is the full name's entity wherever the text writes it
 * after that, with exactly its letters, as a whole word, where nothing else was found.
 * Only an abbreviation made of the capitals of the name's words counts (GC for Golden Chickens, not "(see
 * 1)", "(APT)" or "(Russia)"); one anchored look after each actor or malware match, one search per short
 * form the text gives.
 */

/** Right after a name: an opening bracket, two to five capitals (or digits after the first), a closing one. */
const ABBREV_AFTER = /^\s{0,2}\(\s{0,2}(\p{Lu}[\p{Lu}\p{N}]{1,4})\s{0,2}\)/u;

/** The capitals that begin the name's words ("Golden Chickens" -> "GC", "BlackEnergy" -> "B"). */
function initials(name: string): string {
  return (name.match(/[\p{L}\p{N}]+/gu) ?? [])
    .map((w) => w[0])
    .join('')
    .toUpperCase();
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_-]/u.test(c);

export function findAbbreviations(text: string, entities: EntityMatch[]): EntityMatch[] {
  const out: EntityMatch[] = [];
  const given = new Map<string, EntityMatch>(); // short form -> the full name's match
  for (const m of entities) {
    if (m.type !== 'actor' && m.type !== 'malware') continue;
    const a = ABBREV_AFTER.exec(text.slice(m.end, m.end + 16));
    if (!a || given.has(a[1]) || initials(m.text) !== a[1].replace(/\p{N}+$/u, '')) continue;
    given.set(a[1], m);
  }
  if (given.size === 0) return out;
  const taken = (start: number, end: number) => entities.some((k) => k.start < end && k.end > start);
  for (const [short, full] of given) {
    for (let i = text.indexOf(short, full.end); i >= 0; i = text.indexOf(short, i + short.length)) {
      const end = i + short.length;
      if (isWordChar(text[i - 1]) || isWordChar(text[end]) || taken(i, end)) continue;
      const m: EntityMatch = {
        type: full.type,
        start: i,
        end,
        text: short,
        key: full.key,
        name: full.name,
        why: { rule: 'abbreviation', alias: full.text, source: 'text' },
      };
      if (full.subtype) m.subtype = full.subtype;
      out.push(m);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
