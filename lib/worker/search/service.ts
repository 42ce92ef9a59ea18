/**
 * The worker's search service. It keeps the search index current as rows are written (Dexie hooks on the
 * four tables it reads: whatever path writes them, the sync's, the collection's or an import, in this
 * worker; and Dexie's broadcast of other contexts' commits, such as the collection page's own edits) and
 * stores it in the database's `blobs` table, so a woken worker loads it rather than rebuilds it.
 *
 * Writes are applied after their transaction commits (a rolled-back write never reaches the index), a few
 * at a time, re-read from the database so the index shows what was committed last. The stored copy is
 * written a moment after the last change (`persistDelayMs`) and stamped with the row counts it reflects:
 * a stored index whose counts no longer match (rows written while no worker was watching) is rebuilt; the
 * collection's stamp (its count and latest edit) apart, a mismatch there only re-reads the collection.
 * The options page can ask for a rebuild at any time; its progress is in `progress()`.
 */
import Dexie, { cmp, RangeSet, type IndexableType, type ObservabilitySet, type Transaction } from 'dexie';
import type { IncidentLensDb } from '../db/database';
import { readCountsWithCollection, type CountedTable } from '../db/counts';
import type { ArticleRow, CollectionRow, EntityRow, IncidentRow } from '../db/schema';
import { bundledSeed } from '../knowledge/seed/stamp';
import { TYPE_LABELS } from '../../shared/labels';
import { INCIDENT_LABELS, type CatalogueEntry } from '../../shared/types';
import { articleText, entityText, incidentText, savedText, SEARCH_KINDS, type SearchKind } from './docs';
import { queryWords, SearchIndex, SEARCH_INDEX_VERSION } from './engine';
import { indicatorQuery } from './indicator-query';
import { normaliseTag } from '../../shared/tags';
import type { SearchAnswer, SearchHit, SearchProgress } from './protocol';

const SEARCH_BLOB_PREFIX = 'search:';
const META_BLOB = `${SEARCH_BLOB_PREFIX}meta`;
const TABLE_OF: Record<SearchKind, 'incidents' | 'articles' | 'entities' | 'collection'> = {
  incident: 'incidents',
  article: 'articles',
  entity: 'entities',
  saved: 'collection',
};
const PAGE = 1000;
/** Small kinds first: a woken worker answers entities and the collection while the articles still load. */
const LOAD_ORDER: readonly SearchKind[] = ['entity', 'saved', 'incident', 'article'];
const MAX_QUERY = 200;
/** Rows read for an indicator query, of incidents and of saved articles, before the newest are kept. */
const INDICATOR_ROWS = 200;

export interface SearchServiceOptions {
  db: IncidentLensDb;
  seed?: () => CatalogueEntry[] | Promise<CatalogueEntry[]>;
  /** Extension version: a new build brings a new seed. */
  buildId?: string;
  /** ms between the last change and writing the stored index. */
  persistDelayMs?: number;
}

type Row = ArticleRow | IncidentRow | EntityRow | CollectionRow;

function textOf(kind: SearchKind, row: Row): string {
  switch (kind) {
    case 'article':
      return articleText(row as ArticleRow);
    case 'incident':
      return incidentText(row as IncidentRow);
    case 'entity':
      return entityText(row as EntityRow);
    case 'saved':
      return savedText(row as CollectionRow);
  }
}

function keyOf(kind: SearchKind, row: Row): string {
  if (kind === 'incident') return (row as IncidentRow).id;
  if (kind === 'entity') return (row as EntityRow).key;
  return (row as ArticleRow).url;
}

const day = (iso: string | undefined) => (iso ? iso.slice(0, 10) : '');
const joined = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' · ');

/** A kind is stored as its registry (`search:article`) and FlexSearch's chunks (`search:article#1.map` ...). */
interface StoredKindHead {
  version: number;
  keys: (string | null)[];
  chunkKeys: string[];
}

const chunkBlob = (kind: SearchKind, chunkKey: string) => `${SEARCH_BLOB_PREFIX}${kind}#${chunkKey}`;

function encodeText(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function decodeText(data: unknown): string | undefined {
  if (!(data instanceof Uint8Array) && !(data instanceof ArrayBuffer)) return undefined;
  return new TextDecoder().decode(data);
}

function decodeHead(data: unknown): StoredKindHead | undefined {
  const text = decodeText(data);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as StoredKindHead;
  } catch {
    return undefined;
  }
}

const pause = () => new Promise<void>((r) => setTimeout(r, 0));

