import { describe, it, expect, beforeEach } from 'vitest';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { IncidentLensDb } from '../../lib/worker/db/database';
import { CURRENT_VERSION, SCHEMA_HISTORY } from '../../lib/worker/db/schema';
import { isSaved, listCollection, removeArticle, saveArticle } from '../../lib/worker/db/collection';
import { getStatus } from '../../lib/worker/db/status';

let indexedDB: IDBFactory;
beforeEach(() => {
  indexedDB = new IDBFactory();
});
const open = () => new IncidentLensDb({ indexedDB, IDBKeyRange });

/** A database as version 1 wrote it: v1's schema only, rows in v1's shape. */
async function writeV1Database(): Promise<void> {
  const v1 = new Dexie('incident-lens', { indexedDB, IDBKeyRange });
  v1.version(1).stores(SCHEMA_HISTORY[0].stores);
  await v1.open();
  await v1.table('sources').bulkAdd([
    { id: 'kev', kind: 'kev', url: 'https://www.cisa.gov/kev.json', title: 'CISA KEV', enabled: true, addedAt: 1 },
    { id: 'feed:therecord', kind: 'feed', url: 'https://therecord.media/feed', title: 'The Record', enabled: false, addedAt: 2 },
  ]);
  await v1.table('articles').bulkAdd([
    {
      url: 'https://www.bleepingcomputer.com/news/security/citrix-bleed/',
      sourceId: 'feed:bleepingcomputer',
      title: 'Citrix Bleed exploited',
      published: '2023-10-25',
      fetchedAt: 10,
      entityKeys: ['vulnerability:cve-2023-4966', 'vendor:citrix'],
      incidentIds: ['a#0'],
    },
    {
      url: 'https://therecord.media/icc-cyberattack',
      sourceId: 'feed:therecord',
      title: 'ICC hit',
      fetchedAt: 11,
      entityKeys: ['organization:international-criminal-court'],
      incidentIds: [],
    },
  ]);
  await v1.table('incidents').bulkAdd([
    {
      id: 'a#0',
      type: 'vulnerability-exploitation',
      articleUrl: 'https://www.bleepingcomputer.com/news/security/citrix-bleed/',
      summary: 'Citrix Bleed exploited by LockBit affiliates',
      spans: [{ start: 0, end: 10 }],
      entityKeys: ['vulnerability:cve-2023-4966', 'malware:lockbit'],
    },
  ]);
  await v1.table('entities').bulkAdd([
    { key: 'actor:apt28', type: 'actor', name: 'APT28', aliases: ['Fancy Bear', 'Sofacy', 'fancy bear'], sources: ['seed'] },
    { key: 'malware:lockbit', type: 'malware', subtype: 'ransomware', name: 'LockBit', aliases: [], sources: ['seed'] },
  ]);
  await v1.table('kev').add({
    cveId: 'CVE-2023-4966',
    vendor: 'Citrix',
    product: 'NetScaler ADC',
    name: 'Citrix Bleed',
    dateAdded: '2023-10-18',
    description: 'Buffer overflow',
    knownRansomware: true,
  });
  await v1.table('collection').bulkAdd([
    { url: 'https://www.example.com/a', title: 'A', tags: [' APT28', 'apt28', 'Espionage '], note: 'first', savedAt: 100 },
    { url: 'https://news.example.org/b', title: 'B', site: 'custom-site', tags: [], savedAt: 200 },
    { url: 'https://news.example.org/c?utm_source=feed&id=3', title: 'C', tags: [], savedAt: 300 },
  ]);
  await v1.table('syncState').add({ sourceId: 'kev', failures: 2, lastAttemptAt: 5 });
  v1.close();
}

