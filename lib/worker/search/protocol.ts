/** What the search messages carry between the worker and the extension pages. Plain types only. */
import type { EntityType, IncidentType } from '../../shared/types';
import type { SearchKind } from './docs';

export type { SearchKind };

export interface SearchHit {
  kind: SearchKind;
  /** URL (articles, saved), incident id or entity key. */
  key: string;
  title: string;
  /** One line under the title: site and date, type, aliases, tags. */
  detail: string;
  /** What opening the hit shows, for articles, saved articles and incidents' articles. */
  url?: string;
  type?: EntityType;
  subtype?: string;
}

export interface SearchProgress {
  /** `building`: (re)building from the database; `ready`: current; `error`: the last build failed. */
  state: 'idle' | 'loading' | 'building' | 'ready' | 'error';
  /** Rows indexed so far and in all, while building. */
  done: number;
  total: number;
  error?: string;
  /** Where the ready index came from: the stored copy, or a build from the tables. */
  from?: 'stored' | 'built';
}

export interface SearchAnswer {
  query: string;
  groups: Record<SearchKind, SearchHit[]>;
  /**
   * The query as corrected for typos, when the words as typed found nothing. As the index reads it: the
   * encoder folds some vowels and letters alike, so it may not be spelled as a person would.
   */
  corrected?: string;
  /** The query read as one indicator (refanged): the hits are what mentions it, not what shares its words. */
  indicator?: string;
  progress: SearchProgress;
}

export interface IncidentBrief {
  id: string;
  type: IncidentType;
  summary: string;
  when?: string;
  published?: string;
  articleUrl: string;
  articleTitle?: string;
}

export interface IncidentDetail extends IncidentBrief {
  victim?: string;
  actor?: string;
  place?: string;
  involved: string[];
  /** The article that reports it, then others reporting the same incident (same type and victim or actor). */
  articles: { url: string; title: string; site: string; published?: string }[];
}
