/**
 * Catalogue sources (CISA KEV, MITRE ATT&CK bundles, MISP galaxy clusters) into the database.
 *
 * Each download is imported by the existing importers and kept raw, per source, in `blobs`
 * (`catalogue:<sourceId>`): the guarded merge (lib/worker/knowledge/merge.ts) must see each import as its own
 * list every time, never a merged catalogue again. KEV rows also go to the `kev` table (the card's KEV
 * facts). After a run that changed any catalogue the seed and the lists of the enabled sources are merged in
 * one call into the `entities` table (lib/worker/analysis/catalogue.ts; in the worker the analysis service does it
 * and compiles the matcher from the result); a `catalogue:dirty` mark written with each import and removed
 * with the merge lets a run stopped in between finish the merge the next time.
 */
import type { IncidentLensDb } from '../db/database';
import type { KevRow, SourceRow, SyncStateRow } from '../db/schema';
import { CATALOGUE_PREFIX, DIRTY_KEY, decodeEntries, mergeStoredCatalogue } from '../knowledge/stored-catalogue';
import { importDocument, sniffFormat, type CatalogueFormat } from '../knowledge/import';
import { seedCatalogue } from '../knowledge/seed';
import type { CatalogueEntry } from '../../shared/types';
import { FeedError } from './parse/errors';

export { DIRTY_KEY };

const FORMAT_OF: Record<string, CatalogueFormat> = { kev: 'kev', attack: 'attack-stix', misp: 'misp-galaxy', stix: 'attack-stix' };
const WHAT: Record<CatalogueFormat, string> = {
  kev: 'the CISA KEV catalogue',
  'attack-stix': 'a STIX 2.1 bundle',
  'misp-galaxy': 'a MISP galaxy cluster file',
};

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** The KEV JSON's vulnerabilities as `kev` table rows (malformed ones left out). */
function kevRows(json: unknown): KevRow[] {
  const list = (json as { vulnerabilities?: unknown }).vulnerabilities;
  if (!Array.isArray(list)) return [];
  const rows: KevRow[] = [];
  for (const raw of list) {
    if (!raw || typeof raw !== 'object') continue;
    const r = raw as Record<string, unknown>;
    const cveId = str(r.cveID)?.toUpperCase();
    if (!cveId || !/^CVE-\d{4}-\d{4,}$/.test(cveId)) continue;
    const row: KevRow = {
      cveId,
      vendor: str(r.vendorProject) ?? '',
      product: str(r.product) ?? '',
      name: str(r.vulnerabilityName) ?? cveId,
      dateAdded: str(r.dateAdded) ?? '',
      description: str(r.shortDescription) ?? '',
      knownRansomware: r.knownRansomwareCampaignUse === 'Known',
    };
    const requiredAction = str(r.requiredAction);
    if (requiredAction) row.requiredAction = requiredAction;
    const dueDate = str(r.dueDate);
    if (dueDate) row.dueDate = dueDate;
    const notes = str(r.notes);
    if (notes) row.notes = notes;
    if (Array.isArray(r.cwes)) row.cwes = r.cwes.filter((c): c is string => typeof c === 'string');
    rows.push(row);
  }
  return rows;
}

export interface CatalogueImport {
  entries: CatalogueEntry[];
  kev?: KevRow[];
}

/** Parse and import a downloaded catalogue for its source. Throws FeedError with a plain reason. */
export function importCatalogue(source: Pick<SourceRow, 'kind' | 'title'>, text: string): CatalogueImport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new FeedError(`not valid JSON (${(e as Error).message})`);
  }
  const want = FORMAT_OF[source.kind];
  const found = sniffFormat(json);
  if (!want || found !== want)
    throw new FeedError(`this is not ${want ? WHAT[want] : 'a catalogue'}${found ? ` (it looks like ${WHAT[found]})` : ''}`);
  let entries: CatalogueEntry[];
  try {
    entries = importDocument(json, want).entries;
  } catch (e) {
    throw new FeedError((e as Error).message);
  }
  return want === 'kev' ? { entries, kev: kevRows(json) } : { entries };
}

/**
 * Store one source's import with its status, in one transaction: raw entries, KEV rows, the dirty mark.
 * Returns how many entries (KEV: vulnerabilities) are new to this source.
 */
export async function storeCatalogue(
  db: IncidentLensDb,
  sourceId: string,
  imported: CatalogueImport,
  state: SyncStateRow,
  now = Date.now(),
): Promise<number> {
  const key = CATALOGUE_PREFIX + sourceId;
  return db.transaction('rw', db.blobs, db.kev, db.syncState, async () => {
    let added: number;
    if (imported.kev) {
      const known = new Set(await db.kev.toCollection().primaryKeys());
      added = imported.kev.filter((r) => !known.has(r.cveId)).length;
      await db.kev.clear();
      await db.kev.bulkPut(imported.kev);
    } else {
      const before = new Set(decodeEntries((await db.blobs.get(key))?.data).map((e) => e.key));
      added = imported.entries.filter((e) => !before.has(e.key)).length;
    }
    await db.blobs.put({
      key,
      data: new TextEncoder().encode(JSON.stringify(imported.entries)),
      updatedAt: now,
      meta: { entries: imported.entries.length },
    });
    await db.blobs.put({ key: DIRTY_KEY, data: new Uint8Array(0), updatedAt: now });
    await db.syncState.put({ ...state, added, totalAdded: (state.totalAdded ?? 0) + added });
    return added;
  });
}

export async function catalogueDirty(db: IncidentLensDb): Promise<boolean> {
  return (await db.blobs.get(DIRTY_KEY)) !== undefined;
}

/**
 * Without the analysis service (tools, tests): merge the seed and the stored imports of the enabled
 * catalogue sources, in one call, into `entities` (replacing what was there), and clear the dirty mark, in
 * one transaction. Returns the number of entities. The record names no build: a service loading afterwards
 * merges again with its own seed and compiles its matcher from that.
 */
export async function mergeStoredCatalogues(
  db: IncidentLensDb,
  enabledIds: ReadonlySet<string>,
  seed: () => CatalogueEntry[] = seedCatalogue,
): Promise<number> {
  const entries = seed();
  return (await mergeStoredCatalogue(db, entries, `sync|seed:${entries.length}`, { sourceIds: enabledIds })).record.entities;
}
