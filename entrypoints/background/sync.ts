/**
 * The sync's wiring in the worker: alarms, the onboarding page on install, and the runs. The work is in
 * lib/sync (run.ts); this file only hands it the browser's pieces. State lives in the database and in
 * storage (the lock, the intervals), never only here: the worker may be stopped at any moment.
 *
 * Alarms: `sync` every `feedsMin` minutes reads whatever is due (feeds every 30 minutes and catalogues
 * daily by default: each source's next attempt is in the database); `sync-resume` is set for a minute
 * ahead while a run is going, so that a run cut short by the worker's death is carried on.
 */
import { browser } from 'wxt/browser';
import { getDb } from '@/lib/db';
import type { AnalysisService } from '@/lib/analysis/service';
import { runSync, type RunOptions, type RunSummary } from '@/lib/sync/run';
import { getIntervals, getSourceBaseOverride, getTestTimeoutMs, saveLastRun, type LastRun } from '@/lib/sync/settings';

export const SYNC_ALARM = 'sync';
let life: string | undefined;
/** This worker life's id (memory only, on purpose: a new life means the last one was stopped). */
function workerLife(): string {
  life ??= crypto.randomUUID();
  return life;
}

export const RESUME_ALARM = 'sync-resume';

/** (Re)create the periodic alarm with the user's feed interval; the first run a minute from now. */
export async function scheduleSync(): Promise<void> {
  const { feedsMin } = await getIntervals();
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (existing?.periodInMinutes === feedsMin) return;
  await browser.alarms.create(SYNC_ALARM, { periodInMinutes: feedsMin, delayInMinutes: 1 });
}

export function startSync(analysis: AnalysisService, opts: RunOptions = {}): Promise<RunSummary> {
  return (async () => {
    await browser.alarms.create(RESUME_ALARM, { delayInMinutes: 1 });
    try {
      const summary = await runSync(
        {
          db: getDb(),
          matcher: async () => (await analysis.matcher()).matcher,
          onCatalogueChanged: () => analysis.rebuild(),
          hasPermission: (origin) => browser.permissions.contains({ origins: [origin] }),
          intervals: await getIntervals(),
          baseOverride: await getSourceBaseOverride(),
          timeoutMs: await getTestTimeoutMs(),
          instance: workerLife(),
        },
        opts,
      );
      if (summary.ran) {
        const last: LastRun = { at: Date.now(), sources: summary.outcomes.length, errors: summary.outcomes.filter((o) => o.outcome === 'error').length };
        if (summary.catalogueEntities !== undefined) last.catalogueEntities = summary.catalogueEntities;
        if (summary.matcherRebuildMs !== undefined) last.matcherRebuildMs = summary.matcherRebuildMs;
        await saveLastRun(last);
      }
      return summary;
    } finally {
      // A run that ended (or found another one going) needs no resume; one killed mid-way never gets here.
      await browser.alarms.clear(RESUME_ALARM);
    }
  })();
}

export function registerSync(analysis: AnalysisService): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM || alarm.name === RESUME_ALARM) {
      startSync(analysis).catch((e: unknown) => console.warn('Incident Lens: sync failed', e));
    }
  });
  browser.runtime.onInstalled.addListener(({ reason }) => {
    scheduleSync().catch(() => undefined);
    // A fresh install explains the sync and asks for the sources' hosts in one click (a user gesture there).
    if (reason === 'install') browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') }).catch(() => undefined);
  });
  browser.runtime.onStartup.addListener(() => {
    scheduleSync().catch(() => undefined);
  });
}
