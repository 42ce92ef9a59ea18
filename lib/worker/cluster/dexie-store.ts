/**
 * The worker's IngestStore: the extension's Dexie database, one read-write transaction per ingest, with
 * an IngestMemory (./member-cache.ts) per open database object, so that the chunks of a sync read from
 * IndexedDB only what the memory has not seen: in the common case one round trip of reads (the stamp, the
 * URLs and guids, the part of the window that is new) and one of writes, issued together.
 */
import type { Transaction } from 'dexie';
import type { IncidentLensDb } from '../db/database';
import type { ArticleRow } from '../db/schema';
import { withAnchorIndex } from '../db/anchor-index';
import { IngestMemory, memberOf, type CachedMember, type KnownRow } from './member-cache';
import { inRanges, isStoredItem, versionOf, type IngestStore, type StoreWrite, type StoredVersion } from './store';
import { WINDOW_DAYS } from './rule';
import { CountedWrites, readCountsEarly, type KnownChange } from '../db/counts';

const DAY = 86_400_000;
/**
 * The widest span the memory reads at once. A chunk whose items lie further apart (a slow feed's first
 * read, an archive) reads as it would without the memory: its items' few days for titles, the newest keys
 * of its window.
 */
const MAX_COVER_DAYS = 60;

function shift(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * DAY).toISOString();
}

