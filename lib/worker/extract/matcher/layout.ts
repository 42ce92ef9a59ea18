/**
 * The serialised matcher: one ArrayBuffer, read back as zero-copy typed-array views.
 *
 *   bytes 0..3   magic "ILAC"
 *   bytes 4..7   format version (u32)
 *   bytes 8..11  section count (u32)
 *   then per section: byte offset (u32), byte length (u32); sections start on 8-byte boundaries.
 *
 * Typed arrays use the platform's byte order; every engine the extension runs on is little-endian,
 * and the loader checks a marker so that a foreign buffer is rebuilt rather than misread.
 */
export const MAGIC = 0x43414c49; // "ILAC" read as a little-endian u32
export const FORMAT_VERSION = 4;

/** Section order in the buffer. */
export const SECTIONS = [
  'meta', // UTF-8 JSON: counts and scalars (MatcherMeta)
  'charPairs', // Uint16 pairs (code unit, symbol): the folded alphabet; symbol 0xffff = skip
  'rootNext', // Int32[symbols + 1]: the root's transitions, dense
  // Int32[states × 4], one record per state so that a step touches one cache line:
  //   [first edge, end of edges | -(dense row + 1), failure link, output state (itself if terminal, else
  //   the nearest terminal along the failure chain, 0 if none)]
  'states',
  'edges', // Int32[edges × 2]: (symbol, target) pairs, each state's sorted by symbol
  'dense', // Int32[rows × (symbols + 1)]: complete transitions (failures resolved) of the busiest states
  'depth', // Uint16[states]: length of the state's string in folded symbols
  'termStart', // Int32[states + 1]: the terms that end at a state (CSR into termIds)
  'termIds', // Int32[terms]
  'termEntity', // Int32[terms]: entity index of each term
  'termFlags', // Uint8[terms]: F_* flags from ambiguity.ts
  'aliasOff', // Uint32[terms + 1]: offsets into aliasBytes
  'aliasBytes', // UTF-8: each term's alias as written in the catalogue
  'entityOff', // Uint32[entities + 1]: offsets into entityBytes
  'entityBytes', // UTF-8: one small JSON array per entity (EntityRecord)
] as const;

export type SectionName = (typeof SECTIONS)[number];

/** States with at least this many edges get a dense row of complete transitions. */
export const DENSE_MIN_EDGES = 4;

export interface MatcherMeta {
  states: number;
  edges: number;
  terms: number;
  entities: number;
  symbols: number;
  /** Symbol of the space, for collapsing runs of whitespace. */
  spaceSym: number;
  maxDepth: number;
  denseRows: number;
}

/** [key, type, subtype, name, sources, cues] — decoded lazily, one entity at a time. */
export type EntityRecord = [string, string, string | null, string, string[], string[] | null];

export function align8(n: number): number {
  return (n + 7) & ~7;
}
