/**
 * How a predicted victim is compared with a labelled one, for the secnews and CASIE sets (see
 * ../shared/eval/README.md): lower case, diacritics, determiners and possessives dropped, then equal or
 * contained as whole words either way ("the Uber database" and "Uber" meet; "Uber" and "Ubertool" do not).
 */
const DETERMINERS = /\b(?:the|a|an|its|their|his|her|our|this|that|these|those)\b/g;

function normName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(DETERMINERS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when one of `ours` (a victim's name and the words the text used for it) meets one of `gold`. */
export function namesMeet(ours: readonly string[], gold: readonly string[]): boolean {
  return ours.some((o) => {
    const a = normName(o);
    if (a === '') return false;
    return gold.some((g) => {
      const b = normName(g);
      return b !== '' && (` ${a} `.includes(` ${b} `) || ` ${b} `.includes(` ${a} `));
    });
  });
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
export function isHeldOut(id: string): boolean {
  // FNV-1a; the secnews split was drawn with sha256 (see secnews.ts), this one serves CASIE.
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 3 === 0;
}
