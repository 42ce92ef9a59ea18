import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { RESUME_ALARM, SYNC_ALARM, scheduleSync, startSync } from '../../entrypoints/background/sync';
import { setIntervals } from '../../lib/worker/sync/settings';
import { acquireLock } from '../../lib/worker/sync/lock';
import type { AnalysisService } from '../../lib/worker/analysis/service';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the sync schedule', () => {
  it('one periodic alarm at the feeds interval, re-created when the user changes it', async () => {
    await scheduleSync();
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toMatchObject({ name: SYNC_ALARM, periodInMinutes: 30 });
    await setIntervals({ feedsMin: 60, cataloguesMin: 2 * 24 * 60 });
    await scheduleSync();
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toMatchObject({ periodInMinutes: 60 });
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
  });

  it('a run that finds another one going leaves the resume alarm set for it', async () => {
    // A lock taken without a worker-life id (an unknown holder) is respected until it lapses.
    await acquireLock(Date.now);
    const summary = await startSync({} as AnalysisService);
    expect(summary.ran).toBe(false);
    expect(await fakeBrowser.alarms.get(RESUME_ALARM)).toMatchObject({ name: RESUME_ALARM });
  });
});
