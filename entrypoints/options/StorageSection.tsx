/**
 * What the database holds and how much room it takes (`navigator.storage.estimate`), keeping it safe from
 * the browser's clean-ups (`navigator.storage.persist`), and the search index with its rebuild.
 */
import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/shared/messaging';
import type { SearchProgress } from '@/lib/worker/search/protocol';
import { StatusView } from '@/components/StatusView';
import { useStatus } from '@/components/useStatus';

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

function SearchIndexPart() {
  const [progress, setProgress] = useState<SearchProgress>();
  const [error, setError] = useState('');
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    let live = true;
    const poll = () =>
      sendMessage('searchIndexStatus').then(
        (p) => {
          if (!live) return;
          setProgress(p);
          if (p.state === 'building' || p.state === 'loading') timer = setTimeout(poll, 300);
        },
        (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
      );
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [progress?.state === 'building']);

  const rebuild = () => {
    setError('');
    sendMessage('rebuildSearchIndex').then(setProgress, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  const busy = progress?.state === 'building' || progress?.state === 'loading';
  return (
    <>
      <h3>Search index</h3>
      <p class="muted">
        The popup's search reads an index the extension keeps up to date as it stores things. Rebuild it if search misses something you know
        is there.
      </p>
      <p role="status" data-testid="index-state">
        {progress?.state === 'building' && (
          <label>
            Rebuilding: {progress.done.toLocaleString()} of {progress.total.toLocaleString()} entries{' '}
            <progress max={progress.total || undefined} value={progress.total ? progress.done : undefined} />
          </label>
        )}
        {progress?.state === 'ready' && 'The index is up to date.'}
        {progress?.state === 'idle' && 'The index is loaded on the first search.'}
        {progress?.state === 'loading' && 'Loading the index…'}
        {progress?.state === 'error' && <span class="error">The last rebuild failed: {progress.error}</span>}
        {error && <span class="error">{error}</span>}
      </p>
      <button type="button" onClick={rebuild} disabled={busy}>
        Rebuild the search index
      </button>
    </>
  );
}

export function StorageSection() {
  const { status, error } = useStatus();
  const [estimate, setEstimate] = useState<StorageEstimate>();
  const [persisted, setPersisted] = useState<boolean>();
  const [message, setMessage] = useState('');
  useEffect(() => {
    void navigator.storage?.estimate().then(setEstimate, () => undefined);
    void navigator.storage?.persisted().then(setPersisted, () => undefined);
  }, []);

  const persist = async () => {
    const granted = await navigator.storage.persist();
    setPersisted(granted);
    setMessage(
      granted
        ? 'Your browser will keep this data until you remove it.'
        : 'Your browser declined; it may clear this data when space runs low.',
    );
  };

  return (
    <section aria-labelledby="storage-title" id="storage">
      <h2 id="storage-title">Storage</h2>
      <StatusView status={status} error={error} />
      <p data-testid="storage-used">
        {estimate?.usage !== undefined
          ? `Using ${formatBytes(estimate.usage)}${estimate.quota ? ` of the ${formatBytes(estimate.quota)} this browser allows` : ''}.`
          : 'Storage use is not available in this browser.'}
      </p>
      <p>
        {persisted
          ? 'Kept: the browser will not clear this data to make room.'
          : 'Not yet kept: when disk space runs low, the browser may clear this data.'}{' '}
        {!persisted && (
          <button type="button" onClick={() => void persist()}>
            Keep my data
          </button>
        )}
      </p>
      {message && <p role="status">{message}</p>}
      <SearchIndexPart />
    </section>
  );
}
