/**
 * A woken worker starts reading its stored matcher before the first page's request is dispatched
 * (AnalysisService.preload, called from the background's main()): the first analysis then uses what was read,
 * a preload never builds a matcher, and a catalogue change drops what it read.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { IncidentLensDb } from '../../lib/worker/db/database';
import { AnalysisService, FIRST_STAGE_MARK, MATCHER_BLOB, type AnalysisTimings } from '../../lib/worker/analysis/service';
import { unpackEntities } from '../../lib/shared/analysis/packed';
import type { CatalogueEntry } from '../../lib/shared/types';

const SEED: CatalogueEntry[] = [
  { key: 'actor:apt28', type: 'actor', name: 'APT28', aliases: ['Fancy Bear'], sources: ['seed'] },
  { key: 'malware:lockbit', type: 'malware', subtype: 'ransomware', name: 'LockBit', aliases: [], sources: ['seed'] },
];
const URL = 'https://news.example/2024/01/02/story';
const TEXT = 'Fancy Bear and the LockBit gang struck a hospital, officials said on Tuesday.';

let db: IncidentLensDb | undefined;
afterEach(() => db?.close());

function service(): AnalysisService {
  return new AnalysisService({ db: db!, buildId: 't', seed: () => SEED });
}

function lastFirstStage(): AnalysisTimings {
  return (performance.getEntriesByName(FIRST_STAGE_MARK).at(-1) as PerformanceMark).detail as AnalysisTimings;
}

async function keysOf(svc: AnalysisService): Promise<string[]> {
  const first = await svc.firstStage({ url: URL, text: TEXT });
  return [...new Set(unpackEntities(TEXT, first.entities).map((e) => e.key))].sort();
}

describe('matcher preload on wake', () => {
  it('never builds: on an empty database the first analysis builds, as without a preload', async () => {
    db = new IncidentLensDb({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'p1' });
    const svc = service();
    await svc.preload();
    expect(await db.blobs.get(MATCHER_BLOB)).toBeUndefined();
    expect(await keysOf(svc)).toEqual(['actor:apt28', 'actor:lockbit']);
    expect(lastFirstStage().matcherBuilt).toBe(true);
    expect(await db.blobs.get(MATCHER_BLOB)).toBeDefined();
  });

  it('reads the stored matcher before the request: the first analysis uses that read, and reports its split once', async () => {
    db = new IncidentLensDb({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'p2' });
    await keysOf(service()); // built and stored by an earlier worker
    const woken = service();
    await woken.preload();
    // Gone from the database after the preload read it: the analysis can only have the preloaded matcher.
    await db.blobs.delete(MATCHER_BLOB);
    expect(await keysOf(woken)).toEqual(['actor:apt28', 'actor:lockbit']);
    const t = lastFirstStage();
    expect(t.matcherBuilt).toBe(false);
    expect(Object.keys(t.matcherLoadSplit ?? {}).sort()).toEqual(['openMs', 'readMs', 'viewsMs']);
    expect(t.matcherLoadMs).toBeGreaterThanOrEqual(t.matcherLoadSplit!.readMs);
    expect(t.matcherWaitMs).toBeDefined(); // what the request waited for it, the load having begun before
    expect(await db.blobs.get(MATCHER_BLOB)).toBeUndefined(); // not rebuilt either
    await keysOf(woken);
    expect(lastFirstStage().matcherLoadMs).toBeUndefined(); // the load is reported by the first analysis only
  });

  it('drops what it read when the catalogue changes before the first request', async () => {
    db = new IncidentLensDb({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'p3' });
    await keysOf(service());
    const woken = service();
    await woken.preload();
    await woken.invalidate();
    await keysOf(woken);
    expect(lastFirstStage().matcherBuilt).toBe(true);
  });
});
