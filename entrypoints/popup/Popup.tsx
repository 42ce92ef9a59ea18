/**
 * The toolbar popup: the current tab (CurrentTab.tsx: what the page is, saving it to the collection,
 * running the reader on it, turning the extension off for its site), and the background's status.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { StatusView } from '@/components/StatusView';
import { useStatus } from '@/components/useStatus';
import { SyncLine } from './SyncLine';
import { CurrentTab } from './CurrentTab';
import { Search } from './Search';

/** With nothing typed by then, the status is asked this long after the popup opened. */
export const STATUS_WAIT_MS = 250;

export function Popup() {
  // The status counts every table (a second at 100k articles), and the worker's database reads queue: it is
  // asked once the first search has answered, or a moment after opening when nothing is typed, never ahead
  // of the search. Until then the section says "Loading…", never a wrong number.
  const [askStatus, setAskStatus] = useState(false);
  const typed = useRef(false);
  useEffect(() => {
    const t = setTimeout(() => typed.current || setAskStatus(true), STATUS_WAIT_MS);
    return () => clearTimeout(t);
  }, []);
  const { status, error, refresh } = useStatus(askStatus);
  const openCollection = (e: MouseEvent) => {
    e.preventDefault();
    void browser.tabs.create({ url: browser.runtime.getURL('/collection.html') });
    window.close();
  };

  return (
    <main>
      <h1>Incident Lens</h1>
      <Search onTyped={() => (typed.current = true)} onSettled={() => setAskStatus(true)} />
      <CurrentTab onSaved={refresh} />
      <h2>Status</h2>
      <StatusView status={status} error={error} />
      <SyncLine />
      <footer>
        <a href="/collection.html" onClick={openCollection}>
          Open your collection
        </a>
      </footer>
    </main>
  );
}
