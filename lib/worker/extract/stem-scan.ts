/**
 * A global scan tried only where a match can begin. A long alternation of phrases ("ransomware
 * attack|hit by ransomware|data breach|...", each with its own groups and repetitions) costs V8 a check
 * of each alternative at every word of the text. The literal prefixes (stems) that every match must begin
 * with are read from the expression's source once, and joined into one alternation of plain words, which
 * V8 scans as a tree of their letters, several times faster. Only where a stem begins is the expression
 * tried, sticky, in a form that holds only the alternatives that can begin with the character there (the
 * others fail at once, their capture groups kept): the match found is the one the global scan finds at
 * that position, and the scan goes on from where the global scan would.
 *
 * A stem is the characters every path through the expression consumes first, up to the first it cannot
 * name (a class such as `\w`, a repetition that may or may not come again). An expression with a path that
 * begins with no such character, or whose source the reader does not understand, is scanned as it is.
 * For short alternations of words V8's own scan is as fast (measured on the incident scans of
 * incidents/index.ts: only the triggers' alternation gains).
 */

/** The source read as far as its first characters go; `from`/`to` are the node's place in the source. */
type Node = { from: number; to: number } & (
  | { kind: 'chars'; set: string[] | undefined } // one character of the set; undefined: unknown or too many
  | { kind: 'zero'; boundary: boolean } // consumes nothing: \b, \B, ^, $, a look-around
  | { kind: 'group'; alts: Alt[]; open: number } // open: where its first alternative begins
  | { kind: 'rep'; node: Node; min: number; max: number }
);

/** An alternative of a group: its nodes, its place in the source and how many capture groups it holds. */
interface Alt {
  items: Node[];
  from: number;
  to: number;
  captures: number;
}

/** A class of more characters than this is not worth spelling out. */
const MAX_CLASS = 16;
/** Stems are cut at this length: a few characters already tell most words apart. */
const MAX_STEM = 10;
/** More stems than this at one point of the source, and the point's own characters are the stems. */
const MAX_STEMS = 2048;

const DIGITS = '0123456789'.split('');

class Reader {
  i = 0;
  captures = 0;
  constructor(
    readonly src: string,
    readonly unicode: boolean,
  ) {}

  alternatives(): Alt[] {
    const startCaptures = this.captures;
    let alt: Alt = { items: [], from: this.i, to: this.i, captures: 0 };
    let before = startCaptures;
    const alts = [alt];
    while (this.i < this.src.length) {
      const c = this.src[this.i];
      if (c === ')') break;
      if (c === '|') {
        alt.to = this.i;
        alt.captures = this.captures - before;
        before = this.captures;
        this.i++;
        alt = { items: [], from: this.i, to: this.i, captures: 0 };
        alts.push(alt);
        continue;
      }
      const from = this.i;
      alt.items.push(this.quantified(this.atom(from), from));
    }
    alt.to = this.i;
    alt.captures = this.captures - before;
    return alts;
  }

  private atom(from: number): Node {
    const c = this.src[this.i++];
    switch (c) {
      case '(':
        return this.group(from);
      case '[':
        return this.charClass(from);
      case '\\':
        return this.escape(from);
      case '.':
        return { kind: 'chars', set: undefined, from, to: this.i };
      case '^':
      case '$':
        return { kind: 'zero', boundary: false, from, to: this.i };
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
        return { kind: 'chars', set: [this.character(from)], from, to: this.i };
    }
  }

  /** The character at `at` (already stepped over): in unicode mode a surrogate pair is one. */
  private character(at: number): string {
    if (!this.unicode) return this.src[at];
    const ch = String.fromCodePoint(this.src.codePointAt(at)!);
    this.i = at + ch.length;
    return ch;
  }

  private group(from: number): Node {
    let look = false;
    let capturing = false;
    if (this.src.startsWith('?:', this.i)) this.i += 2;
    else if (this.src.startsWith('?=', this.i) || this.src.startsWith('?!', this.i)) {
      this.i += 2;
      look = true;
    } else if (this.src.startsWith('?<=', this.i) || this.src.startsWith('?<!', this.i)) {
      this.i += 3;
      look = true;
    } else if (this.src[this.i] === '?') throw new Error('stem-scan: named or unknown group');
    else capturing = true;
    if (capturing) this.captures++;
    const open = this.i;
    const alts = this.alternatives();
    if (this.src[this.i] !== ')') throw new Error('stem-scan: unclosed group');
    this.i++;
    return look ? { kind: 'zero', boundary: false, from, to: this.i } : { kind: 'group', alts, open, from, to: this.i };
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

  private escape(from: number): Node {
    const e = this.escaped(false);
    if (e === 'boundary') return { kind: 'zero', boundary: this.src[this.i - 1] === 'b', from, to: this.i };
    return { kind: 'chars', set: e, from, to: this.i };
  }

  private charClass(from: number): Node {
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
    return { kind: 'chars', set: known && set.size <= MAX_CLASS ? [...set] : undefined, from, to: this.i };
  }

  private classAtom(): string[] | undefined {
    const at = this.i++;
    if (this.src[at] !== '\\') return [this.character(at)];
    const e = this.escaped(true);
    if (e === 'boundary') throw new Error('stem-scan: boundary in a class');
    return e;
  }

  private quantified(node: Node, from: number): Node {
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
    return { kind: 'rep', node, min, max, from, to: this.i };
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
      for (const alt of node.alts) out.push(...stems(alt.items, 0, { items, at: at + 1, next }, room));
      return out;
    }
    case 'rep': {
      // Once, and then what follows when it cannot come again; else once and no further.
      const once = node.max === 1 ? stems([node.node], 0, { items, at: at + 1, next }, room) : stems([node.node], 0, undefined, room);
      return node.min === 0 ? [...stems(items, at + 1, next, room), ...once] : once;
    }
  }
}

