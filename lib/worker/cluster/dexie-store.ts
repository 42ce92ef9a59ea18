/**
 * The worker's IngestStore: the extension's Dexie database, one read-write transaction per ingest, with
 * an IngestMemory (./member-cache.ts) per open database object, so that the chunks of a sync read from
 * IndexedDB only what the memory has not seen: in the common case one round trip of reads (the stamp, the
 * URLs and guids, the part of the window that is new) and one of writes, issued together.
 */
import type { IncidentLensDb } from '../db/database';
import type { ArticleRow } from '../db/schema';
import { IngestMemory, memberOf, type CachedMember, type KnownRow } from './member-cache';
import { isStoredItem, type IngestStore, type StoreWrite } from './store';
import type { ClusterRow } from './summarise';

/** The `ingestMeta` row holding the token of the memory that last wrote (see member-cache.ts). */
const STAMP = 'ingest-memory';

const memories = new WeakMap<IncidentLensDb, IngestMemory>();

function memoryOf(db: IncidentLensDb): IngestMemory {
  let m = memories.get(db);
  if (!m) memories.set(db, (m = new IngestMemory()));
  return m;
}

/** Index order (published, url), newest first: as a backward walk of the `published` index gives rows. */
function newestFirst(a: KnownRow, b: KnownRow): number {
  const p = a.published!;
  const q = b.published!;
  return p < q ? 1 : p > q ? -1 : a.url < b.url ? 1 : a.url > b.url ? -1 : 0;
}

export class DexieStore implements IngestStore {
  private readonly memory: IngestMemory;
  /** Resolves once this transaction has read the stamp (and emptied the memory if it was stale). */
  private stamped: Promise<boolean> = Promise.resolve(false);
  /** Incident ids of the rows read in this transaction, by URL (a deleted row's incidents go with it). */
  private incidentIds = new Map<string, string[]>();
  /** The retention cutoff read in this transaction (nothing below it remains once it has written). */
  private retained = '';

  constructor(private readonly db: IncidentLensDb) {
    this.memory = memoryOf(db);
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const { db, memory } = this;
    this.incidentIds = new Map();
    this.retained = '';
    try {
      // An async scope: Dexie keeps the transaction's zone across the native awaits only for those.
      return await db.transaction('rw', [db.articles, db.incidents, db.clusters, db.ingestMeta], async () => {
        this.stamped = db.ingestMeta.get(STAMP).then((r) => {
          if (r?.value === memory.token) return true;
          memory.clear();
          return false;
        });
        return fn();
      });
    } catch (e) {
      // The memory may hold what the failed transaction read or meant to write: start again.
      memory.clear();
      throw e;
    }
  }

  private note(rows: readonly (ArticleRow | KnownRow | undefined)[]): void {
    for (const r of rows) if (r) this.incidentIds.set(r.url, r.incidentIds);
  }

  async getByUrls(urls: string[]): Promise<(ArticleRow | undefined)[]> {
    const rows = await this.db.articles.bulkGet(urls);
    this.note(rows);
    return rows;
  }

  async getByGuids(guids: string[]): Promise<ArticleRow[]> {
    const sorted = [...new Set(guids)].sort();
    const rows = (await Promise.all(sorted.map((k) => this.db.articles.where('guid').equals(k).toArray()))).flat();
    this.note(rows);
    return rows;
  }

  async getByTitleKeys(keys: string[], from: string, to: string): Promise<KnownRow[]> {
    const want = new Set(keys);
    return (await this.range(from, to)).filter((r) => r.titleKey !== undefined && want.has(r.titleKey));
  }

  /**
   * Every row published in [from, to], newest first: from memory, after reading the parts of the range it
   * lacks (issued before the stamp is back: if the stamp says the memory is stale, the whole range is read).
   */
  private async range(from: string, to: string): Promise<KnownRow[]> {
    const { memory } = this;
    const read = (a: string, b: string, openA: boolean, openB: boolean) =>
      this.db.articles.where('published').between(a, b, !openA, !openB).toArray();
    const planned = memory.generation;
    const reads = Promise.all(memory.missing(from, to).map((p) => read(...p)));
    await this.stamped;
    let rows = (await reads).flat();
    // The memory was emptied meanwhile (a stale stamp): what it lacks now is read.
    if (memory.generation !== planned) rows = (await Promise.all(memory.missing(from, to).map((p) => read(...p)))).flat();
    this.note(rows);
    memory.cover(from, to, rows);
    // A memory too small for the range answers from what was read.
    if (!memory.covers(from, to)) return (await read(from, to, false, false)).sort(newestFirst);
    return memory.between(from, to);
  }

