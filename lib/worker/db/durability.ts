/**
 * How durable a read-write transaction is, chosen by the tables it writes. Chromium since 121 (and
 * Firefox, Safari) commit a transaction of default durability as relaxed: the data is handed to the
 * operating system, not flushed to disk, so a power loss or an OS crash right after can lose it (a crash of
 * the browser alone does not). Chrome 120, which the manifest still allows, commits it strict. Explicit here:
 *
 * - strict for a transaction writing what only the user can make again (the collection: saved articles,
 *   notes, tags; the sources: the user's own feeds and what is enabled);
 * - relaxed for the rest, which the sync and the catalogues rebuild: an item lost is fetched again.
 *
 * A relaxed transaction cannot outlive one committed before it: Chromium's backends append commits in order
 * to one log (LevelDB's, or SQLite's write-ahead log), and a crash loses its tail. So a source's ETag and
 * Last-Modified (syncState, written once its items' transaction has completed) are never kept while the
 * items they cover are lost.
 */
import type { DBCore, Middleware } from 'dexie';

const USERS_OWN = new Set(['collection', 'sources']);

function durabilityFor(tables: readonly string[]): 'strict' | 'relaxed' {
  return tables.some((t) => USERS_OWN.has(t)) ? 'strict' : 'relaxed';
}

/** Dexie middleware that gives each read-write transaction its durability (durabilityFor). */
export const durabilityByTable: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'durability-by-table',
  create: (down) => ({
    ...down,
    transaction: (tables, mode, options) =>
      down.transaction(tables, mode, mode === 'readwrite' ? { ...options, durability: durabilityFor(tables) } : options),
  }),
};
