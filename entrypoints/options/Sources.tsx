/**
 * The options page's "Sources" section: every source the sync reads, with its switch, its status (last
 * success, last error in plain words, items added), the user's own feeds (add by URL, remove), OPML import
 * and export, the intervals and "Sync now". Host permissions are asked for here, in the click that needs
 * them (permissions.request must run inside the user's gesture: nothing is awaited before it).
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/shared/messaging';
import type { SourceView, SyncOverview } from '@/lib/worker/sync/status';
import { buildOpml, opmlChanges, opmlFeedsOf, parseOpml } from '@/lib/worker/sync/opml';
import { feedOrigin, originPattern } from '@/lib/worker/sync/sources';
import { getRetentionDays, RETENTION_CHOICES_DAYS, setRetentionDays } from '@/lib/worker/sync/settings';
import { ago } from '@/components/sync/format';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * What "Sync now" says it started: a run reads only the enabled sources whose site the user allowed, so on a
 * profile that allowed none (or with every source off) it fetches nothing, and saying "Sync started." would mislead.
 */
export function syncNowMessage(sources: readonly Pick<SourceView, 'enabled' | 'origin'>[], granted: ReadonlySet<string>): string {
  const on = sources.filter((s) => s.enabled);
  if (!on.length) return 'Nothing to read: every source is off.';
  const waiting = on.filter((s) => !granted.has(s.origin)).length;
  if (waiting === on.length)
    return `Nothing read: Incident Lens may not read any source's site yet. “Allow reading ${plural(new Set(on.map((s) => s.origin)).size, 'site')}” gives it that permission.`;
  return waiting ? `Sync started (${plural(waiting, 'source')} of ${on.length} waiting for your permission).` : 'Sync started.';
}

function useSyncOverview(): { overview?: SyncOverview; error?: string; refresh: () => void } {
  const [overview, setOverview] = useState<SyncOverview>();
  const [error, setError] = useState<string>();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let stop = false;
    sendMessage('getSyncStatus').then(
      (o) => !stop && (setOverview(o), setError(undefined)),
      (e: unknown) => !stop && setError(errorText(e)),
    );
    return () => {
      stop = true;
    };
  }, [tick]);
  // While a run goes on, look again every two seconds.
  useEffect(() => {
    if (!overview?.running) return;
    const t = setTimeout(() => setTick((n) => n + 1), 2000);
    return () => clearTimeout(t);
  }, [overview, tick]);
  return { overview, error, refresh: () => setTick((n) => n + 1) };
}

function SourceLine({ source, granted, onChange }: { source: SourceView; granted: boolean; onChange: () => void }) {
  // The switch shows the click at once: the stored state comes back a message later, and until then the
  // controlled checkbox would spring back to the old value (and a second click would undo the first).
  const [shown, setShown] = useState(source.enabled);
  useEffect(() => setShown(source.enabled), [source.enabled]);
  const toggle = () => {
    const enabling = !shown;
    setShown(enabling);
    const asking = enabling && !granted ? browser.permissions.request({ origins: [source.origin] }) : Promise.resolve(true);
    void asking
      .then(() => sendMessage('setSourceEnabled', { id: source.id, enabled: enabling }))
      .catch(() => setShown(source.enabled))
      .then(onChange);
  };
  const remove = () => void sendMessage('removeFeed', { id: source.id }).then(onChange);
  const status = !source.enabled
    ? 'off'
    : source.lastOutcome === 'error'
      ? `error: ${source.error ?? 'unknown'}`
      : source.lastOutcome === 'no-permission'
        ? 'waiting for permission'
        : source.lastSuccessAt
          ? `ok, ${source.added ?? 0} new`
          : granted
            ? 'not read yet'
            : 'needs permission';
  return (
    <tr data-source={source.id} class={source.lastOutcome === 'error' && source.enabled ? 'failing' : undefined}>
      <td>
        <label>
          <input type="checkbox" checked={shown} onChange={toggle} /> {source.title}
        </label>
      </td>
      <td data-field="status">{status}</td>
      <td data-field="last-success">{ago(source.lastSuccessAt)}</td>
      <td data-field="added">{source.totalAdded ?? 0}</td>
      <td>
        {!source.builtin && (
          <button type="button" onClick={remove}>
            Remove
          </button>
        )}
      </td>
    </tr>
  );
}

