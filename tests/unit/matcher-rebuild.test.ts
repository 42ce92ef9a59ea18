/**
 * The matcher's rebuild after a catalogue sync: one merge of the seed with each stored import (never the
 * imports merged first and that result again), sliced so that a page asking meanwhile is answered by the old
 * matcher at once, and the new names for pages read afterwards.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { IncidentLensDb } from '../../lib/worker/db/database';
import { AnalysisService, MATCHER_BLOB } from '../../lib/worker/analysis/service';
import { MERGE_RECORD, readMergeRecord } from '../../lib/worker/knowledge/stored-catalogue';
import { nextTask } from '../../lib/worker/next-task';
import { storeCatalogue } from '../../lib/worker/sync/catalogues';
import { mergeCatalogues } from '../../lib/worker/knowledge/merge';
import { compileMatcher } from '../../lib/worker/extract/matcher';
import type { CatalogueEntry } from '../../lib/shared/types';

let db: IncidentLensDb;
afterEach(() => db?.close());
const open = (name: string) => (db = new IncidentLensDb({ indexedDB: new IDBFactory(), IDBKeyRange, name }));

const SEED: CatalogueEntry[] = [
  { key: 'location:iran', type: 'location', name: 'Iran', aliases: [], sources: ['seed'] },
  { key: 'actor:apt28', type: 'actor', name: 'APT28', aliases: ['Fancy Bear'], sources: ['seed'] },
];
// Two sources each give an actor the alias "Iran", a word the seed gives a country.
const ATTACK: CatalogueEntry[] = [
  { key: 'actor:charming-kitten', type: 'actor', name: 'Charming Kitten', aliases: ['Iran'], sources: ['attack'] },
];
const MISP: CatalogueEntry[] = [
  { key: 'actor:cobalt-mirage', type: 'actor', name: 'Cobalt Mirage', aliases: ['Iran'], sources: ['misp:threat-actor'] },
];

async function store(sourceId: string, entries: CatalogueEntry[]): Promise<void> {
  await storeCatalogue(db, sourceId, { entries }, { sourceId, failures: 0 });
}

/** What a page's first request is told: the keys of the catalogue names in the text. */
async function firstKeys(service: AnalysisService, text: string): Promise<string[]> {
  const answer = await service.firstStage({ url: 'https://news.example/a', text });
  return answer.entities.kinds.map((k) => k.key);
}

