/**
 * The merged catalogue: the bundled seed and each catalogue the sync stored, merged by ONE call of the
 * guarded merge, `mergeCatalogues(seed, ...imports)`. The merge's guards (same source, seed against seed)
 * need every import as its own list: merging the imports first and that result with the seed again would let
 * the first pass weld entries through names the seed owns, and the second see only the welded result.
 *
 * The sync keeps each import raw, per source, in `blobs` (`catalogue:<sourceId>`). The merged result is
 * what the matcher is compiled from, and it is kept in the `entities` table for what reads entries by key or
 * alias (card facts, related incidents, search), every merged entry, seed ones included; a record (blob
 * `catalogue-merge`) says which seed and which sources it was merged from, and when. With no stored import
 * the catalogue is the seed alone and the table is left empty (readers fall back to the seed).
 *
 * No import of the sync or the importers here: the worker woken by a page evaluates this module.
 */
import type { IncidentLensDb } from '../db/database';
import { namesLower, type EntityRow } from '../db/schema';
import type { CatalogueEntry } from '../../shared/types';
import { mergeSteps } from './merge';

export const CATALOGUE_PREFIX = 'catalogue:';
/** Written with each import and removed with the merge: a run stopped in between merges next time. */
export const DIRTY_KEY = 'catalogue:dirty';
export const MERGE_RECORD = 'catalogue-merge';
/** Rows per bulkPut: between two, the worker's thread is free for a page's message. */
const WRITE_CHUNK = 500;

export interface MergeRecord {
  /** The seed it was merged with (build id and the seed's stamp, as the analysis service names it). */
  seed: string;
  /** Source ids of the imports merged, sorted. */
  sources: string[];
  entities: number;
  at: number;
}

/** An import as stored: a JSON array of entries, or nothing for a damaged blob. */
export function decodeEntries(data: unknown): CatalogueEntry[] {
  if (!(data instanceof Uint8Array) && !(data instanceof ArrayBuffer)) return [];
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(data));
    return Array.isArray(parsed) ? (parsed as CatalogueEntry[]) : [];
  } catch {
    return [];
  }
}

export async function readMergeRecord(db: IncidentLensDb): Promise<MergeRecord | undefined> {
  const meta = (await db.blobs.get(MERGE_RECORD))?.meta;
  if (!meta || typeof meta.seed !== 'string' || typeof meta.sources !== 'string') return undefined;
  return {
    seed: meta.seed,
    sources: meta.sources ? meta.sources.split('\n') : [],
    entities: Number(meta.entities) || 0,
    at: Number(meta.at) || 0,
  };
}

/** The enabled sources' ids (the sources table is the sync's: empty until it first ran). */
export async function enabledSourceIds(db: IncidentLensDb): Promise<Set<string>> {
  return new Set((await db.sources.toArray()).filter((s) => s.enabled).map((s) => s.id));
}

/** The stored imports of these sources, each its own list, in source id order. */
async function storedImports(
  db: IncidentLensDb,
  sourceIds: ReadonlySet<string>,
): Promise<{ sources: string[]; lists: CatalogueEntry[][] }> {
  const blobs = (await db.blobs.where('key').startsWith(CATALOGUE_PREFIX).toArray())
    .filter((b) => b.key !== DIRTY_KEY && sourceIds.has(b.key.slice(CATALOGUE_PREFIX.length)))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { sources: blobs.map((b) => b.key.slice(CATALOGUE_PREFIX.length)), lists: blobs.map((b) => decodeEntries(b.data)) };
}

export interface MergeOptions {
  /** The sources to merge; default: those of the last merge, else the enabled ones. */
  sourceIds?: ReadonlySet<string>;
  /** Write the result to `entities` with its record (the sync; a worker whose record is stale). Default: yes. */
  write?: boolean;
  /** Runs the merge's steps (sliced, in the worker); by default straight through. */
  run?: <T>(steps: Generator<void, T, void>) => T | Promise<T>;
  now?: () => number;
}

export interface MergedCatalogue {
  entries: CatalogueEntry[];
  record: MergeRecord;
  /** ms: reading the imports and merging them. */
  mergeMs: number;
  /** The write to `entities`, under way (its ms when done; 0 when nothing was to be written). */
  written: Promise<WriteStats>;
}

interface WriteStats {
  ms: number;
  /** Rows put (new or changed) and deleted. */
  put: number;
  deleted: number;
}

/**
 * The seed and the stored imports, merged in one call, and written to `entities` with its record and without
 * the dirty mark, in one transaction. The write is started, not awaited (`written`): the worker compiles the
 * matcher meanwhile. Only rows that changed since the last merge are written (the record keeps a hash of
 * each row), so a daily sync that changed a few entries writes a few rows, and pages reading the table
 * (cards, related incidents) do not wait behind a rewrite of thousands.
 */
