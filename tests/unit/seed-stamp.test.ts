/**
 * The bundled seed's stamp (lib/worker/knowledge/seed/stamp.ts): worked out from the rows when the extension is
 * built, it names the seed in the stored matcher's stamp, so a changed seed still makes a woken worker rebuild it.
 */
import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { SEED_ROWS } from '../../lib/worker/knowledge/seed/data';
import { bundledSeed, bundledSeedStamp, seedStampOf } from '../../lib/worker/knowledge/seed/stamp';
import { seedCatalogue } from '../../lib/worker/knowledge/seed';
import { seedStampDefine } from '../../lib/node/seed-stamp';
import { IncidentLensDb } from '../../lib/worker/db/database';
import { readMergeRecord } from '../../lib/worker/knowledge/stored-catalogue';
import { AnalysisService, MATCHER_BLOB } from '../../lib/worker/analysis/service';

describe('the bundled seed’s stamp', () => {
  it('is the one the bundler wrote in: the rows’ count and their digest', async () => {
    const stamp = await bundledSeedStamp();
    expect(stamp).toBe(seedStampOf(SEED_ROWS));
    expect(seedStampDefine()).toEqual({ __IL_SEED_STAMP__: JSON.stringify(stamp) });
    expect(stamp).toMatch(/^\d+:[0-9a-f]{8}$/);
    expect(Number(stamp.split(':')[0])).toBe(SEED_ROWS.reduce((n, g) => n + g.rows.length, 0));
    expect(await bundledSeed()).toBe(seedCatalogue());
  });

  it('changes with any row: one added, one removed, an alias or a cue changed, a row moved to another type', () => {
    const groups = SEED_ROWS.map((g) => ({ type: g.type, rows: g.rows }));
    const stamp = seedStampOf(groups);
    const actors = groups.findIndex((g) => g.type === 'actor');
    const withRows = (rows: (typeof groups)[number]['rows'], i = actors) => groups.map((g, j) => (j === i ? { ...g, rows } : g));
    const first = groups[actors].rows[0];
    const variants = [
      withRows([...groups[actors].rows, { id: 'shadow-crane', name: 'Shadow Crane' }]),
      withRows(groups[actors].rows.slice(1)),
      withRows([{ ...first, aliases: [...(first.aliases ?? []), 'Another Name'] }, ...groups[actors].rows.slice(1)]),
      withRows([{ ...first, cues: ['espionage'] }, ...groups[actors].rows.slice(1)]),
      groups.map((g, j) => (j === actors ? { ...g, type: 'malware' as const } : g)),
    ];
    const stamps = variants.map(seedStampOf);
    for (const s of stamps) expect(s).not.toBe(stamp);
    expect(new Set(stamps).size).toBe(stamps.length);
    // The same rows, the same stamp (a copy, not the same arrays).
    expect(seedStampOf(structuredClone(groups))).toBe(stamp);
  });

  it('names the bundled seed in the stored matcher’s stamp: a stored matcher of another seed is rebuilt, not loaded', async () => {
    const db = new IncidentLensDb({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'seed-stamp' });
    try {
      const built = await new AnalysisService({ db, buildId: 't' }).matcher();
      expect(built.built).toBe(true);
      const seed = `t|seed:${await bundledSeedStamp()}`;
      expect((await readMergeRecord(db))?.seed).toBe(seed);
      expect(built.stamp).toContain(`|${seed}|`);
      expect((await new AnalysisService({ db, buildId: 't' }).matcher()).built).toBe(false);
      // The same build id with another seed (a developer's reload after editing the rows): the stamps differ.
      await db.blobs.update(MATCHER_BLOB, { 'meta.stamp': built.stamp.replace(seed, 't|seed:1:00000000') });
      expect((await new AnalysisService({ db, buildId: 't' }).matcher()).built).toBe(true);
    } finally {
      db.close();
    }
  });
});