export function SourcesSection() {
  const { overview, error, refresh } = useSyncOverview();
  const [granted, setGranted] = useState<Set<string>>(new Set());
  const [feedUrl, setFeedUrl] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!overview) return;
    const origins = [...new Set(overview.sources.map((s) => s.origin))];
    void Promise.all(origins.map(async (o) => [o, await browser.permissions.contains({ origins: [o] })] as const)).then((list) =>
      setGranted(new Set(list.filter(([, ok]) => ok).map(([o]) => o))),
    );
  }, [overview]);

  if (error) return <p role="alert">Could not read the sync's status: {error}</p>;
  if (!overview) return <p class="muted">Reading the sources…</p>;

  const missing = [...new Set(overview.sources.filter((s) => s.enabled && !granted.has(s.origin)).map((s) => s.origin))];
  const grantAll = () => void browser.permissions.request({ origins: missing }).then(refresh);
  const syncNow = () =>
    void sendMessage('syncNow').then(() => (setMessage(syncNowMessage(overview.sources, granted)), setTimeout(refresh, 300)));

  const addFeed = (e: Event) => {
    e.preventDefault();
    const origin = feedOrigin(feedUrl);
    if (!origin) {
      setMessage('Give the address of the feed, starting with http:// or https://.');
      return;
    }
    setBusy(true);
    // Said at once: the last address's answer ("Not added: …") must not stand while this one is checked.
    setMessage(`Checking ${feedUrl.trim()}…`);
    // Asked first, in the click: the worker then fetches the feed to check it before keeping it.
    void browser.permissions
      .request({ origins: [origin] })
      .then((ok) => {
        if (!ok) throw new Error(`Incident Lens needs your permission to read ${new URL(feedUrl.trim()).host}.`);
        return sendMessage('addFeed', { url: feedUrl.trim() });
      })
      .then(
        (s) => (setMessage(`Added “${s.title}”.`), setFeedUrl('')),
        (err: unknown) => setMessage(`Not added: ${errorText(err)}`),
      )
      .finally(() => (setBusy(false), refresh()));
  };

  const importOpml = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    // Emptied, so that choosing the same file again (after fixing it) is a change too.
    input.value = '';
    if (!file) return;
    void file
      .text()
      .then(async (text) => {
        const { feeds, unusable } = parseOpml(text);
        const { fresh, turnOff } = opmlChanges(feeds, overview.sources);
        for (const id of turnOff) await sendMessage('setSourceEnabled', { id, enabled: false });
        const notes =
          (turnOff.length ? ` ${plural(turnOff.length, 'feed')} turned off, as in the file.` : '') +
          (unusable ? ` ${plural(unusable, 'entry', 'entries')} without an http(s) feed address left out.` : '');
        if (!fresh.length) return `Nothing new in ${file.name}: ${plural(feeds.length, 'feed')} already in the list.${notes}`;
        const ok = await browser.permissions.request({ origins: [...new Set(fresh.map((f) => originPattern(f.url)))] });
        if (!ok) return 'Not imported: the permission to read those sites was not given.';
        // Each feed is fetched and read before it is kept: a long list takes a while.
        setMessage(`Checking ${plural(fresh.length, 'feed')} from ${file.name}…`);
        const failed: string[] = [];
        for (const f of fresh)
          await sendMessage('addFeed', { url: f.url })
            // A feed the list marks disabled (an Incident Lens export of a feed turned off) is kept, off.
            .then((s) => (f.disabled ? sendMessage('setSourceEnabled', { id: s.id, enabled: false }) : undefined))
            .catch((err: unknown) => failed.push(`${f.title}: ${errorText(err)}`));
        return `Imported ${fresh.length - failed.length} of ${plural(fresh.length, 'feed')}.${notes}${failed.length ? ` Not added: ${failed.join('; ')}` : ''}`;
      })
      .then(setMessage, (err: unknown) => setMessage(`Not imported: ${errorText(err)}`))
      .finally(refresh);
  };

  const exportOpml = () => {
    const url = URL.createObjectURL(new Blob([buildOpml(opmlFeedsOf(overview.sources))], { type: 'text/x-opml' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'incident-lens-feeds.opml';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const setInterval = (key: 'feedsMin' | 'cataloguesMin', value: number) =>
    void sendMessage('setSyncIntervals', { ...overview.intervals, [key]: value }).then(refresh, (err: unknown) =>
      setMessage(errorText(err)),
    );

  const feeds = overview.sources.filter((s) => s.kind === 'feed');
  const catalogues = overview.sources.filter((s) => s.kind !== 'feed');
  const table = (list: SourceView[]) => (
    <table class="sources">
      <thead>
        <tr>
          <th>Source</th>
          <th>Status</th>
          <th>Last read</th>
          <th>Added</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {list.map((s) => (
          <SourceLine key={s.id} source={s} granted={granted.has(s.origin)} onChange={refresh} />
        ))}
      </tbody>
    </table>
  );

  return (
    <fieldset data-section="sources" id="sources">
      <legend>Sources</legend>
      <p class="muted">
        The sync reads these public sources from this browser: news feeds every {hoursOrMinutes(overview.intervals.feedsMin)}, catalogues
        every {hoursOrMinutes(overview.intervals.cataloguesMin)}. It sends nothing of yours: no page text, no history.
      </p>
      <div class="row">
        <button type="button" class="primary" name="sync-now" onClick={syncNow} disabled={overview.running}>
          {overview.running ? 'Syncing…' : 'Sync now'}
        </button>
        {missing.length > 0 && (
          <button type="button" name="grant" onClick={grantAll}>
            Allow reading {missing.length} site{missing.length === 1 ? '' : 's'}
          </button>
        )}
        <span class="muted" data-testid="sync-summary">
          Last sync {ago(overview.lastSyncAt)} · {overview.errorCount} failing
        </span>
      </div>
      {message && <p role="status">{message}</p>}
      <h2>News feeds</h2>
      {table(feeds)}
      <form class="row" onSubmit={addFeed}>
        <label for="feed-url">Feed address</label>
        <input
          type="url"
          id="feed-url"
          name="feed-url"
          placeholder="https://example.com/feed.xml"
          value={feedUrl}
          onInput={(e) => setFeedUrl(e.currentTarget.value)}
          required
        />
        <button type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Add feed'}
        </button>
      </form>
      <div class="row">
        <label>
          Import OPML <input type="file" name="opml" accept=".opml,.xml,text/xml,text/x-opml" onChange={importOpml} />
        </label>
        <button type="button" onClick={exportOpml}>
          Export OPML
        </button>
      </div>
      <h2>Catalogues</h2>
      {table(catalogues)}
      <h2>How often</h2>
      <div class="row">
        <label>
          Feeds every{' '}
          <select
            name="feeds-interval"
            value={overview.intervals.feedsMin}
            onChange={(e) => setInterval('feedsMin', Number(e.currentTarget.value))}
          >
            {choicesWith([15, 30, 60, 120, 360], overview.intervals.feedsMin).map((m) => (
              <option key={m} value={m}>
                {m} min
              </option>
            ))}
          </select>
        </label>
        <label>
          Catalogues every{' '}
          <select
            name="catalogues-interval"
            value={overview.intervals.cataloguesMin}
            onChange={(e) => setInterval('cataloguesMin', Number(e.currentTarget.value))}
          >
            {choicesWith([360, 720, 1440, 4320, 10080], overview.intervals.cataloguesMin).map((m) => (
              <option key={m} value={m}>
                {hoursOrMinutes(m)}
              </option>
            ))}
          </select>
        </label>
        <RetentionChoice />
      </div>
    </fieldset>
  );
}

/**
 * The values a choice offers, with the stored one among them when it is none of them (an import, another
 * version): a select whose value has no option shows blank and reads as unset.
 */
export function choicesWith(list: readonly number[], current: number): number[] {
  return list.includes(current) ? [...list] : [...list, current].sort((a, b) => a - b);
}

/** Minutes as a person reads an interval: whole hours in hours. */
export function hoursOrMinutes(min: number): string {
  return min % 60 === 0 ? `${min / 60} h` : `${min} min`;
}

/** How long feed items are kept: the user's choice, stored in `local:retentionDays` (lib/worker/sync/settings.ts). */
function RetentionChoice() {
  const [days, setDays] = useState<number>();
  useEffect(() => {
    void getRetentionDays().then(setDays);
  }, []);
  if (days === undefined) return null;
  const choices = choicesWith(RETENTION_CHOICES_DAYS, days);
  return (
    <label>
      Keep news items for{' '}
      <select name="retention" value={days} onChange={(e) => void setRetentionDays(Number(e.currentTarget.value)).then(setDays)}>
        {choices.map((d) => (
          <option key={d} value={d}>
            {retentionLabel(d)}
          </option>
        ))}
      </select>{' '}
      <span class="muted">(your collection is never dropped)</span>
    </label>
  );
}

/** A retention period as a person says it: '1 month', '3 months', '1 year', '10 days'. */
export function retentionLabel(days: number): string {
  const count = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (days % 365 === 0) return count(days / 365, 'year');
  if (days >= 28 && days < 365) return count(Math.round(days / 30.4), 'month');
  return count(days, 'day');
}