describe('matcher rebuild', () => {
  it('merges the seed and each import in one call: a name the seed owns welds no two actors of two sources', async () => {
    // Merged in two steps (the imports first, then the seed with that), "Iran" joins the two actors before
    // the seed can say it is a country's name, and one is lost in the other.
    const twoStep = mergeCatalogues(SEED, mergeCatalogues(ATTACK, MISP)).find((e) => e.key === 'actor:charming-kitten');
    expect(twoStep?.aliases).toContain('Cobalt Mirage');

    open('one-merge');
    await store('attack:enterprise', ATTACK);
    await store('misp:threat-actor', MISP);
    const service = new AnalysisService({ db, seed: () => SEED, buildId: 't' });
    const state = await service.rebuild(new Set(['attack:enterprise', 'misp:threat-actor']));
    expect(state.entities).toBe(4);
    const keys = await firstKeys(service, 'Cobalt Mirage and Charming Kitten, like APT28, target Iran.');
    expect(keys).toEqual(['actor:cobalt-mirage', 'actor:charming-kitten', 'actor:apt28', 'location:iran']);
    // Cards and search read the same merged catalogue: the imported actor on its own, the seed's entries too.
    expect((await db.entities.get('actor:charming-kitten'))?.aliases).toEqual([]);
    expect(await db.entities.get('actor:cobalt-mirage')).toMatchObject({ name: 'Cobalt Mirage', sources: ['misp:threat-actor'] });
    expect(await db.entities.get('actor:apt28')).toMatchObject({ name: 'APT28' });
    // A source left out of the merge is out of the catalogue.
    await service.rebuild(new Set(['attack:enterprise']));
    expect(await firstKeys(service, 'Cobalt Mirage and Charming Kitten struck.')).toEqual(['actor:charming-kitten']);
    expect(await db.entities.get('actor:cobalt-mirage')).toBeUndefined();
  });

  it('writes only the catalogue rows that changed since the last merge, and all of them when the table is not that merge', async () => {
    open('diff');
    await store('attack:enterprise', ATTACK);
    await store('misp:threat-actor', MISP);
    const service = new AnalysisService({ db, seed: () => SEED, buildId: 't' });
    const both = new Set(['attack:enterprise', 'misp:threat-actor']);
    expect((await service.rebuild(both)).split?.rowsWritten).toBe(4);
    expect((await service.rebuild(both)).split?.rowsWritten).toBe(0);
    // One actor gains an alias, the other is gone from its source: one row put, one deleted.
    await store('misp:threat-actor', [{ ...MISP[0], key: 'actor:cobalt-mirage-2', name: 'Cobalt Mirage II' }]);
    await store('attack:enterprise', [{ ...ATTACK[0], aliases: ['Phosphorus'] }]);
    expect((await service.rebuild(both)).split?.rowsWritten).toBe(3);
    expect(await db.entities.get('actor:cobalt-mirage')).toBeUndefined();
    expect((await db.entities.get('actor:charming-kitten'))?.aliases).toEqual(['Phosphorus']);
    expect((await db.entities.get('actor:cobalt-mirage-2'))?.name).toBe('Cobalt Mirage II');
    expect(await db.entities.count()).toBe(4);
    // A table emptied behind the merge's back is written whole again.
    await db.entities.clear();
    expect((await service.rebuild(both)).split?.rowsWritten).toBe(4);
    expect(await db.entities.count()).toBe(4);
  });

  it('answers a page during the rebuild with the old matcher, before the rebuild ends; pages after it get the new names', async () => {
    open('during');
    // Slices of 0 ms: a pause at every step of the merge and the compile, whatever the machine's speed.
    const service = new AnalysisService({ db, seed: () => SEED, buildId: 't', sliceMs: 0 });
    const text = 'Cobalt Mirage, not APT28, was behind the intrusion.';
    expect(await firstKeys(service, text)).toEqual(['actor:apt28']);
    await store('misp:threat-actor', MISP);

    let finished = false;
    const rebuilding = service.rebuild(new Set(['misp:threat-actor'])).then((s) => {
      finished = true;
      return s;
    });
    // Until the compile is under way (the merge and its write are done by then).
    for (let i = 0; i < 100_000 && service.rebuildProgress()?.step !== 'compile'; i++) await nextTask();
    const progress = service.rebuildProgress();
    expect(progress?.step).toBe('compile');
    const during = await firstKeys(service, text);
    expect(finished).toBe(false);
    expect(service.rebuildProgress()?.step).toBe('compile');
    expect(during).toEqual(['actor:apt28']);

    const state = await rebuilding;
    expect(state.split?.pauses).toBeGreaterThan(progress!.pauses);
    expect(service.rebuildProgress()).toBeUndefined();
    expect(await firstKeys(service, text)).toEqual(['actor:cobalt-mirage', 'actor:apt28']);
    // Sliced or straight through, the same compile: the same bytes as the one-call merge compiled at once.
    const straight = compileMatcher(mergeCatalogues(SEED, MISP));
    expect(new Uint8Array(state.matcher.buffer)).toEqual(new Uint8Array(straight.buffer));
    // A worker started afterwards loads it, built by no page.
    const woken = new AnalysisService({ db, seed: () => SEED, buildId: 't' });
    expect((await woken.matcher()).built).toBe(false);
    expect(await firstKeys(woken, text)).toEqual(['actor:cobalt-mirage', 'actor:apt28']);
  });

  it('a worker of a new build merges the imports with its own seed, rewrites the catalogue, and the next one loads it', async () => {
    open('new-build');
    await store('misp:threat-actor', MISP);
    await new AnalysisService({ db, seed: () => SEED, buildId: 'v1' }).rebuild(new Set(['misp:threat-actor']));
    expect((await readMergeRecord(db))?.seed).toBe('v1|seed:2');

    const seed2: CatalogueEntry[] = [
      ...SEED,
      { key: 'actor:shadow-crane', type: 'actor', name: 'Shadow Crane', aliases: [], sources: ['seed'] },
    ];
    const v2 = new AnalysisService({ db, seed: () => seed2, buildId: 'v2' });
    const state = await v2.matcher();
    expect(state.built).toBe(true);
    expect(await readMergeRecord(db)).toMatchObject({ seed: 'v2|seed:3', sources: ['misp:threat-actor'], entities: 4 });
    expect(await db.entities.get('actor:shadow-crane')).toMatchObject({ name: 'Shadow Crane' });
    expect(await firstKeys(v2, 'Shadow Crane and Cobalt Mirage.')).toEqual(['actor:shadow-crane', 'actor:cobalt-mirage']);

    const again = new AnalysisService({ db, seed: () => seed2, buildId: 'v2' });
    expect((await again.matcher()).built).toBe(false);
    // A damaged stored matcher is rebuilt from the same merge, without writing the catalogue again.
    const record = await db.blobs.get(MERGE_RECORD);
    await db.blobs.update(MATCHER_BLOB, { data: new Uint8Array([1, 2, 3]).buffer });
    const repaired = await new AnalysisService({ db, seed: () => seed2, buildId: 'v2' }).matcher();
    expect(repaired.built).toBe(true);
    expect(repaired.split?.writeMs).toBe(0);
    expect(await db.blobs.get(MERGE_RECORD)).toEqual(record);
  });
});
