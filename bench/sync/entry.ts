/** What the sync benchmark bundles into a Chromium page: the worker's ingest and related-incidents code. */
export { IncidentLensDb } from '../../lib/worker/db/database';
export { ingestFeedItems, prepareFeedItem, textLength } from '../../lib/worker/sync/ingest-items';
export { relatedIncidents, forgetClusterCount } from '../../lib/worker/db/related';
export { compileMatcher } from '../../lib/worker/extract/matcher';
export { clusterId } from '../../lib/worker/cluster/summarise';
export { emptySplit, ingestTimed, storeTimed } from './timed-store';
export { getStatus } from '../../lib/worker/db/status';
export { seedCatalogue } from '../../lib/worker/knowledge/seed';
export { ReaderPool } from '../../lib/worker/sync/reader-pool';
export { readerCount } from '../../lib/worker/sync/reader-hosts';

export { inTurn } from '../../lib/worker/sync/in-turn';
