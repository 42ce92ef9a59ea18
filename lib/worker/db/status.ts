/**
 * Counts of what the database holds, for the status the popup and options page show.
 *
 * Nothing here walks a table on a call: the row counts are kept by the writers (./counts.ts), and so is the
 * catalogue's size, the union of the bundled keys and every stored entity key, worked out once after the
 * catalogue changed (or the bundled keys did: a new version) and kept in the same row. A call reads that one
 * row. A database without it is counted once; a day after the last count, the status recounts once it has
 * answered (which corrects a count gone wrong).
 */
import type { Status } from '../../shared/messaging';
import type { IncidentLensDb } from './database';
import { readCountsWithCollection, readEntityKeys, recountIfDue, type KeptCounts } from './counts';
import { contentHash } from '../cluster/ingest';

const NO_KEYS: readonly string[] = [];
/** The fingerprint of each array of bundled keys passed (the worker keeps one). */
const fingerprints = new WeakMap<readonly string[], string>();

/** The keys' content hash, with their number: tells one set of bundled keys from another. */
function fingerprint(keys: readonly string[]): string {
  let f = fingerprints.get(keys);
  if (f === undefined) fingerprints.set(keys, (f = `${keys.length}:${contentHash(...keys)}`));
  return f;
}

async function catalogueSize(db: IncidentLensDb, kept: KeptCounts, bundled: readonly string[]): Promise<number> {
  const stamp = fingerprint(bundled);
  if (kept.catalogue?.bundled === stamp) return kept.catalogue.size;
  const { keys, keep } = await readEntityKeys(db);
  const size = new Set<string>([...bundled, ...keys]).size;
  await keep(stamp, size);
  return size;
}

/** The recount under way or last made (one at a time). */
let recounting: Promise<unknown> | undefined;
let busy = false;

function startRecount(db: IncidentLensDb, kept: KeptCounts, now: number): void {
  if (busy) return;
  const run = recountIfDue(db, kept, now);
  if (!run) return;
  busy = true;
  recounting = run.catch(() => undefined).finally(() => (busy = false));
}

/**
 * The status the popup and options page show. The catalogue is what the matcher knows: the bundled
 * entries (`bundledKeys`, the seed) together with those the sync stored, each key counted once.
 */
export async function getStatus(
  db: IncidentLensDb,
  version: string,
  bundledKeys: readonly string[] = NO_KEYS,
  now = Date.now(),
): Promise<Status> {
  const { kept, collection } = await readCountsWithCollection(db, now);
  const size = await catalogueSize(db, kept, bundledKeys);
  const { sources, articles, incidents, entities, kev } = kept.counts;
  startRecount(db, kept, now);
  return { version, counts: { sources, articles, incidents, entities, kev, collection }, catalogueSize: size };
}

/** The recount the status started last (resolves at once when none was). */
export function statusRecount(): Promise<unknown> {
  return recounting ?? Promise.resolve();
}
