/**
 * The index related incidents find clusters by (schema v10): a cluster row's `byAnchor` holds one entry per
 * anchor, `[anchor, newestFirst(id)]`, so that in the index's own order an anchor's clusters come newest first.
 *
 * Why: the related query asks each key for its newest PER_KEY clusters. Read from v9's `*anchors` index, that
 * is a backwards read (`reverse().limit()`), and Chromium's IndexedDB on disk took twice as long for it as for
 * the same number of entries read forwards (bench/related-ab.ts, round 16: the 200 queries' key lookups
 * p50/p95 12.4/91.8 against 5.1/20.6 ms, the same ids for every key).
 *
 * The entries are derived from the row's `anchors` and `id` wherever a row is written: the ingest's own
 * requests (lib/worker/cluster/dexie-store.ts) call `withAnchorIndex`, and every write through Dexie (the
 * upgrade, tests, the benches) gets them from the `anchorIndex` middleware, so no writer can forget them.
 */
import type { DBCore, Middleware } from 'dexie';
import type { IncidentLensDb } from './database';
import type { ClusterRow } from './schema';

/** The index entries of a row are its anchors with this; see newestFirst. */
export type AnchorEntry = [anchor: string, newestFirst: string];

/**
 * A cluster id turned so that ids sort the other way round. Ids are fixed-length (clusterId: nine base-36
 * digits of time, a dash, seven of a hash), so each character mirrored within the printable ASCII range
 * ('-' 45 … 'z' 122) reverses their order, and the result stays one byte a character.
 */
export function newestFirst(id: string): string {
  let out = '';
  for (let i = 0; i < id.length; i++) out += String.fromCharCode(167 - id.charCodeAt(i));
  return out;
}

/** The row with its index entries (a new object; the row given is left as it is). */
export function withAnchorIndex<T extends Pick<ClusterRow, 'id' | 'anchors'>>(row: T): T & { byAnchor: AnchorEntry[] } {
  const inverted = newestFirst(row.id);
  return { ...row, byAnchor: (row.anchors ?? []).map((a): AnchorEntry => [a, inverted]) };
}

/** The clusters anchored by `key`, newest first (by id, as `where('anchors').equals(key).reverse()` was). */
export function anchoredBy(clusters: IncidentLensDb['clusters'], key: string): ReturnType<IncidentLensDb['clusters']['toCollection']> {
  // Every inverted id lies between '' and '\uffff' (see newestFirst).
  return clusters.where('byAnchor').between([key, ''], [key, '\uffff']);
}

/** Dexie middleware giving every cluster row written through Dexie its index entries (withAnchorIndex). */
export const anchorIndex: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'cluster-anchor-index',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      if (name !== 'clusters') return table;
      return {
        ...table,
        mutate: (req) =>
          req.type === 'add' || req.type === 'put'
            ? table.mutate({ ...req, values: req.values.map((v: ClusterRow) => withAnchorIndex(v)) })
            : table.mutate(req),
      };
    },
  }),
};
