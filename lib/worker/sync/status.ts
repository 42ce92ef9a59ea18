/** What the options page and the popup show of the sync: each source with its status, and a summary. */
import type { IncidentLensDb } from '../db/database';
import type { SourceRow, SyncStateRow } from '../db/schema';
import { currentLock } from './lock';
import { getIntervals, type SyncIntervals } from './settings';
import { BUILTIN_SOURCES, ensureBuiltinSources, originPattern } from './sources';

export interface SourceView {
  id: string;
  kind: SourceRow['kind'];
  title: string;
  url: string;
  home?: string;
  enabled: boolean;
  builtin: boolean;
  /** The host permission this source needs (`https://host/*`). */
  origin: string;
  lastSuccessAt?: number;
  lastAttemptAt?: number;
  nextAttemptAt?: number;
  /** The last error in plain words, while the source is failing (or waiting for its permission). */
  error?: string;
  lastOutcome?: SyncStateRow['lastOutcome'];
  added?: number;
  totalAdded?: number;
  failures: number;
}

export interface SyncOverview {
  running: boolean;
  runningSince?: number;
  intervals: SyncIntervals;
  /** Most recent successful read of any source. */
  lastSyncAt?: number;
  /** Enabled sources whose last attempt failed. */
  errorCount: number;
  /** Enabled sources waiting for their host permission. */
  waitingCount: number;
  sources: SourceView[];
}

export function sourceView(row: SourceRow, state: SyncStateRow | undefined): SourceView {
  const builtin = BUILTIN_SOURCES.find((s) => s.id === row.id);
  const view: SourceView = {
    id: row.id,
    kind: row.kind,
    title: row.title,
    url: row.url,
    enabled: row.enabled,
    builtin: builtin !== undefined,
    origin: originPattern(row.url),
    failures: state?.failures ?? 0,
  };
  if (builtin?.home) view.home = builtin.home;
  if (state) {
    for (const k of ['lastSuccessAt', 'lastAttemptAt', 'nextAttemptAt', 'error', 'lastOutcome', 'added', 'totalAdded'] as const) {
      if (state[k] !== undefined) (view as unknown as Record<string, unknown>)[k] = state[k];
    }
  }
  return view;
}

/**
 * `instance`: the asking worker's life. A lock held by another life was left by a stopped worker: no run
 * is going on (the next one takes the lock over).
 */
export async function syncOverview(db: IncidentLensDb, instance?: string): Promise<SyncOverview> {
  const sources = await ensureBuiltinSources(db);
  const states = await db.syncState.bulkGet(sources.map((s) => s.id));
  const views = sources.map((s, i) => sourceView(s, states[i]));
  const enabled = views.filter((v) => v.enabled);
  const held = await currentLock();
  const lock = held && instance && held.instance && held.instance !== instance ? null : held;
  const last = Math.max(0, ...views.map((v) => v.lastSuccessAt ?? 0));
  const out: SyncOverview = {
    running: lock !== null,
    intervals: await getIntervals(),
    errorCount: enabled.filter((v) => v.lastOutcome === 'error').length,
    waitingCount: enabled.filter((v) => v.lastOutcome === 'no-permission').length,
    sources: views,
  };
  if (lock) out.runningSince = lock.startedAt;
  if (last) out.lastSyncAt = last;
  return out;
}
