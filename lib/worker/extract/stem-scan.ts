/**
 * A global scan tried only where a match can begin. A long alternation of phrases ("ransomware
 * attack|hit by ransomware|data breach|...", each with its own groups and repetitions) costs V8 a check
 * of each alternative at every word of the text. The literal prefixes (stems) that every match must begin
 * with are read from the expression's source once, and joined into one alternation of plain words, which
 * V8 scans as a tree of their letters, several times faster; only where a stem begins is the expression
 * tried, sticky. The match found there is the one the global scan finds at that position, and the scan
 * goes on from where the global scan would.
 *
 * A stem is the characters every path through the expression consumes first, up to the first it cannot
 * name (a class such as `\w`, a repetition that may or may not come again). An expression with a path that
 * begins with no such character, or whose source the reader does not understand, is scanned as it is.
 * For short alternations of words V8's own scan is as fast (measured on the incident scans of
 * incidents/index.ts: only the triggers' alternation gains). Tried and left: a sticky form per first
 * character, holding only the alternatives that can begin with it; its tries were faster, but with its
 * thirty expressions in the process V8 ran the engine's other expressions slower, and the incidents
 * stage was slower than before.
 */

/** The source read as far as its first characters go. */
type Node =
  | { kind: 'chars'; set: string[] | undefined } // one character of the set; undefined: unknown or too many
  | { kind: 'zero'; boundary: boolean } // consumes nothing: \b, \B, ^, $, a look-around
  | { kind: 'group'; alts: Node[][] }
  | { kind: 'rep'; node: Node; min: number; max: number };

/** A class of more characters than this is not worth spelling out. */
const MAX_CLASS = 16;
/** Stems are cut at this length: a few characters already tell most words apart. */
const MAX_STEM = 10;
/** More stems than this at one point of the source, and the point's own characters are the stems. */
const MAX_STEMS = 2048;

const DIGITS = '0123456789'.split('');

class Reader {
  i = 0;
  constructor(
    readonly src: string,
    readonly unicode: boolean,
  ) {}

  alternatives(): Node[][] {
    const alts: Node[][] = [[]];
    while (this.i < this.src.length) {
      const c = this.src[this.i];
      if (c === ')') break;
      if (c === '|') {
        this.i++;
        alts.push([]);
        continue;
      }
      alts[alts.length - 1].push(this.quantified(this.atom()));
    }
    return alts;
  }

  private atom(): Node {
    const c = this.src[this.i++];
    switch (c) {
      case '(':
        return this.group();
      case '[':
        return this.charClass();
      case '\\':
        return this.escape();
      case '.':
        return { kind: 'chars', set: undefined };
      case '^':
      case '$':
        return { kind: 'zero', boundary: false };
      case '?':
      case '*':
      case '+':
      case '{':
      case '}':
      case ']':
      case ')':
      case '|':
        throw new Error(`stem-scan: unexpected ${c}`);
      default:
        return { kind: 'chars', set: [this.character(this.i - 1)] };
    }
  }

  /** The character at `at` (already stepped over): in unicode mode a surrogate pair is one. */
  private character(at: number): string {
    if (!this.unicode) return this.src[at];
    const ch = String.fromCodePoint(this.src.codePointAt(at)!);
    this.i = at + ch.length;
    return ch;
  }

  private group(): Node {
    let look = false;
    if (this.src.startsWith('?:', this.i)) this.i += 2;
    else if (this.src.startsWith('?=', this.i) || this.src.startsWith('?!', this.i)) {
      this.i += 2;
      look = true;
    } else if (this.src.startsWith('?<=', this.i) || this.src.startsWith('?<!', this.i)) {
      this.i += 3;
      look = true;
    } else if (this.src[this.i] === '?') throw new Error('stem-scan: named or unknown group');
    const alts = this.alternatives();
    if (this.src[this.i] !== ')') throw new Error('stem-scan: unclosed group');
    this.i++;
    return look ? { kind: 'zero', boundary: false } : { kind: 'group', alts };
  }

