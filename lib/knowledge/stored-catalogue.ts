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
import type { CatalogueEntry } from '../types';
import { mergeCataloguesWithReport, mergeSteps, type MergeResult } from './merge';

export const CATALOGUE_PREFIX = 'catalogue:';
/** Written with each import and removed with the merge: a run stopped in between merges next time. */
export const DIRTY_KEY = 'catalogue:dirty';
export const MERGE_RECORD = 'catalogue-merge';
/** Rows per bulkPut: between two, the worker's thread is free for a page's message. */
const WRITE_CHUNK = 500;

export interface MergeRecord {
  /** The seed it was merged with (build id and seed size, as the analysis service names it). */
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
  run?: (steps: Generator<void, MergeResult, void>) => MergeResult | Promise<MergeResult>;
  now?: () => number;
}

export interface MergedCatalogue {
  entries: CatalogueEntry[];
  record: MergeRecord;
  /** ms: merging, and writing the table (0 when not written). */
  mergeMs: number;
  writeMs: number;
}

/**
 * The seed and the stored imports, merged in one call; written to `entities` (replacing what was there),
 * with its record and without the dirty mark, in one transaction.
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
  const entries = (opts.run ? await opts.run(mergeSteps([seed, ...lists])) : mergeCataloguesWithReport([seed, ...lists])).entries;
  const record: MergeRecord = { seed: seedStamp, sources, entities: lists.length ? entries.length : 0, at: (opts.now ?? Date.now)() };
  const t1 = performance.now();
  if (opts.write === false) return { entries, record, mergeMs: t1 - t0, writeMs: 0 };
  const rows: EntityRow[] = lists.length ? entries.map((e) => ({ ...e, aliasesLower: namesLower(e) })) : [];
  await db.transaction('rw', db.entities, db.blobs, async () => {
    await db.entities.clear();
    for (let i = 0; i < rows.length; i += WRITE_CHUNK) await db.entities.bulkPut(rows.slice(i, i + WRITE_CHUNK));
    await db.blobs.put({
      key: MERGE_RECORD,
      data: new Uint8Array(0),
      updatedAt: record.at,
      meta: { seed: record.seed, sources: record.sources.join('\n'), entities: record.entities, at: record.at },
    });
    await db.blobs.delete(DIRTY_KEY);
  });
  return { entries, record, mergeMs: t1 - t0, writeMs: performance.now() - t1 };
}
