/** The popup's one line about the sync: when it last read its sources, how many fail, and "Sync now". */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/shared/messaging';
import type { SyncOverview } from '@/lib/worker/sync/status';
import { ago } from '@/components/sync/format';

export function SyncLine() {
  const [overview, setOverview] = useState<SyncOverview>();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    void sendMessage('getSyncStatus').then(setOverview, () => undefined);
  }, [tick]);
  useEffect(() => {
    if (!overview?.running) return;
    const t = setTimeout(() => setTick((n) => n + 1), 2000);
    return () => clearTimeout(t);
  }, [overview, tick]);
  if (!overview) return null;
  const problems = overview.errorCount ? `${overview.errorCount} source${overview.errorCount === 1 ? '' : 's'} failing` : 'no errors';
  const syncNow = () => void sendMessage('syncNow').then(() => setTimeout(() => setTick((n) => n + 1), 300));
  // Sources waiting for their host's permission wait until it is given, which the options' Sources section asks for.
  const openSources = (e: MouseEvent) => {
    e.preventDefault();
    void browser.tabs.create({ url: browser.runtime.getURL('/options.html#sources') });
    window.close();
  };
  return (
    <p class="row" data-testid="sync-line">
      <span>
        {overview.running ? 'Syncing…' : `Last sync ${ago(overview.lastSyncAt)}`} · {problems}
        {overview.waitingCount ? (
          <>
            {' · '}
            <a href="/options.html#sources" onClick={openSources}>
              {overview.waitingCount} waiting for your permission
            </a>
          </>
        ) : null}
      </span>
      <button type="button" name="sync-now" onClick={syncNow} disabled={overview.running}>
        Sync now
      </button>
    </p>
  );
}
