/**
 * Canonical keys and names of catalogue entries. Every source (seed, MISP galaxy, ATT&CK STIX, KEV) goes
 * through these, so that the same entity gets the same key whoever described it.
 */
import type { EntityType } from '../../shared/types';

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Latin letters that Unicode does not decompose into a base letter and a mark ("Ł" of "Łódź", "ø" of
 * "Tromsø", "ß"), read as the base letters a reader would type.
 */
const UNDECOMPOSED: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Ø: 'O',
  ø: 'o',
  Đ: 'D',
  đ: 'd',
  Ð: 'D',
  ð: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  ß: 'ss',
  Æ: 'AE',
  æ: 'ae',
  Œ: 'OE',
  œ: 'oe',
  Þ: 'Th',
  þ: 'th',
};
const UNDECOMPOSED_RE = /[ŁłØøĐđÐðĦħıßÆæŒœÞþ]/g;

/** Strip accents: "Curaçao" → "Curacao", "Zürich" → "Zurich", "Łódź" → "Lodz". */
function stripMarks(s: string): string {
  return s
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(UNDECOMPOSED_RE, (c) => UNDECOMPOSED[c]);
}

/**
 * The slug part of a key, the one used for every key whoever makes it (catalogue importers, the
 * organisation finder): lower case, accents stripped, '&' read as "and", apostrophes dropped, every
 * other run of characters that are not letters or digits one hyphen. Letters of any script are kept,
 * so that a name in Cyrillic or Chinese gets a key of its own rather than an empty one.
 * "The Hague" → "the-hague", "Côte d'Ivoire" → "cote-divoire", "Marks & Spencer" → "marks-and-spencer".
 */
export function slug(name: string): string {
  return stripMarks(name)
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

const CVE = /^CVE[-‐‑–—\s]?(\d{4})[-‐‑–—\s]?(\d{4,})$/i;
const ATTACK_ID = /^(?:T\d{4}(?:\.\d{3})?|TA\d{4}|[GSCM]\d{4})$/i;

/** "CVE-2023-4966" (any dash, any case) → "CVE-2023-4966"; undefined when it is not a CVE id. */
export function canonicalCve(id: string): string | undefined {
  const m = CVE.exec(id.trim());
  return m ? `CVE-${m[1]}-${m[2]}` : undefined;
}

/** True for ATT&CK ids: T1566, T1566.001, TA0001, G0007, S0154, C0001, M1036. */
export function isAttackId(id: string): boolean {
  return ATTACK_ID.test(id.trim());
}

/**
 * The canonical key of an entity: `type:slug`. Vulnerabilities key on the CVE id and techniques on the
 * ATT&CK id, kept with its dot (`vulnerability:cve-2023-4966`, `technique:t1566.001`), as the pattern
 * extractor writes them.
 */
export function entityKey(type: EntityType, name: string): string {
  if (type === 'vulnerability') {
    const cve = canonicalCve(name);
    if (cve) return `vulnerability:${cve.toLowerCase()}`;
  }
  if (type === 'technique' && isAttackId(name)) return `technique:${name.trim().toLowerCase()}`;
  return `${type}:${slug(name)}`;
}

/**
 * The form two names are compared in when deciding whether they name the same thing: accents, case,
 * spaces and punctuation all gone. "APT 28", "APT-28" and "apt28" meet; so do "BlackCat" and "Black Cat".
 */
export function nameKey(name: string): string {
  // Most names are plain ASCII: keep letters and digits in one pass, without Unicode normalisation.
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 0x80)
      return stripMarks(name)
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, '');
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a)) out += name[i];
    else if (c >= 0x41 && c <= 0x5a) out += String.fromCharCode(c + 32);
  }
  return out;
}

/** Trim, fold every run of whitespace (NBSP included) to one space. */
export function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

const MITRE_SUFFIX = /^(.*?)\s+-\s+((?:T\d{4}(?:\.\d{3})?)|TA\d{4}|[GSCM]\d{4})\s*$/;

/** "APT28 - G0007" → { name: "APT28", mitreId: "G0007" }; other names come back cleaned. */
export function splitMitreSuffix(value: string): { name: string; mitreId?: string } {
  const v = cleanName(value);
  const m = MITRE_SUFFIX.exec(v);
  return m ? { name: m[1].trim(), mitreId: m[2] } : { name: v };
}

/**
 * A short description: markdown links reduced to their text, "(Citation: ...)" and bracketed reference
 * numbers removed, cut after the first sentence or at about `max` characters on a word boundary.
 */
export function shortDescription(text: string | undefined, max = 300): string | undefined {
  if (!text) return undefined;
  let s = text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\(Citation:[^)]*\)/g, '')
    .replace(/\[\d+\]/g, '');
  s = cleanName(s);
  if (!s) return undefined;
  // First sentence: a full stop followed by a space and a capital, not after a one-letter abbreviation.
  const end = /(?<!\b[A-Z])(?<!\b(?:e\.g|i\.e|etc|vs|Inc|Ltd|Co|St|Dr|Mr|Ms|No|U\.S))\.\s+(?=[A-Z])/.exec(s);
  if (end && end.index + 1 <= max) return s.slice(0, end.index + 1);
  if (s.length <= max) return s;
  const cut = s.lastIndexOf(' ', max);
  return `${s.slice(0, cut > max / 2 ? cut : max)}…`;
}

/**
 * The other key of a name that is both a crew and its malware: "actor:lockbit" for "malware:lockbit" and back
 * (the gazetteer types "the LockBit gang" as the actor with the family's slug, "LockBit ransomware" as the
 * malware). Lookups of which incidents name an entity ask for both, so that one article's gang and another's
 * ransomware meet; undefined for any other key.
 */
export function nameTwin(key: string): string | undefined {
  if (key.startsWith('actor:')) return `malware:${key.slice(6)}`;
  if (key.startsWith('malware:')) return `actor:${key.slice(8)}`;
  return undefined;
}
