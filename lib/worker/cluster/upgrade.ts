/**
 * Schema v4's upgrade: the articles earlier versions stored (with their incident rows) get their
 * clustering fields and are clustered, oldest first, by the same rule as new items.
 */
import type { Transaction } from 'dexie';
import type { ArticleRow, IncidentRow } from '../db/schema';
import { Clusterer } from './assign';
import { itemFeatures } from './features';
import { titleKey, contentHash } from './ingest';
import type { StoredItem } from './store';
import { summariseCluster, type ClusterMember } from './summarise';

export async function upgradeToV4(tx: Transaction): Promise<void> {
  const articles = await tx.table<ArticleRow, string>('articles').toArray();
  if (!articles.length) return;
  const incidents = await tx.table<IncidentRow, string>('incidents').toArray();
  const byArticle = new Map<string, IncidentRow[]>();
  for (const i of incidents) byArticle.set(i.articleUrl, [...(byArticle.get(i.articleUrl) ?? []), i]);
  const rows: StoredItem[] = articles.map((a) => {
    const incs = (byArticle.get(a.url) ?? []).map((i) => ({ ...i, spans: i.spans ?? [] }));
    // Offsets are not stored: entity keys are what the features need.
    const entities = a.entityKeys.map((key) => ({ key, name: key, type: key.slice(0, key.indexOf(':')) as never, start: 0, end: 0 }));
    const features = itemFeatures({ title: a.title, summary: a.summary, published: a.published, entities, incidents: incs }, a.fetchedAt);
    return {
      ...a,
      published: a.published ?? new Date(features.t).toISOString(),
      titleKey: titleKey(a.title),
      contentHash: contentHash(a.title, a.summary, a.published, JSON.stringify(a.entityKeys)),
      clusterId: '',
      features,
    };
  });
  rows.sort((a, b) => a.features.t - b.features.t);
  const clusterer = new Clusterer([]);
  const members = new Map<string, ClusterMember[]>();
  for (const row of rows) {
    const m: ClusterMember = {
      url: row.url,
      title: row.title,
      site: row.site,
      published: row.published,
      entityKeys: row.entityKeys,
      features: row.features,
    };
    row.clusterId = clusterer.add(m);
    members.set(row.clusterId, [...(members.get(row.clusterId) ?? []), m]);
  }
  await tx.table('articles').bulkPut(rows);
  await tx.table('clusters').bulkPut([...members].map(([id, list]) => summariseCluster(id, list)));
}
