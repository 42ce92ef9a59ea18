/**
 * Builds the Aho–Corasick automaton over every name and alias of the catalogue and writes it into one
 * ArrayBuffer (layout.ts). Done once — in the worker after a sync, or by the CLI into its cache — and
 * never per page: building costs far more than scanning.
 */
import type { CatalogueEntry } from '../../../shared/types';
import { SKIP, SPACE, foldCode, foldString } from './fold';
import { termFlags, type NameTypes } from './ambiguity';
import { DENSE_MIN_EDGES, FORMAT_VERSION, MAGIC, SECTIONS, align8, type EntityRecord, type MatcherMeta, type SectionName } from './layout';

interface Term {
  folded: string;
  alias: string;
  entity: number;
  flags: number;
}

const CVE_RE = /^cve-\d{4}-\d{4,}$/;

/** Names worth matching: at least two characters and a letter; never a CVE id (the patterns find those). */
function matchable(folded: string): boolean {
  return folded.length >= 2 && /\p{L}/u.test(folded) && !CVE_RE.test(folded);
}

function collectTerms(entries: readonly CatalogueEntry[]): { terms: Term[]; records: EntityRecord[] } {
  // Vulnerabilities count by their nicknames ("Log4Shell") only: a CVE id is never a term, and an entry
  // without another name (every KEV row) adds nothing.
  const nameTypes: NameTypes = new Map();
  const namesOf = entries.map((e) => {
    const seen = new Map<string, string>();
    for (const alias of [e.name, ...e.aliases]) {
      if (typeof alias !== 'string') continue;
      const folded = foldString(alias);
      if (matchable(folded) && !seen.has(folded)) seen.set(folded, alias.trim());
    }
    for (const folded of seen.keys()) {
      let types = nameTypes.get(folded);
      if (!types) nameTypes.set(folded, (types = new Set()));
      types.add(e.type);
    }
    return seen;
  });
  const terms: Term[] = [];
  const records: EntityRecord[] = [];
  entries.forEach((e, i) => {
    const names = namesOf[i];
    if (names.size === 0) return;
    const entity = records.length;
    const cues = e.cues?.length ? e.cues : null;
    records.push([e.key, e.type, e.subtype ?? null, e.name, e.sources ?? [], cues]);
    for (const [folded, alias] of names) terms.push({ folded, alias, entity, flags: termFlags(alias, folded, e, nameTypes) });
  });
  return { terms, records };
}

