/**
 * The database's rows and its schema history.
 *
 * Schema strings list only indexed fields (`&` unique, `*` multi-entry); every other field is stored
 * but not indexed. Versions only go up: a change adds a new entry to SCHEMA_HISTORY with its
 * `upgrade()`, which moves existing rows forward. The history is kept whole so that a database
 * written by any earlier version opens and upgrades step by step.
 */
import type { Transaction } from 'dexie';
import type { CatalogueEntry, Incident, IncidentType } from '../../shared/types';
import type { SavedArticle } from '../../shared/messaging';
import { siteOf } from '../../shared/sites';
import type { ItemFeatures } from '../cluster/rule';
import { LISTED_ARTICLES, type ClusterRow } from '../cluster/summarise';
import { upgradeToV4 } from '../cluster/upgrade';
import { withAnchorIndex } from './anchor-index';

export type { ClusterRow };
import { normaliseTags } from '../../shared/tags';
import { indexFields } from '../../shared/collection/saved';
import { articleUrl } from '../../shared/collection/article-url';

export const DB_NAME = 'incident-lens';

/** A place the sync reads from. */
export interface SourceRow {
  /** `feed:bleepingcomputer`, `kev`, `attack:enterprise`, `misp:threat-actor` ... */
  id: string;
  kind: 'feed' | 'kev' | 'attack' | 'misp' | 'stix';
  url: string;
  title: string;
  enabled: boolean;
  addedAt: number;
}

/** An article the sync read from a source (not the user's collection). */
export interface ArticleRow {
  url: string;
  sourceId: string;
  title: string;
  site: string;
  published?: string;
  summary?: string;
  fetchedAt: number;
  /** Keys of the entities the article mentions (not indexed since v6: nothing looks articles up by entity). */
  entityKeys: string[];
  incidentIds: string[];
  /** v4, items the sync ingested (lib/worker/sync/ingest-items.ts): the feed's guid, for deduplication. */
  guid?: string;
  /** v4: the title normalised (near-identical titles meet here). */
  titleKey?: string;
  /** v4: what the item's text and analysis were, so that the same item ingested again changes nothing. */
  contentHash?: string;
  /** v4: the cluster (incident) the item reports, and its clustering features. */
  clusterId?: string;
  features?: ItemFeatures;
}

/** An incident an article reports, flattened for querying. */
export interface IncidentRow extends Omit<Incident, 'spans'> {
  /** Stable id: the article URL and the incident's place in it. */
  id: string;
  type: IncidentType;
  articleUrl: string;
  published?: string;
  /** Victim, actor and involved entities (multi-entry index). */
  entityKeys: string[];
  /**
   * Offsets into a text this table does not keep: rows written before v8 have them, later ones do not
   * (nothing reads them here; a saved article keeps its incidents whole with its text).
   */
  spans?: Incident['spans'];
}

/** A catalogue entry, with the lower-cased names the search index needs. */
export interface EntityRow extends CatalogueEntry {
  /** Name and aliases, lower-cased, unique (multi-entry index). */
  aliasesLower: string[];
}

/** One entry of CISA's Known Exploited Vulnerabilities catalogue. */
export interface KevRow {
  /** `CVE-2023-4966`, as CISA writes it. */
  cveId: string;
  vendor: string;
  product: string;
  name: string;
  /** yyyy-mm-dd */
  dateAdded: string;
  description: string;
  requiredAction?: string;
  dueDate?: string;
  knownRansomware: boolean;
  notes?: string;
  cwes?: string[];
}

export type CollectionRow = SavedArticle;

/** Per source: when it was read and how to ask again politely. */
export interface SyncStateRow {
  sourceId: string;
  lastAttemptAt?: number;
  lastSuccessAt?: number;
  etag?: string;
  lastModified?: string;
  failures: number;
  /** ms since epoch; the scheduler's index. */
  nextAttemptAt?: number;
  error?: string;
  /** Not indexed (no schema version needed). What the last read of the source did: new rows it added. */
  added?: number;
  /** New rows added by every read since the source was first read. */
  totalAdded?: number;
  /** How the last attempt ended: read, unchanged (304), failed, or waiting for the host permission. */
  lastOutcome?: 'ok' | 'not-modified' | 'error' | 'no-permission';
}

/** Binary data worth keeping whole, such as the compiled matcher's typed arrays. */
export interface BlobRow {
  key: string;
  data: ArrayBuffer | ArrayBufferView | Blob;
  updatedAt: number;
  meta?: Record<string, string | number | boolean>;
}

/** v7: small state of the worker's own (the ingest memory's stamp: lib/worker/cluster/member-cache.ts). */
export interface IngestMetaRow {
  key: string;
  value: string;
}

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<unknown>;
}

