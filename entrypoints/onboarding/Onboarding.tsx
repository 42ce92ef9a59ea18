/**
 * The page opened on install: what the sync reads and when, that nothing of the user's leaves the
 * browser, and one button that asks for the built-in sources' hosts (the click is the user gesture the
 * permission request needs) and starts the first sync.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/shared/messaging';
import { BUILTIN_ORIGINS, BUILTIN_SOURCES } from '@/lib/worker/sync/sources';
import { NEWS_SITES } from '@/lib/shared/sites';

/** The shortcut the browser gave the sidebar's command ('' when another extension holds the suggested keys). */
function useSidebarShortcut(): string {
  const [keys, setKeys] = useState('');
  useEffect(() => {
    void browser.commands.getAll().then(
      (all) => setKeys(all.find((c) => c.name === 'toggle-sidebar')?.shortcut ?? ''),
      () => undefined,
    );
  }, []);
  return keys;
}

export function Onboarding() {
  const [granted, setGranted] = useState<boolean>();
  const [message, setMessage] = useState('');
  const shortcut = useSidebarShortcut();
  useEffect(() => {
    void browser.permissions.contains({ origins: [...BUILTIN_ORIGINS] }).then(setGranted);
  }, []);

  const allow = () => {
    void browser.permissions.request({ origins: [...BUILTIN_ORIGINS] }).then(async (ok) => {
      setGranted(ok);
      if (!ok) return setMessage('No access was given: the sync waits. You can allow it later in the options.');
      await sendMessage('syncNow');
      setMessage('The first sync has started. Related incidents appear beside articles as it goes.');
    });
  };
  const feeds = BUILTIN_SOURCES.filter((s) => s.kind === 'feed');
  const hosts = BUILTIN_ORIGINS.map((o) => new URL(o.replace('/*', '/')).host);

  return (
    <main>
      <h1>Incident Lens is installed</h1>
      <p>
        On security news articles it highlights threat actors, malware, CVEs, techniques and indicators, and shows the incidents the article
        reports. To show <strong>related incidents</strong> from other publishers and the facts of CISA's Known Exploited Vulnerabilities
        catalogue, it keeps a local database in sync with public sources:
      </p>
      <ul>
        <li>
          {feeds.length} security news feeds (
          {feeds
            .slice(0, 5)
            .map((f) => f.title)
            .join(', ')}{' '}
          …), every 30 minutes;
        </li>
        <li>CISA's KEV catalogue, MITRE ATT&CK and MISP galaxy clusters, once a day.</li>
      </ul>
      <p>
        It only downloads these public files. <strong>It never sends what you read</strong>: page text stays in this browser, and no request
        carries your history or cookies.
      </p>
      <p class="muted">Access asked for: {hosts.join(', ')}.</p>
      {granted ? (
        <p data-testid="granted">Access to the sources is allowed. You can change sources and intervals in the options.</p>
      ) : (
        <button type="button" class="primary" name="allow" onClick={allow}>
          Allow and sync
        </button>
      )}
      {message && <p role="status">{message}</p>}
      <h2>How to use it</h2>
      <ul data-testid="how-to">
        <li>
          It opens by itself on articles of {NEWS_SITES.length} security news sites (BleepingComputer, The Hacker News, The Record …) and
          stays silent on their other pages.
        </li>
        <li>
          On any other page, ask for it: “Read this page” under its toolbar button, “Read this page with Incident Lens” in the page's
          right-click menu{shortcut ? `, or ${shortcut}` : ''}.
        </li>
        <li>
          Articles you save (from the sidebar or the toolbar button) go to <a href="/collection.html">your collection</a>, kept in this
          browser. The <a href="/options.html">options</a> say where it runs and what it syncs.
        </li>
      </ul>
    </main>
  );
}
