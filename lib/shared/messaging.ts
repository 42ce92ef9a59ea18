/**
 * The one typed protocol between the extension's contexts.
 *
 * Every message has a name, a request type and an answer type here. The background answers the
 * messages in `BackgroundProtocol`; the content script answers those in `TabProtocol` (sent to a tab by
 * an extension page or the worker). What the background accepts from whom, and how it checks the
 * request, lives in `lib/worker/messaging-guard.ts` (background only, so that the page side does not carry
 * the validator).
 *
 * To add a message: add it to the right interface below, then (for the background) add its rule to
 * `RULES` in messaging-guard.ts — the compiler asks for it — and its handler in entrypoints/background.ts.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type {
  AnalysedArticle,
  ArticleAnalysis,
  ArticleText,
  EntityFacts,
  FirstStage,
  SecondStage,
  FactsWanted,
  RelatedIncident,
  RelatedRequest,
} from './analysis/protocol';
import type { SourceView, SyncOverview } from '../worker/sync/status';
import type { SyncIntervals } from '../worker/sync/settings';
import type { FeedItem } from '../worker/sync/item';
import type { IngestItemsReport } from '../worker/sync/ingest-items';
import type { EntityType, Incident, IncidentType } from './types';
import type { IncidentBrief, IncidentDetail, SearchAnswer, SearchProgress } from '../worker/search/protocol';

/** What the extension knows, in numbers, for the popup and the options page. */
export interface Status {
  version: string;
  counts: {
    sources: number;
    articles: number;
    incidents: number;
    entities: number;
    kev: number;
    collection: number;
  };
  /** Entries of the entity catalogue: the bundled seed and what the sync stored, each key once. */
  catalogueSize: number;
}

/** An entity a saved article names: once per key, with how often the text names it. */
export interface SavedEntity {
  key: string;
  type: EntityType;
  subtype?: string;
  name: string;
  count: number;
}

/** An article in the user's collection: what the page was when it was saved. */
export interface SavedArticle {
  /** The page URL without fragment (canonical when the page names one of its own site); the key. */
  url: string;
  title: string;
  /** Host without "www." (`bleepingcomputer.com`). */
  site: string;
  /** The byline, when the page gives one. */
  author?: string;
  /** ISO date or date-time the article gives, when it gives one. */
  published?: string;
  /** The start of the main text (or the page's description). */
  excerpt?: string;
  /** The article's main text as it was at save time: readable offline. Incident spans are offsets into it. */
  text?: string;
  /** The entities the text names, most named first. */
  entities: SavedEntity[];
  incidents: Incident[];
  /** Lower-case, trimmed, unique (lib/shared/tags.ts). */
  tags: string[];
  note: string;
  /** ms since epoch: first saved. */
  savedAt: number;
  /** ms since epoch: last saved again or edited. */
  updatedAt: number;
  /** Derived from entities and incidents for the database's indexes (lib/shared/collection/saved.ts). */
  entityKeys: string[];
  entityTypes: EntityType[];
  incidentTypes: IncidentType[];
}

export interface SaveRequest {
  url: string;
  title: string;
  site?: string;
  published?: string;
  /** The byline. */
  author?: string;
  excerpt?: string;
  /** The main text: the worker reads its entities and incidents and keeps it with the article. */
  text?: string;
  /** Given: the tags the article keeps from now on (forms show the saved ones); absent: keep the saved ones. */
  tags?: string[];
  /** As `tags`. */
  note?: string;
}

export interface CollectionQuery {
  /** Only articles with this tag. */
  tag?: string;
  limit?: number;
}

/** What the content script found on its page (asked for by the popup). */
export interface PageArticle {
  url: string;
  isArticle: boolean;
  title?: string;
  byline?: string;
  published?: string;
  site: string;
  /** The main text, for saving (articles only). */
  text?: string;
  /** The tab shows a PDF in the browser's viewer: nothing there to read, but a document to save. */
  pdf?: true;
}

