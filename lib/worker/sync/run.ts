/**
 * One sync run: every enabled source that is due, one after the other, each written in its own
 * transaction after it was fetched and parsed, its status (last success, last error in plain words,
 * items added, validators for the next conditional request, next attempt) written with it or right after.
 * A feed is fetched, parsed and read by the engine while the one before it finishes its writes; its own
 * writes begin once that one is written and its status too (./in-turn.ts), so the writes go in the same
 * order as one source after the other.
 *
 * Nothing lives only in memory. The run holds a lock in storage that lapses by itself; "sync now" marks
 * every enabled source due in the database before the run starts, so a run stopped half-way (the worker
 * killed) leaves the rest due and the next run (the resume alarm, the periodic alarm, another "sync now")
 * carries on. Writing the same items again adds nothing (they are keyed by URL), so a source whose items
 * were written but whose status was not is read again without duplicates.
 */
import type { IncidentLensDb } from '../db/database';
import type { SourceRow, SyncStateRow } from '../db/schema';
import { compileMatcher, type CompiledMatcher } from '../extract/matcher';
import { catalogueDirty, importCatalogue, mergeStoredCatalogues, storeCatalogue } from './catalogues';
import type { RebuildSplit } from '../analysis/service';
import { backoffMs, DEFAULT_TIMEOUT_MS, FetchError, fetchSource } from './fetch';
import { ingestFeedItems, type IngestItemsOptions } from './ingest-items';
import { inTurn, type Turn } from './in-turn';
import type { OpenReaders } from './reader-hosts';
import { ReaderPool, type ReaderStats } from './reader-pool';
import { acquireLock, type RunLock } from './lock';
import { decodeBody, parseFeed } from './parse';
import { DEFAULT_INTERVALS, type SyncIntervals } from './settings';
import { effectiveUrl, ensureBuiltinSources, isCatalogue, maxBytesFor, originPattern } from './sources';

/** Items taken from one read of a feed (feeds list their newest first). */
const MAX_ITEMS_PER_FEED = 500;

export interface SyncDeps {
  db: IncidentLensDb;
  /**
   * The matcher feed items are analysed with (the worker's current one). Default: one with no catalogue
   * names (identifiers and indicators only), for tools and tests that do not care about names.
   */
  matcher?: () => Promise<CompiledMatcher>;
  /**
   * Called after the catalogue changed, with the enabled catalogue sources: merge the seed and their stored
   * imports, rebuild and store the matcher (the old one answers meanwhile). Without it the run merges alone.
   */
  onCatalogueChanged?: (sourceIds: ReadonlySet<string>) => Promise<CatalogueRebuilt>;
  /** Feed items published longer ago are dropped (default: ingestFeedItems' one year). */
  retentionDays?: number;
  /** Whether the extension may read this origin pattern (`permissions.contains`). Default: yes. */
  hasPermission?: (origin: string) => Promise<boolean>;
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
  intervals?: SyncIntervals;
  /** Loopback origin the built-in sources are fetched under (tests); ignored unless loopback. */
  baseOverride?: string;
  timeoutMs?: number;
  /** This worker life's id, for the run lock (a lock of another life was left by a stopped worker). */
  instance?: string;
  /**
   * Readers on other threads for the feeds' items (./reader-hosts.ts), opened when the run first reads a feed
   * of more than one chunk and closed after its last. Without it, or when it gives none, the items are read
   * on this thread.
   */
  readers?: () => Promise<OpenReaders | undefined>;
  /** Called as each source finishes (tests use it to stop a run half-way). */
  onSourceDone?: (sourceId: string) => Promise<void> | void;
}

export interface RunOptions {
  /** "Sync now": every enabled source, due or not. */
  force?: boolean;
  /** Only these sources (and only if enabled). */
  only?: readonly string[];
}

interface SourceOutcome {
  sourceId: string;
  outcome: NonNullable<SyncStateRow['lastOutcome']>;
  added: number;
  error?: string;
}

/** What a catalogue rebuild reports back: entities merged, and where its time went. */
interface CatalogueRebuilt {
  entities?: number;
  split?: RebuildSplit;
}

export interface RunSummary {
  /** False when another run held the lock. */
  ran: boolean;
  outcomes: SourceOutcome[];
  catalogueEntities?: number;
  matcherRebuildMs?: number;
  matcherRebuildSplit?: RebuildSplit;
  /** What the readers on other threads did (items read there, and on this thread), when the run had any. */
  readers?: ReaderStats;
}

