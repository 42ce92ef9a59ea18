/**
 * What the reading view (content script + sidebar + card) and the background's analysis service say to
 * each other. Types only: the content script imports this file, so it must carry no code of the worker.
 */
import type { EntityMatch, EntityType, Incident, IncidentType } from '../types';
import type { PackedEntities } from './packed';

/** Longest main text the background accepts from a page (characters): ~40,000 words, far above any article. */
export const MAX_ARTICLE_TEXT = 400_000;

/** An article's main text, as a page sends it to be analysed. */
export interface ArticleText {
  /** The page the text comes from; must be the sender's own page. */
  url: string;
  text: string;
  published?: string;
  /** The page's headline: it says what the story is when the text does not open with it. */
  title?: string;
  /**
   * The user asked for this page (popup, context menu): analyse it even on a site turned off. Without it
   * the service refuses a site the user turned off (the page sends its text before it has read the switch).
   */
  forced?: boolean;
}

/**
 * The reading view's first stage: what the text's shapes and the catalogue name (patterns, catalogue
 * names: what painting needs, found without reading sentences), packed (./packed.ts), and the id that
 * asks for the second stage.
 */
export interface FirstStage {
  id: string;
  entities: PackedEntities;
}

/**
 * The second stage: every entity of the article (the organisations found by how sentences speak of them
 * too), packed, and its incidents.
 */
export interface SecondStage {
  entities: PackedEntities;
  incidents: Incident[];
}

/** An article analysed whole, in one answer: its entities, its incidents and the card facts of every entity. */
export interface ArticleAnalysis {
  entities: EntityMatch[];
  incidents: Incident[];
  facts: Record<string, EntityFacts>;
}

/** An entity to look up for its card: the key, and what the match knows when the catalogue does not. */
export interface FactsWanted {
  key: string;
  type: EntityType;
  name: string;
  subtype?: string;
}

/** What the card shows about an entity, taken from the catalogue and the KEV table. */
export interface EntityFacts {
  key: string;
  type: EntityType;
  subtype?: string;
  name: string;
  aliases: string[];
  description?: string;
  /** Attributed country (actors) as a name: `Russia`. */
  country?: string;
  /** Where the knowledge came from: `seed`, `misp:threat-actor`, `kev` ... */
  sources: string[];
  refs?: string[];
  /** For CVEs: CISA KEV facts, or `inKev: false` when the catalogue does not list it. */
  kev?: {
    inKev: boolean;
    vendor?: string;
    product?: string;
    name?: string;
    dateAdded?: string;
    dueDate?: string;
    knownRansomware?: boolean;
  };
  /** ATT&CK id for techniques, groups and software (T1566, G0007). */
  mitreId?: string;
}

export interface RelatedArticle {
  url: string;
  title: string;
  site: string;
  published?: string;
}

/** An incident of the local database that shares entities with the article being read. */
export interface RelatedIncident {
  /** The id of its first incident row. */
  id: string;
  type: IncidentType;
  summary: string;
  victim?: string;
  actor?: string;
  when?: string;
  published?: string;
  /** Shared entities, rarest first. */
  shared: { key: string; name: string; type: EntityType }[];
  /** `shares APT28 and CVE-2023-4966`. */
  reason: string;
  score: number;
  /** Articles that report it, from other pages than the one being read. */
  articles: RelatedArticle[];
  /** The clustered incident's headline (its first article's title). */
  title?: string;
  /** The sites of `articles`, each once: the publishers that reported it. */
  sites?: string[];
  /** CVE ids the incident involves. */
  cves?: string[];
  /** ISO: its first and latest article. */
  firstSeen?: string;
  lastSeen?: string;
}

export interface RelatedRequest {
  entityKeys: string[];
  publishedAt?: string;
  /** The page being read: its own rows are not "related". */
  url?: string;
  limit?: number;
}

/** An analysed article as the write path stores it (lib/worker/db/ingest.ts): what the sync hands over per item. */
export interface AnalysedArticle {
  url: string;
  sourceId: string;
  title: string;
  site?: string;
  published?: string;
  summary?: string;
  /** The article's entity mentions (offsets only tie them to incidents; rows keep keys and names). */
  entities: Pick<EntityMatch, 'key' | 'name' | 'type' | 'start' | 'end'>[];
  incidents: Incident[];
}
