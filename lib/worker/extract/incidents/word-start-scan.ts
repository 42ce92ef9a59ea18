/**
 * A global scan of `\b(?=\w)(?:((?:body1)\b)|((?:body2)\b)|...)` (triggers.ts's ALL_TRIGGERS) done as one
 * sticky try at each word start, with only the alternatives that can begin with that word's first letter.
 * V8 tries the whole alternation (hundreds of phrases) at every word start; most words begin none of
 * them, and the rest begin a few. Same matches: at each position the global scan takes the first body (in
 * order) with a phrase that matches there, the first such phrase within it, and goes on from the match's
 * end; a phrase that cannot begin with the position's character is no part of that choice.
 *
 *   const scan = wordStartScan(bodies, flags)   // flags: 'i' or '' (no 'u': \w and \b are ASCII)
 *   scan(text, (at, end, body) => ...)          // each match, in text order, with its body's index
 */

/** Per ASCII code: whether `\w` (without the u flag) holds it. */
const WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) WORD[c] = /\w/.test(String.fromCharCode(c)) ? 1 : 0;
const isWord = (c: number) => c < 128 && WORD[c] === 1;

/** Characters a phrase can begin with (ASCII word characters only: a match begins at a word start), or every one. */
type First = Set<number> | 'any';

/** Index just past the group or class that opens at `i` (`(` or `[`). */
function closing(src: string, i: number): number {
  if (src[i] === '[') {
    let j = i + 1;
    if (src[j] === '^') j++;
    if (src[j] === ']') j++;
    for (; j < src.length; j++) {
      if (src[j] === '\\') j++;
      else if (src[j] === ']') return j + 1;
    }
    throw new Error('word-start-scan: unclosed class');
  }
  let depth = 0;
  for (let j = i; j < src.length; j++) {
    const ch = src[j];
    if (ch === '\\') j++;
    else if (ch === '[') j = closing(src, j) - 1;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return j + 1;
  }
  throw new Error('word-start-scan: unclosed group');
}

/** The top-level alternatives of `src`. */
export function alternatives(src: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let j = 0; j < src.length; j++) {
    const ch = src[j];
    if (ch === '\\') j++;
    else if (ch === '[' || ch === '(') j = closing(src, j) - 1;
    else if (ch === '|') {
      out.push(src.slice(from, j));
      from = j + 1;
    }
  }
  out.push(src.slice(from));
  return out;
}

function union(a: First, b: First): First {
  if (a === 'any' || b === 'any') return 'any';
  return new Set([...a, ...b]);
}

/** The word characters a class `[...]` holds (its source without the brackets), or every one when unsure. */
function classChars(body: string): First {
  if (body.startsWith('^')) return 'any';
  const out = new Set<number>();
  for (let j = 0; j < body.length; j++) {
    let c = body.charCodeAt(j);
    if (body[j] === '\\') {
      const e = body[++j];
      // An escaped punctuation character is itself; \w, \d and the rest hold word characters.
      if (/\w/.test(e)) return 'any';
      c = e.charCodeAt(0);
    }
    if (body[j + 1] === '-' && j + 2 < body.length) {
      const hi = body[j + 2] === '\\' ? -1 : body.charCodeAt(j + 2);
      if (hi < 0) return 'any';
      for (let x = c; x <= hi; x++) if (isWord(x)) out.add(x);
      j += 2;
    } else if (isWord(c)) out.add(c);
  }
  return out;
}

/**
 * What a sequence (one alternative) can begin with, and whether it can match nothing. Unknown syntax
 * counts as beginning with anything, so the answer is never too small.
 */
