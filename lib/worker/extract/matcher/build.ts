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

function* collectTermSteps(entries: readonly CatalogueEntry[]): Generator<void, { terms: Term[]; records: EntityRecord[] }, void> {
  // Vulnerabilities count by their nicknames ("Log4Shell") only: a CVE id is never a term, and an entry
  // without another name (every KEV row) adds nothing.
  const nameTypes: NameTypes = new Map();
  const namesOf: Map<string, string>[] = [];
  for (const e of entries) {
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
    if (namesOf.push(seen) % EVERY === 0) yield;
  }
  const terms: Term[] = [];
  const records: EntityRecord[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const names = namesOf[i];
    if (names.size === 0) continue;
    const entity = records.length;
    const cues = e.cues?.length ? e.cues : null;
    records.push([e.key, e.type, e.subtype ?? null, e.name, e.sources ?? [], cues]);
    for (const [folded, alias] of names) terms.push({ folded, alias, entity, flags: termFlags(alias, folded, e, nameTypes) });
    if (i % 256 === 0) yield;
  }
  return { terms, records };
}

function maxDepthOf(texts: readonly string[]): number {
  let max = 0;
  for (const t of texts) if (t.length > max) max = t.length;
  return max;
}

/** Compiles the catalogue into the serialised automaton, in one go. */
export function buildMatcherBuffer(entries: readonly CatalogueEntry[]): ArrayBuffer {
  const steps = buildSteps(entries);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Loop iterations between two points where a sliced build may pause (each a fraction of a millisecond). */
const EVERY = 1024;

/**
 * The compile as resumable steps: it yields every few hundred iterations of each loop, so that a caller that
 * must stay responsive (the worker, which answers pages meanwhile) can pause between slices; buildMatcherBuffer
 * runs it straight through. Both give the same bytes.
 */
export function* buildSteps(entries: readonly CatalogueEntry[]): Generator<void, ArrayBuffer, void> {
  const { terms, records } = yield* collectTermSteps(entries);

  // Alphabet: the folded code units the terms use, most frequent first (lowest symbol ids).
  const freq = new Uint32Array(65536);
  let totalLength = 0;
  for (const t of terms) {
    totalLength += t.folded.length;
    for (let i = 0; i < t.folded.length; i++) freq[t.folded.charCodeAt(i)]++;
  }
  const alphabet: number[] = [];
  for (let c = 0; c < 65536; c++) if (freq[c] > 0) alphabet.push(c);
  alphabet.sort((a, b) => freq[b] - freq[a] || a - b);
  if (alphabet.length > 0xfffe) throw new Error('matcher: alphabet too large');
  const symOf = new Uint16Array(65536); // 0: not in the alphabet
  alphabet.forEach((c, i) => (symOf[c] = i + 1));
  const symbols = alphabet.length;
  yield;

  // Each term as a string of its symbols, and the terms in the order of those strings (ties by term id).
  // Inserted in that order, the trie's nodes come in depth-first order with every node's children in symbol
  // order, and no node needs a map of its children: a term shares with the one before it the path of their
  // common prefix and adds nodes for the rest.
  const symText = new Array<string>(terms.length);
  for (let id = 0; id < terms.length; id++) {
    const f = terms[id].folded;
    let str = '';
    for (let i = 0; i < f.length; i++) str += String.fromCharCode(symOf[f.charCodeAt(i)]);
    symText[id] = str;
    if (id % EVERY === 0) yield;
  }
  const sorted = Array.from(terms.keys()).sort((a, b) => (symText[a] < symText[b] ? -1 : symText[a] > symText[b] ? 1 : a - b));
  yield;
  const maxNodes = totalLength + 1;
  const nodeParent = new Int32Array(maxNodes);
  const nodeSym = new Uint16Array(maxNodes);
  const nodeDepth = new Uint16Array(maxNodes);
  const nodeTermFirst = new Int32Array(maxNodes).fill(-1); // position in `sorted` of the node's first term
  const nodeTermCount = new Int32Array(maxNodes);
  const path = new Int32Array(maxDepthOf(symText) + 1); // path[d]: node at depth d on the previous term's path
  let nodes = 1;
  let prev = '';
  for (let n = 0; n < sorted.length; n++) {
    const str = symText[sorted[n]];
    const common = Math.min(str.length, prev.length);
    let p = 0;
    while (p < common && str.charCodeAt(p) === prev.charCodeAt(p)) p++;
    for (let d = p; d < str.length; d++) {
      const node = nodes++;
      nodeParent[node] = path[d];
      nodeSym[node] = str.charCodeAt(d);
      nodeDepth[node] = d + 1;
      path[d + 1] = node;
    }
    const end = path[str.length];
    if (nodeTermFirst[end] < 0) nodeTermFirst[end] = n;
    nodeTermCount[end]++;
    prev = str;
    if (n % EVERY === 0) yield;
  }

  // Breadth-first numbering (root = 0) gives failure links in one pass and cache-friendly order. Listed by
  // depth, the depth-first order is it: within a depth, parents keep their order and a parent's children are
  // in symbol order. So state s + 1 is the target of edge s, and a state's edges are its children's block.
  const states = nodes;
  const edges = states - 1;
  const maxDepth = path.length - 1;
  const atDepth = new Int32Array(maxDepth + 2);
  for (let v = 0; v < states; v++) atDepth[nodeDepth[v] + 1]++;
  for (let d = 1; d < atDepth.length; d++) atDepth[d] += atDepth[d - 1];
  const order = new Int32Array(states); // state → node
  const newId = new Int32Array(states); // node → state
  for (let v = 0; v < states; v++) {
    const s = atDepth[nodeDepth[v]]++;
    order[s] = v;
    newId[v] = s;
  }
  yield;
  const edgeStart = new Int32Array(states + 1);
  const edgeSym = new Uint16Array(edges);
  const edgeTo = new Int32Array(edges);
  const depth = new Uint16Array(states);
  for (let s = 1; s < states; s++) edgeStart[newId[nodeParent[order[s]]] + 1]++;
  for (let s = 0; s < states; s++) edgeStart[s + 1] += edgeStart[s];
  for (let s = 0; s < states; s++) {
    depth[s] = nodeDepth[order[s]];
    if (s > 0) {
      edgeSym[s - 1] = nodeSym[order[s]];
      edgeTo[s - 1] = s;
    }
  }
  const rootNext = new Int32Array(symbols + 1);
  for (let k = edgeStart[0]; k < edgeStart[1]; k++) rootNext[edgeSym[k]] = edgeTo[k];
  yield;

  const step = (s: number, sym: number): number => {
    for (let k = edgeStart[s]; k < edgeStart[s + 1]; k++) if (edgeSym[k] === sym) return edgeTo[k];
    return -1;
  };
  const termStart = new Int32Array(states + 1);
  const termIds = new Int32Array(terms.length);
  let tcount = 0;
  for (let s = 0; s < states; s++) {
    termStart[s] = tcount;
    const v = order[s];
    for (let j = nodeTermFirst[v], end = j + nodeTermCount[v]; j < end; j++) termIds[tcount++] = sorted[j];
  }
  termStart[states] = tcount;
  yield;
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
    if (s % EVERY === 0) yield;
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
  for (let row = 0; row < denseStates.length; row++) {
    const s = denseStates[row];
    for (let sym = 1; sym <= symbols; sym++) dense[row * stride + sym] = delta(s, sym);
    if (row % 64 === 0) yield;
  }

  // The folded alphabet as (code unit, symbol) pairs; the loader spreads them into a dense table.
  const pairs: number[] = [];
  for (let c = 0; c < 65536; c++) {
    const f = foldCode(c);
    if (f === SKIP) pairs.push(c, 0xffff);
    else if (symOf[f] !== 0) pairs.push(c, symOf[f]);
    if (c % 8192 === 0) yield;
  }

  const enc = new TextEncoder();
  const aliasChunks: Uint8Array[] = [];
  for (const t of terms) if (aliasChunks.push(enc.encode(t.alias)) % EVERY === 0) yield;
  const entityChunks: Uint8Array[] = [];
  for (const r of records) if (entityChunks.push(enc.encode(JSON.stringify(r))) % EVERY === 0) yield;
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
  const meta: MatcherMeta = {
    states,
    edges,
    terms: terms.length,
    entities: records.length,
    symbols,
    spaceSym: symOf[SPACE],
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
  yield;
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
  yield;
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
