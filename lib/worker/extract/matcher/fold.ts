/**
 * How text is folded before it meets the automaton: one UTF-16 code unit in, one code unit out (or
 * "skip"), so that offsets into the original text stay exact. Case is folded with toLowerCase where
 * that keeps the length; typographic quotes, dashes and every kind of space fold to their ASCII form;
 * soft hyphens and zero-width characters are skipped. Runs of spaces are collapsed by the scanner.
 */

/** Marker for code units that are skipped entirely (soft hyphen, zero-width space/joiners, BOM). */
export const SKIP = -1;
export const SPACE = 0x20;

const SKIPPED = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
const APOSTROPHES = new Set([0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x0060, 0x00b4, 0x02bc]);
const DOUBLE_QUOTES = new Set([0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x00ab, 0x00bb]);
const DASHES = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe63, 0xff0d]);
const WHITESPACE = /\s/;

/** The folded form of one code unit: a code unit, or SKIP. */
export function foldCode(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 32 : c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c || c === 0x0b ? SPACE : c;
  if (SKIPPED.has(c)) return SKIP;
  if (APOSTROPHES.has(c)) return 0x27;
  if (DOUBLE_QUOTES.has(c)) return 0x22;
  if (DASHES.has(c)) return 0x2d;
  if (c >= 0xd800 && c <= 0xdfff) return c; // half of a surrogate pair: compared as is
  const ch = String.fromCharCode(c);
  if (WHITESPACE.test(ch)) return SPACE;
  const lower = ch.toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : c;
}

/** A term or text folded to the string the automaton sees (spaces collapsed and trimmed). */
export function foldString(s: string): string {
  let out = '';
  let prevSpace = true;
  for (let i = 0; i < s.length; i++) {
    const f = foldCode(s.charCodeAt(i));
    if (f === SKIP) continue;
    if (f === SPACE) {
      if (prevSpace) continue;
      prevSpace = true;
    } else prevSpace = false;
    out += String.fromCharCode(f);
  }
  return prevSpace && out.endsWith(' ') ? out.slice(0, -1) : out;
}

// Word characters decide whole-word boundaries: letters, digits and combining marks of any script, and
// the underscore, which joins words into one identifier ("wirte_img01.png" does not name WIRTE).
const WORD_RE = /[\p{L}\p{N}\p{M}]/u;
const wordCache = new Uint8Array(65536); // 0 unknown, 1 not a word char, 2 word char (filled lazily)
for (let c = 0; c < 128; c++) {
  wordCache[c] = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f ? 2 : 1;
}
// Latin-1 and the general punctuation (quotes, dashes, blanks) filled too, as WORD_RE reads them: a page's first
// curly quote then does not make V8 build WORD_RE's classes (as it first runs it: a millisecond in a woken worker).
// Latin-1's word characters are its letters but the multiplication and division signs, and these few:
const LATIN1_WORD_SIGNS = [0xaa, 0xb2, 0xb3, 0xb5, 0xb9, 0xba, 0xbc, 0xbd, 0xbe];
for (let c = 0x80; c < 0x100; c++) wordCache[c] = c >= 0xc0 ? (c === 0xd7 || c === 0xf7 ? 1 : 2) : LATIN1_WORD_SIGNS.includes(c) ? 2 : 1;
wordCache.fill(1, 0x2000, 0x2070);

export function isWordCode(c: number): boolean {
  let v = wordCache[c];
  if (v === 0) {
    // surrogates: treat a pair as a word char (CJK extension, emoji are rare inside names)
    v = (c >= 0xd800 && c <= 0xdfff) || WORD_RE.test(String.fromCharCode(c)) ? 2 : 1;
    wordCache[c] = v;
  }
  return v === 2;
}

export function isUpperCode(c: number): boolean {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
