/**
 * Threat-actor designations that vendors mint by number, found by their shape so that a group named last
 * week is an actor before any catalogue lists it: Proofpoint's TA505 / TA3546, Mandiant's UNC2452,
 * Microsoft's DEV-0537 and Storm-0558, Volexity's UTA0178, Cisco Talos' UAT-5918, Recorded Future's
 * TAG-53, Palo Alto Networks' activity clusters CL-STA-0002 / CL-CRI-1014 / CL-UNK-0979, Mandiant's
 * APT45 / FIN13 / TEMP.Hermit and Qihoo 360's APT-C-60 (ATT&CK's tactic
 * ids TA0001–TA0043 are not actors: "TA00" is left out). A designation the catalogue knows is its entity's (entities.ts ranks catalogue
 * names first); an unknown one gets the key `actor:<designation>`.
 */
import type { EntityMatch } from '../../shared/types';

// Linear: fixed prefixes, one bounded digit run, word boundaries.
const ACTOR_ID_RE =
  /\b(?:TA(?!00)\d{3,4}|UNC\d{3,5}|DEV-\d{4}|Storm-\d{4}|UTA\d{4}|UAT-\d{4}|TAG-\d{2,3}|CL-(?:STA|CRI|UNK)-\d{4}|APT ?\d{1,3}|APT-C ?- ?\d{1,3}|FIN\d{1,3}|TEMP\.[A-Z][a-z]{2,})\b/g;

export function findActorIds(text: string): EntityMatch[] {
  const out: EntityMatch[] = [];
  for (const m of text.matchAll(ACTOR_ID_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    // Part of a longer token ("TA505-like", "file_TA505.zip") is not a designation.
    if (/[\w.-]/.test(text[end] ?? '') && !(text[end] === '.' && !/\w/.test(text[end + 1] ?? ''))) continue;
    if (/[\w-]/.test(text[start - 1] ?? '')) continue;
    out.push({
      type: 'actor',
      start,
      end,
      text: m[0],
      key: `actor:${m[0].toLowerCase().replaceAll(' ', '')}`, // "APT 45" and "APT45" meet, "APT-C - 36" (tokenised text) and "APT-C-36"
      name: m[0],
      why: { pattern: 'actor-designation', rule: 'pattern' },
    });
  }
  return out;
}
