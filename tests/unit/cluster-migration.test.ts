import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { IncidentLensDb } from '../../lib/worker/db/database';
import { CURRENT_VERSION, SCHEMA_HISTORY } from '../../lib/worker/db/schema';
import { anchoredBy } from '../../lib/worker/db/anchor-index';

/** A database as version 2 wrote it: articles and their incident rows, no clusters. */
async function writeV2(indexedDB: IDBFactory): Promise<void> {
  const v2 = new Dexie('incident-lens', { indexedDB, IDBKeyRange });
  for (const s of SCHEMA_HISTORY.filter((h) => h.version <= 2)) v2.version(s.version).stores(s.stores);
  await v2.open();
  const article = (url: string, title: string, published: string, keys: string[], incidentIds: string[]) => ({
    url,
    sourceId: 'feed:x',
    title,
    site: new URL(url).hostname,
    published,
    fetchedAt: 1,
    entityKeys: keys,
    incidentIds,
  });
  await v2
    .table('articles')
    .bulkAdd([
      article(
        'https://a.example/cellebrite',
        'Hacker steals 900 GB of Cellebrite data',
        '2017-01-12',
        ['organization:cellebrite'],
        ['https://a.example/cellebrite#0'],
      ),
      article(
        'https://b.example/cellebrite',
        'Cellebrite confirms data breach',
        '2017-01-13',
        ['organization:cellebrite'],
        ['https://b.example/cellebrite#0'],
      ),
      article('https://c.example/other', 'Moodle flaw patched', '2017-01-13', ['product:moodle'], []),
    ]);
  const victim = { key: 'organization:cellebrite', name: 'Cellebrite' };
  await v2.table('incidents').bulkAdd([
    {
      id: 'https://a.example/cellebrite#0',
      type: 'data-breach',
      articleUrl: 'https://a.example/cellebrite',
      victim,
      spans: [],
      summary: 'Data breach at Cellebrite',
      entityKeys: [victim.key],
    },
    {
      id: 'https://b.example/cellebrite#0',
      type: 'data-breach',
      articleUrl: 'https://b.example/cellebrite',
      victim,
      spans: [],
      summary: 'Data breach at Cellebrite',
      entityKeys: [victim.key],
    },
  ]);
  v2.close();
}

describe('schema v4 (clusters)', () => {
  it('clusters the articles an earlier version stored, and keeps them', async () => {
    const indexedDB = new IDBFactory();
    await writeV2(indexedDB);
    const db = new IncidentLensDb({ indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.articles.count()).toBe(3);
    const a = await db.articles.get('https://a.example/cellebrite');
    const b = await db.articles.get('https://b.example/cellebrite');
    const c = await db.articles.get('https://c.example/other');
    expect(a?.clusterId).toBeTruthy();
    expect(b?.clusterId).toBe(a?.clusterId);
    expect(c?.clusterId).not.toBe(a?.clusterId);
    const cluster = await db.clusters.get(a!.clusterId!);
    expect(cluster).toMatchObject({ type: 'data-breach', victims: [{ key: 'organization:cellebrite', name: 'Cellebrite' }] });
    expect(cluster?.articles.map((x) => x.url)).toEqual(['https://a.example/cellebrite', 'https://b.example/cellebrite']);
    expect(cluster?.sites).toEqual(['a.example', 'b.example']);
    // The new indexes answer.
    expect(await anchoredBy(db.clusters, 'organization:cellebrite').count()).toBe(1);
    expect(await db.articles.where('clusterId').equals(a!.clusterId!).count()).toBe(2);
    expect(await db.articles.filter((r) => r.titleKey === 'cellebrite confirms data breach').count()).toBe(1);
    db.close();
  });
});