  /** The characters of an escape, undefined for a class it does not spell out, or 'boundary'. */
  private escaped(inClass: boolean): string[] | undefined | 'boundary' {
    const c = this.src[this.i++];
    switch (c) {
      case 'b':
        return inClass ? ['\b'] : 'boundary';
      case 'B':
        if (inClass) throw new Error('stem-scan: \\B in a class');
        return 'boundary';
      case 'd':
        return DIGITS;
      case 'D':
      case 'w':
      case 'W':
      case 's':
      case 'S':
        return undefined;
      case 'p':
      case 'P': {
        const close = this.src.indexOf('}', this.i);
        if (this.src[this.i] !== '{' || close < 0) throw new Error('stem-scan: property');
        this.i = close + 1;
        return undefined;
      }
      case 't':
        return ['\t'];
      case 'n':
        return ['\n'];
      case 'r':
        return ['\r'];
      case 'f':
        return ['\f'];
      case 'v':
        return ['\v'];
      case '0':
        if (/\d/.test(this.src[this.i] ?? '')) throw new Error('stem-scan: octal escape');
        return ['\0'];
      case 'x': {
        const hex = this.src.slice(this.i, this.i + 2);
        if (!/^[\da-fA-F]{2}$/.test(hex)) throw new Error('stem-scan: \\x');
        this.i += 2;
        return [String.fromCharCode(parseInt(hex, 16))];
      }
      case 'u': {
        const hex = this.src.slice(this.i, this.i + 4);
        if (!/^[\da-fA-F]{4}$/.test(hex)) throw new Error('stem-scan: \\u');
        this.i += 4;
        return [String.fromCharCode(parseInt(hex, 16))];
      }
      default:
        // Back-references, control letters and named references are not read; any other escaped character stands for itself.
        if (c === undefined || /[\dckKu]/.test(c) || (this.unicode && /[a-zA-Z]/.test(c))) throw new Error(`stem-scan: escape \\${c}`);
        return [c];
    }
  }

  private escape(): Node {
    const e = this.escaped(false);
    return e === 'boundary' ? { kind: 'zero', boundary: this.src[this.i - 1] === 'b' } : { kind: 'chars', set: e };
  }

  private charClass(): Node {
    const negated = this.src[this.i] === '^';
    if (negated) this.i++;
    const set = new Set<string>();
    let known = !negated;
    while (this.i < this.src.length && this.src[this.i] !== ']') {
      const low = this.classAtom();
      if (this.src[this.i] === '-' && this.i + 1 < this.src.length && this.src[this.i + 1] !== ']') {
        this.i++;
        const high = this.classAtom();
        if (low === undefined || high === undefined || low.length !== 1 || high.length !== 1) throw new Error('stem-scan: class range');
        const a = low[0].codePointAt(0)!;
        const b = high[0].codePointAt(0)!;
        if (b - a >= MAX_CLASS) known = false;
        else for (let x = a; x <= b; x++) set.add(String.fromCodePoint(x));
        continue;
      }
      if (low === undefined) known = false;
      else for (const ch of low) set.add(ch);
    }
    if (this.src[this.i] !== ']') throw new Error('stem-scan: unclosed class');
    this.i++;
    return { kind: 'chars', set: known && set.size <= MAX_CLASS ? [...set] : undefined };
  }

  private classAtom(): string[] | undefined {
    const at = this.i++;
    if (this.src[at] !== '\\') return [this.character(at)];
    const e = this.escaped(true);
    if (e === 'boundary') throw new Error('stem-scan: boundary in a class');
    return e;
  }

  private quantified(node: Node): Node {
    const c = this.src[this.i];
    let min: number;
    let max: number;
    if (c === '?') [min, max] = [0, 1];
    else if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) throw new Error('stem-scan: brace');
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
    } else return node;
    this.i++;
    if (this.src[this.i] === '?') this.i++; // lazy: the same matches, in another order
    return { kind: 'rep', node, min, max };
  }
}

/** What follows a node: the rest of its sequence, then what follows that sequence. */
interface Rest {
  items: Node[];
  at: number;
  next: Rest | undefined;
}

/**
 * The literal prefixes every match of `items[at..]` (then `next`) begins with: each path's characters
 * up to the first that is not spelled out. A '' among them is a path that begins with no known character.
 */