export class SearchService {
  private readonly db: IncidentLensDb;
  private readonly seed: () => CatalogueEntry[] | Promise<CatalogueEntry[]>;
  private readonly buildId: string;
  private readonly persistDelayMs: number;
  private index = new SearchIndex();
  private seedByKey?: Promise<Map<string, CatalogueEntry>>;
  private state?: Promise<void>;
  private status: SearchProgress = { state: 'idle', done: 0, total: 0 };
  private readonly pending = new Map<SearchKind, Set<string>>(SEARCH_KINDS.map((k) => [k, new Set()]));
  private readonly dirtyKinds = new Set<SearchKind>();
  private readonly watched = new WeakSet<Transaction>();
  /** This worker's noted transactions not yet complete: their broadcast is this worker's own write. */
  private readonly open = new Set<Transaction>();
  /** Key ranges another context changed (a clear, a range delete, a bulk write): re-read as a whole. */
  private readonly ranges = new Map<SearchKind, { from: IndexableType; to: IndexableType }[]>(SEARCH_KINDS.map((k) => [k, []]));
  private applying?: Promise<void>;
  private persistTimer?: ReturnType<typeof setTimeout>;
  private persisting?: Promise<void>;

  constructor(opts: SearchServiceOptions) {
    this.db = opts.db;
    this.seed = opts.seed ?? bundledSeed;
    this.buildId = opts.buildId ?? '';
    this.persistDelayMs = opts.persistDelayMs ?? 2000;
  }

  progress(): SearchProgress {
    return { ...this.status };
  }

  /** The bundled seed by key, loaded (its data evaluated) when the index is first loaded or searched, not when the worker wakes. */
  private seedEntries(): Promise<Map<string, CatalogueEntry>> {
    this.seedByKey ??= Promise.resolve(this.seed()).then(
      (list) => new Map(list.map((e) => [e.key, e])),
      (e: unknown) => {
        this.seedByKey = undefined; // a failed load must not poison every later call
        throw e;
      },
    );
    return this.seedByKey;
  }

  /** Listen to writes of the four tables. Call once, before the first write to watch. */
  watch(): void {
    for (const kind of SEARCH_KINDS) {
      const table = this.db.table(TABLE_OF[kind]);
      const note = (key: unknown, tx: Transaction) => this.note(kind, String(key), tx);
      table.hook('creating', function (primKey, obj, tx) {
        note(primKey ?? keyOf(kind, obj as Row), tx);
      });
      table.hook('updating', function (_mods, primKey, _obj, tx) {
        note(primKey, tx);
      });
      table.hook('deleting', function (primKey, _obj, tx) {
        note(primKey, tx);
      });
    }
  }

  /**
   * Follow writes made by other contexts too (the collection page edits, deletes and imports the collection
   * itself). Dexie broadcasts the keys each committed transaction changed, per table, to every context of
   * the origin; this worker's own transactions are skipped (the hooks noted them). Returns the unsubscribe.
   */
  follow(): () => void {
    const listener = (parts: ObservabilitySet) => this.noteBroadcast(parts);
    Dexie.on('storagemutated', listener);
    return () => Dexie.on.storagemutated.unsubscribe(listener);
  }

  private noteBroadcast(parts: ObservabilitySet): void {
    for (const tx of this.open) {
      if ((tx.idbtrans as IDBTransaction & { mutatedParts?: unknown }).mutatedParts === parts) return;
    }
    let noted = false;
    for (const kind of SEARCH_KINDS) {
      // The primary key's part ('' index); `all` is Dexie's "anything may have changed".
      const tree = parts[`idb://${this.db.name}/${TABLE_OF[kind]}/`] ?? (parts.all ? new RangeSet(Dexie.minKey, Dexie.maxKey) : undefined);
      if (!tree) continue;
      // A broadcast from another context arrives as a plain tree (structured clone): wrapped to be walked.
      const set = RangeSet(tree);
      for (const { from, to } of { [Symbol.iterator]: () => set[Symbol.iterator]() }) {
        if (cmp(from, to) === 0) this.pending.get(kind)!.add(String(from));
        else this.ranges.get(kind)!.push({ from, to });
        noted = true;
      }
    }
    if (noted) void this.apply();
  }

  /** A changed range as keys: those the table holds in it now, and those the index holds in it. */
  private async takeRanges(kind: SearchKind): Promise<void> {
    const ranges = this.ranges.get(kind)!.splice(0);
    for (const { from, to } of ranges) {
      const stored = (await this.db.table(TABLE_OF[kind]).where(':id').between(from, to, true, true).primaryKeys()) as IndexableType[];
      const keys = this.pending.get(kind)!;
      for (const k of stored) keys.add(String(k));
      for (const k of this.index.keys(kind)) if (cmp(k, from) >= 0 && cmp(k, to) <= 0) keys.add(k);
    }
  }

