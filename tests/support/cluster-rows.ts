/** Clusters read back as versions before 8 stored them, for the schema history's tests. */
import type { IncidentLensDb } from '../../lib/worker/db/database';
import type { ClusterRow } from '../../lib/worker/cluster/summarise';

/** The rows without v8's count (the tests' clusters list every article, as rows did before v8). */
export async function clusterRowsBeforeV8(db: IncidentLensDb): Promise<Omit<ClusterRow, 'articleCount'>[]> {
  return (await db.clusters.toArray()).map(({ articleCount: _n, ...r }) => r);
}

/** The rows as the clustering wrote them: without the entries the database adds for its index (v10's byAnchor). */
export async function storedClusters(db: IncidentLensDb): Promise<ClusterRow[]> {
  return (await db.clusters.toArray()).map(({ byAnchor: _b, ...r }) => r);
}