  async publishedBetween(from: string, to: string, limit: number): Promise<CachedMember[]> {
    // The index walk took `limit` keys and dropped rows that are not clustered items: so here.
    return (await this.range(from, to))
      .slice(0, limit)
      .filter(isStoredItem)
      .map((r) => memberOf(r));
  }

  async membersOf(clusterIds: string[]): Promise<CachedMember[]> {
    if (!clusterIds.length) return [];
    const { db, memory } = this;
    await this.stamped;
    const ids = [...new Set(clusterIds)].sort();
    const unknown = ids.filter((id) => !memory.membersOf(id));
    const lists = await Promise.all(unknown.map((id) => db.articles.where('clusterId').equals(id).primaryKeys()));
    unknown.forEach((id, i) => memory.setMembers(id, lists[i]));
    const urls = ids.flatMap((id) => [...(memory.membersOf(id) ?? [])]);
    const missing = urls.filter((u) => !memory.get(u));
    if (missing.length) {
      const rows = await db.articles.bulkGet(missing);
      for (const r of rows) if (r) memory.remember(r);
    }
    const out: CachedMember[] = [];
    for (const u of urls) {
      const r = memory.get(u);
      if (isStoredItem(r)) out.push(memberOf(r));
    }
    return out;
  }

  getClusters(ids: string[]): Promise<(ClusterRow | undefined)[]> {
    return this.db.clusters.bulkGet(ids);
  }

  async publishedBefore(iso: string): Promise<ArticleRow[]> {
    await this.stamped;
    if (this.memory.retainedBelow >= iso) return [];
    const rows = await this.db.articles.where('published').below(iso).toArray();
    this.note(rows);
    this.retained = iso;
    return rows;
  }

  async write(w: StoreWrite): Promise<void> {
    const { db, memory } = this;
    // Rows put replace rows of the same key: only the others are deleted, so that every request below is
    // independent of the others' order, and they go together.
    const putUrls = new Set(w.items.map((r) => r.url));
    const putIncidents = new Set(w.incidents.map((r) => r.id));
    const unknown = w.deleteUrls.filter((u) => !this.incidentIds.has(u) && !memory.get(u));
    if (unknown.length) this.note(await db.articles.bulkGet(unknown));
    const deleteIncidents = w.deleteUrls
      .flatMap((u) => this.incidentIds.get(u) ?? memory.get(u)?.incidentIds ?? [])
      .filter((id) => !putIncidents.has(id));
    const deleteUrls = w.deleteUrls.filter((u) => !putUrls.has(u));
    // The memory follows the database now; a transaction that fails empties it (run).
    memory.applyWrite(w);
    // Retention: an item older than the known cutoff undoes it; the cutoff read here holds once written.
    const oldest = w.items.reduce((min, r) => (r.published! < min ? r.published! : min), '\uffff');
    if (oldest < memory.retainedBelow) memory.retainedBelow = '';
    if (this.retained && this.retained <= oldest && this.retained > memory.retainedBelow) memory.retainedBelow = this.retained;
    const writes: Promise<unknown>[] = [db.ingestMeta.put({ key: STAMP, value: memory.token })];
    if (deleteIncidents.length) writes.push(db.incidents.bulkDelete(deleteIncidents));
    if (deleteUrls.length) writes.push(db.articles.bulkDelete(deleteUrls));
    if (w.items.length) writes.push(db.articles.bulkPut(w.items));
    if (w.incidents.length) writes.push(db.incidents.bulkPut(w.incidents));
    if (w.deleteClusters.length) writes.push(db.clusters.bulkDelete(w.deleteClusters));
    if (w.clusters.length) writes.push(db.clusters.bulkPut(w.clusters));
    await Promise.all(writes);
  }
}
