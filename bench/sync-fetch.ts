/// <reference types="chrome" />
/**
 * Group `sync-fetch`: the sync's matcher rebuild in the built extension's worker (headless Chromium, real
 * IndexedDB), with every built-in catalogue synced from a loopback server that answers them from the
 * shared fixtures: KEV, the MISP galaxy clusters (threat actors, ransomware, tools, the four mitre-*
 * clusters, countries) and ATT&CK ICS (the fixtures hold no Enterprise or Mobile bundle; those two answer
 * 404). A run after the first re-merges and rebuilds with nothing downloaded (a catalogue switched off and
 * on marks the catalogue for a merge; the files answer 304).
 * - `sync.matcher_rebuild_ms`: the matcher compiled from seed + merged catalogue and stored (median);
 * - `sync.catalogue_merge_entities`: entities the merge wrote;
 * - `sync.analysis_wait_during_rebuild_ms`: the longest round trip of a page analysis (a short text) asked
 *   again and again while a run merged the catalogue and rebuilt the matcher: the old matcher answers, but
 *   the compile is one synchronous task in the worker, so a request arriving during it waits for it.
 * Run `npx wxt build` first.
 */
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../scripts/chromium';
import { startSyncServer, type Behaviour } from '../tests/e2e/sync-server';
import { median } from './lib/stats';
import type { BenchGroup } from './run';
import type { SyncOverview } from '../lib/worker/sync/status';
import type { LastRun } from '../lib/worker/sync/settings';

const RUNS = 3;
const MISP = [
  'threat-actor',
  'ransomware',
  'tool',
  'mitre-intrusion-set',
  'mitre-malware',
  'mitre-tool',
  'mitre-attack-pattern',
  'country',
];

async function send<T>(probe: Page, type: string, data?: unknown): Promise<T> {
  const answer = await probe.evaluate(
    ([t, d]) =>
      chrome.runtime.sendMessage({ id: 1, type: t, data: d, timestamp: Date.now() }) as Promise<{ res?: T; err?: { message: string } }>,
    [type, data] as const,
  );
  if (answer.err) throw new Error(`${type}: ${answer.err.message}`);
  return answer.res as T;
}

async function runOnce(probe: Page, after: number): Promise<LastRun> {
  await send(probe, 'syncNow');
  for (let i = 0; i < 600; i++) {
    await new Promise((r) => setTimeout(r, 500));
    const last = (await probe.evaluate(() => chrome.storage.local.get('syncLastRun'))).syncLastRun as LastRun | undefined;
    const o = await send<SyncOverview>(probe, 'getSyncStatus');
    if (last && last.at > after && !o.running) return last;
  }
  throw new Error('the sync did not finish within 5 minutes');
}

/** Page analyses sent one after another until stopped; their round trips (ms). */
function probeAnalysis(probe: Page): { stop(): Promise<number[]> } {
  let going = true;
  const waits: number[] = [];
  const text = 'APT28 exploited CVE-2023-4966 in Citrix NetScaler to reach the ministry, Mandiant said.';
  const loop = (async () => {
    while (going) {
      const t0 = performance.now();
      await send(probe, 'analyzeArticle', { url: 'http://127.0.0.1/bench/during-rebuild', text, facts: false });
      waits.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return {
    async stop() {
      going = false;
      await loop;
      return waits;
    },
  };
}

export const syncFetchGroup: BenchGroup = {
  name: 'sync-fetch',
  async run(log) {
    const routes: Record<string, Behaviour> = {
      kev: { file: 'kev/known_exploited_vulnerabilities.json' },
      'attack:ics': { file: 'stix/attack/ics-attack-18.1.json' },
    };
    for (const m of MISP) routes[`misp:${m}`] = { file: `misp-galaxy/clusters/${m}.json` };
    const server = await startSyncServer(routes);
    const ext = await launchWithExtension({ headless: true });
    try {
      const probe = await ext.context.newPage();
      await probe.goto(`${ext.extensionUrl}collection.html`);
      await probe.evaluate((origin) => chrome.storage.local.set({ syncSourceBase: origin }), server.origin);
      const rebuilds: number[] = [];
      const waitMax: number[] = [];
      let entities = 0;
      for (let i = 0; i < RUNS; i++) {
        if (i > 0) {
          await send(probe, 'setSourceEnabled', { id: 'misp:country', enabled: false });
          await send(probe, 'setSourceEnabled', { id: 'misp:country', enabled: true });
        }
        const probing = i > 0 ? probeAnalysis(probe) : undefined;
        const last = await runOnce(probe, Date.now());
        if (probing) {
          const waits = await probing.stop();
          waitMax.push(Math.max(...waits));
          log(
            `  ${waits.length} analyses during the run, longest ${Math.max(...waits).toFixed(0)} ms, median ${median(waits).toFixed(0)} ms`,
          );
        }
        if (last.matcherRebuildMs === undefined) throw new Error('the run rebuilt no matcher');
        rebuilds.push(last.matcherRebuildMs);
        entities = last.catalogueEntities ?? 0;
        log(
          `run ${i + 1}: matcher rebuilt in ${last.matcherRebuildMs.toFixed(0)} ms, ${entities} catalogue entities, ${last.errors} sources failing (no fixture)`,
        );
      }
      return {
        'sync.matcher_rebuild_ms': median(rebuilds),
        'sync.catalogue_merge_entities': entities,
        'sync.analysis_wait_during_rebuild_ms': median(waitMax),
      };
    } finally {
      await ext.close();
      await server.close();
    }
  },
};
