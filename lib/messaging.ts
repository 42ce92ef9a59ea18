/**
 * The one typed protocol between the extension's contexts.
 *
 * Every message has a name, a request type and an answer type here. The background answers the
 * messages in `BackgroundProtocol`; the content script answers those in `TabProtocol` (sent to a tab by
 * an extension page or the worker). What the background accepts from whom, and how it checks the
 * request, lives in `lib/messaging-guard.ts` (background only, so that the page side does not carry
 * the validator).
 *
 * To add a message: add it to the right interface below, then (for the background) add its rule to
 * `RULES` in messaging-guard.ts — the compiler asks for it — and its handler in entrypoints/background.ts.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type {
  AnalysedArticle,
  AnalysisRest,
  AnalyzeRequest,
  AnalyzeResult,
  EntityFacts,
  FactsWanted,
  RelatedIncident,
  RelatedRequest,
} from './analysis/protocol';
import type { IncidentBrief, IncidentDetail, SearchAnswer, SearchProgress } from './search/protocol';

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

/** An article in the user's collection. */
export interface SavedArticle {
  /** The page URL without fragment; the key. */
  url: string;
  title: string;
  /** Host without "www." (`bleepingcomputer.com`). */
  site: string;
  /** ISO date or date-time the article gives, when it gives one. */
  published?: string;
  /** Lower-case, trimmed, unique. */
  tags: string[];
  note: string;
  /** ms since epoch. */
  savedAt: number;
}

export interface SaveRequest {
  url: string;
  title: string;
  site?: string;
  published?: string;
  tags?: string[];
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
  /** Content scripts (own page only): entities, incidents and card facts of the article's main text. */
  analyzeArticle(req: AnalyzeRequest): AnalyzeResult;
  /**
   * Content scripts (own page only): the second stage of a staged `analyzeArticle`, by its `restId` (all the
   * entities, organisations included, and the incidents); null when the worker no longer has it (ask
   * `analyzeArticle` again).
   */
  analysisRest(req: { url: string; id: string }): AnalysisRest | null;
  /** Content scripts and extension pages: incidents of the local database sharing these entities. */
  relatedIncidents(req: RelatedRequest): RelatedIncident[];
  /** Content scripts and extension pages: card facts for entities (by key; type/name for those not catalogued). */
  entityFacts(req: { entities: FactsWanted[] }): Record<string, EntityFacts>;
  /** Extension pages only: store analysed articles and their incidents (the sync's write path). */
  ingestArticles(req: { articles: AnalysedArticle[] }): number;
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
export interface TabProtocol {
  /** What the page is, as the detector sees it. */
  getPageArticle(): PageArticle;
  /** Show or hide the sidebar (the keyboard command). */
  toggleSidebar(): boolean;
}

export type ProtocolMap = BackgroundProtocol & TabProtocol;

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