function firstOf(seq: string): { first: First; empty: boolean } {
  let first: First = new Set();
  let i = 0;
  while (i < seq.length) {
    const ch = seq[i];
    let own: First;
    let width = true; // consumes a character (an assertion does not)
    let end: number;
    if (ch === '\\') {
      const e = seq[i + 1];
      end = i + 2;
      if (e === 'b' || e === 'B') {
        own = new Set();
        width = false;
      } else if (/\w/.test(e)) own = 'any';
      else own = new Set([e.charCodeAt(0)]);
    } else if (ch === '[') {
      end = closing(seq, i);
      own = classChars(seq.slice(i + 1, end - 1));
    } else if (ch === '(') {
      end = closing(seq, i);
      const inner = seq.slice(i + 1, end - 1);
      if (/^\?<?[=!]/.test(inner)) {
        // A look-around reads without consuming: what follows it begins the match.
        own = new Set();
        width = false;
      } else {
        const alts = alternatives(inner.startsWith('?:') ? inner.slice(2) : inner);
        own = new Set();
        let empty = false;
        for (const a of alts) {
          const f = firstOf(a);
          own = union(own, f.first);
          empty ||= f.empty;
        }
        if (empty) width = false;
      }
    } else if (ch === '^' || ch === '$') {
      own = new Set();
      width = false;
      end = i + 1;
    } else if (ch === '.' || ch === ')' || ch === '|') {
      own = 'any';
      end = i + 1;
    } else {
      own = new Set([seq.charCodeAt(i)]);
      end = i + 1;
    }
    // A quantifier that allows none makes the element optional.
    const q = seq[end];
    let optional = !width;
    if (q === '?' || q === '*') {
      optional = true;
      end++;
    } else if (q === '+') end++;
    else if (q === '{') {
      const m = /^\{(\d+)(?:,\d*)?\}/.exec(seq.slice(end));
      if (m) {
        if (m[1] === '0') optional = true;
        end += m[0].length;
      }
    }
    if (seq[end] === '?') end++; // lazy
    first = union(first, own);
    if (!optional) return { first, empty: false };
    i = end;
  }
  return { first, empty: true };
}

/** The scan: `f(at, end, body)` for each match of the global alternation, in text order. */
export type WordStartScan = (text: string, f: (at: number, end: number, body: number) => void) => void;

export function wordStartScan(bodies: readonly string[], flags: string): WordStartScan {
  if (/[uv]/.test(flags)) throw new Error('word-start-scan: \\w and \\b are read as ASCII (no u flag)');
  const fold = flags.includes('i');
  const key = (c: number) => (fold && c >= 65 && c <= 90 ? c + 32 : c);
  // Per word character (its lower case when folding): the phrases of each body that can begin with it.
  const table: (RegExp | undefined)[] = new Array(128);
  const groups: number[][] = new Array(128);
  const phrases = bodies.map((b) =>
    alternatives(b).map((p) => {
      const { first, empty } = firstOf(p);
      const set: First = empty || first === 'any' ? 'any' : new Set([...first].map(key));
      return { p, set };
    }),
  );
  for (let c = 0; c < 128; c++) {
    if (!isWord(c) || key(c) !== c) continue;
    const parts: string[] = [];
    const which: number[] = [];
    phrases.forEach((list, b) => {
      const mine = list.filter(({ set }) => set === 'any' || set.has(c)).map(({ p }) => p);
      if (!mine.length) return;
      parts.push(`((?:${mine.join('|')})\\b)`);
      which.push(b);
    });
    if (!parts.length) continue;
    table[c] = new RegExp(`(?:${parts.join('|')})`, `${flags.replace(/[gy]/g, '')}y`);
    groups[c] = which;
  }
  return (text, f) => {
    const n = text.length;
    let p = 0;
    while (p < n) {
      const c = text.charCodeAt(p);
      if (!isWord(c) || (p > 0 && isWord(text.charCodeAt(p - 1)))) {
        p++;
        continue;
      }
      const k = key(c);
      const re = table[k];
      if (re !== undefined) {
        re.lastIndex = p;
        const m = re.exec(text);
        if (m !== null) {
          let g = 1;
          while (m[g] === undefined) g++;
          const end = p + m[0].length;
          f(p, end, groups[k][g - 1]);
          p = end > p ? end : p + 1;
          continue;
        }
      }
      // No match begins at this word: the next can begin only at the next word.
      p++;
      while (p < n && isWord(text.charCodeAt(p))) p++;
    }
  };
}
