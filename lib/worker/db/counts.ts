/**
 * Row counts kept, not counted: IndexedDB's `count()` on disk walks the table (half a second and more for the
 * status at 200,000 articles), so the number of rows of each table the status shows is kept in one row of
 * `ingestMeta` and changed in the same transaction as the rows it counts.
 *
 * How each write learns what it changed, whoever issues it: just before a write, one request per key asks
 * whether its row exists (`count(key)`, index keys only, no value read). Requests of a transaction complete in
 * order, so the answers describe the table as the write found it, and no write waits for them: they go in the
 * same round trip. Dexie's calls are seen by a middleware (`keptCounts`, below); the ingest, which writes with
 * IndexedDB's own requests (lib/worker/cluster/dexie-store.ts), goes through `CountedWrites`. A readwrite
 * transaction on a counted table gets `ingestMeta` added to its scope, so the counts row is read, changed and
 * put in it: it commits with the rows it counts or not at all.
 *
 * No kept row (a database from before, or erased): nothing is counted by the writers until the status counts
 * every table once (`countAll`) and stores the row. A count that went wrong anyway (a write path that bypassed
 * both, a future upgrade deleting rows) heals: the status recounts at most daily (`recount`), in a read-only
 * transaction, and corrects the row by what it found.
 */
import {
  mergeRanges,
  RangeSet,
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreTable,
  type IndexableType,
  type Middleware,
  type ObservabilitySet,
} from 'dexie';
import type { IncidentLensDb } from './database';

/**
 * The sync's tables. Not the user's collection: its writes would then take `ingestMeta` too and wait behind
 * the sync's transactions (a catalogue import holds it for seconds) before a save could answer; it is small
 * enough to count when asked.
 */
export const COUNTED = ['sources', 'articles', 'incidents', 'entities', 'kev', 'clusters'] as const;
export type CountedTable = (typeof COUNTED)[number];
export type Counts = Record<CountedTable, number>;

const IS_COUNTED = new Set<string>(COUNTED);
const META = 'ingestMeta';
export const COUNTS_KEY = 'counts';
export const RECOUNT_MS = 86_400_000;

export interface KeptCounts {
  counts: Counts;
  /** When every table was last counted (ms since epoch). */
  countedAt: number;
  /** Goes up with every write that added or removed an entity (what the catalogue's size depends on). */
  entityWrites?: number;
  /** The catalogue's size, with the fingerprint of the bundled keys it was worked out with (status.ts). */
  catalogue?: { bundled: string; size: number };
}

export function parseKept(value: unknown): KeptCounts | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const kept = JSON.parse(value) as KeptCounts;
    return COUNTED.every((t) => Number.isInteger(kept.counts?.[t])) && typeof kept.countedAt === 'number' ? kept : undefined;
  } catch {
    return undefined;
  }
}

/** What one write did to a table: rows added and removed, or the table emptied. */
type Change = { table: CountedTable; added: number; removed: number } | { table: CountedTable; emptied: true };

/** One transaction's view of the counts row. */
interface Tally {
  /** `none`: the database keeps no counts (yet): writes are not probed. */
  state: 'unread' | 'reading' | 'ready' | 'none';
  row?: KeptCounts;
  /** Goes up when other code puts or deletes the row in this transaction: what was read before is void. */
  generation: number;
}

const tallies = new WeakMap<IDBTransaction, Tally>();

function tallyOf(trans: IDBTransaction): Tally {
  let t = tallies.get(trans);
  if (!t) tallies.set(trans, (t = { state: 'unread', generation: 0 }));
  return t;
}

/** Whether writes in this transaction are counted: it holds the counts row, and the database keeps one. */
function counting(trans: IDBTransaction): boolean {
  return trans.objectStoreNames.contains(META) && tallyOf(trans).state !== 'none';
}

function apply(row: KeptCounts, c: Change): void {
  if ('emptied' in c) row.counts[c.table] = 0;
  else row.counts[c.table] += c.added - c.removed;
  // The catalogue's size holds for the set of entity keys it was worked out from.
  if (c.table === 'entities' && ('emptied' in c || c.added + c.removed > 0)) {
    row.entityWrites = (row.entityWrites ?? 0) + 1;
    delete row.catalogue;
  }
}

/**
 * A read of the counts row in this transaction; `then` runs in its success callback (the transaction active).
 * Resolves after that (or when the read fails: the transaction is aborting).
 */
