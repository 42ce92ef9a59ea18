/**
 * A global scan done as sticky tries at the positions where a match can begin. A global regular expression
 * tries every position of the text, and one that opens with a look-behind over Unicode classes pays for it
 * at each; when the places a match can begin are known cheaply (capitalised words, a head word a few words
 * on), trying only those finds the same matches at a fraction of the cost.
 */

/**
 * What `text.matchAll` of the global twin of the sticky `re` finds, given every position where a match can
 * begin (ascending; duplicates are fine): the leftmost match from each position on, matches not overlapping.
 * `re` must not match the empty string.
 */
export function matchesAt(re: RegExp, text: string, positions: number[]): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let from = 0;
  for (const p of positions) {
    if (p < from) continue;
    re.lastIndex = p;
    const m = re.exec(text);
    if (m === null) continue;
    out.push(m);
    from = p + m[0].length;
  }
  return out;
}

/** A global expression that opens with a look-behind for one class, as the rest of it and a test of that class. */
interface Behind {
  rest: RegExp;
  /** Per ASCII code unit, whether the class holds it. */
  ascii: Uint8Array;
  /** The class, for one code point. */
  cls: RegExp;
}
const behinds = new WeakMap<RegExp, Behind>();

function behindOf(re: RegExp): Behind {
  let b = behinds.get(re);
  if (b === undefined) {
    const m = /^\(\?<!(\[(?:[^\]\\]|\\.)*\])\)/.exec(re.source);
    if (!m || !re.global) throw new Error(`sticky: ${re.source.slice(0, 40)}... is not global with (?<![...]) first`);
    const flags = re.flags.replace(/[gy]/g, '');
    const cls = new RegExp(`^${m[1]}$`, flags);
    const ascii = new Uint8Array(128);
    for (let c = 0; c < 128; c++) ascii[c] = cls.test(String.fromCharCode(c)) ? 1 : 0;
    b = { rest: new RegExp(re.source.slice(m[0].length), re.flags), ascii, cls };
    behinds.set(re, b);
  }
  return b;
}

/**
 * What `text.matchAll(re)` finds, for a global `re` that opens with a negative look-behind for one class
 * (`(?<![\p{L}\p{N}])Name...`): the rest of `re` scanned globally and the look-behind tried in code where it
 * matches. V8 tries a look-behind over Unicode classes at every position of the text, before anything
 * else; the rest alone lets it skip along the text to where it can begin (a word for attackers, a
 * capital), and few of those fail the look-behind. Same matches: the look-behind reads only what lies
 * before the position, so a position it refuses is refused whatever follows, and the next try starts
 * one character on, as the global scan's would.
 */
export function matchesAfterBoundary(re: RegExp, text: string): RegExpExecArray[] {
  const { rest, ascii, cls } = behindOf(re);
  const out: RegExpExecArray[] = [];
  rest.lastIndex = 0;
  for (let m = rest.exec(text); m !== null; m = rest.exec(text)) {
    const p = m.index;
    // The code point that ends at p: one code unit, or a surrogate pair.
    const c = p > 0 ? text.charCodeAt(p - 1) : -1;
    const refused =
      c < 0
        ? false
        : c < 128
          ? ascii[c] === 1
          : cls.test(
              (c & 0xfc00) === 0xdc00 && p >= 2 && (text.charCodeAt(p - 2) & 0xfc00) === 0xd800 ? text.slice(p - 2, p) : text[p - 1],
            );
    if (refused) {
      // One code point on (both halves of a surrogate pair), as a global unicode scan steps.
      const d = text.charCodeAt(p);
      rest.lastIndex = p + ((d & 0xfc00) === 0xd800 && (text.charCodeAt(p + 1) & 0xfc00) === 0xdc00 && rest.unicode ? 2 : 1);
      continue;
    }
    out.push(m);
    if (m[0].length === 0) rest.lastIndex = p + 1;
  }
  return out;
}

/** A blank a name may be spaced with: space, tab, no-break space. */
export const isBlank = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0xa0;

/** Where the blanks that end at `end` begin (`end` itself when none do). */
export function blanksBefore(text: string, end: number): number {
  while (end > 0 && isBlank(text.charCodeAt(end - 1))) end--;
  return end;
}

/** "such as", "like", "including" after a blank (ASCII: V8 skips along the text to their letters). */
const LIST_WORD = /(?:such[ \t\u00a0]+as|like|including)[ \t\u00a0]/g;

/**
 * What a global scan of `re` finds when its matches are a word of at most `longest` characters, blanks, at
 * most one comma, blanks, and "such as", "like" or "including" ("families such as X"): tried only in the
 * `longest` characters before each such list word (most texts have few, and the words before most are no
 * noun). `re` is the sticky twin of the global expression.
 */
export function matchesBeforeListWords(re: RegExp, text: string, longest: number): RegExpExecArray[] {
  const starts: number[] = [];
  LIST_WORD.lastIndex = 0;
  for (let m = LIST_WORD.exec(text); m !== null; m = LIST_WORD.exec(text)) {
    const at = m.index;
    LIST_WORD.lastIndex = at + 1;
    let end = blanksBefore(text, at);
    if (end === at) continue;
    if (text.charCodeAt(end - 1) === 0x2c) {
      end = blanksBefore(text, end - 1);
    }
    for (let p = Math.max(0, end - longest); p < end; p++) starts.push(p);
  }
  // (Windows of list words close together overlap.)
  return matchesAt(
    re,
    text,
    starts.sort((a, b) => a - b),
  );
}