function wide(from: string, to: string): boolean {
  return Date.parse(to) - Date.parse(from) > MAX_COVER_DAYS * DAY;
}

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
  /** URLs looked up by `getByUrls` in this transaction: those not found there were not stored. */
  private looked = new Set<string>();
  /** The retention cutoff read in this transaction (nothing below it remains once it has written). */
  private retained = '';
  /** This ingest's transaction (its IndexedDB transaction takes the writes directly: see `raw`). */
  private tx: Transaction | undefined;
  /** The write's requests, counted together (../db/counts.ts). */
  private counted: CountedWrites | undefined;

  constructor(private readonly db: IncidentLensDb) {
    this.memory = memoryOf(db);
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const { db, memory } = this;
    this.incidentIds = new Map();
    this.looked = new Set();
    this.retained = '';
    try {
      // An async scope: Dexie keeps the transaction's zone across the native awaits only for those.
      return await db.transaction('rw', [db.articles, db.incidents, db.clusters, db.ingestMeta], async (tx) => {
        this.tx = tx;
        readCountsEarly(tx.idbtrans);
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
    } finally {
      this.tx = undefined;
    }
  }

  /**
   * Puts (or deletes) rows with IndexedDB's own requests in this transaction, resolved when the last one
   * succeeds (requests of a transaction complete in order). Dexie's bulk calls add, for every row, what
   * its live queries need (the index keys of each row gathered into range sets, cloned per call) and a
   * promise layer per request: about a fifth of the store's JavaScript in the profile, for tables no live
   * query watches (only the collection has one). A failed request aborts the transaction, so a chunk is
   * written whole or not at all, as with Dexie's calls. Each write of a counted table goes after a probe of its
   * key, which keeps the table's row count (../db/counts.ts).
   */
  private raw(table: string, op: 'put' | 'delete', values: readonly unknown[], known?: KnownChange): Promise<void> {
    this.counted ??= new CountedWrites(this.tx!.idbtrans);
    return this.counted.requests(table, op, values, known);
  }

  private note(rows: readonly (ArticleRow | KnownRow | undefined)[]): void {
    for (const r of rows) if (r) this.incidentIds.set(r.url, r.incidentIds);
  }

  /**
   * A read-only transaction of its own, before an ingest: it waits only for a write already under way on
   * the articles (the previous feed's chunk), and leaves the memory alone (it is not the ingest's read).
   */
  async storedVersions(urls: string[]): Promise<(StoredVersion | undefined)[]> {
    if (!urls.length) return [];
    const rows = await this.db.transaction('r', this.db.articles, () => this.db.articles.bulkGet(urls));
    return rows.map(versionOf);
  }

  async getByUrls(urls: string[]): Promise<(ArticleRow | undefined)[]> {
    const rows = await this.db.articles.bulkGet(urls);
    this.note(rows);
    for (const u of urls) this.looked.add(u);
    return rows;
  }

  async getByGuids(guids: string[]): Promise<ArticleRow[]> {
    const sorted = [...new Set(guids)].sort();
    const rows = (await Promise.all(sorted.map((k) => this.db.articles.where('guid').equals(k).toArray()))).flat();
    this.note(rows);
    return rows;
  }

  async getByTitleKeys(keys: string[], ranges: readonly (readonly [string, string])[]): Promise<KnownRow[]> {
    if (!ranges.length) return [];
    const want = new Set(keys);
    const pick = (rows: readonly KnownRow[]) =>
      rows.filter((r) => r.titleKey !== undefined && want.has(r.titleKey) && inRanges(r.published, ranges));
    // The span read for titles reaches as far as the clustering window will, so that it needs no read of its own.
    const [from, to] = [shift(ranges[0][0], -WINDOW_DAYS), shift(ranges[ranges.length - 1][1], WINDOW_DAYS)];
    if (!wide(from, to)) return pick(await this.range(from, to));
    const rows = (
      await Promise.all(ranges.map(([a, b]) => this.db.articles.where('published').between(a, b, true, true).toArray()))
    ).flat();
    this.note(rows);
    return pick(rows);
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
    await this.stamped;
    // The window's newest `limit` rows, of which the clustered items (as a backward walk of the index would).
    let rows: KnownRow[];
    if (this.memory.covers(from, to) || !wide(from, to)) rows = (await this.range(from, to)).slice(0, limit);
    else {
      const urls = await this.db.articles.where('published').between(from, to, true, true).reverse().limit(limit).primaryKeys();
      rows = await this.known(urls);
    }
    return rows.filter(isStoredItem).map((r) => memberOf(r));
  }

  /** These rows, in this order: from memory, the others read in one bulkGet (and remembered). */
  private async known(urls: string[]): Promise<KnownRow[]> {
    const { memory } = this;
    const missing = urls.filter((u) => !memory.get(u));
    if (missing.length) {
      const rows = await this.db.articles.bulkGet(missing);
      for (const r of rows) if (r) memory.remember(r);
      this.note(rows);
    }
    return urls.flatMap((u) => memory.get(u) ?? []);
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
    return (await this.known(urls)).filter(isStoredItem).map((r) => memberOf(r));
  }

  async publishedBefore(iso: string): Promise<ArticleRow[]> {
    const { memory } = this;
    const read = () => this.db.articles.where('published').below(iso).toArray();
    // Issued with the stamp's read, unless the memory knows nothing lies below; read after it if the stamp
    // empties the memory (what the database holds is the answer either way).
    const early = memory.retainedBelow >= iso ? undefined : read();
    early?.catch(() => undefined);
    await this.stamped;
    if (!early && memory.retainedBelow >= iso) return [];
    const rows = await (early ?? read());
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
    const counts = this.knownCounts(w, deleteUrls, deleteIncidents);
    // The memory follows the database now; a transaction that fails empties it (run).
    memory.applyWrite(w);
    // Retention: an item older than the known cutoff undoes it; the cutoff read here holds once written.
    const oldest = w.items.reduce((min, r) => (r.published! < min ? r.published! : min), '\uffff');
    if (oldest < memory.retainedBelow) memory.retainedBelow = '';
    if (this.retained && this.retained <= oldest && this.retained > memory.retainedBelow) memory.retainedBelow = this.retained;
    const writes: Promise<unknown>[] = [
      this.request('ingestMeta', [], () => this.raw('ingestMeta', 'put', [{ key: STAMP, value: memory.token }])),
    ];
    if (deleteIncidents.length)
      writes.push(this.request('incidents', [], () => this.raw('incidents', 'delete', deleteIncidents, counts.deleteIncidents)));
    if (deleteUrls.length) writes.push(this.request('articles', [], () => this.raw('articles', 'delete', deleteUrls, counts.deleteUrls)));
    if (w.items.length) writes.push(this.request('articles', w.items, () => this.raw('articles', 'put', w.items, counts.items)));
    if (w.incidents.length)
      writes.push(this.request('incidents', w.incidents, () => this.raw('incidents', 'put', w.incidents, counts.incidents)));
    if (w.deleteClusters.length)
      writes.push(this.request('clusters', [], () => this.raw('clusters', 'delete', w.deleteClusters, counts.deleteClusters)));
    if (w.clusters.length) {
      // Written with IndexedDB's own requests, past Dexie's middleware: the rows get their index entries here.
      const clusters = w.clusters.map(withAnchorIndex);
      writes.push(this.request('clusters', clusters, () => this.raw('clusters', 'put', clusters, counts.clusters)));
    }
    if (this.counted) writes.push(this.counted.done());
    this.counted = undefined;
    await Promise.all(writes);
  }

  /**
   * What the write's article and incident requests change in the row counts (../db/counts.ts), from what this
   * transaction read, so that they need no probe of each key: a URL read here (or in the memory) is stored, one
   * looked up and not found is not; an article's incident rows are those its row lists (the ingest deletes them
   * by that list); a cluster is stored if a stored row was in it (`storedClusters`). Undefined where a URL was
   * neither, or the clusters are not said (counts.ts then probes each key).
   */
  private knownCounts(
    w: StoreWrite,
    deleteUrls: readonly string[],
    deleteIncidents: readonly string[],
  ): Record<string, KnownChange | undefined> {
    const { memory } = this;
    const stored = (u: string) => this.incidentIds.has(u) || !!memory.get(u);
    const oldIds = new Set(
      [...w.deleteUrls, ...w.items.map((r) => r.url)].flatMap((u) => this.incidentIds.get(u) ?? memory.get(u)?.incidentIds ?? []),
    );
    const allKnown = w.items.every((r) => stored(r.url) || this.looked.has(r.url));
    return {
      deleteUrls: { added: 0, removed: deleteUrls.filter(stored).length },
      items: allKnown ? { added: w.items.filter((r) => !stored(r.url)).length, removed: 0 } : undefined,
      deleteIncidents: allKnown ? { added: 0, removed: deleteIncidents.length } : undefined,
      incidents: allKnown ? { added: w.incidents.filter((r) => !oldIds.has(r.id)).length, removed: 0 } : undefined,
      deleteClusters: w.storedClusters && { added: 0, removed: w.deleteClusters.filter((id) => w.storedClusters!.has(id)).length },
      clusters: w.storedClusters && { added: w.clusters.filter((c) => !w.storedClusters!.has(c.id)).length, removed: 0 },
    };
  }

  /**
   * One request of `write`, issued in this order after the ones before it: a table's name and the rows it
   * puts (none for a delete). The bench's timed store (bench/sync/timed-store.ts) splits the writes by it.
   */
  protected request(_table: string, _rows: readonly object[], issue: () => Promise<unknown>): Promise<unknown> {
    return issue();
  }
}
