/**
 * The status: counts of every table, and the catalogue's size kept in the database (lib/worker/db/counts.ts)
 * until the catalogue changes — by this database object, by another one on the same database (another
 * context), or by an erase — so that it is never stale, and a worker woken later reads no keys.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { IncidentLensDb } from '../../lib/worker/db/database';
import { getStatus } from '../../lib/worker/db/status';
import { eraseEverything } from '../../lib/worker/db/data';
import { actorRow } from '../support/entity-row';

const entity = actorRow;
const BUNDLED = ['actor:apt28', 'malware:lockbit'];

const open: IncidentLensDb[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function contexts(): [IncidentLensDb, IncidentLensDb, IncidentLensDb] {
  const indexedDB = new IDBFactory();
  const name = `status-${Math.random()}`;
  const dbs = [0, 1, 2].map(() => new IncidentLensDb({ indexedDB, IDBKeyRange, name }));
  open.push(...dbs);
  return [dbs[0], dbs[1], dbs[2]];
}

describe('getStatus', () => {
  it('counts every table and the catalogue (bundled and stored keys, each once)', async () => {
    const [db] = contexts();
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
    const [db, other, woken] = contexts();
    await db.entities.bulkPut([entity('actor:apt29')]);
    // The stored keys' read, counted where Dexie does it (the status's only walk of the entities table).
    // (Each database object has its own Collection class.)
    const spies = [db, woken].map((d) => vi.spyOn(d.Collection.prototype, 'primaryKeys'));
    const reads = () => spies.reduce((n, s) => n + s.mock.calls.length, 0);
    try {
      expect((await getStatus(db, '1', BUNDLED)).catalogueSize).toBe(3);
      expect((await getStatus(db, '1', BUNDLED)).catalogueSize).toBe(3);
      expect(reads()).toBe(1);
      // A worker woken later (another database object) reads the kept size; other bundled keys (another
      // version of the extension) are worked out again.
      expect((await getStatus(woken, '1', BUNDLED)).catalogueSize).toBe(3);
      expect(reads()).toBe(1);
      expect((await getStatus(woken, '1', [...BUNDLED, 'actor:fin7'])).catalogueSize).toBe(4);
      expect(reads()).toBe(2);
      expect((await getStatus(db, '1', BUNDLED)).catalogueSize).toBe(3);
      expect(reads()).toBe(3);

      // This context stores a catalogue entry: the size is worked out again.
      await db.entities.put(entity('actor:apt30'));
      expect((await getStatus(db, '1', BUNDLED)).catalogueSize).toBe(4);
      expect(reads()).toBe(4);
      // Rewriting an entry (its names, not its key) keeps the size.
      await db.entities.put({ ...entity('actor:apt30'), name: 'APT 30' });
      expect((await getStatus(db, '1', BUNDLED)).catalogueSize).toBe(4);
      expect(reads()).toBe(4);

      // Another context (another database object) replaces the catalogue.
      await other.transaction('rw', other.entities, async () => {
        await other.entities.clear();
        await other.entities.bulkPut([entity('actor:apt28'), entity('actor:fin7'), entity('actor:fin8')]);
      });
      expect((await getStatus(db, '1', BUNDLED)).catalogueSize).toBe(4);
      expect(reads()).toBe(5);

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
      expect((await getStatus(db, '1', BUNDLED)).counts.articles).toBe(1);
      expect(reads()).toBe(5);

      // Erasing everything empties the catalogue: only the bundled entries are left.
      await eraseEverything(other);
      expect((await getStatus(db, '1', BUNDLED)).catalogueSize).toBe(2);
      expect(reads()).toBe(6);
    } finally {
      for (const s of spies) s.mockRestore();
    }
  });
});
