/**
 * From parsed feed items to stored, deduplicated, clustered incidents.
 *
 *   ingestFeedItems(db: IncidentLensDb, items: FeedItem[], opts: IngestItemsOptions): Promise<IngestItemsReport>
 *
 *   opts.matcher        the compiled matcher to read the items with (the worker's AnalysisService matcher,
 *                       the CLI's cached one, a test's small one): required
 *   opts.now            ms since epoch (default Date.now()): fetchedAt, and retention's reference
 *   opts.retentionDays  items published longer ago are dropped, with their place in their cluster
 *                       (default 365); the user's collection is never touched
 *
 * The report is an IngestReport (added/updated/unchanged, lib/worker/sync/item.ts) plus `duplicates` (syndicated
 * or repeated copies not stored twice), `expired` (dropped by retention) and `rejected` (items without a
 * usable http(s) URL or title).
 *
 * An item stored before at its URL with the same content is left unread and counted unchanged (a feed that
 * changed answers with the items that did not too). Each other item's title, summary and content are read
 * by the engine first (entities, incidents); then one
 * transaction per chunk of items deduplicates (URL, guid, near-identical title), clusters incrementally
 * (lib/worker/cluster/rule.ts) and writes items, incidents and clusters, while the engine reads the next chunk
 * (./ingest-chunks.ts). Ingesting the same batch again changes nothing, so a worker
 * stopped mid-run can simply run again. `ingestFeedItemsInto` does the same over any IngestStore (the
 * CLI's in-memory one).
 */
import type { CompiledMatcher } from '../extract/matcher';
import { analyzeText } from '../engine';
import type { AnalysedArticle } from '../../shared/analysis/protocol';
import type { IncidentLensDb } from '../db/database';
import { siteOf } from '../../shared/sites';
import { DexieStore } from '../cluster/dexie-store';
import { contentHash, emptyOutcome, ingestPrepared, type IngestOutcome, type PreparedItem, type ReadyItem } from '../cluster/ingest';
import type { IngestStore } from '../cluster/store';
import type { FeedItem, IngestReport } from './item';
import { timeOf } from '../cluster/features';
import type { ReaderStats } from './reader-pool';
import { CHUNK_CHARS, chunksOf, inThread, mergeOutcomes, pipelined, type ChunkReader } from './ingest-chunks';

export interface IngestItemsOptions {
  matcher: CompiledMatcher;
  now?: number;
  retentionDays?: number;
  /** Characters of an item's content read in context (analyzeText's depth; default FEED_LEDE, Infinity: all). */
  lede?: number;
  /**
   * Who reads the chunks (the engine's prepareFeedItem on each item, with this matcher and lede, and the
   * item's rows worked out as read at `now`): readers on other threads (./reader-pool.ts), for a feed of
   * more than one chunk. Default (and a feed of one chunk): this thread, item by item (the rows then worked
   * out by the write path).
   */
  reader?: (chunk: FeedItem[], matcher: CompiledMatcher, lede: number, now: number) => Promise<ReadyItem[]>;
  /** Characters of text per chunk (one transaction each; default CHUNK_CHARS, ./ingest-chunks.ts). */
  chunkChars?: number;
  /**
   * Nothing is written before this settles, and nothing at all if it fails: the feed before this one in a
   * sync run, still being written while this one is read (./in-turn.ts).
   */
  after?: Promise<unknown>;
  /** Called once every chunk has been read (only writes are left). */
  onRead?: () => void;
}

export interface IngestItemsReport extends IngestReport {
  duplicates: number;
  expired: number;
  rejected: number;
  /** Where the items were read, when readers on other threads took part (./reader-hosts.ts). */
  readers?: ReaderStats;
}

