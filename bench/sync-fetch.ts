/// <reference types="chrome" />
/**
 * Group `sync-fetch`: the sync's matcher rebuild in the built extension's worker (headless Chromium, real
 * IndexedDB), with every built-in catalogue synced from a loopback server that answers them from the
 * shared fixtures: KEV, the MISP galaxy clusters (threat actors, ransomware, tools, the four mitre-*
 * clusters, countries) and ATT&CK ICS (the fixtures hold no Enterprise or Mobile bundle; those two answer
 * 404). A run after the first re-merges and rebuilds with nothing downloaded (a catalogue switched off and
 * on marks the catalogue for a merge; the files answer 304).
 * - `sync.matcher_rebuild_ms`: the seed and each import merged in one call, the result written to `entities`,
 *   the matcher compiled from it and stored (median; `sync.matcher_rebuild_first_ms`: the first run, which
 *   writes every row of the catalogue, the later ones re-merging the same catalogue write none), and that split: `sync.matcher_rebuild_merge_ms`,
 *   `_write_ms`, `_compile_ms`, `_store_ms`; `sync.matcher_rebuild_longest_slice_ms`: the longest stretch of
 *   the sliced merge and compile without a pause (what a page's request can wait on them in the worker);
 * - `sync.catalogue_merge_entities`: entities the merge wrote;
 * - `sync.analysis_wait_during_rebuild_ms`: the longest round trip of a whole analysis (a short text, card
 *   facts read from the database) asked again and again while a run merged the catalogue and rebuilt the
 *   matcher; `sync.first_stage_wait_during_rebuild_ms`: the same for a page's first request (the names to
 *   paint, no database), asked alongside. The old matcher answers both during the rebuild.
 * The machine's load average is printed beside each run.
 * Run `npx wxt build` first.
 */
import { loadavg } from 'node:os';
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

/** Page analyses of one kind sent one after another until stopped; their round trips (ms). */
function probeAnalysis(probe: Page, type: 'analyzeArticle' | 'analyzeFirstStage'): { stop(): Promise<number[]> } {
  let going = true;
  const waits: number[] = [];
  const text = 'APT28 exploited CVE-2023-4966 in Citrix NetScaler to reach the ministry, Mandiant said.';
  const loop = (async () => {
    while (going) {
      const t0 = performance.now();
      await send(probe, type, { url: 'http://127.0.0.1/bench/during-rebuild', text });
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
      const splits: NonNullable<LastRun['matcherRebuildSplit']>[] = [];
      const waitMax: number[] = [];
      const firstWaitMax: number[] = [];
      const load = () => loadavg()[0].toFixed(1);
      let entities = 0;
      for (let i = 0; i < RUNS; i++) {
        if (i > 0) {
          await send(probe, 'setSourceEnabled', { id: 'misp:country', enabled: false });
          await send(probe, 'setSourceEnabled', { id: 'misp:country', enabled: true });
        }
        const probing = i > 0 ? probeAnalysis(probe, 'analyzeArticle') : undefined;
        const probingFirst = i > 0 ? probeAnalysis(probe, 'analyzeFirstStage') : undefined;
        const last = await runOnce(probe, Date.now());
        if (probing && probingFirst) {
          const [waits, firstWaits] = [await probing.stop(), await probingFirst.stop()];
          waitMax.push(Math.max(...waits));
          firstWaitMax.push(Math.max(...firstWaits));
          log(
            `  during the run: ${waits.length} whole analyses, longest ${Math.max(...waits).toFixed(0)} ms, median ${median(waits).toFixed(0)} ms; ` +
              `${firstWaits.length} first stages, longest ${Math.max(...firstWaits).toFixed(0)} ms, median ${median(firstWaits).toFixed(0)} ms`,
          );
        }
        if (last.matcherRebuildMs === undefined) throw new Error('the run rebuilt no matcher');
        rebuilds.push(last.matcherRebuildMs);
        const split = last.matcherRebuildSplit;
        if (split) splits.push(split);
        entities = last.catalogueEntities ?? 0;
        log(
          `run ${i + 1}: matcher rebuilt in ${last.matcherRebuildMs.toFixed(0)} ms` +
            (split
              ? ` (merge ${split.mergeMs.toFixed(0)}, write ${split.writeMs.toFixed(0)} (${split.rowsWritten} rows), compile ${split.compileMs.toFixed(0)}, store ${split.storeMs.toFixed(0)}; ${split.pauses} pauses, longest slice ${split.longestSliceMs.toFixed(0)} ms)`
              : '') +
            `, ${entities} catalogue entities, ${last.errors} sources failing (no fixture), load ${load()}`,
        );
      }
      const of = (k: keyof NonNullable<LastRun['matcherRebuildSplit']>) => (splits.length ? median(splits.map((s) => s[k])) : -1);
      return {
        'sync.matcher_rebuild_ms': median(rebuilds),
        // The first run writes every catalogue row (the later ones, the same catalogue again, write none).
        'sync.matcher_rebuild_first_ms': rebuilds[0],
        'sync.matcher_rebuild_merge_ms': of('mergeMs'),
        'sync.matcher_rebuild_write_ms': of('writeMs'),
        'sync.matcher_rebuild_compile_ms': of('compileMs'),
        'sync.matcher_rebuild_store_ms': of('storeMs'),
        'sync.matcher_rebuild_longest_slice_ms': of('longestSliceMs'),
        'sync.catalogue_merge_entities': entities,
        'sync.analysis_wait_during_rebuild_ms': median(waitMax),
        'sync.first_stage_wait_during_rebuild_ms': median(firstWaitMax),
      };
    } finally {
      await ext.close();
      await server.close();
    }
  },
};