export async function mergeStoredCatalogue(
  db: IncidentLensDb,
  seed: CatalogueEntry[],
  seedStamp: string,
  opts: MergeOptions = {},
): Promise<MergedCatalogue> {
  const t0 = performance.now();
  const ids = opts.sourceIds ?? new Set((await readMergeRecord(db))?.sources ?? (await enabledSourceIds(db)));
  const { sources, lists } = await storedImports(db, ids);
  const run = opts.run ?? runStraight;
  const entries = (await run(mergeSteps([seed, ...lists]))).entries;
  const record: MergeRecord = { seed: seedStamp, sources, entities: lists.length ? entries.length : 0, at: (opts.now ?? Date.now)() };
  if (opts.write === false)
    return { entries, record, mergeMs: performance.now() - t0, written: Promise.resolve({ ms: 0, put: 0, deleted: 0 }) };
  // With no import the catalogue is the seed alone: the table stays empty (readers fall back to the seed).
  const rows = await run(rowSteps(lists.length ? entries : []));
  const before = await previousHashes(db);
  const mergeMs = performance.now() - t0;
  const written = writeRows(db, rows, before, record);
  written.catch(() => undefined); // the caller awaits it; until then a failure is not "unhandled"
  return { entries, record, mergeMs, written };
}

function runStraight<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

interface HashedRow {
  row: EntityRow;
  hash: number;
}

function* rowSteps(entries: CatalogueEntry[]): Generator<void, HashedRow[], void> {
  const out: HashedRow[] = [];
  for (const e of entries) {
    const row: EntityRow = { ...e, aliasesLower: namesLower(e) };
    if (out.push({ row, hash: hash53(JSON.stringify(row)) }) % 256 === 0) yield;
  }
  return out;
}

/** The row hashes of the last merge, when the table still holds that merge (else undefined: rewrite it all). */
async function previousHashes(db: IncidentLensDb): Promise<Map<string, number> | undefined> {
  const stored = await db.blobs.get(MERGE_RECORD);
  if (!stored || stored.data instanceof Blob || stored.data.byteLength === 0) return undefined;
  let pairs: unknown;
  try {
    pairs = JSON.parse(new TextDecoder().decode(stored.data));
  } catch {
    return undefined;
  }
  if (!Array.isArray(pairs)) return undefined;
  const hashes = new Map(pairs as [string, number][]);
  return (await db.entities.count()) === hashes.size ? hashes : undefined;
}

async function writeRows(
  db: IncidentLensDb,
  rows: HashedRow[],
  before: Map<string, number> | undefined,
  record: MergeRecord,
): Promise<WriteStats> {
  const t0 = performance.now();
  const changed = before ? rows.filter((r) => before.get(r.row.key) !== r.hash).map((r) => r.row) : rows.map((r) => r.row);
  const keep = new Set(rows.map((r) => r.row.key));
  const gone = before ? [...before.keys()].filter((k) => !keep.has(k)) : [];
  const hashes = new TextEncoder().encode(JSON.stringify(rows.map((r) => [r.row.key, r.hash])));
  await db.transaction('rw', db.entities, db.blobs, async () => {
    if (!before) await db.entities.clear();
    else if (gone.length) await db.entities.bulkDelete(gone);
    // In chunks: between two, the worker's thread is free for a page's message.
    for (let i = 0; i < changed.length; i += WRITE_CHUNK) await db.entities.bulkPut(changed.slice(i, i + WRITE_CHUNK));
    await db.blobs.put({
      key: MERGE_RECORD,
      data: hashes,
      updatedAt: record.at,
      meta: { seed: record.seed, sources: record.sources.join('\n'), entities: record.entities, at: record.at },
    });
    await db.blobs.delete(DIRTY_KEY);
  });
  return { ms: performance.now() - t0, put: changed.length, deleted: gone.length };
}

/**
 * A 53-bit hash of a string (two 32-bit multiplicative lanes, mixed at the end): a row's fingerprint, so that
 * an unchanged row is not written again. Two versions of one row meeting on one hash is a 2^-53 chance.
 */
function hash53(s: string): number {
  let a = 0x811c9dc5 ^ s.length;
  let b = 0x9e3779b9;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  a = Math.imul(a, 0xc2b2ae35);
  a ^= a >>> 16;
  b ^= b >>> 15;
  b = Math.imul(b, 0x2c1b3c6d);
  b ^= b >>> 12;
  return (b & 0x1fffff) * 0x100000000 + (a >>> 0);
}