function readRow(trans: IDBTransaction, t: Tally, then?: () => void): Promise<void> {
  const generation = t.generation;
  const req = trans.objectStore(META).get(COUNTS_KEY);
  return new Promise((ok) => {
    req.onerror = () => ok();
    req.onsuccess = () => {
      if (t.generation === generation) {
        // Until this transaction puts the row, what the database holds is current; after, the row kept here is.
        if (!t.row && t.state !== 'none') {
          t.row = parseKept((req.result as { value?: unknown } | undefined)?.value);
          t.state = t.row ? 'ready' : 'none';
        }
        then?.();
      }
      ok();
    };
  });
}

/**
 * Called right after a write's requests were issued: a read of the counts row goes after them, and when it
 * answers (the write's requests have all completed, in order) what `change` says they did is added to the row,
 * which is put. Each answer adds to the same row, kept here, so writes issued together all count. Resolves once
 * the row is put: a write's caller must wait for it, as Dexie commits its one-write transactions as soon as the
 * write is done (`IDBTransaction.commit()`), after which no request may be issued.
 */
function afterWrite(trans: IDBTransaction, change: () => Change | Change[]): Promise<void> {
  if (!counting(trans)) return Promise.resolve(); // a transaction this module did not widen: the recount heals
  const t = tallyOf(trans);
  if (t.state === 'unread') t.state = 'reading';
  return readRow(trans, t, () => {
    if (!t.row) return;
    for (const c of [change()].flat()) apply(t.row, c);
    trans.objectStore(META).put({ key: COUNTS_KEY, value: JSON.stringify(t.row) });
  });
}

/**
 * Read the counts row in this transaction now, with the transaction's first reads, so that the writes it
 * makes later know whether to probe (the ingest: lib/worker/cluster/dexie-store.ts).
 */
export function readCountsEarly(trans: IDBTransaction): void {
  if (!trans.objectStoreNames.contains(META)) return;
  const t = tallyOf(trans);
  if (t.state !== 'unread') return;
  t.state = 'reading';
  void readRow(trans, t);
}

/** The counts row was put or deleted in this transaction by other code: read it again before the next change. */
function rowReplaced(trans: IDBTransaction): void {
  const t = tallyOf(trans);
  t.generation++;
  t.state = 'unread';
  t.row = undefined;
}

/** Asks whether a key's row exists (answered once the request completes, before what is issued after it). */
function probe(store: IDBObjectStore, key: IDBValidKey): IDBRequest<number> {
  return store.count(key);
}

/**
 * Dexie tells who listens (the search index, ../search/service.ts; live queries), in this context and the others,
 * which keys a transaction changed, from the `mutatedParts` its own calls leave on the IndexedDB transaction,
 * once it commits. Requests issued past Dexie add their primary keys here, or no one hears of them: the search
 * index would miss every synced article and incident until the worker's next life.
 */
function markChanged(trans: IDBTransaction & { mutatedParts?: ObservabilitySet }, table: string, keys: readonly IDBValidKey[]): void {
  if (!keys.length) return;
  const parts = (trans.mutatedParts ??= {});
  const part = `idb://${trans.db.name}/${table}/`;
  const added = new RangeSet().addKeys(keys as IndexableType[]);
  if (parts[part]) mergeRanges(parts[part], added);
  else parts[part] = added;
}

/** What a write is known to change in its table's count (its writer read enough to tell). */
export interface KnownChange {
  added: number;
  removed: number;
}

/**
 * Writes of one batch with IndexedDB's own requests (the ingest's: lib/worker/cluster/dexie-store.ts), counted
 * together: each put or delete goes after a probe of its key (a key twice is probed the second time after its
 * first write), unless the writer knows what the requests change (`known`); `done()`, called once they are all
 * issued, reads and puts the counts row once after them.
 */
export class CountedWrites {
  private readonly changes: (() => Change)[] = [];

  constructor(private readonly trans: IDBTransaction) {}

  /** Issue the requests; resolves when the last succeeds (a failed one aborts the transaction, counts and all). */
  requests(table: string, op: 'put' | 'delete', values: readonly unknown[], known?: KnownChange): Promise<void> {
    const { trans } = this;
    const store = trans.objectStore(table);
    const counted = IS_COUNTED.has(table) && counting(trans);
    const probing = counted && !known;
    const keyPath = store.keyPath as string;
    const probes: IDBRequest<number>[] = [];
    markChanged(trans, table, op === 'put' ? values.map((v) => (v as Record<string, IDBValidKey>)[keyPath]) : (values as IDBValidKey[]));
    const done = new Promise<void>((ok, fail) => {
      let last: IDBRequest | undefined;
      for (const v of values) {
        if (probing) probes.push(probe(store, op === 'put' ? (v as Record<string, IDBValidKey>)[keyPath] : (v as IDBValidKey)));
        const r = op === 'put' ? store.put(v) : store.delete(v as IDBValidKey);
        r.onerror = () => fail(r.error);
        last = r;
      }
      if (!last) return ok();
      last.onsuccess = () => ok();
    });
    if (counted && values.length)
      this.changes.push(() => {
        const t = table as CountedTable;
        if (known) return { table: t, ...known };
        const found = probes.reduce((n, p) => n + p.result, 0);
        return op === 'put' ? { table: t, added: probes.length - found, removed: 0 } : { table: t, added: 0, removed: found };
      });
    return done;
  }

