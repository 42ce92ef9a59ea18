/** Clusters read back as the ingest worked them out: since v8 a cluster's row and its keys are stored apart. */
import type { IncidentLensDb } from '../../lib/worker/db/database';
import type { ClusterRow } from '../../lib/worker/cluster/summarise';

/** Every cluster as one ClusterRow (its row with its `clusterKeys` keys), in id order. */
export async function clusterRows(db: IncidentLensDb): Promise<ClusterRow[]> {
  const keys = new Map((await db.clusterKeys.toArray()).map((k) => [k.id, k.entityKeys]));
  return (await db.clusters.toArray()).map((r) => ({ ...r, entityKeys: keys.get(r.id) ?? [] }));
}

/** The same rows as versions before 8 stored them: keys in the row, no count (the tests' clusters list every article). */
export async function clusterRowsBeforeV8(db: IncidentLensDb): Promise<Omit<ClusterRow, 'articleCount'>[]> {
  return (await clusterRows(db)).map(({ articleCount: _n, ...r }) => r);
}