  private note(kind: SearchKind, key: string, tx: Transaction): void {
    this.pending.get(kind)!.add(key);
    if (this.watched.has(tx)) return;
    this.watched.add(tx);
    this.open.add(tx);
    // After a rollback too: the rows are read again as committed, and nothing is left noted.
    const apply = () => {
      this.open.delete(tx);
      void this.apply();
    };
    tx.on('complete', apply);
    tx.on('abort', apply);
    tx.on('error', apply);
  }

  /** Bring the index up to the committed rows of every key noted so far. */
  apply(): Promise<void> {
    this.applying = (this.applying ?? Promise.resolve()).then(async () => {
      // Writes wake the index (loaded, or built from the tables as they are now) before they are applied.
      await this.ready().catch(() => undefined);
      for (const kind of SEARCH_KINDS) {
        if (this.ranges.get(kind)!.length) await this.takeRanges(kind);
        const keys = [...this.pending.get(kind)!];
        this.pending.get(kind)!.clear();
        if (!keys.length) continue;
        const rows = (await this.db.table(TABLE_OF[kind]).bulkGet(keys)) as (Row | undefined)[];
        const seed = kind === 'entity' && rows.some((r) => !r) ? await this.seedEntries() : undefined;
        rows.forEach((row, i) => {
          const entry: Row | CatalogueEntry | undefined = row ?? seed?.get(keys[i]);
          if (entry) this.index.put(kind, keys[i], textOf(kind, entry as Row));
          else this.index.remove(kind, keys[i]);
        });
        this.dirtyKinds.add(kind);
      }
      this.schedulePersist();
    });
    return this.applying;
  }

  private hasPending(): boolean {
    return SEARCH_KINDS.some((k) => this.pending.get(k)!.size > 0 || this.ranges.get(k)!.length > 0);
  }

