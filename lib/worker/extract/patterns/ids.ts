/**
 * Identifiers with a fixed shape: CVE ids and MITRE ATT&CK ids. Both regexes are bounded
 * (fixed-width digits, optional single separators) and so linear on any input.
 */
import type { EntityMatch } from '../../../shared/types';

/** Hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar, minus, small and full-width hyphen-minus. */
const DASH = '[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE63\uFF0D]';
/** One dash with at most one space (or no-break space) on either side. */
const SEP = `[ \u00A0]?${DASH}[ \u00A0]?`;

/**
 * `CVE-2023-4966`, `cve‑2023‑4966`, `CVE–2023–4966`, `CVE 2023-4966`, `CVE - 2023 - 4966`.
 * Years 1999–2099 (the programme began in 1999), sequence of 4–7 digits, not followed by more digits.
 */
const CVE = new RegExp(`CVE(?:${SEP}|[ \\u00A0])(1999|20\\d\\d)${SEP}(\\d{4,7})(?![0-9])`, 'gi');

/** A letter, digit or '_' before an id makes it part of a longer word (checked in code: a
 * leading lookbehind would be tried at every position of the text). */
function glued(text: string, start: number): boolean {
  return start > 0 && /[A-Za-z0-9_]/.test(text[start - 1]);
}

export function findCves(text: string): EntityMatch[] {
  const out: EntityMatch[] = [];
  CVE.lastIndex = 0;
  for (let m = CVE.exec(text); m !== null; m = CVE.exec(text)) {
    if (glued(text, m.index)) continue;
    const name = `CVE-${m[1]}-${m[2]}`;
    out.push({
      type: 'vulnerability',
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      key: `vulnerability:${name.toLowerCase()}`,
      name,
      why: { pattern: 'cve' },
    });
  }
  return out;
}

/**
 * ATT&CK ids as MITRE writes them (upper case): techniques T1001–T1999 with an optional
 * sub-technique `.001`, tactics TA0001–TA0099, groups G0001–G1999, software S0001–S1999.
 * Whole words only (`AT1566x` is not one); `T1566.12` is not an id at all, and `T1566.` at the end
 * of a sentence is `T1566`.
 */
const ATTACK_ID = /(?:T1\d{3}(?:\.\d{3})?|TA00\d\d|[GS][01]\d{3})(?![A-Za-z0-9_]|\.\d)/g;

export function findAttackIds(text: string): EntityMatch[] {
  const out: EntityMatch[] = [];
  ATTACK_ID.lastIndex = 0;
  for (let m = ATTACK_ID.exec(text); m !== null; m = ATTACK_ID.exec(text)) {
    if (glued(text, m.index)) continue;
    const id = m[0];
    const start = m.index;
    const end = start + id.length;
    const why = { pattern: 'attack-id' };
    const lower = id.toLowerCase();
    if (id[0] === 'T') {
      out.push({ type: 'technique', start, end, text: id, key: `technique:${lower}`, name: id, why });
    } else if (id[0] === 'G') {
      out.push({ type: 'actor', subtype: 'attack-id', start, end, text: id, key: `actor:${lower}`, name: id, why });
    } else {
      out.push({ type: 'malware', subtype: 'attack-id', start, end, text: id, key: `malware:${lower}`, name: id, why });
    }
  }
  return out;
}