/** Longest content read per item: a feed's full article is read, a runaway one is not. */
const MAX_CONTENT = 20_000;
const MAX_SUMMARY = 1_000;
/**
 * Characters of an item's content read in context (organisations, people, malware and actors by shape,
 * incidents), after its title and summary; patterns and catalogue names are read in all of it. News puts
 * who, what and when first: on CASIE's 851 articles the lede of 2,500 keeps the incident types within
 * 0.008 F1 and 97.9% of the entity keys, clusters no worse, and bounds a long item's cost (README, "Sync").
 */
const FEED_LEDE = 2_500;

/** An item the ingest can store: an http(s) URL and a title. */
function usable(item: FeedItem): boolean {
  if (typeof item.url !== 'string' || typeof item.title !== 'string' || !item.title.trim()) return false;
  try {
    const u = new URL(item.url);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function validDate(d: string | undefined): string | undefined {
  return d && !Number.isNaN(Date.parse(d)) ? d : undefined;
}

/** How much text the engine reads of an item (what prepareFeedItem gives it, within a few characters). */
export function textLength(item: FeedItem): number {
  return item.title.length + Math.min(item.summary?.length ?? 0, MAX_SUMMARY) + Math.min(item.content?.length ?? 0, MAX_CONTENT);
}

/** An excerpt's trailing ellipsis ("… [&hellip;]", "[...]"), in text whose whitespace runs are one space each. */
const ELLIPSIS_END = /\s*(?:\[\s*(?:…|\.\.\.)\s*\]|…|\.\.\.)\s*$/;
/** ELLIPSIS_END's longest match once whitespace runs are single spaces (" [ ... ] ": 9), with room to spare. */
const ELLIPSIS_TAIL = 16;

/** Whitespace runs as one space, and an excerpt's trailing ellipsis ("… [&hellip;]", "[...]") dropped. */
function plain(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  // The ellipsis can only be in the last few characters: looking for it there alone finds the same match
  // (anchored at the end, no look-behind) without trying every position of the text.
  const cut = Math.max(0, one.length - ELLIPSIS_TAIL);
  return (one.slice(0, cut) + one.slice(cut).replace(ELLIPSIS_END, '')).trim();
}

/**
 * Whether the summary is the content's own opening (a feed's excerpt of its content:encoded): then the engine
 * reads it once, in the content, not twice (twice would count its names twice and cost its reading twice).
 */
export function summaryOpensContent(summary: string, content: string): boolean {
  const s = plain(summary);
  return s.length > 0 && plain(content.slice(0, summary.length * 2 + 200)).startsWith(s);
}

/** What of an item is read and stored: its title, summary and content as cut, and its date. */
function itemParts(item: FeedItem) {
  return {
    title: item.title.trim(),
    summary: item.summary?.trim().slice(0, MAX_SUMMARY) || undefined,
    content: item.content?.slice(0, MAX_CONTENT),
    published: validDate(item.published) ?? validDate(item.updated),
  };
}

/** The content hash its row will carry (what prepareFeedItem computes), without reading it. */
function itemHash(item: FeedItem): string {
  const { title, summary, content, published } = itemParts(item);
  return contentHash(title, summary, content, published);
}

/** One item read by the engine: the analysed article the write path stores. */
export function prepareFeedItem(item: FeedItem, matcher: CompiledMatcher, lede = FEED_LEDE): PreparedItem {
  const { title, summary, content, published } = itemParts(item);
  const read = summary && content && summaryOpensContent(summary, content) ? undefined : summary;
  const text = [title, read, content].filter(Boolean).join('\n\n');
  // Title, summary and the content's lede are read in context; the rest of the content for its patterns and names.
  const depth = Number.isFinite(lede) && content ? text.length - content.length + lede : undefined;
  const { entities, incidents } = analyzeText(text, matcher, { published, depth });
  const article: AnalysedArticle = {
    url: item.url,
    sourceId: item.sourceId,
    title,
    site: siteOf(item.url),
    entities: entities.map(({ key, name, type, start, end }) => ({ key, name, type, start, end })),
    incidents,
  };
  if (published) article.published = published;
  if (summary) article.summary = summary;
  const prepared: PreparedItem = { article, contentHash: contentHash(title, summary, content, published) };
  if (item.guid) prepared.guid = item.guid;
  return prepared;
}

function inThreadReader(matcher: CompiledMatcher, lede?: number): ChunkReader<FeedItem, PreparedItem | ReadyItem> {
  return inThread((item) => prepareFeedItem(item, matcher, lede));
}

function report(o: IngestOutcome, rejected: number): IngestItemsReport {
  return { added: o.added, updated: o.updated, unchanged: o.unchanged, duplicates: o.duplicates, expired: o.expired, rejected };
}

/**
 * The items to read (new, or changed since they were stored), and the outcome of the others: unchanged,
 * in the cluster their row names. Only an item stored at its own URL with the same content hash is left
 * unread; any other (a new URL, another guid's version, a copy under another title) goes through the
 * ingest's whole deduplication.
 */
async function notStoredYet(store: IngestStore, items: FeedItem[]): Promise<{ fresh: FeedItem[]; unchanged: IngestOutcome }> {
  const unchanged = emptyOutcome();
  const versions = await store.storedVersions(items.map((i) => i.url));
  const fresh = items.filter((item, k) => {
    const stored = versions[k];
    if (!stored || stored.contentHash !== itemHash(item)) return true;
    unchanged.unchanged++;
    unchanged.clusterOf.set(item.url, stored.clusterId);
    return false;
  });
  return { fresh, unchanged };
}

export async function ingestFeedItemsInto(
  store: IngestStore,
  items: FeedItem[],
  opts: IngestItemsOptions,
): Promise<{ report: IngestItemsReport; outcome: IngestOutcome }> {
  const now = opts.now ?? Date.now();
  // Publication order, as ingestPrepared sorts a batch: the chunks then meet the clustering in that order.
  const ok = items
    .filter(usable)
    .map((item) => ({ item, t: timeOf(validDate(item.published) ?? validDate(item.updated), now) }))
    .sort((a, b) => a.t - b.t)
    .map((x) => x.item);
  // A feed that changed answers with its items that did not change too (a 30-minute sync finds a few new
  // ones among the feed's 20 to 50): those stored with the same content are unchanged, and are not read.
  const { fresh, unchanged } = await notStoredYet(store, ok);
  const budget = opts.chunkChars ?? CHUNK_CHARS;
  // The readers only for a feed of several chunks: with one (a feed of titles and summaries), nothing can
  // overlap its reading, and a reader only adds two hand-overs between threads (bench/readers-ab.ts, load
  // 9-12: summaries at 0.88 of the in-thread rate with a reader, 4 rounds of 6 slower; whole articles 1.13).
  const chunks = chunksOf(fresh, textLength, budget).length;
  const reader = opts.reader && chunks > 1 ? opts.reader : undefined;
  const read = reader
    ? (chunk: FeedItem[]) => reader(chunk, opts.matcher, opts.lede ?? FEED_LEDE, now)
    : inThreadReader(opts.matcher, opts.lede);
  const { after, onRead } = opts;
  let unread = chunks;
  if (!unread) onRead?.();
  const outcomes = await pipelined(
    fresh,
    // Once the last chunk is read only writes are left: the next feed may be read meanwhile (./in-turn.ts).
    onRead
      ? (chunk) =>
          read(chunk).then((r) => {
            if (--unread === 0) onRead();
            return r;
          })
      : read,
    async (prepared) => {
      if (after) await after;
      return ingestPrepared(store, prepared, { now, retentionDays: opts.retentionDays });
    },
    textLength,
    budget,
  );
  const outcome = mergeOutcomes([unchanged, ...outcomes]);
  return { report: report(outcome, items.length - ok.length), outcome };
}

export async function ingestFeedItems(db: IncidentLensDb, items: FeedItem[], opts: IngestItemsOptions): Promise<IngestItemsReport> {
  return (await ingestFeedItemsInto(new DexieStore(db), items, opts)).report;
}