  private schedulePersist(): void {
    if (!this.dirtyKinds.size) return;
    clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => void this.persist(), this.persistDelayMs);
  }

  private async stamp(): Promise<{ stamp: string; saved: string }> {
    const kinds = SEARCH_KINDS.filter((k) => k !== 'saved');
    // The kept counts (lib/worker/db/counts.ts), changed with the rows: a count() walks the table, which on disk
    // takes a woken worker seconds at 200,000 articles before its first search could be answered.
    const counts = await this.rowCounts();
    return {
      stamp: `${SEARCH_INDEX_VERSION}|${this.buildId}|seed:${(await this.seedEntries()).size}|${kinds.map((k) => counts[k]).join(',')}`,
      saved: await this.savedMark(counts.saved),
    };
  }

  /** Rows of each kind's table: the sync's tables from their kept counts, the user's collection (small, not kept) counted. */
  private async rowCounts(): Promise<Record<SearchKind, number>> {
    const { kept, collection } = await readCountsWithCollection(this.db);
    return Object.fromEntries(
      SEARCH_KINDS.map((k) => [k, k === 'saved' ? collection : kept.counts[TABLE_OF[k] as CountedTable]]),
    ) as Record<SearchKind, number>;
  }

  /**
   * The collection, apart: the collection page writes it itself, also while no worker runs to hear it. Its
   * count and latest `updatedAt` (an edit bumps it) tell a woken worker to re-read the collection (small)
   * rather than rebuild everything.
   */
  private async savedMark(count: number): Promise<string> {
    const latest = await this.db.collection.orderBy('updatedAt').reverse().limit(1).keys();
    return `${count}|${String(latest[0] ?? '')}`;
  }

  /** Write the changed kinds and the stamp now (tests; and what the delayed write runs). */
  async persist(): Promise<void> {
    clearTimeout(this.persistTimer);
    await this.persisting;
    this.persisting = (async () => {
      const kinds = [...this.dirtyKinds];
      // Rows written but not applied yet: their apply writes the index again, with them in it.
      if (!kinds.length || this.hasPending()) return;
      this.dirtyKinds.clear();
      // Counted before the export: a row written meanwhile makes the stored counts fall short (a rebuild
      // on the next load), never claims a row the stored index lacks.
      const { stamp, saved } = await this.stamp();
      const exported = await Promise.all(kinds.map(async (k) => [k, await this.index.exportKind(k)] as const));
      if (this.hasPending()) {
        for (const k of kinds) this.dirtyKinds.add(k);
        return;
      }
      const now = Date.now();
      await this.db.transaction('rw', this.db.blobs, async () => {
        for (const [kind, stored] of exported) {
          await this.db.blobs.where(':id').between(chunkBlob(kind, ''), chunkBlob(kind, '\uffff')).delete();
          const head: StoredKindHead = { version: stored.version, keys: stored.keys, chunkKeys: Object.keys(stored.chunks) };
          await this.db.blobs.put({ key: SEARCH_BLOB_PREFIX + kind, data: encodeText(JSON.stringify(head)), updatedAt: now });
          for (const [chunkKey, text] of Object.entries(stored.chunks)) {
            await this.db.blobs.put({ key: chunkBlob(kind, chunkKey), data: encodeText(text), updatedAt: now });
          }
        }
        await this.db.blobs.put({ key: META_BLOB, data: new Uint8Array(0), updatedAt: now, meta: { stamp, saved } });
      });
    })();
    await this.persisting;
  }

  /** The index, loaded from the database or built, once per worker life. */
  ready(): Promise<void> {
    this.state ??= this.loadOrBuild().catch((e: unknown) => {
      this.status = { ...this.status, state: 'error', error: e instanceof Error ? e.message : String(e) };
      this.state = undefined;
      throw e;
    });
    return this.state;
  }

  private async loadOrBuild(): Promise<void> {
    this.status = { state: 'loading', done: 0, total: SEARCH_KINDS.length };
    const [meta, { stamp, saved }] = await Promise.all([this.db.blobs.get(META_BLOB), this.stamp()]);
    if (meta?.meta?.stamp === stamp) {
      // Searches meanwhile read what is loaded so far: the small kinds come first.
      const index = new SearchIndex();
      this.index = index;
      let ok = true;
      for (const kind of LOAD_ORDER) {
        const head = decodeHead((await this.db.blobs.get(SEARCH_BLOB_PREFIX + kind))?.data);
        const read = async (chunkKey: string) => decodeText((await this.db.blobs.get(chunkBlob(kind, chunkKey)))?.data);
        // Chunk by chunk, with a pause between: the worker answers messages while a large kind loads.
        if (!head || !(await index.importKind(kind, head, read, pause))) {
          ok = false;
          break;
        }
        this.status.done++;
      }
      if (ok) {
        this.status = { state: 'ready', done: 0, total: 0, from: 'stored' };
        if (meta.meta.saved !== saved) {
          // Written while no worker watched: the whole collection is re-read once the load is done.
          this.ranges.get('saved')!.push({ from: Dexie.minKey, to: Dexie.maxKey });
          void this.apply();
        }
        return;
      }
    }
    await this.build();
  }

  /** Forget the index and build it again from the tables (the options page's "Rebuild"). */
  rebuild(): Promise<void> {
    const previous = this.state ?? Promise.resolve();
    this.status = { state: 'building', done: 0, total: 0 };
    this.state = previous.catch(() => undefined).then(() => this.build());
    this.state.catch(() => undefined);
    return this.state;
  }

  private async build(): Promise<void> {
    const seed = [...(await this.seedEntries()).values()];
    const counts = await this.rowCounts();
    const total = seed.length + SEARCH_KINDS.reduce((n, k) => n + counts[k], 0);
    this.status = { state: 'building', done: 0, total };
    // Searches during the build read this one, filling as it goes.
    const index = new SearchIndex();
    this.index = index;
    for (const e of seed) index.put('entity', e.key, entityText(e));
    this.status.done = seed.length;
    for (const kind of SEARCH_KINDS) {
      const table = this.db.table(TABLE_OF[kind]);
      let last: string | undefined;
      for (;;) {
        const rows = (await (last === undefined ? table.orderBy(':id') : table.where(':id').above(last)).limit(PAGE).toArray()) as Row[];
        if (!rows.length) break;
        for (const row of rows) index.put(kind, keyOf(kind, row), textOf(kind, row));
        last = keyOf(kind, rows[rows.length - 1]);
        this.status.done += rows.length;
        // Let the worker answer other messages between pages.
        await new Promise((r) => setTimeout(r, 0));
      }
      this.dirtyKinds.add(kind);
    }
    await this.persist();
    this.status = { state: 'ready', done: this.status.done, total: this.status.done, from: 'built' };
  }

  /** Hits per kind for a query, with what the popup shows of each. */
  async search(query: string, limit = 6): Promise<SearchAnswer> {
    const q = query.trim().slice(0, MAX_QUERY);
    const empty = Object.fromEntries(SEARCH_KINDS.map((k) => [k, []])) as unknown as Record<SearchKind, SearchHit[]>;
    const building = this.ready();
    // A build or a load answers from what it holds so far (the progress says so, and the popup asks again).
    if (this.status.state !== 'building' && this.status.state !== 'loading') await building;
    else building.catch(() => undefined);
    if (!q) return { query, groups: empty, progress: this.progress() };
    const indicator = indicatorQuery(q);
    if (indicator) {
      // What mentions it, never what shares its digits: the entities' index may still know the name (a domain).
      const results = { ...(await this.mentioning(indicator.keys, limit)), entity: this.index.search(q, limit).results.entity };
      return { query, groups: await this.describe(results), progress: this.progress(), indicator: indicator.value };
    }
    const { results, corrected } = this.index.search(q, limit);
    // The index reads letters and digits only: a query of neither (an emoji tag, a symbol) is looked for in the tags.
    if (!queryWords(q).length) results.saved = await this.taggedWith(q, limit);
    const groups = await this.describe(results);
    return { query, groups, progress: this.progress(), ...(corrected ? { corrected } : {}) };
  }

  /** Saved articles with a tag that holds `query` (the collection's tags are few: their list is read whole). */
  /**
   * The incidents, their articles and the saved articles whose entities include one of `keys` (an indicator's),
   * the newest first, by the tables' entity-key indexes.
   */
  private async mentioning(keys: string[], limit: number): Promise<Omit<Record<SearchKind, string[]>, 'entity'>> {
    const [incidents, saved] = await Promise.all([
      this.db.incidents.where('entityKeys').anyOf(keys).limit(INDICATOR_ROWS).toArray(),
      this.db.collection.where('entityKeys').anyOf(keys).limit(INDICATOR_ROWS).toArray(),
    ]);
    const newest = <T extends { published?: string }>(rows: T[], key: (r: T) => string) =>
      [...new Set(rows.sort((a, b) => (b.published ?? '').localeCompare(a.published ?? '')).map(key))].slice(0, limit);
    return {
      incident: newest(incidents, (r) => r.id),
      article: newest(incidents, (r) => r.articleUrl),
      saved: newest(saved, (r) => r.url),
    };
  }

  private async taggedWith(query: string, limit: number): Promise<string[]> {
    const wanted = normaliseTag(query);
    const tags = ((await this.db.collection.orderBy('tags').uniqueKeys()) as string[]).filter((t) => t.includes(wanted));
    if (!tags.length) return [];
    const urls = (await this.db.collection.where('tags').anyOf(tags).primaryKeys()) as string[];
    return [...new Set(urls)].slice(0, limit);
  }

  private async describe(results: Record<SearchKind, string[]>): Promise<Record<SearchKind, SearchHit[]>> {
    const [incidents, articles, entities, saved] = await Promise.all([
      this.db.incidents.bulkGet(results.incident),
      this.db.articles.bulkGet(results.article),
      this.db.entities.bulkGet(results.entity),
      this.db.collection.bulkGet(results.saved),
    ]);
    const present = <T>(rows: (T | undefined)[]) => rows.filter((r): r is T => r !== undefined);
    const seed = entities.some((r) => !r) ? await this.seedEntries() : undefined;
    return {
      incident: present(incidents).map((r) => ({
        kind: 'incident',
        key: r.id,
        title: r.summary,
        // A summary that is the type's label alone (no victim, actor or date) is not followed by the label again.
        detail: joined(r.summary === INCIDENT_LABELS[r.type] ? undefined : INCIDENT_LABELS[r.type], day(r.when ?? r.published)),
        url: r.articleUrl,
      })),
      article: present(articles).map((r) => ({
        kind: 'article',
        key: r.url,
        title: r.title,
        detail: joined(r.site, day(r.published)),
        url: r.url,
      })),
      entity: present(entities.map((r, i) => r ?? seed?.get(results.entity[i]))).map((e) => ({
        kind: 'entity',
        key: e.key,
        title: e.name,
        detail: joined(TYPE_LABELS[e.type] ?? e.type, e.aliases.slice(0, 3).join(', ')),
        type: e.type,
        ...(e.subtype ? { subtype: e.subtype } : {}),
      })),
      saved: present(saved).map((r) => ({
        kind: 'saved',
        key: r.url,
        title: r.title,
        detail: joined(r.site, r.tags.join(', '), `saved ${day(new Date(r.savedAt).toISOString())}`),
        url: r.url,
      })),
    };
  }
}
