/**
 * Where an ingested item's time goes, for the sync benchmark: the worker's own DexieStore with a clock on
 * each kind of call. Calls of one kind that overlap (the reads issued together) count once: the wall time
 * during which at least one of them was waiting. The ingest reads the next chunk with the engine while a
 * chunk's transaction runs, so the transactions' time overlaps the engine's (measured alone in the bench).
 */
import { DexieStore } from '../../lib/worker/cluster/dexie-store';
import type { IncidentLensDb } from '../../lib/worker/db/database';
import { ingestFeedItemsInto, type IngestItemsOptions } from '../../lib/worker/sync/ingest-items';
import { ingestPrepared, type PreparedItem } from '../../lib/worker/cluster/ingest';
import { CHUNK_CHARS } from '../../lib/worker/sync/ingest-chunks';
import type { FeedItem } from '../../lib/worker/sync/item';

export interface Split {
  /** The whole ingestFeedItems call. */
  total: number;
  /** store.run, the transactions: from their start to their commit (the engine reads the next chunk meanwhile). */
  transaction: number;
  /** Dedup reads (URL, guid, title), the window's candidates, cluster members, retention. */
  reads: number;
  /** The write call (deletes, puts of items, incidents, clusters). */
  writes: number;
  /** From the transaction's last store call to its commit. */
  commit: number;
  /** Transactions (chunks) run. */
  chunks: number;
  /** The reads by kind (wall time each kind was waiting): dedup, window, members, retention. */
  kinds: Record<string, number>;
  /**
   * The writes by table: ms (a transaction's requests run one after another in the order issued, so each
   * request is given the time from the previous one's end to its own), rows put, their bytes (as JSON)
   * and the index entries they write (primary key and every index, a multi-entry index once per key).
   */
  tables: Record<string, TableSplit>;
}

/** A split with nothing counted yet, for ingestTimed and storeTimed to add to. */
export function emptySplit(): Split {
  return { total: 0, transaction: 0, reads: 0, writes: 0, commit: 0, chunks: 0, kinds: {}, tables: {} };
}

interface TableSplit {
  ms: number;
  rows: number;
  bytes: number;
  entries: number;
}

class Clock {
  private inFlight = 0;
  private since = 0;
  ms = 0;
  lastEnd = 0;
  /** No async wrapper of its own: an extra await inside a Dexie transaction can outlive its zone. */
  time<T>(p: () => Promise<T>): Promise<T> {
    if (this.inFlight++ === 0) this.since = performance.now();
    const stop = () => {
      this.lastEnd = performance.now();
      if (--this.inFlight === 0) this.ms += performance.now() - this.since;
    };
    return p().then(
      (v) => (stop(), v),
      (e: unknown) => {
        stop();
        throw e;
      },
    );
  }
}

/** Index entries a row writes in a table: one for its key, one per index, one per distinct key of a multi-entry index. */
function indexEntries(db: IncidentLensDb, table: string, row: object): number {
  let n = 1;
  for (const ix of db.table(table).schema.indexes) {
    const v = (row as Record<string, unknown>)[ix.keyPath as string];
    if (ix.multi && Array.isArray(v)) n += new Set(v).size;
    else if (v !== undefined) n++;
  }
  return n;
}