/** Mark every enabled source (or those in `only`) due now, in the database: progress a stopped run keeps. */
async function markDue(db: IncidentLensDb, sources: SourceRow[], only?: readonly string[]): Promise<void> {
  const ids = sources.filter((s) => s.enabled && (!only || only.includes(s.id))).map((s) => s.id);
  await db.transaction('rw', db.syncState, async () => {
    const states = await db.syncState.bulkGet(ids);
    await db.syncState.bulkPut(ids.map((id, i) => ({ ...(states[i] ?? { sourceId: id, failures: 0 }), nextAttemptAt: 0 })));
  });
}

export async function runSync(deps: SyncDeps, opts: RunOptions = {}): Promise<RunSummary> {
  const now = deps.now ?? Date.now;
  const lock = await acquireLock(now, undefined, deps.instance);
  if (!lock) return { ran: false, outcomes: [] };
  try {
    return await runLocked(deps, opts, lock);
  } finally {
    await lock.release();
  }
}

async function runLocked(deps: SyncDeps, opts: RunOptions, lock: RunLock): Promise<RunSummary> {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  const sources = await ensureBuiltinSources(db, now());
  if (opts.force) await markDue(db, sources, opts.only);
  const enabled = sources.filter((s) => s.enabled && (!opts.only || opts.only.includes(s.id)));
  const states = new Map((await db.syncState.bulkGet(enabled.map((s) => s.id))).flatMap((s) => (s ? [[s.sourceId, s] as const] : [])));
  // Feeds first (small, what the user waits for), then catalogues; within each, the longest-waiting first.
  const due = enabled
    .filter((s) => (states.get(s.id)?.nextAttemptAt ?? 0) <= now())
    .sort(
      (a, b) =>
        Number(isCatalogue(a.kind)) - Number(isCatalogue(b.kind)) ||
        (states.get(a.id)?.nextAttemptAt ?? 0) - (states.get(b.id)?.nextAttemptAt ?? 0),
    );
  const summary: RunSummary = { ran: true, outcomes: [] };
  let catalogueChanged = await catalogueDirty(db);
  let matcher: CompiledMatcher | undefined;
  let readers: Promise<OpenReaders | undefined> | undefined;
  let inThreadPool: ReaderPool | undefined;
  // The readers are opened when a feed first has more than one chunk to read (ingestFeedItems asks them
  // for nothing else): a run of titles and summaries, one chunk a feed, never starts them, nor (in Chrome)
  // the offscreen document whose startup would take CPU from this thread's reading.
  const reader: IngestItemsOptions['reader'] = deps.readers
    ? async (chunk, m, lede, at) => {
        readers ??= deps.readers!().catch(() => undefined);
        // None could be opened: a pool of none reads on this thread.
        return ((await readers)?.pool ?? (inThreadPool ??= new ReaderPool([]))).read(chunk, m, lede, at);
      }
    : undefined;
  try {
    // The next source is fetched and read while the one before it finishes its writes (./in-turn.ts).
    await inTurn(
      due,
      async (source, turn) => {
        await lock.refresh();
        if (source.kind === 'feed' && !matcher) matcher = deps.matcher ? await deps.matcher() : compileMatcher([]);
        return syncSource(deps, source, states.get(source.id), turn, matcher, reader);
      },
      async (source, outcome) => {
        if (outcome.outcome === 'ok' && isCatalogue(source.kind)) catalogueChanged = true;
        summary.outcomes.push(outcome);
        await deps.onSourceDone?.(source.id);
      },
    );
  } finally {
    const open = await readers;
    if (open) {
      summary.readers = { ...open.pool.stats };
      await open.close();
    }
  }
  if (catalogueChanged) {
    await lock.refresh();
    const catalogueIds = new Set(sources.filter((s) => s.enabled && isCatalogue(s.kind)).map((s) => s.id));
    if (deps.onCatalogueChanged) {
      // One merge (seed + each import) and the compile, sliced: pages asking meanwhile are answered.
      const t0 = performance.now();
      const rebuilt = await deps.onCatalogueChanged(catalogueIds);
      summary.matcherRebuildMs = performance.now() - t0;
      summary.catalogueEntities = rebuilt.entities;
      if (rebuilt.split) summary.matcherRebuildSplit = rebuilt.split;
    } else summary.catalogueEntities = await mergeStoredCatalogues(db, catalogueIds);
  }
  return summary;
}

function intervalMs(source: SourceRow, intervals: SyncIntervals): number {
  return (isCatalogue(source.kind) ? intervals.cataloguesMin : intervals.feedsMin) * 60_000;
}

