/**
 * The typed Dexie database. It lives in the extension's origin only (the worker and the extension
 * pages); a content script asks for what it needs by message, because IndexedDB opened there would
 * belong to the page's origin.
 */
import { Dexie, type DexieOptions, type EntityTable } from 'dexie';
import {
  DB_NAME,
  SCHEMA_HISTORY,
  type ArticleRow,
  type BlobRow,
  type ClusterRow,
  type CollectionRow,
  type EntityRow,
  type IncidentRow,
  type IngestMetaRow,
  type KevRow,
  type SourceRow,
  type SyncStateRow,
} from './schema';
import { durabilityByTable } from './durability';
import { anchorIndex } from './anchor-index';
import { keptCounts } from './counts';

export class IncidentLensDb extends Dexie {
  sources!: EntityTable<SourceRow, 'id'>;
  articles!: EntityTable<ArticleRow, 'url'>;
  incidents!: EntityTable<IncidentRow, 'id'>;
  entities!: EntityTable<EntityRow, 'key'>;
  kev!: EntityTable<KevRow, 'cveId'>;
  collection!: EntityTable<CollectionRow, 'url'>;
  syncState!: EntityTable<SyncStateRow, 'sourceId'>;
  blobs!: EntityTable<BlobRow, 'key'>;
  clusters!: EntityTable<ClusterRow, 'id'>;
  ingestMeta!: EntityTable<IngestMetaRow, 'key'>;

  /** `options.indexedDB`/`IDBKeyRange` let Node tests pass fake-indexeddb. */
  constructor(options: DexieOptions & { name?: string } = {}) {
    const { name = DB_NAME, ...dexieOptions } = options;
    super(name, dexieOptions);
    for (const { version, stores, upgrade } of SCHEMA_HISTORY) {
      const v = this.version(version).stores(stores);
      if (upgrade) v.upgrade(upgrade);
    }
    this.use(durabilityByTable);
    this.use(anchorIndex);
    this.use(keptCounts);
  }
}

let shared: IncidentLensDb | undefined;

/** The extension's database, opened on first use (never at import time). */
export function getDb(): IncidentLensDb {
  shared ??= new IncidentLensDb();
  return shared;
}
