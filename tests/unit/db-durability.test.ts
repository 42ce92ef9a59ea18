import { describe, it, expect } from 'vitest';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { IncidentLensDb } from '../../lib/worker/db/database';
import { DexieStore } from '../../lib/worker/cluster/dexie-store';

const open = () => new IncidentLensDb({ indexedDB: new IDBFactory(), IDBKeyRange });
const durability = () => (Dexie.currentTransaction!.idbtrans as IDBTransaction & { durability: string }).durability;

describe('durability by table', () => {
  it('commits the user’s collection and sources strict', async () => {
    const db = open();
    expect(await db.transaction('rw', db.collection, durability)).toBe('strict');
    expect(await db.transaction('rw', db.sources, db.syncState, durability)).toBe('strict');
  });

  it('commits what the sync rebuilds relaxed, the ingest’s transaction included', async () => {
    const db = open();
    expect(await db.transaction('rw', db.syncState, durability)).toBe('relaxed');
    expect(await db.transaction('rw', db.entities, db.blobs, durability)).toBe('relaxed');
    expect(await new DexieStore(db).run(async () => durability())).toBe('relaxed');
  });

  it('leaves reading transactions as they were', async () => {
    const db = open();
    expect(await db.transaction('r', db.collection, durability)).toBe('default');
  });
});