/** Compiles the catalogue into the serialised automaton. */
export function buildMatcherBuffer(entries: readonly CatalogueEntry[]): ArrayBuffer {
  const { terms, records } = collectTerms(entries);

  // Alphabet: the folded code units the terms use, most frequent first (lowest symbol ids).
  const freq = new Map<number, number>();
  for (const t of terms)
    for (let i = 0; i < t.folded.length; i++) freq.set(t.folded.charCodeAt(i), (freq.get(t.folded.charCodeAt(i)) ?? 0) + 1);
  const alphabet = [...freq.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c]) => c);
  if (alphabet.length > 0xfffe) throw new Error('matcher: alphabet too large');
  const symOf = new Map<number, number>(alphabet.map((c, i) => [c, i + 1]));
  const symbols = alphabet.length;

  // Trie with Map children; terminal terms per node.
  const children: Map<number, number>[] = [new Map()];
  const nodeTerms: (number[] | undefined)[] = [undefined];
  const nodeDepth: number[] = [0];
  terms.forEach((t, id) => {
    let node = 0;
    for (let i = 0; i < t.folded.length; i++) {
      const sym = symOf.get(t.folded.charCodeAt(i))!;
      let next = children[node].get(sym);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        nodeTerms.push(undefined);
        nodeDepth.push(nodeDepth[node] + 1);
        children[node].set(sym, next);
      }
      node = next;
    }
    (nodeTerms[node] ??= []).push(id);
  });

  // Breadth-first renumbering (root = 0) gives failure links in one pass and cache-friendly order.
  const order: number[] = [0];
  const newId = new Int32Array(children.length);
  for (let q = 0; q < order.length; q++) {
    const sorted = [...children[order[q]].entries()].sort((a, b) => a[0] - b[0]);
    children[order[q]] = new Map(sorted);
    for (const [, child] of sorted) {
      newId[child] = order.length;
      order.push(child);
    }
  }
  const states = order.length;
  const edges = states - 1;
  const edgeStart = new Int32Array(states + 1);
  const edgeSym = new Uint16Array(edges);
  const edgeTo = new Int32Array(edges);
  const depth = new Uint16Array(states);
  let e = 0;
  for (let s = 0; s < states; s++) {
    edgeStart[s] = e;
    depth[s] = nodeDepth[order[s]];
    for (const [sym, child] of children[order[s]]) {
      edgeSym[e] = sym;
      edgeTo[e] = newId[child];
      e++;
    }
  }
  edgeStart[states] = e;
  const rootNext = new Int32Array(symbols + 1);
  for (let k = edgeStart[0]; k < edgeStart[1]; k++) rootNext[edgeSym[k]] = edgeTo[k];

  const step = (s: number, sym: number): number => {
    for (let k = edgeStart[s]; k < edgeStart[s + 1]; k++) if (edgeSym[k] === sym) return edgeTo[k];
    return -1;
  };
  const termStart = new Int32Array(states + 1);
  const termIds = new Int32Array(terms.length);
  let tcount = 0;
  for (let s = 0; s < states; s++) {
    termStart[s] = tcount;
    for (const id of nodeTerms[order[s]] ?? []) termIds[tcount++] = id;
  }
  termStart[states] = tcount;
  const fail = new Int32Array(states);
  const dict = new Int32Array(states);
  for (let s = 0; s < states; s++) {
    for (let k = edgeStart[s]; k < edgeStart[s + 1]; k++) {
      const child = edgeTo[k];
      const sym = edgeSym[k];
      let f = 0;
      if (s !== 0) {
        let g = fail[s];
        for (;;) {
          const t = step(g, sym);
          if (t >= 0) {
            f = t;
            break;
          }
          if (g === 0) break;
          g = fail[g];
        }
      }
      fail[child] = f;
      dict[child] = termStart[f + 1] > termStart[f] ? f : dict[f];
    }
  }

  // The busiest states (near the root, where a scan spends its time) get complete transition rows, so a
  // step from them is one array read with no edge search and no failure chasing.
  const stride = symbols + 1;
  const denseRow = new Int32Array(states).fill(-1);
  const denseStates: number[] = [];
  for (let s = 1; s < states; s++) {
    if (edgeStart[s + 1] - edgeStart[s] >= DENSE_MIN_EDGES) {
      denseRow[s] = denseStates.length;
      denseStates.push(s);
    }
  }
  const dense = new Int32Array(denseStates.length * stride);
  const delta = (s: number, sym: number): number => {
    for (;;) {
      if (s === 0) return rootNext[sym];
      const t = step(s, sym);
      if (t >= 0) return t;
      s = fail[s];
    }
  };
  denseStates.forEach((s, row) => {
    for (let sym = 1; sym <= symbols; sym++) dense[row * stride + sym] = delta(s, sym);
  });

  // The folded alphabet as (code unit, symbol) pairs; the loader spreads them into a dense table.
  const pairs: number[] = [];
  for (let c = 0; c < 65536; c++) {
    const f = foldCode(c);
    if (f === SKIP) pairs.push(c, 0xffff);
    else {
      const sym = symOf.get(f);
      if (sym !== undefined) pairs.push(c, sym);
    }
  }

  const enc = new TextEncoder();
  const aliasChunks = terms.map((t) => enc.encode(t.alias));
  const entityChunks = records.map((r) => enc.encode(JSON.stringify(r)));
  const concat = (chunks: Uint8Array[]): { off: Uint32Array; bytes: Uint8Array } => {
    const off = new Uint32Array(chunks.length + 1);
    let n = 0;
    chunks.forEach((c, i) => {
      off[i] = n;
      n += c.length;
    });
    off[chunks.length] = n;
    const bytes = new Uint8Array(n);
    chunks.forEach((c, i) => bytes.set(c, off[i]));
    return { off, bytes };
  };
  const aliases = concat(aliasChunks);
  const ents = concat(entityChunks);
  const maxDepth = depth.reduce((m, d) => Math.max(m, d), 0);
  const meta: MatcherMeta = {
    states,
    edges,
    terms: terms.length,
    entities: records.length,
    symbols,
    spaceSym: symOf.get(SPACE) ?? 0,
    maxDepth,
    denseRows: denseStates.length,
  };
  const stateRecs = new Int32Array(states * 4);
  for (let s = 0; s < states; s++) {
    stateRecs[s * 4] = edgeStart[s];
    stateRecs[s * 4 + 1] = denseRow[s] >= 0 ? -(denseRow[s] + 1) : edgeStart[s + 1];
    stateRecs[s * 4 + 2] = fail[s];
    stateRecs[s * 4 + 3] = termStart[s + 1] > termStart[s] ? s : dict[s];
  }
  const edgePairs = new Int32Array(edges * 2);
  for (let k = 0; k < edges; k++) {
    edgePairs[k * 2] = edgeSym[k];
    edgePairs[k * 2 + 1] = edgeTo[k];
  }
  const sections: Record<SectionName, ArrayBufferView> = {
    meta: enc.encode(JSON.stringify(meta)),
    charPairs: Uint16Array.from(pairs),
    rootNext,
    states: stateRecs,
    edges: edgePairs,
    dense,
    depth,
    termStart,
    termIds,
    termEntity: Int32Array.from(terms, (t) => t.entity),
    termFlags: Uint8Array.from(terms, (t) => t.flags),
    aliasOff: aliases.off,
    aliasBytes: aliases.bytes,
    entityOff: ents.off,
    entityBytes: ents.bytes,
  };
  return writeSections(sections);
}

function writeSections(sections: Record<SectionName, ArrayBufferView>): ArrayBuffer {
  const headerBytes = align8(12 + SECTIONS.length * 8);
  let total = headerBytes;
  const offsets: number[] = [];
  for (const name of SECTIONS) {
    offsets.push(total);
    total = align8(total + sections[name].byteLength);
  }
  const buffer = new ArrayBuffer(total);
  const head = new Uint32Array(buffer, 0, 3 + SECTIONS.length * 2);
  head[0] = MAGIC;
  head[1] = FORMAT_VERSION;
  head[2] = SECTIONS.length;
  const bytes = new Uint8Array(buffer);
  SECTIONS.forEach((name, i) => {
    const view = sections[name];
    head[3 + i * 2] = offsets[i];
    head[4 + i * 2] = view.byteLength;
    bytes.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength), offsets[i]);
  });
  return buffer;
}
