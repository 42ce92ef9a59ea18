/** The options page: what to highlight, where to run, and what the database holds. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ENTITY_TYPES, type EntityType } from '@/lib/types';
import { TYPE_LABELS } from '@/lib/labels';
import { ALL_SITES_ORIGINS, NEWS_SITES } from '@/lib/sites';
import { isTypeShown, setSiteDisabled, settings, type HighlightTypes } from '@/lib/settings';
import { StatusView } from '@/components/StatusView';
import { useStatus } from '@/components/useStatus';
import { SourcesSection } from './Sources';
import { DataSection } from './DataSection';

function HighlightSection() {
  const [flags, setFlags] = useState<HighlightTypes>();
  useEffect(() => {
    const item = settings().highlightTypes;
    void item.getValue().then(setFlags);
    return item.watch(setFlags);
  }, []);
  if (!flags) return null;
  const toggle = (type: EntityType) => void settings().highlightTypes.setValue({ ...flags, [type]: !isTypeShown(flags, type) });
  return (
    <fieldset>
      <legend>Highlight</legend>
      {ENTITY_TYPES.map((type) => (
        <label key={type}>
          <input type="checkbox" name={`type-${type}`} checked={isTypeShown(flags, type)} onChange={() => toggle(type)} /> {TYPE_LABELS[type]}
        </label>
      ))}
    </fieldset>
  );
}

function SitesSection() {
  const [allSites, setAllSites] = useState(false);
  const [disabled, setDisabled] = useState<string[]>([]);
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

  return (
    <fieldset>
      <legend>Sites</legend>
      <p class="muted">
        Incident Lens runs by itself on {NEWS_SITES.length} security news sites ({NEWS_SITES.slice(0, 4).join(', ')} …).
        Anywhere else, use “Read this page” in the toolbar popup or the page's context menu.
      </p>
      <label>
        <input type="checkbox" name="all-sites" checked={allSites} onChange={toggleAllSites} /> Run on every site I visit
        (asks for access to all sites)
      </label>
      <h2>Turned off on</h2>
      {disabled.length === 0 ? (
        <p class="muted">No sites.</p>
      ) : (
        <ul>
          {disabled.map((site) => (
            <li key={site}>
              {site} <button type="button" onClick={() => void setSiteDisabled(site, false)}>Turn back on</button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

export function Options() {
  const { status, error } = useStatus();
  return (
    <main>
      <h1>Incident Lens options</h1>
      <HighlightSection />
      <SitesSection />
      <SourcesSection />
      <h2>Data</h2>
      <StatusView status={status} error={error} />
      <DataSection />
      <p class="muted">Everything stays in this browser. Page text is never sent anywhere.</p>
    </main>
  );
}
