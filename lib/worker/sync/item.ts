/**
 * The hand-over between the two halves of the sync: the fetch side (sources, scheduling, fetching,
 * feed parsing) produces FeedItems; the knowledge side (analysis, deduplication, storage, clustering
 * into incidents) consumes them. Plain data, safe to pass anywhere: every string is plain text, never
 * markup — the parser strips the feed's HTML before an item exists.
 */
export interface FeedItem {
  /** The source it came from: `feed:bleepingcomputer`, `feed:user:<hash>` ... */
  sourceId: string;
  /** The item's guid/id as the feed gives it (resolved against the feed's base when it is a relative URL). */
  guid?: string;
  /** Absolute link to the article, canonicalised (tracking parameters and fragment dropped). */
  url: string;
  /** Plain text. */
  title: string;
  /** Plain text of the description/summary. */
  summary?: string;
  /** Plain text of the full content, where the feed carries it (content:encoded, Atom content, content_html). */
  content?: string;
  /** ISO 8601. */
  published?: string;
  /** ISO 8601. */
  updated?: string;
  author?: string;
  categories?: string[];
}

/** What ingesting a batch of items did, for the source's status line. */
export interface IngestReport {
  added: number;
  updated: number;
  unchanged: number;
}