  /** After the batch's last request: what they all changed is added to the counts row, put once. */
  done(): Promise<void> {
    if (!this.changes.length) return Promise.resolve();
    return afterWrite(this.trans, () => this.changes.map((c) => c()));
  }
}

/**
 * What a Dexie write of these keys did, from the probe of each key's first appearance: a put or an add writes a
 * key once whatever the times it is given (an add of a key there already fails, and its later copies with it);
 * a delete removes what was there.
 */
function changeOf(
  table: CountedTable,
  type: 'add' | 'put' | 'delete',
  keys: readonly unknown[],
  probes: readonly (IDBRequest<number> | undefined)[],
): Change {
  let there = 0;
  let first = 0;
  probes.forEach((p) => {
    if (!p) return;
    first++;
    there += p.result;
  });
  return type === 'delete' ? { table, added: 0, removed: there } : { table, added: first - there, removed: 0 };
}

/** The probes of a write's keys, one for each key's first appearance (undefined for a repeat). */
function probeKeys(store: IDBObjectStore, keys: readonly unknown[]): (IDBRequest<number> | undefined)[] {
  const seen = new Set<string>();
  return keys.map((k) => {
    const id = typeof k === 'string' ? k : JSON.stringify(k);
    if (seen.has(id)) return undefined;
    seen.add(id);
    return probe(store, k as IDBValidKey);
  });
}

/** A write's answer, once its counts are put too. */
async function counted<T>(res: Promise<T>, kept: Promise<void>): Promise<T> {
  const r = await res;
  await kept;
  return r;
}

function countingTable(down: DBCoreTable): DBCoreTable {
  const name = down.name;
  const keysOf = (req: DBCoreMutateRequest): readonly unknown[] =>
    req.type === 'deleteRange'
      ? []
      : req.type === 'delete'
        ? req.keys
        : (req.keys ?? req.values.map((v) => down.schema.primaryKey.extractKey!(v)));
  // Every request below is issued before `mutate` returns (Dexie's IndexedDB core issues its requests at once),
  // so that the probes go before the write and the read of the counts row after it.
  return {
    ...down,
    mutate: (req) => {
      const trans = req.trans as unknown as IDBTransaction;
      if (name === META) {
        const res = down.mutate(req);
        if (req.type === 'deleteRange' || keysOf(req).includes(COUNTS_KEY)) rowReplaced(trans);
        return res;
      }
      if (!IS_COUNTED.has(name) || !counting(trans)) return down.mutate(req);
      const table = name as CountedTable;
      if (req.type === 'deleteRange') {
        // The whole range (Dexie's `clear()`): the table is empty after it, without a count.
        if (req.range.type === 3) {
          const res = down.mutate(req);
          return counted(
            res,
            afterWrite(trans, () => ({ table, emptied: true })),
          );
        }
        let removed = 0;
        void down.count({ trans: req.trans, query: { index: down.schema.primaryKey, range: req.range } }).then((n) => (removed = n));
        const res = down.mutate(req);
        return counted(
          res,
          afterWrite(trans, () => ({ table, added: 0, removed })),
        );
      }
      const keys = keysOf(req);
      const probes = probeKeys(trans.objectStore(name), keys);
      const res = down.mutate(req);
      return counted(
        res,
        afterWrite(trans, () => changeOf(table, req.type, keys, probes)),
      );
    },
  };
}

/**
 * Dexie middleware that keeps the counts: widens each readwrite transaction on a counted table to `ingestMeta`,
 * and notes what each write did to a counted table.
 */
export const keptCounts: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'kept-counts',
  create: (down) => {
    const tables = new Map<string, DBCoreTable>();
    return {
      ...down,
      transaction: (tables, mode, options) =>
        down.transaction(
          mode === 'readwrite' && !tables.includes(META) && tables.some((t) => IS_COUNTED.has(t)) ? [...tables, META] : tables,
          mode,
          options,
        ),
      table: (name) => {
        let t = tables.get(name);
        if (!t) tables.set(name, (t = countingTable(down.table(name))));
        return t;
      },
    };
  },
};

