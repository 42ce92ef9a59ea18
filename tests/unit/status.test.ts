/**
 * The status: counts of every table, and the catalogue's size kept between calls until the catalogue
 * changes — by this database object, by another one on the same database (another context), or by an
 * erase — so that it is never stale.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { IncidentLensDb } from '../../lib/worker/db/database';
import { forgetCatalogueSizes, getStatus } from '../../lib/worker/db/status';
import { eraseEverything } from '../../lib/worker/db/data';
import type { EntityRow } from '../../lib/worker/db/schema';

const entity = (key: string): EntityRow => ({
  key,
  type: 'actor',
  name: key.slice(6),
  aliases: [],
  sources: ['misp:threat-actor'],
  aliasesLower: [key.slice(6)],
});
const BUNDLED = ['actor:apt28', 'malware:lockbit'];

const open: IncidentLensDb[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  forgetCatalogueSizes();
});

function twoContexts(): [IncidentLensDb, IncidentLensDb] {
  const indexedDB = new IDBFactory();
  const name = `status-${Math.random()}`;
  const dbs = [new IncidentLensDb({ indexedDB, IDBKeyRange, name }), new IncidentLensDb({ indexedDB, IDBKeyRange, name })] as const;
  open.push(...dbs);
  return [dbs[0], dbs[1]];
}

/** Resolves after Dexie's storagemutated event has had its turn (it fires after a commit, a tick later). */
const settle = () => new Promise((ok) => setTimeout(ok, 20));

describe('getStatus', () => {
  it('counts every table and the catalogue (bundled and stored keys, each once)', async () => {
    const [db] = twoContexts();
    await db.entities.bulkPut([entity('actor:apt28'), entity('actor:apt29')]);
    await db.articles.put({
      url: 'https://a.example/1',
      sourceId: 'feed:a',
      title: 'A',
      site: 'a.example',
      fetchedAt: 1,
      entityKeys: [],
      incidentIds: [],
    });
    expect(await getStatus(db, '1', BUNDLED)).toEqual({
      version: '1',
      counts: { sources: 0, articles: 1, incidents: 0, entities: 2, kev: 0, collection: 0 },
      catalogueSize: 3,
    });
  });

  it('reads the stored keys once, then again only after the catalogue changed', async () => {
    const [db, other] = twoContexts();
    await db.entities.bulkPut([entity('actor:apt29')]);
    // The stored keys' read, counted where Dexie does it (the status's only walk of the entities table).
    const primaryKeys = vi.spyOn(db.Collection.prototype, 'primaryKeys');
    const reads = () => primaryKeys.mock.calls.length;
    try {
      expect((await getStatus(db, '1', BUNDLED)).catalogueSize).toBe(3);
      expect((await getStatus(db, '1', BUNDLED)).catalogueSize).toBe(3);
      expect(reads()).toBe(1);

      // This context stores a catalogue entry: the size is worked out again.
      await db.entities.put(entity('actor:apt30'));
      await settle();
      expect((await getStatus(db, '1', BUNDLED)).catalogueSize).toBe(4);
      expect(reads()).toBe(2);

      // Another context (another database object) replaces the catalogue.
      await other.transaction('rw', other.entities, async () => {
        await other.entities.clear();
        await other.entities.bulkPut([entity('actor:apt28'), entity('actor:fin7'), entity('actor:fin8')]);
      });
      await settle();
      expect((await getStatus(db, '1', BUNDLED)).catalogueSize).toBe(4);
      expect(reads()).toBe(3);

      // Articles and other tables do not touch it.
      await db.articles.put({
        url: 'https://a.example/2',
        sourceId: 'feed:a',
        title: 'B',
        site: 'a.example',
        fetchedAt: 1,
        entityKeys: [],
        incidentIds: [],
      });
      await settle();
      expect((await getStatus(db, '1', BUNDLED)).counts.articles).toBe(1);
      expect(reads()).toBe(3);

      // Erasing everything empties the catalogue: only the bundled entries are left.
      await eraseEverything(other);
      await settle();
      expect((await getStatus(db, '1', BUNDLED)).catalogueSize).toBe(2);
      expect(reads()).toBe(4);
    } finally {
      primaryKeys.mockRestore();
    }
  });
});
