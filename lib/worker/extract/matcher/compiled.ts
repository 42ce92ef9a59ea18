/**
 * The loaded matcher: typed-array views over one ArrayBuffer (layout.ts) and the scan over a text.
 * Loading copies nothing but the alphabet table; entity records are decoded lazily, when a hit needs them.
 */
import { F_END_WORD, F_START_WORD } from './ambiguity';
import { foldString, isWordCode } from './fold';
import { FORMAT_VERSION, MAGIC, SECTIONS, type EntityRecord, type MatcherMeta } from './layout';

/** One whole-word occurrence of a catalogue name. `terms` are the terms (one per entity) with that name. */
export interface RawHit {
  start: number;
  end: number;
  terms: number[];
}

export interface EntityInfo {
  key: string;
  type: string;
  subtype?: string;
  name: string;
  sources: string[];
  /** Extra cue words the catalogue gave this entity. */
  cues?: string[];
}

const SKIP_SYM = 0xffff;
const decoder = new TextDecoder();

export class CompiledMatcher {
  readonly buffer: ArrayBuffer;
  readonly meta: MatcherMeta;
  /** Names and aliases in the automaton. */
  readonly termCount: number;
  readonly entityCount: number;
  private readonly charSym: Uint16Array;
  private readonly rootNext: Int32Array;
  private readonly stateRecs: Int32Array;
  private readonly edges: Int32Array;
  private readonly dense: Int32Array;
  private readonly depth: Uint16Array;
  private readonly termStart: Int32Array;
  private readonly termIds: Int32Array;
  readonly termEntity: Int32Array;
  readonly termFlags: Uint8Array;
  private readonly aliasOff: Uint32Array;
  private readonly aliasBytes: Uint8Array;
  private readonly entityOff: Uint32Array;
  private readonly entityBytes: Uint8Array;
  private readonly entityCache: (EntityInfo | undefined)[];
  private readonly aliasCache: (string | undefined)[];
  /** Original-text offsets of the last symbols fed, a ring as long as the deepest term needs. */
  private readonly ring: Int32Array;
  private readonly ringMask: number;

  constructor(buffer: ArrayBuffer) {
    if (buffer.byteLength < 12) throw new Error('matcher: buffer too short');
    const head = new Uint32Array(buffer, 0, 3);
    if (head[0] !== MAGIC) throw new Error('matcher: not a compiled matcher (or foreign byte order)');
    if (head[1] !== FORMAT_VERSION) throw new Error(`matcher: format ${head[1]}, expected ${FORMAT_VERSION}`);
    if (head[2] !== SECTIONS.length) throw new Error('matcher: unexpected section count');
    const table = new Uint32Array(buffer, 12, SECTIONS.length * 2);
    const section = (i: number): [number, number] => {
      const off = table[i * 2];
      const len = table[i * 2 + 1];
      if (off + len > buffer.byteLength) throw new Error('matcher: truncated buffer');
      return [off, len];
    };
    const u8 = (i: number) => new Uint8Array(buffer, ...section(i));
    const i32 = (i: number) => {
      const [o, l] = section(i);
      return new Int32Array(buffer, o, l >> 2);
    };
    const u16 = (i: number) => {
      const [o, l] = section(i);
      return new Uint16Array(buffer, o, l >> 1);
    };
    const u32 = (i: number) => {
      const [o, l] = section(i);
      return new Uint32Array(buffer, o, l >> 2);
    };
    this.buffer = buffer;
    this.meta = JSON.parse(decoder.decode(u8(0))) as MatcherMeta;
    const pairs = u16(1);
    this.charSym = new Uint16Array(65536);
    for (let i = 0; i < pairs.length; i += 2) this.charSym[pairs[i]] = pairs[i + 1];
    const at = (name: (typeof SECTIONS)[number]) => SECTIONS.indexOf(name);
    this.rootNext = i32(at('rootNext'));
    this.stateRecs = i32(at('states'));
    this.edges = i32(at('edges'));
    this.dense = i32(at('dense'));
    this.depth = u16(at('depth'));
    this.termStart = i32(at('termStart'));
    this.termIds = i32(at('termIds'));
    this.termEntity = i32(at('termEntity'));
    this.termFlags = u8(at('termFlags'));
    this.aliasOff = u32(at('aliasOff'));
    this.aliasBytes = u8(at('aliasBytes'));
    this.entityOff = u32(at('entityOff'));
    this.entityBytes = u8(at('entityBytes'));
    this.termCount = this.meta.terms;
    this.entityCount = this.meta.entities;
    if (this.stateRecs.length !== this.meta.states * 4 || this.termFlags.length !== this.meta.terms) {
      throw new Error('matcher: sections disagree with their counts');
    }
    this.entityCache = new Array(this.meta.entities);
    this.aliasCache = new Array(this.meta.terms);
    let size = 1;
    while (size <= this.meta.maxDepth) size <<= 1;
    this.ring = new Int32Array(size);
    this.ringMask = size - 1;
  }