async function countTables(db: IncidentLensDb): Promise<Counts> {
  const n = await Promise.all(COUNTED.map((t) => db.table(t).count()));
  return Object.fromEntries(COUNTED.map((t, i) => [t, n[i]])) as Counts;
}

async function readKept(db: IncidentLensDb): Promise<KeptCounts | undefined> {
  return parseKept((await db.ingestMeta.get(COUNTS_KEY))?.value);
}

function store(db: IncidentLensDb, kept: KeptCounts): Promise<unknown> {
  return db.ingestMeta.put({ key: COUNTS_KEY, value: JSON.stringify(kept) });
}

/**
 * Count every table and keep the counts: once for a database without them. In one readwrite transaction over
 * every counted table, so that no write falls between the count and the row (a write before it found no row
 * and noted nothing; one after it finds the row). A caller that found no row may find one here: another count
 * (the one after an install, and the popup's first status) ran first, and holds.
 */
async function countAll(db: IncidentLensDb, now = Date.now()): Promise<KeptCounts> {
  return db.transaction('rw', [...COUNTED.map((t) => db.table(t)), db.ingestMeta], async () => {
    const old = await readKept(db);
    if (old) return old;
    const kept: KeptCounts = { counts: await countTables(db), countedAt: now };
    await store(db, kept);
    return kept;
  });
}

/** The kept count of one table, if the database keeps counts (read in the caller's transaction, if any). */
export async function keptCount(db: IncidentLensDb, table: CountedTable): Promise<number | undefined> {
  return (await readKept(db))?.counts[table];
}

/** The kept counts, counted once if there are none. */
async function readCounts(db: IncidentLensDb, now = Date.now()): Promise<KeptCounts> {
  return (await readKept(db)) ?? countAll(db, now);
}

/** The kept counts, and beside them the user's collection counted (small, and not kept: see COUNTED). */
export async function readCountsWithCollection(db: IncidentLensDb, now = Date.now()): Promise<{ kept: KeptCounts; collection: number }> {
  const [kept, collection] = await Promise.all([readCounts(db, now), db.collection.count()]);
  return { kept, collection };
}

/**
 * Count every table again and correct the kept counts by what the count found (the tables that differed, with
 * how much; empty when every count was right). The count runs in a read-only transaction with the row as it
 * was then, so writers wait only as they wait for any reader; the correction, applied to the row as it is
 * now (writers kept it since), is one small write.
 */
export async function recount(db: IncidentLensDb, now = Date.now()): Promise<Partial<Counts>> {
  const [real, seen] = await db.transaction('r', [...COUNTED.map((t) => db.table(t)), db.ingestMeta], () =>
    Promise.all([countTables(db), readKept(db)]),
  );
  if (!seen) {
    await countAll(db, now);
    return real;
  }
  const wrong: Partial<Counts> = {};
  for (const t of COUNTED) if (real[t] !== seen.counts[t]) wrong[t] = real[t] - seen.counts[t];
  await db.transaction('rw', db.ingestMeta, async () => {
    const current = await readKept(db);
    if (!current) return;
    for (const t of COUNTED) current.counts[t] += wrong[t] ?? 0;
    if (wrong.entities) {
      current.entityWrites = (current.entityWrites ?? 0) + 1;
      delete current.catalogue;
    }
    current.countedAt = now;
    await store(db, current);
  });
  return wrong;
}

/** The recount, when the last count is older than a day (the status starts it once it has answered). */
export function recountIfDue(db: IncidentLensDb, kept: KeptCounts, now = Date.now()): Promise<Partial<Counts>> | undefined {
  if (now - kept.countedAt < RECOUNT_MS) return undefined;
  return recount(db, now);
}

/**
 * The stored entity keys with the kept row as it was when they were read (one read-only transaction), and a
 * way to keep the catalogue's size worked out from them: kept unless an entity was added or removed since.
 */
export async function readEntityKeys(db: IncidentLensDb): Promise<{ keys: string[]; keep(bundled: string, size: number): Promise<void> }> {
  const [keys, seen] = await db.transaction('r', db.entities, db.ingestMeta, () =>
    Promise.all([db.entities.toCollection().primaryKeys(), readKept(db)]),
  );
  const keep = async (bundled: string, size: number) => {
    if (!seen) return;
    await db.transaction('rw', db.ingestMeta, async () => {
      const kept = await readKept(db);
      if (!kept || (kept.entityWrites ?? 0) !== (seen.entityWrites ?? 0)) return;
      kept.catalogue = { bundled, size };
      await store(db, kept);
    });
  };
  return { keys, keep };
}
