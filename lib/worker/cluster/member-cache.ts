/**
 * What the ingest keeps in memory between the chunks (transactions) of one database, so that a chunk reads
 * from IndexedDB only what it has not seen:
 *
 * - every stored item of a span of publication time [lo, hi], in index order (published, url), with what
 *   deduplication and clustering read of it: the clustering window and the near-identical titles are then
 *   answered from memory, and a chunk whose window reaches past the span reads only the part it lacks;
 * - the members of the clusters it knows whole (read by their index once, or written by the ingest, which
 *   knows every member of a cluster it writes), so that a touched cluster's members need no index read;
 * - the retention cutoff below which no item is stored any more.
 *
 * A write-through copy, kept true by a stamp: the ingest applies what it wrote once its transaction has
 * committed (and forgets everything when one fails), and writes the memory's token into `ingestMeta` in
 * the same transaction. Each transaction reads the stamp first: another token (another worker's ingest)
 * or none (the user erased the database, which clears every table) means the memory may be stale, and it
 * is forgotten before anything is answered from it. Only the ingest writes articles; anything else that
 * ever does must delete the stamp. A stopped worker loses the memory and nothing else.
 */
import type { ArticleRow } from '../db/schema';
import type { ClusterMember } from './summarise';

/** A cached member: the cluster it was stored in is always set. */
export type CachedMember = ClusterMember & { clusterId: string };

/** What the memory keeps of an article row: clustering's fields and deduplication's. */
export type KnownRow = Pick<
  ArticleRow,
  | 'url'
  | 'sourceId'
  | 'title'
  | 'site'
  | 'published'
  | 'entityKeys'
  | 'incidentIds'
  | 'guid'
  | 'titleKey'
  | 'contentHash'
  | 'clusterId'
  | 'features'
>;

/** Rows kept: a few windows of every feed. Past it, the memory starts again from what the next chunk reads. */
const MAX_ENTRIES = 30_000;

/** Index order of the `published` index: by date, then by URL (the primary key). */
function before(p: string, url: string, q: string, v: string): boolean {
  return p < q || (p === q && url < v);
}

export class IngestMemory {
  /** Written with every ingest transaction; a stamp that differs means someone else wrote. */
  token = randomToken();
  private readonly byUrl = new Map<string, KnownRow>();
  /** The rows of the span, in index order (published, url). */
  private order: { p: string; url: string }[] = [];
  private span: { lo: string; hi: string } | undefined;
  private readonly clusters = new Map<string, Set<string>>();
  /** `maxEntries`: rows kept before the memory starts again (smaller in tests). */
  constructor(private readonly maxEntries = MAX_ENTRIES) {}

  /** No item published before this is stored ('' when unknown). */
  retainedBelow = '';
  /**
   * Counts the times the memory lost what it knew: a read planned before must be planned again. Emptying
   * an empty memory (a new worker's first chunk, whose stamp never matches) changes no plan: it lacked everything.
   */
  generation = 0;

  get size(): number {
    return this.byUrl.size;
  }

  /** Forget everything (and take a new token, so that no stamp written before matches). */
  clear(): void {
    if (this.byUrl.size || this.span || this.clusters.size || this.retainedBelow) this.generation++;
    this.byUrl.clear();
    this.order = [];
    this.span = undefined;
    this.clusters.clear();
    this.retainedBelow = '';
    this.token = randomToken();
  }

  get(url: string): KnownRow | undefined {
    return this.byUrl.get(url);
  }

  /** Remember a row's fields (not its place in the span: see `cover`). */
  remember(row: KnownRow): void {
    if (this.byUrl.size >= this.maxEntries && !this.byUrl.has(row.url)) this.clear();
    this.byUrl.set(row.url, knownOf(row));
  }

  /** The parts of [from, to] (inclusive) the span lacks, as [from, to, fromOpen, toOpen]; all of it without a span. */
  missing(from: string, to: string): [string, string, boolean, boolean][] {
    const s = this.span;
    if (!s || to < s.lo || from > s.hi) return [[from, to, false, false]];
    const out: [string, string, boolean, boolean][] = [];
    if (from < s.lo) out.push([from, s.lo, false, true]);
    if (to > s.hi) out.push([s.hi, to, true, false]);
    return out;
  }

