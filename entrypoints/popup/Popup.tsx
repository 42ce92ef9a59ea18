/**
 * The toolbar popup: the current tab (CurrentTab.tsx: what the page is, saving it to the collection,
 * running the reader on it, turning the extension off for its site), and the background's status.
 */
import { browser } from 'wxt/browser';
import { StatusView } from '@/components/StatusView';
import { useStatus } from '@/components/useStatus';
import { SyncLine } from './SyncLine';
import { CurrentTab } from './CurrentTab';
import { Search } from './Search';

export function Popup() {
  const { status, error, refresh } = useStatus();
  const openCollection = (e: MouseEvent) => {
    e.preventDefault();
    void browser.tabs.create({ url: browser.runtime.getURL('/collection.html') });
    window.close();
  };

  return (
    <main>
      <h1>Incident Lens</h1>
      <Search />
      <CurrentTab onSaved={refresh} />
      <h2>Status</h2>
      <StatusView status={status} error={error} />
      <SyncLine />
      <footer>
        <a href="/collection.html" onClick={openCollection}>Open your collection</a>
      </footer>
    </main>
  );
}