/** Messages the background answers. */
export interface BackgroundProtocol {
  /** Extension pages only. */
  getStatus(): Status;
  /** Extension pages only. Newest first. */
  listCollection(query?: CollectionQuery): SavedArticle[];
  /** Extension pages; a content script only for its own page. */
  saveArticle(req: SaveRequest): SavedArticle;
  /** Extension pages only. True when something was removed. */
  removeArticle(req: { url: string }): boolean;
  /** Extension pages; a content script only for its own page. */
  isSaved(req: { url: string }): boolean;
  /** Extension pages; a content script only for its own page: the saved row (tags, note) or null. */
  getSavedArticle(req: { url: string }): SavedArticle | null;
  /** Extension pages only: run the content script on a tab the user pointed at (activeTab). */
  runOnTab(req: { tabId: number }): boolean;
  /** Extension pages; a content script only for its own page: the whole analysis (entities, incidents, card facts). */
  analyzeArticle(req: ArticleText): ArticleAnalysis;
  /** Content scripts (own page only): the reading view's first stage, what painting needs. */
  analyzeFirstStage(req: ArticleText): FirstStage;
  /**
   * Content scripts (own page only): the second stage, by the first stage's id (all the entities,
   * organisations included, and the incidents); null when the worker no longer has it (ask both again).
   */
  analyzeSecondStage(req: { url: string; id: string }): SecondStage | null;
  /** Content scripts and extension pages: incidents of the local database sharing these entities. */
  relatedIncidents(req: RelatedRequest): RelatedIncident[];
  /** Content scripts and extension pages: card facts for entities (by key; type/name for those not catalogued). */
  entityFacts(req: { entities: FactsWanted[] }): Record<string, EntityFacts>;
  /** Extension pages only: store analysed articles and their incidents (the sync's write path). */
  ingestArticles(req: { articles: AnalysedArticle[] }): number;
  /** Extension pages only: every source with its status, the intervals, whether a run is going on. */
  getSyncStatus(): SyncOverview;
  /** Extension pages only: read every enabled source now (in the background; the answer does not wait for it). */
  syncNow(): { started: boolean };
  /** Extension pages only: turn a source on or off. */
  setSourceEnabled(req: { id: string; enabled: boolean }): boolean;
  /** Extension pages only: add a feed of the user's after fetching and parsing it (throws with the reason). */
  addFeed(req: { url: string }): SourceView;
  /** Extension pages only: remove one of the user's feeds. */
  removeFeed(req: { id: string }): boolean;
  /** Extension pages only: minutes between reads of feeds and of catalogues. */
  setSyncIntervals(req: SyncIntervals): SyncIntervals;
  /** Extension pages only: read parsed feed items, deduplicate, cluster into incidents and store them (the sync's write path). */
  ingestFeedItems(req: { items: FeedItem[] }): IngestItemsReport;
  /** Extension pages only: the popup's search, hits grouped by kind. */
  search(req: { query: string; limit?: number }): SearchAnswer;
  /** Extension pages only: an incident found by search, with the articles that report it. */
  searchIncident(req: { id: string }): IncidentDetail | null;
  /** Extension pages only: the incidents an entity found by search is involved in, newest first. */
  entityIncidents(req: { key: string; limit?: number }): IncidentBrief[];
  /** Extension pages only: the search index's state (and a rebuild's progress). */
  searchIndexStatus(): SearchProgress;
  /** Extension pages only: rebuild the search index from the database; answers at once, progress by status. */
  rebuildSearchIndex(): SearchProgress;
}

/** Messages the content script answers (sent with a tab id). */
interface TabProtocol {
  /** What the page is, as the detector sees it. */
  getPageArticle(): PageArticle;
  /** Show or hide the sidebar (the keyboard command). */
  toggleSidebar(): boolean;
}

export type ProtocolMap = BackgroundProtocol & TabProtocol;

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