/**
 * Read one source and record what happened. A failure is the source's status; it throws only when the
 * sources before it failed to settle (`turn.after`), and then writes nothing.
 */
async function syncSource(
  deps: SyncDeps,
  source: SourceRow,
  prior: SyncStateRow | undefined,
  turn: Turn,
  matcher: CompiledMatcher = compileMatcher([]),
  reader?: IngestItemsOptions['reader'],
): Promise<SourceOutcome> {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  const intervals = deps.intervals ?? DEFAULT_INTERVALS;
  // Every write of this source waits for the sources before it; a catalogue is read only after them too.
  const { after } = turn;
  const base: SyncStateRow = { ...(prior ?? { sourceId: source.id, failures: 0 }), sourceId: source.id, lastAttemptAt: now() };
  const url = effectiveUrl(source, deps.baseOverride);
  if (deps.hasPermission && !(await deps.hasPermission(originPattern(url)))) {
    // Not a failure: nothing was asked of the server. It stays due, so it is read once the user grants access.
    const state: SyncStateRow = { ...base, lastOutcome: 'no-permission', error: `waiting for permission to read ${new URL(url).host}` };
    await after;
    await db.syncState.put(state);
    return { sourceId: source.id, outcome: 'no-permission', added: 0, error: state.error };
  }
  try {
    if (isCatalogue(source.kind)) await after;
    const res = await fetchSource(url, {
      fetch: deps.fetch,
      etag: prior?.etag,
      lastModified: prior?.lastModified,
      timeoutMs: deps.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxBytes: maxBytesFor(source.kind),
      accept:
        source.kind === 'feed'
          ? 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5'
          : 'application/json',
    });
    const ok: SyncStateRow = { ...base, failures: 0, lastSuccessAt: now(), nextAttemptAt: now() + intervalMs(source, intervals) };
    delete ok.error;
    if (res.notModified) {
      await after;
      await db.syncState.put({ ...ok, lastOutcome: 'not-modified', added: 0 });
      return { sourceId: source.id, outcome: 'not-modified', added: 0 };
    }
    if (res.etag) ok.etag = res.etag;
    else delete ok.etag;
    if (res.lastModified) ok.lastModified = res.lastModified;
    else delete ok.lastModified;
    ok.lastOutcome = 'ok';
    const text = decodeBody(res.body, res.contentType);
    if (isCatalogue(source.kind)) {
      const added = await storeCatalogue(db, source.id, importCatalogue(source, text), ok, now());
      return { sourceId: source.id, outcome: 'ok', added };
    }
    const feed = parseFeed(text, source.id, url);
    // A feed lists its latest items; one that lists thousands is read only for its newest.
    const report = await ingestFeedItems(db, feed.items.slice(0, MAX_ITEMS_PER_FEED), {
      matcher,
      now: now(),
      retentionDays: deps.retentionDays,
      reader,
      after,
      onRead: turn.read,
    });
    await db.syncState.put({ ...ok, added: report.added, totalAdded: (prior?.totalAdded ?? 0) + report.added });
    return { sourceId: source.id, outcome: 'ok', added: report.added };
  } catch (e) {
    // The sources before this one did not settle (the run is failing): nothing of this one is written.
    await after;
    const failures = (prior?.failures ?? 0) + 1;
    const message = plainError(e);
    const retryAfterMs = e instanceof FetchError ? e.retryAfterMs : undefined;
    const wait = backoffMs(failures, {
      random: deps.random,
      retryAfterMs,
      maxMs: Math.max(intervalMs(source, intervals), 6 * 60 * 60_000),
    });
    await db.syncState.put({ ...base, failures, error: message, lastOutcome: 'error', added: 0, nextAttemptAt: now() + wait });
    return { sourceId: source.id, outcome: 'error', added: 0, error: message };
  }
}

/** The source's last error as the options page shows it. */
export function plainError(e: unknown): string {
  if (e instanceof Error && (e.name === 'FetchError' || e.name === 'FeedError')) return e.message;
  // Dexie wraps the browser's error of an aborted transaction: the cause is its `inner`.
  const names = e instanceof Error ? [e.name, (e as Error & { inner?: Error }).inner?.name] : [];
  if (names.includes('QuotaExceededError')) {
    return "the browser's storage for Incident Lens is full: nothing of this source was written (free some space, or drop old items)";
  }
  return `could not be read (${e instanceof Error ? e.message : String(e)})`;
}