/** Name and aliases, lower-cased, unique: what `entities.aliasesLower` holds. */
export function namesLower(entry: Pick<CatalogueEntry, 'name' | 'aliases'>): string[] {
  return [...new Set([entry.name, ...(entry.aliases ?? [])].map((n) => n.trim().toLowerCase()).filter(Boolean))];
}

/** Tags as the collection keeps them (lib/shared/tags.ts, the one normalisation). */

const V1: Record<string, string> = {
  sources: 'id, kind',
  articles: 'url, sourceId, published, *entityKeys',
  incidents: 'id, type, articleUrl, published, *entityKeys',
  entities: 'key, type, name',
  kev: 'cveId, dateAdded, vendor',
  collection: 'url, savedAt, *tags',
  syncState: 'sourceId',
};

/**
 * v2: catalogue search by any name (`*aliasesLower`), the collection and articles by site, the
 * scheduler's `nextAttemptAt`, and `blobs` for the compiled matcher. The upgrade fills the new fields
 * of rows v1 wrote and normalises the collection's tags (v1 stored them as typed).
 */
const V2: Record<string, string> = {
  ...V1,
  articles: 'url, sourceId, published, site, *entityKeys',
  entities: 'key, type, *aliasesLower',
  collection: 'url, savedAt, site, *tags',
  syncState: 'sourceId, nextAttemptAt',
  blobs: 'key',
};

async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table<EntityRow, string>('entities')
    .toCollection()
    .modify((row) => {
      row.aliasesLower = namesLower(row);
    });
  await tx
    .table<CollectionRow, string>('collection')
    .toCollection()
    .modify((row) => {
      row.site ||= siteOf(row.url);
      row.tags = normaliseTags(row.tags);
      row.note ??= '';
    });
  await tx
    .table<ArticleRow, string>('articles')
    .toCollection()
    .modify((row) => {
      row.site ||= siteOf(row.url);
    });
}

/**
 * v4: feed items clustered into incidents (lib/worker/cluster). Articles gain the dedup indexes (guid, titleKey)
 * and their cluster; `clusters` holds one row per real-world event,
 * found by entity for related incidents. The upgrade clusters the articles earlier versions stored.
 */
const V4: Record<string, string> = {
  ...V2,
  articles: 'url, sourceId, published, site, *entityKeys, guid, titleKey, clusterId',
  clusters: 'id, lastSeen, *entityKeys',
};

/**
 * v5 (the collection keeps what the page was): saved articles keep their text, entities and incidents;
 * indexes to filter them by entity, entity type, incident type and date. The upgrade gives rows saved
 * before the fields they did not have (no text: those pages were never read at save time), and keys them
 * by their URL without tracking parameters (lib/shared/collection/article-url.ts).
 */
const V5: Record<string, string> = {
  ...V4,
  collection: 'url, savedAt, updatedAt, site, published, *tags, *entityKeys, *entityTypes, *incidentTypes',
};

async function upgradeToV5(tx: Transaction): Promise<void> {
  const table = tx.table<CollectionRow, string>('collection');
  await table.toCollection().modify((row) => {
    row.entities ??= [];
    row.incidents ??= [];
    row.updatedAt ??= row.savedAt;
    Object.assign(row, indexFields(row.entities, row.incidents));
  });
  // Rows saved with tracking parameters in their URL move to the URL the collection now keys by; one whose
  // new key is taken already stays where it is (nothing is dropped).
  for (const row of await table.toArray()) {
    const url = safeArticleUrl(row.url);
    if (url === row.url || (await table.get(url))) continue;
    await table.delete(row.url);
    await table.add({ ...row, url });
  }
}

function safeArticleUrl(url: string): string {
  try {
    return articleUrl(url);
  } catch {
    return url;
  }
}

/**
 * v6 (ingest throughput): each index entry costs every write of its row, and the sync rewrites articles,
 * incidents and clusters in every batch. Indexes nothing reads go: articles by source, by site and by
 * entity (related incidents are found through the clusters' keys; an article's `entityKeys` stay in the
 * row, where the related query reads them), incidents by type and by date (search finds an entity's
 * incidents by `entityKeys` and orders them itself), clusters by `lastSeen` (their ids sort by time).
 * Only indexes go: no row changes, so no upgrade function (Dexie drops the indexes when it opens v6).
 */
const V6: Record<string, string> = {
  ...V5,
  articles: 'url, published, guid, titleKey, clusterId',
  incidents: 'id, articleUrl, *entityKeys',
  clusters: 'id, *entityKeys',
};

