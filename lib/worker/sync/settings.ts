/** The sync's settings in `storage.local`: how often to read feeds and catalogues, and the test-only base URL. */
import { storage } from 'wxt/utils/storage';
import { isLoopbackOrigin } from './sources';
import { DEFAULT_RETENTION_DAYS } from '../cluster/store';
import type { RebuildSplit } from '../analysis/service';
import type { ReaderStats } from './reader-pool';

export interface SyncIntervals {
  /** Minutes between two reads of a news feed. */
  feedsMin: number;
  /** Minutes between two reads of a catalogue (KEV, ATT&CK, MISP). */
  cataloguesMin: number;
}

export const DEFAULT_INTERVALS: SyncIntervals = { feedsMin: 30, cataloguesMin: 24 * 60 };
const MIN_INTERVAL_MIN = 5;
const MAX_INTERVAL_MIN = 7 * 24 * 60;

const intervalsItem = () => storage.defineItem<SyncIntervals>('local:syncIntervals', { fallback: DEFAULT_INTERVALS, version: 1 });

function clampMin(n: unknown, fallback: number): number {
  return typeof n === 'number' && Number.isFinite(n) ? Math.min(MAX_INTERVAL_MIN, Math.max(MIN_INTERVAL_MIN, Math.round(n))) : fallback;
}

export async function getIntervals(): Promise<SyncIntervals> {
  const v = await intervalsItem().getValue();
  return {
    feedsMin: clampMin(v?.feedsMin, DEFAULT_INTERVALS.feedsMin),
    cataloguesMin: clampMin(v?.cataloguesMin, DEFAULT_INTERVALS.cataloguesMin),
  };
}

export async function setIntervals(next: SyncIntervals): Promise<SyncIntervals> {
  const clean = {
    feedsMin: clampMin(next.feedsMin, DEFAULT_INTERVALS.feedsMin),
    cataloguesMin: clampMin(next.cataloguesMin, DEFAULT_INTERVALS.cataloguesMin),
  };
  await intervalsItem().setValue(clean);
  return clean;
}

export const RETENTION_CHOICES_DAYS = [30, 90, 182, 365, 730, 1825, 3650] as const;

const retentionItem = () => storage.defineItem<number>('local:retentionDays', { fallback: DEFAULT_RETENTION_DAYS });

/** Days feed items are kept: the user's choice, between a week and ten years. */
export async function getRetentionDays(): Promise<number> {
  const v = await retentionItem().getValue();
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(3650, Math.max(7, Math.round(v))) : DEFAULT_RETENTION_DAYS;
}

export async function setRetentionDays(days: number): Promise<number> {
  await retentionItem().setValue(Math.min(3650, Math.max(7, Math.round(days))));
  return getRetentionDays();
}

/**
 * For the end-to-end tests: a loopback origin under which built-in sources are fetched (see sources.ts).
 * Anything but `http://127.0.0.1:PORT` / `http://localhost:PORT` is ignored.
 */
export async function getSourceBaseOverride(): Promise<string | undefined> {
  const v = await storage.getItem<string>('local:syncSourceBase');
  return typeof v === 'string' && isLoopbackOrigin(v) ? v : undefined;
}

/** For the end-to-end tests, with the loopback base only: a shorter request timeout (ms, 500–30,000). */
export async function getTestTimeoutMs(): Promise<number | undefined> {
  if (!(await getSourceBaseOverride())) return undefined;
  const v = await storage.getItem<number>('local:syncTimeoutMs');
  return typeof v === 'number' && v >= 500 && v <= 30_000 ? v : undefined;
}

/** What the last run did, for the benchmark and for diagnosis (`local:syncLastRun`). */
export interface LastRun {
  at: number;
  sources: number;
  errors: number;
  catalogueEntities?: number;
  matcherRebuildMs?: number;
  /** Where the rebuild's time went (merge, entities write, compile, store) and its longest slice, ms. */
  matcherRebuildSplit?: RebuildSplit;
  /** Items the run's readers read on other threads, and on the worker's thread (none, or a lost reader's). */
  readers?: ReaderStats;
}

export async function saveLastRun(run: LastRun): Promise<void> {
  await storage.setItem<LastRun>('local:syncLastRun', run);
}