/** The first code unit of each stem (ASCII letters in lower case when folding), or undefined when a path begins with no known character. */
function firstUnits(items: Node[], next: Rest | undefined, fold: boolean): Set<number> | undefined {
  const out = new Set<number>();
  for (const s of stems(items, 0, next, 1)) {
    if (s === '') return undefined;
    out.add(fold ? foldUnit(s.charCodeAt(0)) : s.charCodeAt(0));
  }
  return out;
}

/** Ignoring case without unicode, ASCII letters fold to each other only. */
const foldUnit = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

/**
 * The source of `items[at..]` with the alternatives of the groups it opens with that cannot begin with
 * `unit` made to fail at once: each becomes a class that matches nothing, followed by as many empty
 * capture groups as it held, so that the others keep their numbers. What follows the first node that
 * consumes is kept as it is.
 */
function opening(src: string, items: Node[], at: number, next: Rest | undefined, unit: number, fold: boolean): string {
  if (at === items.length) return '';
  const node = items[at];
  const last = items[items.length - 1];
  if (node.kind === 'zero') return src.slice(node.from, node.to) + opening(src, items, at + 1, next, unit, fold);
  if (node.kind !== 'group') return src.slice(node.from, last.to);
  const rest: Rest = { items, at: at + 1, next };
  const alts = node.alts.map((alt) => {
    const first = firstUnits(alt.items, rest, fold);
    if (first !== undefined && !first.has(unit)) return `[]${'()'.repeat(alt.captures)}`;
    return first === undefined ? src.slice(alt.from, alt.to) : opening(src, alt.items, 0, rest, unit, fold);
  });
  const after = at + 1 < items.length ? src.slice(items[at + 1].from, last.to) : '';
  return src.slice(node.from, node.open) + alts.join('|') + src.slice(node.alts[node.alts.length - 1].to, node.to) + after;
}

interface Plan {
  src: string;
  top: Node[];
  /** The stems as one alternation of plain words (which V8 scans as a tree of their letters), after a \b if the expression opens with one. */
  finder: RegExp;
  /** The expression's flags, sticky. */
  flags: string;
  fold: boolean;
  /** Per first code unit (folded), the sticky expression of the alternatives that can begin with it. */
  byUnit: Map<number, RegExp>;
}

const plans = new WeakMap<RegExp, Plan | null>();

function read(re: RegExp): Node[] | undefined {
  try {
    const reader = new Reader(re.source, re.unicode);
    const alts = reader.alternatives();
    if (reader.i !== re.source.length) return undefined;
    return [{ kind: 'group', alts, open: 0, from: 0, to: re.source.length }];
  } catch {
    return undefined;
  }
}

/** The stems read from an expression's source: undefined when a path begins with no known character. */
export function stemsOf(re: RegExp): string[] | undefined {
  const top = read(re);
  const all = top && stems(top, 0, undefined, MAX_STEM);
  return all && all.length > 0 && !all.includes('') ? all : undefined;
}

const escapeRegExp = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

function planOf(re: RegExp): Plan | null {
  let plan = plans.get(re);
  if (plan !== undefined) return plan;
  plan = null;
  // Ignoring case, unicode mode folds beyond ASCII (the Kelvin sign is a k): not read.
  const fold = re.ignoreCase;
  const top = re.global && !re.sticky && !re.multiline && !re.unicodeSets && !(fold && re.unicode) ? read(re) : undefined;
  let all = top && stemsOf(re);
  // Ignoring case (without unicode), a character beyond ASCII matches none in ASCII: a stem is cut at its first.
  if (all && fold) all = all.map((s) => s.slice(0, (s.search(/[^\x00-\x7f]/) + 1 || s.length + 1) - 1).toLowerCase());
  if (top && all && !all.includes('')) {
    // Only the shortest of stems that begin alike is needed.
    // (Sorted, a stem that begins with another comes after it, and after no stem that does not.)
    const words: string[] = [];
    for (const s of [...new Set(all)].sort()) if (words.length === 0 || !s.startsWith(words[words.length - 1])) words.push(s);
    const alts = (top[0] as { alts: Alt[] }).alts;
    const first = alts.length === 1 ? alts[0].items[0] : undefined;
    const boundary = first?.kind === 'zero' && first.boundary;
    plan = {
      src: re.source,
      top,
      finder: new RegExp(`${boundary ? '\\b' : ''}(?:${words.map(escapeRegExp).join('|')})`, fold ? 'gi' : 'g'),
      flags: `${re.flags.replace('g', '')}y`,
      fold,
      byUnit: new Map(),
    };
  }
  plans.set(re, plan);
  return plan;
}

/** The sticky expression tried where the text's (folded) code unit is `unit`. */
function stickyFor(plan: Plan, unit: number): RegExp {
  let re = plan.byUnit.get(unit);
  if (re === undefined) {
    re = new RegExp(opening(plan.src, plan.top, 0, undefined, unit, plan.fold), plan.flags);
    plan.byUnit.set(unit, re);
  }
  return re;
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
  const { finder } = plan;
  finder.lastIndex = 0;
  for (let hit = finder.exec(text); hit !== null; hit = finder.exec(text)) {
    const p = hit.index;
    const c = text.charCodeAt(p);
    const sticky = stickyFor(plan, plan.fold ? foldUnit(c) : c);
    sticky.lastIndex = p;
    const m = sticky.exec(text);
    // A stem may begin inside the one found (no two begin at one place in the finder's answer): go on from the next character.
    if (m === null) finder.lastIndex = p + 1;
    else {
      out.push(m);
      // Every match holds a stem: it is never empty.
      finder.lastIndex = p + m[0].length;
    }
  }
  return out;
}