/**
 * v7 (ingest throughput, again): near-identical titles are looked for among the items of the batch's time
 * window, which the ingest reads anyway (and keeps in memory between chunks), so articles lose the
 * `titleKey` index; an article's incident rows are deleted by the ids its row lists, so incidents lose
 * `articleUrl`. `ingestMeta` holds the stamp that tells the ingest its memory is still true. The upgrade
 * gives every article a full ISO `published` (the time window compares strings): rows stored by versions
 * before 4 could keep a date as their page wrote it.
 */
const V7: Record<string, string> = {
  ...V6,
  articles: 'url, published, guid, clusterId',
  incidents: 'id, *entityKeys',
  ingestMeta: 'key',
};

async function upgradeToV7(tx: Transaction): Promise<void> {
  await tx
    .table<ArticleRow, string>('articles')
    .toCollection()
    .modify((row) => {
      const iso = canonicalDate(row.published, row.features?.t);
      if (iso !== row.published) row.published = iso;
    });
}

/** A date as a full ISO string (what the ingest stores); the row's clustering time where it cannot be read. */
function canonicalDate(published: string | undefined, t: number | undefined): string | undefined {
  const ms = published === undefined ? NaN : Date.parse(published);
  if (!Number.isNaN(ms)) return new Date(ms).toISOString();
  return t === undefined ? published : new Date(t).toISOString();
}

/**
 * v8 (ingest writes): every touched cluster's row was rewritten with the list of all its articles, however
 * many. The row now lists its newest LISTED_ARTICLES articles and counts them all (the rest are found by
 * `articles.clusterId`). Incident rows written from v8 on leave out `spans` (see IncidentRow); older rows keep
 * theirs. No index changes; the upgrade shortens the lists and adds the counts.
 */
const V8: Record<string, string> = { ...V7 };

async function upgradeToV8(tx: Transaction): Promise<void> {
  await tx
    .table<ClusterRow & { articleCount?: number }, string>('clusters')
    .toCollection()
    .modify((row) => {
      row.articleCount ??= row.articles.length;
      if (row.articles.length > LISTED_ARTICLES) row.articles = row.articles.slice(-LISTED_ARTICLES);
    });
}

/**
 * v9 (ingest writes): clusters are looked up by their anchors, the keys that say which event a cluster is
 * (victims, CVEs, organisations, malware, actors, vendors, products, indicators: lib/worker/cluster/rule.ts's
 * anchorWeight), not by every key their articles mention. Places and attack types (a third of a cluster's keys,
 * rewritten with its row on every report) found incidents that shared nothing else with the page read. The full
 * `entityKeys` stay in the row, unindexed, for the related query's scoring. The upgrade gives a row without
 * anchors (none is written so since v4's clustering; defensive) its `entityKeys` as anchors, so every stored
 * cluster can still be found.
 */
const V9: Record<string, string> = {
  ...V8,
  clusters: 'id, *anchors',
};

async function upgradeToV9(tx: Transaction): Promise<void> {
  await tx
    .table<ClusterRow, string>('clusters')
    .filter((row) => !Array.isArray(row.anchors))
    .modify((row) => {
      row.anchors = [...(row.entityKeys ?? [])];
    });
}

/**
 * v10 (related incidents on disk): clusters are found by `byAnchor` (lib/worker/db/anchor-index.ts), their
 * anchors paired with the id turned round, so that a key's newest clusters are read forwards; v9's `anchors`
 * index, which the related query read backwards, goes (one index entry per anchor either way). The `anchors`
 * stay in the row. The upgrade gives every cluster row its entries.
 */
const V10: Record<string, string> = {
  ...V9,
  clusters: 'id, *byAnchor',
};

async function upgradeToV10(tx: Transaction): Promise<void> {
  await tx
    .table<ClusterRow, string>('clusters')
    .toCollection()
    .modify((row) => {
      row.byAnchor = withAnchorIndex(row).byAnchor;
    });
}

export const SCHEMA_HISTORY: readonly SchemaVersion[] = [
  { version: 1, stores: V1 },
  { version: 2, stores: V2, upgrade: upgradeToV2 },
  { version: 4, stores: V4, upgrade: upgradeToV4 },
  { version: 5, stores: V5, upgrade: upgradeToV5 },
  { version: 6, stores: V6 },
  { version: 7, stores: V7, upgrade: upgradeToV7 },
  { version: 8, stores: V8, upgrade: upgradeToV8 },
  { version: 9, stores: V9, upgrade: upgradeToV9 },
  { version: 10, stores: V10, upgrade: upgradeToV10 },
];

export const CURRENT_VERSION = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1].version;
