/**
 * How a predicted victim is compared with a labelled one, for the secnews and CASIE sets (see
 * ../shared/eval/README.md): lower case, diacritics, determiners, possessives and a closing legal form
 * ("Inc.", "Co.", "Ltd") dropped, then equal or contained as whole words either way ("the Uber
 * database" and "Uber" meet; "Uber" and "Ubertool" do not; "Larson Studios, Inc." and "Larson Studios"
 * meet).
 *
 * One direction is narrower for places: a place of ours contained in a longer label meets it only as
 * the label's last words or its possessive ("the city of Atlanta", "Baltimore's 911 system"), not as
 * a word that describes someone else ("central London university", "US-based companies").
 *
 * Our side is the victim's name, the words the text used there, and the other words the text uses for
 * the same entity (same key: "E-Sports Entertainment Association" and the "(ESEA)" it defines).
 */
const DETERMINERS = /\b(?:the|a|an|its|their|his|her|our|this|that|these|those)\b/g;
const LEGAL_FORM = / (?:inc|incorporated|co|corp|corporation|ltd|limited|llc|plc|gmbh|ag|sa|nv|bv)$/;

function normName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(DETERMINERS, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(LEGAL_FORM, '');
}

/** A place of ours inside a longer label: as its last words, or written as its possessive. */
function placeHeads(place: string, rawGold: string, gold: string): boolean {
  if (gold.endsWith(` ${place}`)) return true;
  const raw = rawGold
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'’]+/gu, ' ');
  return (
    ` ${raw}`.includes(` ${place}'s `) || ` ${raw}`.includes(` ${place}’s `) || raw.endsWith(` ${place}'s`) || raw.endsWith(` ${place}’s`)
  );
}

/** The initials of a name's capitalised words ("Chicago Public Schools" → CPS; "of", "and", "the" skipped). */
function initials(name: string): string {
  const words = name
    .replace(/['’]s\b/g, '')
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w));
  return words.length >= 3 ? words.map((w) => w[0]).join('') : '';
}

/**
 * An acronym of three or more capitals on one side and a name of as many capitalised words on the
 * other whose initials it spells ("CPS" and "Chicago Public Schools", "ECMC" and "Erie County Medical
 * Center"): news writes both for one organisation without always defining one by the other.
 */
function acronymOf(a: string, b: string): boolean {
  const acro = a.trim().replace(/^the\s+/i, '');
  return /^\p{Lu}{3,8}$/u.test(acro) && initials(b.trim()) === acro;
}

/**
 * True when one of `ours` (a victim's name and the words the text used for it) meets one of `gold`.
 * `place`: our victim is a place (see placeHeads).
 */
export function namesMeet(ours: readonly string[], gold: readonly string[], opts: { place?: boolean } = {}): boolean {
  return ours.some((o) => {
    const a = normName(o);
    if (a === '') return false;
    return gold.some((g) => {
      const b = normName(g);
      if (b === '') return false;
      if (a === b || ` ${a} `.includes(` ${b} `)) return true;
      if (!opts.place && (acronymOf(o, g) || acronymOf(g, o))) return true;
      if (!` ${b} `.includes(` ${a} `)) return false;
      return !opts.place || placeHeads(a, g, b);
    });
  });
}

/** A predicted victim as the scores see it: its name, the words the text used for it, and whether it is a place. */
export interface Victim {
  names: string[];
  place: boolean;
  /** The engine's victimConfidence. */
  confidence: number;
}

/** Confidence floors at which the tuned halves' victim precision and match are printed (to choose the engine's). */
export const VICTIM_SWEEP = [0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75];

/** The victim's name, the words at its mention, and every other surface of the same entity in the text. */
export function victimNames(
  text: string,
  victim: { key: string; name: string; start?: number; end?: number },
  entities: readonly { key: string; start: number; end: number }[],
  confidence = 1,
): Victim {
  const names = [victim.name];
  if (victim.start !== undefined && victim.end !== undefined) names.push(text.slice(victim.start, victim.end));
  for (const e of entities) if (e.key === victim.key) names.push(text.slice(e.start, e.end));
  for (const n of [...names]) names.push(...definedAs(text, n));
  return { names: [...new Set(names)], place: victim.key.startsWith('location:'), confidence };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The other name the text itself defines for a name: the acronym after it ("E-Sports Entertainment
 * Association (ESEA)" → ESEA), or for an acronym the words before its brackets ("... Onslow Water and
 * Sewer Authority (ONWASA)" → Onslow Water and Sewer Authority).
 */
function definedAs(text: string, name: string): string[] {
  if (name.length < 2) return [];
  const out: string[] = [];
  const after = new RegExp(`${escapeRe(name)}\\s*\\(([A-Z][A-Za-z0-9&.-]{1,12})\\)`, 'g');
  for (const m of text.matchAll(after)) out.push(m[1]);
  if (/^[A-Z][A-Z0-9&.-]{1,11}$/.test(name)) {
    const before = new RegExp(`((?:[A-Z][\\w&.'’-]*\\s+(?:(?:of|and|for|the|de|on)\\s+)?){1,8})\\(${escapeRe(name)}\\)`, 'g');
    for (const m of text.matchAll(before)) out.push(m[1].trim());
  }
  return out;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/** Stable split: a third of the items (by a hash of their id) is held out. Chosen before any tuning. */
/** FNV-1a of a row id, modulo 3: 0 is the held-out third, 1 and 2 the tuned rows' two folds. */
function third(id: string): number {
  // FNV-1a; the secnews split was drawn with sha256 (see secnews.ts), this one serves CASIE.
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 3;
}

export function isHeldOut(id: string): boolean {
  return third(id) === 0;
}

/**
 * The tuned rows in two folds, 'a' and 'b': read the errors of one, and check on the other that a change
 * helps rows nobody read before the held-out third is scored.
 */
export function inFold(id: string, fold: 'a' | 'b'): boolean {
  return third(id) === (fold === 'a' ? 1 : 2);
}
