/**
 * Schema v10 finds a key's clusters newest first in the index's own order (lib/worker/db/anchor-index.ts), so
 * that the related query reads them forwards. A database the sync filled at v9 opens at v10 with every
 * cluster found by the same anchors, newest first; rows written after (by Dexie or by the ingest's own
 * requests) carry their entries.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { IncidentLensDb } from '../../lib/worker/db/database';
import { CURRENT_VERSION, SCHEMA_HISTORY, type ClusterRow } from '../../lib/worker/db/schema';
import { anchoredBy, newestFirst } from '../../lib/worker/db/anchor-index';
import { clusterId } from '../../lib/worker/cluster/summarise';
import { compileMatcher, type CompiledMatcher } from '../../lib/worker/extract/matcher';
import { seedCatalogue } from '../../lib/worker/knowledge/seed';
import { ingestFeedItems } from '../../lib/worker/sync/ingest-items';
import { NOW, BOEING_1, BOEING_2, ICBC, CITRIX_PATCH } from '../support/feed-items';

let matcher: CompiledMatcher;
beforeAll(() => {
  matcher = compileMatcher(seedCatalogue());
});

const DAY = 86_400_000;

function cluster(t: number, n: number, anchors: string[]): ClusterRow {
  return {
    id: clusterId(t, `https://n.example/${n}`),
    type: 'data-breach',
    title: `Story ${n}`,
    summary: `Data breach ${n}`,
    victims: [],
    actors: [],
    cves: [],
    firstSeen: new Date(t).toISOString(),
    lastSeen: new Date(t).toISOString(),
    articles: [{ url: `https://n.example/${n}`, title: `Story ${n}`, site: 'n.example' }],
    articleCount: 1,
    sites: ['n.example'],
    entityKeys: anchors,
    anchors,
    names: {},
  };
}

/** Four clusters of one month, three anchored by LockBit, written by v9 (no entries of v10's). */
const ROWS = [
  cluster(NOW - 30 * DAY, 1, ['malware:lockbit', 'organization:boeing']),
  cluster(NOW - 20 * DAY, 2, ['malware:lockbit']),
  cluster(NOW - 20 * DAY, 3, ['organization:icbc']),
  cluster(NOW - 10 * DAY, 4, ['malware:lockbit', 'organization:icbc']),
];

async function writeV9(indexedDB: IDBFactory): Promise<void> {
  const v9 = new Dexie('incident-lens', { indexedDB, IDBKeyRange });
  for (const s of SCHEMA_HISTORY.filter((h) => h.version <= 9)) v9.version(s.version).stores(s.stores);
  await v9.open();
  await v9.table('clusters').bulkPut(ROWS);
  v9.close();
}

describe('schema v10 (a key’s clusters newest first)', () => {
  it('turns cluster ids round: the newest sorts first, same-time ids too', () => {
    const ids = [0, 1, 1, 2, 35, 36, 1e12, NOW, NOW, NOW + 1].map((t, i) => clusterId(t, `https://x.example/${i}`));
    const sorted = [...ids].sort();
    expect([...ids].sort((a, b) => (newestFirst(a) < newestFirst(b) ? -1 : 1))).toEqual([...sorted].reverse());
    // One byte a character, printable.
    for (const id of ids) expect(newestFirst(id)).toMatch(/^[\x2d-\x7a]+$/);
  });

  it('opens a v9 database with the same rows, a key’s clusters found newest first', async () => {
    const indexedDB = new IDBFactory();
    await writeV9(indexedDB);
    const db = new IncidentLensDb({ indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    for (const old of ROWS) {
      const { byAnchor, ...rest } = (await db.clusters.get(old.id))!;
      expect(rest).toEqual(old);
      expect(byAnchor).toEqual(old.anchors.map((a) => [a, newestFirst(old.id)]));
    }
    const lockbit = ROWS.filter((r) => r.anchors.includes('malware:lockbit')).map((r) => r.id);
    // The newest two of three, newest first, as v9 read them backwards.
    expect(await anchoredBy(db.clusters, 'malware:lockbit').limit(2).primaryKeys()).toEqual([lockbit[2], lockbit[1]]);
    expect(await anchoredBy(db.clusters, 'organization:icbc').primaryKeys()).toEqual([ROWS[3].id, ROWS[2].id]);
    // A key's range holds its own entries only (not a key it is the start of).
    expect(await anchoredBy(db.clusters, 'organization:boe').primaryKeys()).toEqual([]);
    db.close();
  });

  it('gives the entries to rows Dexie writes and to rows the ingest writes with its own requests', async () => {
    const db = new IncidentLensDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    await db.clusters.bulkPut(ROWS);
    const moved = { ...ROWS[0], anchors: ['organization:boeing'] };
    await db.clusters.put(moved);
    expect(await anchoredBy(db.clusters, 'malware:lockbit').primaryKeys()).toEqual([ROWS[3].id, ROWS[1].id]);
    expect(await anchoredBy(db.clusters, 'organization:boeing').primaryKeys()).toEqual([ROWS[0].id]);

    await ingestFeedItems(db, [BOEING_1, BOEING_2, ICBC, CITRIX_PATCH], { matcher, now: NOW });
    const written = (await db.clusters.toArray()).filter((c) => !ROWS.some((r) => r.id === c.id));
    expect(written.length).toBeGreaterThan(0);
    for (const c of written) {
      expect(c.byAnchor).toEqual(c.anchors.map((a) => [a, newestFirst(c.id)]));
      for (const a of c.anchors) expect(await anchoredBy(db.clusters, a).primaryKeys()).toContain(c.id);
    }
    db.close();
  });
});
