/** What the sync benchmark bundles into a Chromium page: the worker's ingest and related-incidents code. */
export { IncidentLensDb } from '../../lib/db/database';
export { ingestFeedItems, prepareFeedItem } from '../../lib/sync/ingest-items';
export { relatedIncidents, forgetClusterCount } from '../../lib/db/related';
export { compileMatcher } from '../../lib/extract/matcher';
export { clusterId } from '../../lib/cluster/summarise';
export { ingestTimed } from './timed-store';
export { getStatus } from '../../lib/db/status';
export { seedCatalogue } from '../../lib/knowledge/seed';