  /**
   * The span grows to hold [from, to]: `rows` are every stored row of the parts `missing` named (read in
   * the same transaction). A range apart from the span replaces it.
   */
  cover(from: string, to: string, rows: readonly KnownRow[]): void {
    const s = this.span;
    if (!s || to < s.lo || from > s.hi) {
      this.order = [];
      this.span = { lo: from, hi: to };
    } else this.span = { lo: from < s.lo ? from : s.lo, hi: to > s.hi ? to : s.hi };
    for (const r of rows) {
      this.remember(r);
      if (!this.span) return; // the memory was full and started again: nothing of this range is known
      this.place(r.url, r.published!);
    }
  }

  /** Rows of [from, to] in the span (the caller made sure it covers them), newest first as the index walks backwards. */
  between(from: string, to: string, limit = Infinity): KnownRow[] {
    const out: KnownRow[] = [];
    for (let i = this.lowerBound(to, '\uffff') - 1; i >= 0 && out.length < limit; i--) {
      const e = this.order[i];
      if (e.p < from) break;
      out.push(this.byUrl.get(e.url)!);
    }
    return out;
  }

  covers(from: string, to: string): boolean {
    return !!this.span && this.span.lo <= from && to <= this.span.hi;
  }

  /** The members of a cluster, when the memory knows them all. */
  membersOf(id: string): ReadonlySet<string> | undefined {
    return this.clusters.get(id);
  }

  setMembers(id: string, urls: Iterable<string>): void {
    this.clusters.set(id, new Set(urls));
  }

  /** What a committed ingest transaction wrote: every member of each cluster written, by its id. */
  applyWrite(w: {
    items: readonly KnownRow[];
    deleteUrls: readonly string[];
    clusters: readonly { id: string }[];
    members: ReadonlyMap<string, readonly string[]>;
    deleteClusters: readonly string[];
  }): void {
    for (const url of w.deleteUrls) this.forget(url);
    for (const row of w.items) {
      this.forget(row.url);
      this.remember(row);
      if (this.span && row.published && row.published >= this.span.lo && row.published <= this.span.hi) this.place(row.url, row.published);
    }
    for (const id of w.deleteClusters) this.clusters.delete(id);
    for (const c of w.clusters) {
      const members = w.members.get(c.id);
      if (members) this.setMembers(c.id, members);
      else this.clusters.delete(c.id);
    }
  }

  private forget(url: string): void {
    const row = this.byUrl.get(url);
    if (!row) return;
    this.byUrl.delete(url);
    if (row.published === undefined) return;
    const i = this.lowerBound(row.published, url);
    if (this.order[i]?.url === url) this.order.splice(i, 1);
  }

  private place(url: string, p: string): void {
    const i = this.lowerBound(p, url);
    if (this.order[i]?.url === url && this.order[i].p === p) return;
    this.order.splice(i, 0, { p, url });
  }

  /** The first place whose entry is not before (p, url). */
  private lowerBound(p: string, url: string): number {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const e = this.order[mid];
      if (before(e.p, e.url, p, url)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function randomToken(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

function knownOf(r: KnownRow): KnownRow {
  const k: KnownRow = {
    url: r.url,
    sourceId: r.sourceId,
    title: r.title,
    site: r.site,
    entityKeys: r.entityKeys,
    incidentIds: r.incidentIds,
  };
  if (r.published !== undefined) k.published = r.published;
  if (r.guid !== undefined) k.guid = r.guid;
  if (r.titleKey !== undefined) k.titleKey = r.titleKey;
  if (r.contentHash !== undefined) k.contentHash = r.contentHash;
  if (r.clusterId !== undefined) k.clusterId = r.clusterId;
  if (r.features !== undefined) k.features = r.features;
  return k;
}

/** What clustering keeps of a stored row: the member's own fields, nothing of the rest of the row. */
export function memberOf<R extends ClusterMember>(row: R): ClusterMember & Pick<R, 'clusterId'> {
  return {
    url: row.url,
    title: row.title,
    site: row.site,
    published: row.published,
    entityKeys: row.entityKeys,
    features: row.features,
    clusterId: row.clusterId,
  };
}
