/**
 * Where Incident Lens runs: by itself on the listed news sites (or everywhere, with the optional all-sites
 * grant), on demand anywhere else, and never on the sites the user turned off.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ALL_SITES_ORIGINS, NEWS_SITES } from '@/lib/shared/sites';
import { setSiteDisabled, settings } from '@/lib/shared/settings';

/** A host name as typed ("https://www.example.com/x", "Example.com") to the site key, or null. */
export function siteFromInput(input: string): string | null {
  const text = input.trim().toLowerCase();
  if (!text) return null;
  try {
    const host = new URL(text.includes('://') ? text : `https://${text}`).hostname;
    if (!/^[a-z0-9.-]+\.[a-z0-9-]+$/.test(host)) return null;
    return host.startsWith('www.') ? host.slice(4) : host;
  } catch {
    return null;
  }
}

export function SitesSection() {
  const [allSites, setAllSites] = useState(false);
  const [disabled, setDisabled] = useState<string[]>([]);
  const [adding, setAdding] = useState('');
  const [message, setMessage] = useState('');
  useEffect(() => {
    const origins = { origins: [...ALL_SITES_ORIGINS] };
    void browser.permissions.contains(origins).then(setAllSites);
    const item = settings().disabledSites;
    void item.getValue().then(setDisabled);
    return item.watch(setDisabled);
  }, []);

  // permissions.request must run in the click's user gesture: no await before it.
  const toggleAllSites = () => {
    const origins = { origins: [...ALL_SITES_ORIGINS] };
    const change = allSites ? browser.permissions.remove(origins) : browser.permissions.request(origins);
    void change.then(() => browser.permissions.contains(origins)).then(setAllSites);
  };

  const turnOff = async (e: Event) => {
    e.preventDefault();
    const site = siteFromInput(adding);
    if (!site) {
      setMessage(`“${adding.trim()}” is not a site name (such as example.com).`);
      return;
    }
    await setSiteDisabled(site, true);
    setAdding('');
    setMessage(`Turned off on ${site}.`);
  };

  return (
    <section aria-labelledby="sites-title" id="sites">
      <h2 id="sites-title">Where it runs</h2>
      <h3>By itself</h3>
      <p>On {NEWS_SITES.length} security news sites, where it shows the sidebar on articles and stays silent on other pages.</p>
      <details>
        <summary>The sites</summary>
        <ul class="columns">
          {NEWS_SITES.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </details>
      <label>
        <input type="checkbox" name="all-sites" checked={allSites} onChange={toggleAllSites} /> Run on every site I visit (asks your browser
        for access to all sites)
      </label>
      <h3>On demand</h3>
      <p>Anywhere else, when you ask: “Read this page” in the toolbar popup, the page's context menu, or Alt+Shift+L.</p>
      <h3>Never</h3>
      {disabled.length === 0 ? (
        <p class="muted">No sites turned off.</p>
      ) : (
        <ul data-testid="disabled-sites">
          {disabled.map((site) => (
            <li key={site}>
              {site}{' '}
              <button type="button" onClick={() => void setSiteDisabled(site, false)} aria-label={`Turn back on for ${site}`}>
                Turn back on
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="row" onSubmit={(e) => void turnOff(e)}>
        <label class="grow">
          Turn off on a site
          <input
            type="text"
            name="disable-site"
            placeholder="example.com"
            value={adding}
            onInput={(e) => setAdding(e.currentTarget.value)}
          />
        </label>
        <button type="submit">Turn off</button>
      </form>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