class TimedDexieStore extends DexieStore {
  readonly tables = new Map<string, TableSplit>();
  /** The current write's requests: when the first was issued, and each one's end. */
  private issued = 0;
  private ends: { table: string; end: number }[] = [];
  readonly puts: { table: string; rows: readonly object[] }[] = [];
  constructor(readonly database: IncidentLensDb) {
    super(database);
  }
  readonly reads = new Clock();
  readonly writes = new Clock();
  readonly transaction = new Clock();
  readonly kinds = new Map<string, Clock>();
  commit = 0;
  chunks = 0;
  /** A read, on the reads' clock and on its kind's. */
  private read<T>(kind: string, p: () => Promise<T>): Promise<T> {
    let clock = this.kinds.get(kind);
    if (!clock) this.kinds.set(kind, (clock = new Clock()));
    const c = clock;
    return this.reads.time(() => c.time(p));
  }
  override run<T>(fn: () => Promise<T>): Promise<T> {
    // The function's promise goes back to Dexie untouched (anything chained on it inside the transaction
    // ends the transaction's zone early): the commit is counted from the end of the last store call.
    this.chunks++;
    return this.transaction.time(() =>
      super.run(fn).then((v) => {
        this.commit += performance.now() - Math.max(this.reads.lastEnd, this.writes.lastEnd);
        return v;
      }),
    );
  }
  override getByUrls(urls: string[]) {
    return this.read('dedup', () => super.getByUrls(urls));
  }
  override getByGuids(guids: string[]) {
    return this.read('dedup', () => super.getByGuids(guids));
  }
  override getByTitleKeys(keys: string[], ranges: readonly (readonly [string, string])[]) {
    return this.read('dedup', () => super.getByTitleKeys(keys, ranges));
  }
  override publishedBetween(from: string, to: string, limit: number) {
    return this.read('window', () => super.publishedBetween(from, to, limit));
  }
  override membersOf(ids: string[]) {
    return this.read('members', () => super.membersOf(ids));
  }
  override publishedBefore(iso: string) {
    return this.read('retention', () => super.publishedBefore(iso));
  }
  override write(w: Parameters<DexieStore['write']>[0]) {
    this.issued = 0;
    this.ends = [];
    return this.writes.time(() =>
      super.write(w).then((v) => {
        let last = this.issued;
        for (const { table, end } of [...this.ends].sort((a, b) => a.end - b.end)) {
          this.table(table).ms += Math.max(0, end - last);
          last = Math.max(last, end);
        }
        return v;
      }),
    );
  }
  table(name: string): TableSplit {
    let t = this.tables.get(name);
    if (!t) this.tables.set(name, (t = { ms: 0, rows: 0, bytes: 0, entries: 0 }));
    return t;
  }
  protected override request(table: string, rows: readonly object[], issue: () => Promise<unknown>): Promise<unknown> {
    if (!this.issued) this.issued = performance.now();
    // Counted after the runs (addClocks), not inside the transaction, which the counting would slow.
    if (rows.length) this.puts.push({ table, rows });
    return issue().then((v) => {
      this.ends.push({ table, end: performance.now() });
      return v;
    });
  }
}

/** Adds what the store's clocks measured to `into`. */
function addClocks(store: TimedDexieStore, into: Split): void {
  into.transaction += store.transaction.ms;
  into.reads += store.reads.ms;
  into.writes += store.writes.ms;
  into.commit += store.commit;
  into.chunks += store.chunks;
  for (const [k, c] of store.kinds) into.kinds[k] = (into.kinds[k] ?? 0) + c.ms;
  for (const { table, rows } of store.puts) {
    const t = store.table(table);
    t.rows += rows.length;
    for (const r of rows) {
      t.bytes += JSON.stringify(r).length;
      t.entries += indexEntries(store.database, table, r);
    }
  }
  for (const [k, t] of store.tables) {
    const to = (into.tables[k] ??= { ms: 0, rows: 0, bytes: 0, entries: 0 });
    to.ms += t.ms;
    to.rows += t.rows;
    to.bytes += t.bytes;
    to.entries += t.entries;
  }
}

/** ingestFeedItems (the worker's own path: chunks, the engine overlapping the writes) with the store's clocks added to `into`. */
export async function ingestTimed(db: IncidentLensDb, items: FeedItem[], opts: IngestItemsOptions, into: Split) {
  const store = new TimedDexieStore(db);
  const t0 = performance.now();
  const { report } = await ingestFeedItemsInto(store, items, opts);
  into.total += performance.now() - t0;
  addClocks(store, into);
  return report;
}

/**
 * The store alone: items the engine has read already (with the length of text it read), stored in chunks
 * as the ingest makes them (CHUNK_CHARS of text each), one transaction each. Returns the items added.
 */
export async function storeTimed(db: IncidentLensDb, batch: { prepared: PreparedItem; weight: number }[], now: number, into: Split) {
  const store = new TimedDexieStore(db);
  const chunks: PreparedItem[][] = [[]];
  let load = 0;
  for (const { prepared, weight } of batch) {
    chunks[chunks.length - 1].push(prepared);
    load += weight;
    if (load >= CHUNK_CHARS) {
      chunks.push([]);
      load = 0;
    }
  }
  const t0 = performance.now();
  let added = 0;
  for (const chunk of chunks) if (chunk.length) added += (await ingestPrepared(store, chunk, { now })).added;
  into.total += performance.now() - t0;
  addClocks(store, into);
  return added;
}