describe('database migrations', () => {
  it('has a version per schema change, strictly increasing', () => {
    const versions = SCHEMA_HISTORY.map((s) => s.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(CURRENT_VERSION).toBe(10);
  });

  it('opens a version-1 database, upgrades it and finds every row', async () => {
    await writeV1Database();
    const db = open();
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);

    expect(await db.sources.count()).toBe(2);
    expect(await db.articles.count()).toBe(2);
    expect(await db.incidents.count()).toBe(1);
    expect(await db.entities.count()).toBe(2);
    expect(await db.kev.count()).toBe(1);
    expect(await db.collection.count()).toBe(3);
    expect(await db.syncState.count()).toBe(1);

    // The upgrade filled v2's indexed fields, so v2's queries find v1's rows.
    const byAlias = await db.entities.where('aliasesLower').equals('fancy bear').toArray();
    expect(byAlias.map((e) => e.key)).toEqual(['actor:apt28']);
    expect((await db.entities.get('actor:apt28'))?.aliasesLower).toEqual(['apt28', 'fancy bear', 'sofacy']);
    expect((await db.entities.get('malware:lockbit'))?.aliasesLower).toEqual(['lockbit']);

    const a = await db.collection.get('https://www.example.com/a');
    expect(a).toMatchObject({ site: 'example.com', tags: ['apt28', 'espionage'], note: 'first', savedAt: 100 });
    // v5: rows saved before it have what later rows have, empty, and are found by its indexes.
    expect(a).toMatchObject({ updatedAt: 100, entities: [], incidents: [], entityKeys: [], entityTypes: [], incidentTypes: [] });
    expect(await db.collection.where('updatedAt').equals(100).count()).toBe(1);
    // v5 keys the collection by URL without tracking parameters.
    expect(await db.collection.get('https://news.example.org/c?id=3')).toMatchObject({ title: 'C', savedAt: 300 });
    const b = await db.collection.get('https://news.example.org/b');
    expect(b).toMatchObject({ site: 'custom-site', note: '' });
    expect(await db.collection.where('site').equals('example.com').count()).toBe(1);
    expect((await db.articles.toArray()).filter((r) => r.site === 'therecord.media')).toHaveLength(1);

    // Indexes that v1 already had still answer.
    const cve = await db.incidents.where('entityKeys').equals('vulnerability:cve-2023-4966').toArray();
    expect(cve.map((i) => i.id)).toEqual(['a#0']);
    // v6: articles keep their entity keys in the row, no longer as an index.
    const keys = (await db.articles.toArray()).flatMap((r) => r.entityKeys);
    expect(keys).toEqual(expect.arrayContaining(['vendor:citrix', 'organization:international-criminal-court']));
    expect(await db.collection.where('tags').equals('espionage').count()).toBe(1);
    expect((await db.kev.get('CVE-2023-4966'))?.knownRansomware).toBe(true);
    expect((await db.syncState.get('kev'))?.failures).toBe(2);

    // v2's new table is there and keeps typed arrays whole.
    await db.blobs.put({ key: 'matcher', data: new Uint32Array([1, 2, 3]), updatedAt: 1 });
    expect(Array.from((await db.blobs.get('matcher'))!.data as Uint32Array)).toEqual([1, 2, 3]);
    db.close();
  });

  it('creates a fresh database at the current version', async () => {
    const db = open();
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'articles',
      'blobs',
      'clusters',
      'collection',
      'entities',
      'incidents',
      'ingestMeta',
      'kev',
      'sources',
      'syncState',
    ]);
    expect(db.entities.schema.indexes.find((i) => i.name === 'aliasesLower')?.multi).toBe(true);
    expect(db.incidents.schema.indexes.find((i) => i.name === 'entityKeys')?.multi).toBe(true);
    expect(db.clusters.schema.indexes.find((i) => i.name === 'byAnchor')?.multi).toBe(true);
    // v7: articles are indexed only by what the ingest reads them by, incidents by entity only.
    expect(db.articles.schema.indexes.map((i) => i.name).sort()).toEqual(['clusterId', 'guid', 'published']);
    expect(db.incidents.schema.indexes.map((i) => i.name).sort()).toEqual(['entityKeys']);
    db.close();
  });
});

describe('collection', () => {
  it('saves, updates, lists by tag and removes', async () => {
    const db = open();
    const first = await saveArticle(
      db,
      {
        url: 'https://www.bleepingcomputer.com/news/x#comments',
        title: '  Story X ',
        tags: ['Ransomware', 'ransomware', ' lockbit'],
        published: '2024-02-20',
      },
      1000,
    );
    expect(first).toEqual({
      url: 'https://www.bleepingcomputer.com/news/x',
      title: 'Story X',
      site: 'bleepingcomputer.com',
      tags: ['ransomware', 'lockbit'],
      note: '',
      published: '2024-02-20',
      savedAt: 1000,
      updatedAt: 1000,
      entities: [],
      incidents: [],
      entityKeys: [],
      entityTypes: [],
      incidentTypes: [],
    });
    await saveArticle(db, { url: 'https://therecord.media/y', title: 'Story Y', tags: ['espionage'] }, 2000);
    const again = await saveArticle(db, { url: 'https://www.bleepingcomputer.com/news/x', title: 'Story X', note: 'read later' }, 3000);
    expect(again.savedAt).toBe(1000);
    expect(again.note).toBe('read later');
    expect(again.updatedAt).toBe(3000);
    expect(again.tags).toEqual(['ransomware', 'lockbit']); // not given: kept

    expect((await listCollection(db)).map((r) => r.title)).toEqual(['Story Y', 'Story X']);
    expect((await listCollection(db, { tag: 'Espionage' })).map((r) => r.title)).toEqual(['Story Y']);
    expect(await listCollection(db, { limit: 1 })).toHaveLength(1);
    expect(await isSaved(db, 'https://therecord.media/y#top')).toBe(true);
    expect(await removeArticle(db, 'https://therecord.media/y')).toBe(true);
    expect(await removeArticle(db, 'https://therecord.media/y')).toBe(false);
    expect(await isSaved(db, 'https://therecord.media/y')).toBe(false);

    const status = await getStatus(db, '1.2.3');
    expect(status).toEqual({
      version: '1.2.3',
      counts: { sources: 0, articles: 0, incidents: 0, entities: 0, kev: 0, collection: 1 },
      catalogueSize: 0,
    });
    // The catalogue counts bundled and stored entries, each key once.
    await db.entities.bulkPut([
      { key: 'actor:apt28', type: 'actor', name: 'APT28', aliases: [], sources: ['misp:threat-actor'], aliasesLower: ['apt28'] },
      { key: 'actor:apt29', type: 'actor', name: 'APT29', aliases: [], sources: ['misp:threat-actor'], aliasesLower: ['apt29'] },
    ]);
    expect((await getStatus(db, '1.2.3', ['actor:apt28', 'malware:lockbit'])).catalogueSize).toBe(3);
    db.close();
  });
});