function stems(items: Node[], at: number, next: Rest | undefined, room: number): string[] {
  if (room === 0) return [''];
  if (at === items.length) return next ? stems(next.items, next.at, next.next, room) : [''];
  const node = items[at];
  switch (node.kind) {
    case 'zero':
      return stems(items, at + 1, next, room);
    case 'chars': {
      if (node.set === undefined) return [''];
      const out: string[] = [];
      for (const c of node.set) {
        for (const s of stems(items, at + 1, next, room - 1)) out.push(c + s);
        if (out.length > MAX_STEMS) return node.set;
      }
      return out;
    }
    case 'group': {
      const out: string[] = [];
      for (const alt of node.alts) out.push(...stems(alt, 0, { items, at: at + 1, next }, room));
      return out;
    }
    case 'rep': {
      // Once, and then what follows when it cannot come again; else once and no further.
      const once = node.max === 1 ? stems([node.node], 0, { items, at: at + 1, next }, room) : stems([node.node], 0, undefined, room);
      return node.min === 0 ? [...stems(items, at + 1, next, room), ...once] : once;
    }
  }
}

interface Plan {
  /** The stems as one alternation of plain words, after a \b where the expression opens with one. */
  finder: RegExp;
  /** The expression, sticky. */
  sticky: RegExp;
}

const plans = new WeakMap<RegExp, Plan | null>();

/** The expression's alternatives, or undefined when its source is not understood. */
function read(re: RegExp): Node[][] | undefined {
  try {
    const reader = new Reader(re.source, re.unicode);
    const alts = reader.alternatives();
    return reader.i === re.source.length ? alts : undefined;
  } catch {
    return undefined;
  }
}

/** The stems read from an expression's source: undefined when a path begins with no known character. */
export function stemsOf(re: RegExp): string[] | undefined {
  const alts = read(re);
  const all = alts && stems([{ kind: 'group', alts }], 0, undefined, MAX_STEM);
  return all && all.length > 0 && !all.includes('') ? all : undefined;
}

const escapeRegExp = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/** Ignoring case without unicode, a character beyond ASCII matches none in ASCII: a stem is cut at its first. */
function foldStem(s: string): string {
  const cut = s.search(/[^\x00-\x7f]/);
  return (cut < 0 ? s : s.slice(0, cut)).toLowerCase();
}

function planOf(re: RegExp): Plan | null {
  let plan = plans.get(re);
  if (plan !== undefined) return plan;
  plan = null;
  // Ignoring case, unicode mode folds beyond ASCII (the Kelvin sign is a k): not read.
  const fold = re.ignoreCase;
  const alts = re.global && !re.sticky && !re.multiline && !re.unicodeSets && !(fold && re.unicode) ? read(re) : undefined;
  const all = alts && stemsOf(re)?.map((s) => (fold ? foldStem(s) : s));
  if (alts && all && !all.includes('')) {
    // Only the shortest of stems that begin alike is needed. (Sorted, a stem that begins with another
    // comes after it, and after no stem that does not.)
    const words: string[] = [];
    for (const s of [...new Set(all)].sort()) if (words.length === 0 || !s.startsWith(words[words.length - 1])) words.push(s);
    const first = alts.length === 1 ? alts[0][0] : undefined;
    const boundary = first?.kind === 'zero' && first.boundary;
    plan = {
      finder: new RegExp(`${boundary ? '\\b' : ''}(?:${words.map(escapeRegExp).join('|')})`, fold ? 'gi' : 'g'),
      sticky: new RegExp(re.source, `${re.flags.replace('g', '')}y`),
    };
  }
  plans.set(re, plan);
  return plan;
}

/**
 * What `text.matchAll(re)` finds, for a global `re` (its lastIndex is left alone): the leftmost match from
 * each point on, matches not overlapping.
 */
export function matchesByStems(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  const plan = planOf(re);
  if (plan === null) {
    // The expression's own global scan.
    const saved = re.lastIndex;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      out.push(m);
      if (m[0].length === 0) re.lastIndex++;
    }
    re.lastIndex = saved;
    return out;
  }
  const { finder, sticky } = plan;
  finder.lastIndex = 0;
  for (let hit = finder.exec(text); hit !== null; hit = finder.exec(text)) {
    const p = hit.index;
    sticky.lastIndex = p;
    const m = sticky.exec(text);
    // No match here: the next place a stem begins may be inside this one.
    if (m === null) finder.lastIndex = p + 1;
    else {
      out.push(m);
      // Every match holds a stem: it is never empty.
      finder.lastIndex = p + m[0].length;
    }
  }
  return out;
}