  /** Bytes the matcher occupies (its buffer plus the alphabet table built on load). */
  get byteLength(): number {
    return this.buffer.byteLength + this.charSym.byteLength;
  }

  /** The alias of a term, as the catalogue wrote it. */
  alias(term: number): string {
    let a = this.aliasCache[term];
    if (a === undefined) {
      a = decoder.decode(this.aliasBytes.subarray(this.aliasOff[term], this.aliasOff[term + 1]));
      this.aliasCache[term] = a;
    }
    return a;
  }

  entity(index: number): EntityInfo {
    let info = this.entityCache[index];
    if (info === undefined) {
      const [key, type, subtype, name, sources, cues] = JSON.parse(
        decoder.decode(this.entityBytes.subarray(this.entityOff[index], this.entityOff[index + 1])),
      ) as EntityRecord;
      info = { key, type, name, sources };
      if (subtype !== null) info.subtype = subtype;
      if (cues !== null) info.cues = cues;
      this.entityCache[index] = info;
    }
    return info;
  }

  termEntityInfo(term: number): EntityInfo {
    return this.entity(this.termEntity[term]);
  }

  /** Terms whose folded name is exactly `name` (case, quotes, dashes and spaces folded). */
  lookup(name: string): number[] {
    const folded = foldString(name);
    let s = 0;
    for (let i = 0; i < folded.length; i++) {
      const sym = this.charSym[folded.charCodeAt(i)];
      if (sym === 0 || sym === SKIP_SYM) return [];
      const next = this.step(s, sym);
      // A goto edge leads one symbol deeper; anything else was a failure, so the name is not a term.
      if (next === 0 || this.depth[next] !== i + 1) return [];
      s = next;
    }
    if (s === 0) return [];
    return Array.from(this.termIds.subarray(this.termStart[s], this.termStart[s + 1]));
  }

  /** The complete transition from state `s` on `sym` (failure links followed). */
  private step(s: number, sym: number): number {
    const { stateRecs, edges, dense } = this;
    const stride = this.meta.symbols + 1;
    for (;;) {
      if (s === 0) return this.rootNext[sym];
      const b = s << 2;
      const end = stateRecs[b + 1];
      if (end < 0) return dense[(-end - 1) * stride + sym];
      for (let e = stateRecs[b]; e < end; e++) {
        const es = edges[e << 1];
        if (es === sym) return edges[(e << 1) + 1];
        if (es > sym) break;
      }
      s = stateRecs[b + 2];
    }
  }

  /**
   * Every whole-word occurrence of every name, overlapping ones included, in order of their end.
   * Offsets are UTF-16 indices into `text`.
   */
  scanAllAutomaton(text: string): RawHit[] {
    const hits: RawHit[] = [];
    const { charSym, rootNext, stateRecs, edges, dense, termStart, ring, ringMask } = this;
    const { termIds, depth, termFlags } = this;
    const stride = this.meta.symbols + 1;
    const spaceSym = this.meta.spaceSym;
    const n = text.length;
    let s = 0;
    let k = 0; // symbols fed so far
    let prevSym = spaceSym;
    for (let i = 0; i < n; i++) {
      const code = text.charCodeAt(i);
      const sym = charSym[code];
      if (sym === 0) {
        s = 0;
        prevSym = 0;
        continue;
      }
      if (sym === SKIP_SYM) continue;
      if (sym === spaceSym && prevSym === spaceSym) continue; // a run of spaces reads as one
      prevSym = sym;
      ring[k & ringMask] = i;
      k++;
      // Follow failure links until a state has an edge for this symbol (the root and the busiest states
      // have complete rows).
      for (;;) {
        if (s === 0) {
          s = rootNext[sym];
          break;
        }
        const b = s << 2;
        const end = stateRecs[b + 1];
        if (end < 0) {
          s = dense[(-end - 1) * stride + sym];
          break;
        }
        let next = -1;
        for (let e = stateRecs[b]; e < end; e++) {
          const es = edges[e << 1];
          if (es === sym) {
            next = edges[(e << 1) + 1];
            break;
          }
          if (es > sym) break;
        }
        if (next >= 0) {
          s = next;
          break;
        }
        s = stateRecs[b + 2];
      }
      if (s === 0) continue;
      let t = stateRecs[(s << 2) + 3];
      if (t === 0) continue;
      // All terms ending here end with this character: a word character on both sides is mid-word.
      if (i + 1 < n && isWordCode(code) && isWordCode(text.charCodeAt(i + 1))) continue;
      while (t !== 0) {
        const first = termIds[termStart[t]];
        const len = depth[t];
        const start = ring[(k - len) & ringMask];
        const flags = termFlags[first];
        const okStart = !(flags & F_START_WORD) || start === 0 || !isWordCode(text.charCodeAt(start - 1));
        const okEnd = !(flags & F_END_WORD) || i + 1 >= n || !isWordCode(text.charCodeAt(i + 1));
        if (okStart && okEnd) {
          const terms: number[] = [];
          for (let j = termStart[t], end = termStart[t + 1]; j < end; j++) terms.push(termIds[j]);
          hits.push({ start, end: i + 1, terms });
        }
        t = stateRecs[(stateRecs[(t << 2) + 2] << 2) + 3]; // the next terminal: output of t's failure
      }
    }
    return hits;
  }

