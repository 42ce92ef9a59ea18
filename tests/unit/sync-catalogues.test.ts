import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { IncidentLensDb } from '../../lib/worker/db/database';
import { AnalysisService } from '../../lib/worker/analysis/service';
import { runSync } from '../../lib/worker/sync/run';
import { BUILTIN_SOURCES } from '../../lib/worker/sync/sources';
import { fakeServer, FIXTURE_OF } from './sync-fixtures';

const url = (id: string) => BUILTIN_SOURCES.find((s) => s.id === id)!.url;
let db: IncidentLensDb;
beforeEach(() => {
  fakeBrowser.reset();
  db = new IncidentLensDb({ indexedDB: new IDBFactory(), IDBKeyRange });
});
const server = () => fakeServer(Object.fromEntries(Object.entries(FIXTURE_OF).map(([id, file]) => [url(id), file])));

describe('catalogue sources', () => {
  it('KEV: all 1404 entries into the kev table, their CVEs, vendors and products into the catalogue', async () => {
    const run = await runSync({ db, fetch: server().fetch }, { force: true, only: ['kev'] });
    expect(run.outcomes).toEqual([{ sourceId: 'kev', outcome: 'ok', added: 1404 }]);
    expect(await db.kev.count()).toBe(1404);
    const citrix = await db.kev.get('CVE-2023-4966');
    expect(citrix).toMatchObject({ vendor: 'Citrix', knownRansomware: true, dateAdded: '2023-10-18' });
    expect(await db.entities.get('vulnerability:cve-2023-4966')).toMatchObject({ type: 'vulnerability', name: 'CVE-2023-4966' });
    expect(await db.entities.where('type').equals('vendor').count()).toBeGreaterThan(100);
    expect(run.catalogueEntities).toBe(await db.entities.count());
  });

  it('ATT&CK ICS and MISP threat actors: imported with their aliases, searchable by any name', async () => {
    const run = await runSync({ db, fetch: server().fetch }, { force: true, only: ['attack:ics', 'misp:threat-actor'] });
    expect(run.outcomes.map((o) => o.outcome)).toEqual(['ok', 'ok']);
    const byAlias = async (name: string) => db.entities.where('aliasesLower').equals(name).first();
    const dragonfly = await byAlias('energetic bear');
    expect(dragonfly).toMatchObject({ type: 'actor' });
    expect(dragonfly!.aliases).toEqual(expect.arrayContaining(['Crouching Yeti', 'Berserk Bear']));
    const apt28 = await byAlias('fancy bear');
    expect(apt28).toMatchObject({ type: 'actor' });
    expect(apt28!.aliasesLower).toEqual(expect.arrayContaining(['sednit', 'strontium']));
    expect(await db.entities.where('type').equals('technique').count()).toBeGreaterThan(50);
  });

  it('a file of the wrong kind is refused with a plain error and the catalogue is left as it was', async () => {
    const net = server();
    await runSync({ db, fetch: net.fetch }, { force: true, only: ['kev'] });
    const before = await db.entities.count();
    net.answers.set(url('kev'), () => new Response(JSON.stringify({ name: 'x', type: 'threat-actor', values: [] })));
    const run = await runSync({ db, fetch: net.fetch }, { force: true, only: ['kev'] });
    expect(run.outcomes[0].error).toBe('this is not the CISA KEV catalogue (it looks like a MISP galaxy cluster file)');
    expect(await db.kev.count()).toBe(1404);
    expect(await db.entities.count()).toBe(before);
  });

  it('the matcher is rebuilt after the catalogue grows: the old one answers until then, new pages use the new names', async () => {
    const service = new AnalysisService({ db, seed: () => [], buildId: 't' });
    const text = 'Analysts tied the intrusion to Crouching Yeti, which also used CVE-2023-4966.';
    const names = async (s: AnalysisService) => (await s.analyze({ url: 'https://a.example/x', text })).entities.map((e) => e.key);
    expect(await names(service)).not.toContain('actor:dragonfly');
    const run = await runSync(
      { db, fetch: server().fetch, onCatalogueChanged: () => service.rebuild() },
      { force: true, only: ['attack:ics'] },
    );
    expect(run.matcherRebuildMs).toBeGreaterThan(0);
    const dragonflyKey = (await db.entities.where('aliasesLower').equals('crouching yeti').first())!.key;
    expect(await names(service)).toContain(dragonflyKey);
    // A worker started afterwards loads the stored matcher: no page waits for a build.
    const woken = new AnalysisService({ db, seed: () => [], buildId: 't' });
    const state = await woken.matcher();
    expect(state.built).toBe(false);
    expect(await names(woken)).toContain(dragonflyKey);
  });
});
