/**
 * The sync's wiring in the worker: alarms, the onboarding page on install, the sync's messages. The work
 * is in lib/worker/sync, loaded with `import()` (lib/worker/sync/worker.ts) when a sync alarm or message comes, so that a
 * worker woken by a page does not evaluate it. State lives in the database and in storage (the lock, the
 * intervals), never only here: the worker may be stopped at any moment.
 *
 * Alarms: `sync` every `feedsMin` minutes reads whatever is due (feeds every 30 minutes and catalogues
 * daily by default: each source's next attempt is in the database); `sync-resume` is set for a minute
 * ahead while a run is going, so that a run cut short by the worker's death is carried on.
 */
import { browser } from 'wxt/browser';
import { getDb } from '@/lib/worker/db';
import type { AnalysisService } from '@/lib/worker/analysis/service';
import type { RunOptions, RunSummary } from '@/lib/worker/sync/worker';

export const SYNC_ALARM = 'sync';
export const RESUME_ALARM = 'sync-resume';

/** The sync's code, evaluated on first use in this worker life. */
export const syncModule = () => import('@/lib/worker/sync/worker');

let life: string | undefined;
/** This worker life's id (memory only, on purpose: a new life means the last one was stopped). */
export function workerLife(): string {
  life ??= crypto.randomUUID();
  return life;
}

/** (Re)create the periodic alarm with the user's feed interval; the first run a minute from now. */
export async function scheduleSync(): Promise<void> {
  const { feedsMin } = await (await syncModule()).getIntervals();
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (existing?.periodInMinutes === feedsMin) return;
  await browser.alarms.create(SYNC_ALARM, { periodInMinutes: feedsMin, delayInMinutes: 1 });
}

export async function startSync(analysis: AnalysisService, opts: RunOptions = {}): Promise<RunSummary> {
  const sync = await syncModule();
  await browser.alarms.create(RESUME_ALARM, { delayInMinutes: 1 });
  let summary: RunSummary | undefined;
  try {
    summary = await sync.runSync(
      {
        db: getDb(),
        matcher: async () => (await analysis.matcher()).matcher,
        onCatalogueChanged: (sourceIds) => analysis.rebuild(sourceIds),
        hasPermission: (origin) => browser.permissions.contains({ origins: [origin] }),
        intervals: await sync.getIntervals(),
        retentionDays: await sync.getRetentionDays(),
        baseOverride: await sync.getSourceBaseOverride(),
        timeoutMs: await sync.getTestTimeoutMs(),
        instance: workerLife(),
        readers: () => sync.openReaders(),
      },
      opts,
    );
    if (summary.ran) {
      const errors = summary.outcomes.filter((o) => o.outcome === 'error').length;
      await sync.saveLastRun({
        at: Date.now(),
        sources: summary.outcomes.length,
        errors,
        ...(summary.catalogueEntities !== undefined ? { catalogueEntities: summary.catalogueEntities } : {}),
        ...(summary.matcherRebuildMs !== undefined ? { matcherRebuildMs: summary.matcherRebuildMs } : {}),
        ...(summary.matcherRebuildSplit ? { matcherRebuildSplit: summary.matcherRebuildSplit } : {}),
        ...(summary.readers ? { readers: summary.readers } : {}),
      });
    }
    return summary;
  } finally {
    // A run that ended needs no resume (one killed mid-way never gets here). One that found another run
    // going leaves the alarm set: that run's own end clears it, and if its worker dies, the alarm resumes it.
    if (summary?.ran !== false) await browser.alarms.clear(RESUME_ALARM);
  }
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