  /**
   * Every whole-word occurrence of every name, overlapping ones included — the same hits as the full
   * Aho–Corasick pass (scanAllAutomaton), found with fewer steps: a whole-word name can only begin where
   * a word begins (or at a non-word character some name begins with, like "." or "$"), so walking the
   * trie's own edges from those positions alone finds them all, and most walks end after a character or
   * two. Offsets are UTF-16 indices into `text`; hits come in order of their start.
   */
  scanAll(text: string): RawHit[] {
    const hits: RawHit[] = [];
    const { charSym, rootNext, stateRecs, edges, dense, depth, termStart, termIds, termFlags } = this;
    const stride = this.meta.symbols + 1;
    const spaceSym = this.meta.spaceSym;
    const n = text.length;
    let prevWord = false;
    for (let p = 0; p < n; p++) {
      const code = text.charCodeAt(p);
      const word = isWordCode(code);
      if (word && prevWord) continue; // inside a word: no whole-word name starts here
      prevWord = word;
      let s = rootNext[charSym[code] === SKIP_SYM ? 0 : charSym[code]];
      if (s === 0) continue;
      let prevSym = charSym[code];
      let i = p;
      for (;;) {
        if (termStart[s + 1] > termStart[s]) {
          const flags = termFlags[termIds[termStart[s]]];
          if (!(flags & F_END_WORD) || i + 1 >= n || !isWordCode(text.charCodeAt(i + 1))) {
            const terms: number[] = [];
            for (let j = termStart[s], end = termStart[s + 1]; j < end; j++) terms.push(termIds[j]);
            hits.push({ start: p, end: i + 1, terms });
          }
        }
        // the next symbol, skipping ignorable characters and the rest of a run of spaces
        let sym = 0;
        for (i++; i < n; i++) {
          sym = charSym[text.charCodeAt(i)];
          if (sym !== SKIP_SYM && !(sym === spaceSym && prevSym === spaceSym)) break;
        }
        if (i >= n || sym === 0) break;
        const b = s << 2;
        const end = stateRecs[b + 1];
        let next = 0;
        if (end < 0) {
          // a complete row: only an edge of the trie leads exactly one level deeper
          const t = dense[(-end - 1) * stride + sym];
          if (depth[t] === depth[s] + 1) next = t;
        } else {
          for (let e = stateRecs[b]; e < end; e++) {
            const es = edges[e << 1];
            if (es === sym) {
              next = edges[(e << 1) + 1];
              break;
            }
            if (es > sym) break;
          }
        }
        if (next === 0) break;
        s = next;
        prevSym = sym;
      }
    }
    return hits;
  }

  /** Leftmost-longest, non-overlapping whole-word occurrences, in text order. */
  scan(text: string): RawHit[] {
    return leftmostLongest(this.scanAll(text));
  }
}

/** Keeps, from left to right, the longest of the hits that start first and overlap no kept hit. */
export function leftmostLongest<T extends { start: number; end: number }>(hits: T[]): T[] {
  const sorted = hits.slice().sort((a, b) => a.start - b.start || b.end - a.end);
  const out: T[] = [];
  let lastEnd = -1;
  for (const h of sorted) {
    if (h.start >= lastEnd) {
      out.push(h);
      lastEnd = h.end;
    }
  }
  return out;
}
